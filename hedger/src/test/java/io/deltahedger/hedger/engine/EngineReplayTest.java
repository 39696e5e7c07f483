package io.deltahedger.hedger.engine;

import io.deltahedger.config.time.ManualClock;
import io.deltahedger.hedger.pipeline.HedgingPipeline;
import io.deltahedger.marginmonitor.book.MarginBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the engine's ring took in during a live run over two venues replays to the same decisions. */
class EngineReplayTest
{
    @Test
    @Timeout(90)
    void theRingsInputsOfATwoVenueRunReplayToTheSameDecisions() throws Exception
    {
        final RingCapture live = new RingCapture();
        final List<RingCapture.Input> inputs;
        try (TwoVenueWorld world = new TwoVenueWorld(live, Map.of("BTC", 0.02, "ETH", 0.2)))
        {
            world.connect();
            final long wallStart = System.nanoTime();
            for (int i = 0; i < 120; i++) // two simulated hours
            {
                world.step();
            }
            System.out.printf("120 steps of %d ms in %.1f s of wall time%n", TwoVenueWorld.TICK_MS,
                (System.nanoTime() - wallStart) / 1e9);
            world.engine.close();
            inputs = new ArrayList<>(live.inputs);

            final RingCapture replayed = new RingCapture();
            final ManualClock replayClock = new ManualClock(inputs.get(0).nowMs());
            final MarginBook book = world.newBook();
            final HedgingPipeline pipeline = new HedgingPipeline(world.pipelineConfig(),
                world.demo.portfolio(world.hedges(book)), book, TwoVenueWorld.GATE, replayClock, replayed,
                (stage, sequence, error) -> world.halts.add("replay " + stage + ": " + error)).start();
            RingCapture.replay(inputs, pipeline, replayClock);
            pipeline.close();

            assertTrue(live.approved().size() >= 3, "the tight bands were breached: " + live.approved().size()
                + " approvals in " + live.outcomes.size() + " events");
            assertEquals(live.outcomes.size(), replayed.outcomes.size());
            for (int i = 0; i < live.outcomes.size(); i++)
            {
                assertEquals(live.outcomes.get(i), replayed.outcomes.get(i), "event " + i);
            }
            assertTrue(world.halts.isEmpty(), world.halts.toString());
        }
    }
}
