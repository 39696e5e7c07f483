package io.deltahedger.hedger.engine;

import io.deltahedger.hedger.pipeline.EventKind;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's start-up against two simulators on loopback, and what its connections publish. */
class EngineStartUpTest
{
    private static final Map<String, Double> BANDS = Map.of("BTC", 0.3, "ETH", 3.0);

    @Test
    @Timeout(60)
    void hedgesOnceBothVenuesAreLiveAndEveryAccountHasReported() throws Exception
    {
        final RingCapture capture = new RingCapture();
        try (TwoVenueWorld world = new TwoVenueWorld(capture, BANDS))
        {
            assertEquals(EngineState.NEW, world.engine.state());
            world.connect();
            for (final VenueConnection c : world.engine.connections())
            {
                assertEquals(ConnectionState.LIVE, c.connectionState(), c.name());
                assertTrue(c.snapshotsReceived("BTC") > 0 && c.snapshotsReceived("ETH") > 0, c.name());
            }
            assertNull(world.engine.failure());
            for (int i = 0; i < 5; i++)
            {
                world.step();
            }
            world.engine.close(); // drains the ring: every outcome is in
            assertEquals(0, world.engine.connection("sim-a").unmappedEvents(), "sim-a publishes only book instruments");
            assertEquals(0, world.engine.connection("sim-b").unmappedEvents());
            // four accounts reported through the ring, with their margin-book ids
            assertEquals(4, capture.inputs.stream().filter(i -> i.kind() == EventKind.ACCOUNT)
                .mapToInt(RingCapture.Input::accountId).distinct().count());
            // the portfolio revalued on sim-a's option IVs: the book's delta is the venue's delta of the written wings
            final double venueBtcDelta = world.demo.options().stream()
                .filter(o -> o.instrument().underlying().equals("BTC"))
                .mapToDouble(o -> o.contracts() * o.venueDelta()).sum();
            final RingCapture.Outcome firstBtc = capture.outcomes.stream()
                .filter(o -> o.underlying() >= 0 && Double.isFinite(o.deltaCoin())
                    && o.kind() == EventKind.MARKET_DATA)
                .findFirst().orElseThrow();
            assertEquals(venueBtcDelta, firstBtc.deltaCoin(), 0.05,
                "engine delta " + firstBtc.deltaCoin() + " vs the venue's " + venueBtcDelta);
            assertTrue(world.halts.isEmpty(), world.halts.toString());
        }
    }

    @Test
    @Timeout(60)
    void failsNamingTheVenueThatDidNotComeUp() throws Exception
    {
        try (TwoVenueWorld world = new TwoVenueWorld(new RingCapture(), BANDS, "not-the-secret"))
        {
            world.engine.connect(world.engineClock.epochMs());
            world.pollUntil("sim-b refused", () -> world.engine.connection("sim-b").connectionState()
                == ConnectionState.DOWN && world.engine.connection("sim-a").connectionState() == ConnectionState.LIVE,
                15_000);
            assertEquals(EngineState.CONNECTING, world.engine.state());
            for (int i = 0; i < 3; i++)
            {
                world.step("sim-a"); // sim-a stays LIVE while sim-b never comes up
                assertEquals(EngineState.CONNECTING, world.engine.state());
            }
            world.step("sim-a");
            assertEquals(EngineState.FAILED, world.engine.state());
            final String failure = world.engine.failure();
            assertTrue(failure.contains("sim-b is DOWN (authentication refused"), failure);
            assertTrue(!failure.contains("sim-a"), "the live venue is not blamed: " + failure);
            assertTrue(!failure.contains("not-the-secret"), "the secret never appears");
            assertTrue(failure.contains("readyTimeoutMs=" + 3 * TwoVenueWorld.TICK_MS), failure);
        }
        assertEquals(SimulatorConfig.DEMO_CLIENT_ID, "deltahedger-demo");
    }
}
