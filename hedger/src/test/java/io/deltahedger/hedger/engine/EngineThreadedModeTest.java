package io.deltahedger.hedger.engine;

import io.deltahedger.config.time.EpochClock;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.pipeline.HedgeRoute;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.deribit.DeribitCredentials;
import io.deltahedger.venues.deribit.client.DeribitClientConfig;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.venues.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine on its own duty-cycle thread and the wall clock, against a real-time simulator on loopback. */
class EngineThreadedModeTest
{
    @Test
    @Timeout(30)
    void startReturnsOnceHedgingAndCloseStopsEverything() throws Exception
    {
        try (ExchangeSimulator sim = ExchangeSimulator.start(SimulatorConfig.defaults().withSeed(3), EpochClock.system());
             HedgingEngine engine = engine(sim, SimulatorConfig.DEMO_CLIENT_SECRET, 10_000))
        {
            assertEquals(EngineState.NEW, engine.state());
            engine.start();
            assertEquals(EngineState.HEDGING, engine.state());
            assertEquals(ConnectionState.LIVE, engine.connection("rt").connectionState());
            final long cycles = engine.cycles();
            Thread.sleep(300);
            assertTrue(engine.cycles() > cycles, "the duty cycle keeps running");
            engine.close();
            assertEquals(EngineState.CLOSED, engine.state());
            assertEquals(ConnectionState.DOWN, engine.connection("rt").connectionState());
            final long stopped = engine.cycles();
            Thread.sleep(100);
            assertEquals(stopped, engine.cycles(), "no duty cycle after close");
        }
    }

    @Test
    @Timeout(30)
    void startThrowsNamingTheConnectionWhenItDoesNotComeUpInTime() throws Exception
    {
        try (ExchangeSimulator sim = ExchangeSimulator.start(SimulatorConfig.defaults().withSeed(3), EpochClock.system());
             HedgingEngine engine = engine(sim, "wrong-secret", 1_500))
        {
            final IllegalStateException failure = assertThrows(IllegalStateException.class, engine::start);
            assertTrue(failure.getMessage().contains("rt is DOWN (authentication refused"), failure.getMessage());
            assertEquals(EngineState.CLOSED, engine.state());
        }
    }

    private static HedgingEngine engine(final ExchangeSimulator sim, final String secret, final long readyTimeoutMs)
    {
        final InstrumentRegistry chain = new DeribitRest(sim.httpUri()).instruments(List.of("BTC"));
        final Instrument perp = chain.instrument(chain.indexOfNative(Venue.DERIBIT, "BTC-PERPETUAL"));
        final MarginBook book = new MarginBook(2, 16);
        final int account = book.addAccount("rt BTC", Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        final int id = book.addInstrument(account, perp);
        final Portfolio portfolio = Portfolio.of(List.of(), List.of(DemoBook.flatHedge(perp.canonicalId(), perp)));
        final HedgePolicy policy = HedgePolicy.builder("BTC", "0.0001").band(new FixedBand(1.0, DeltaUnit.COIN)).build();
        final DeribitClientConfig client = DeribitClientConfig.defaults(sim.webSocketUri(),
            new DeribitCredentials(SimulatorConfig.DEMO_CLIENT_ID, secret), List.of("BTC-PERPETUAL"), List.of("BTC"))
            .withTickers(List.of("BTC-PERPETUAL"));
        return new HedgingEngine(new EngineConfig(1_000, 100, readyTimeoutMs),
            List.of(new ConnectionConfig("rt", client, chain, 11)), book, portfolio,
            PipelineConfig.defaults(List.of(new HedgeRoute(policy, book.instrumentKey(id)))),
            TwoVenueWorld.GATE, TwoVenueWorld.EXECUTION, EpochClock.system(), new RingCapture(), (stage, sequence, error) -> { });
    }
}
