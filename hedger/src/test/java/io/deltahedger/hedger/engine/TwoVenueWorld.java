package io.deltahedger.hedger.engine;

import io.deltahedger.config.time.ManualClock;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.hedger.pipeline.DecisionSink;
import io.deltahedger.hedger.pipeline.HedgeRoute;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.deribit.DeribitCredentials;
import io.deltahedger.venues.deribit.client.DeribitClientConfig;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.venues.simulator.SimulatorConfig;
import io.deltahedger.venues.simulator.market.UnderlyingSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Two manual-time Deribit simulators on loopback ("sim-a" holds the short strangles, "sim-b" only trades perpetuals)
 * and one {@link HedgingEngine} with a connection to each, driven in manual mode from the test thread.
 *
 * <p>Time: each simulator and the engine have their own {@link ManualClock}, moved in lockstep by {@link #step()}:
 * one market tick of {@link #TICK_MS} on both venues, then duty cycles until both connections have answered the
 * account request of that step (on one WebSocket the reply comes after the tick's market data, so the whole tick has
 * then been handled). Ticks are 60 s so that a simulated day is 1,440 steps (about 12 ms of wall time each); the
 * heartbeat interval is 60 s, the liveness time-out 180 s and the stale limits (pipeline inputs, gate snapshots) 135 s
 * accordingly: compressed time, not production settings.
 */
final class TwoVenueWorld implements AutoCloseable
{
    /** 2026-01-05T00:00:00Z, the simulators' listing date. */
    static final long T0 = 1_767_571_200_000L;
    static final long TICK_MS = 60_000;
    static final long OWNER = 1; // the simulator's one API key owns account 1
    static final long MAX_AGE_MS = 135_000;
    static final GateConfig GATE = new GateConfig(0.8, MAX_AGE_MS, new double[] {-0.1, 0.1}, new double[] {0.0}, 60_000);

    final ManualClock clockA = new ManualClock(T0);
    final ManualClock clockB = new ManualClock(T0);
    final ManualClock engineClock = new ManualClock(T0);
    final ExchangeSimulator simA;
    final ExchangeSimulator simB;
    final InstrumentRegistry chainA;
    final InstrumentRegistry chainB;
    final DemoBook demo;
    final MarginBook book;
    final HedgingEngine engine;
    final List<String> halts = new ArrayList<>();

    final Map<String, Double> bandCoin;

    TwoVenueWorld(final DecisionSink sink, final Map<String, Double> bandCoin)
    {
        this(sink, bandCoin, SimulatorConfig.DEMO_CLIENT_SECRET);
    }

    /** @param secretB the API secret sim-b's connection signs with (a wrong one keeps it from coming up) */
    TwoVenueWorld(final DecisionSink sink, final Map<String, Double> bandCoin, final String secretB)
    {
        this.bandCoin = bandCoin;
        simA = ExchangeSimulator.start(simConfig(7), clockA);
        simB = ExchangeSimulator.start(simConfig(8), clockB);
        chainA = new DeribitRest(simA.httpUri()).instruments(List.of("BTC", "ETH"));
        chainB = new DeribitRest(simB.httpUri()).instruments(List.of("BTC", "ETH"));
        final DeribitRest restA = new DeribitRest(simA.httpUri());
        demo = DemoBook.shortStrangles("sim-a", chainA, restA::optionQuote, T0, Map.of("BTC", 3.0, "ETH", 20.0));
        // writing the book takes sim-a a few ticks: bring sim-b and the engine to the same time
        final long openedMs = demo.openOn(simA, OWNER, 50) * TICK_MS;
        simB.advance(openedMs);
        engineClock.advanceMs(openedMs);
        book = newBook();
        engine = new HedgingEngine(new EngineConfig(TICK_MS, 100, 3 * TICK_MS),
            List.of(connection("sim-a", simA, chainA, true, SimulatorConfig.DEMO_CLIENT_SECRET),
                connection("sim-b", simB, chainB, false, secretB)),
            book, demo.portfolio(hedges(book)), pipelineConfig(), GATE, engineClock, sink,
            (stage, sequence, error) -> halts.add(stage + ": " + error));
    }

    /** A fresh margin book with the four accounts, both venues' perpetuals and sim-a's options (same ids each time). */
    MarginBook newBook()
    {
        final MarginBook fresh = new MarginBook(8, 256);
        for (final String sim : List.of("sim-a", "sim-b"))
        {
            final InstrumentRegistry chain = sim.equals("sim-a") ? chainA : chainB;
            for (final String coin : List.of("BTC", "ETH"))
            {
                final int account = fresh.addAccount(sim + " " + coin, Venue.DERIBIT, coin,
                    coin.equals("BTC") ? DeribitStandardMarginModel.btc() : DeribitStandardMarginModel.eth());
                fresh.addInstrument(account, chain.instrument(chain.indexOfNative(Venue.DERIBIT, coin + "-PERPETUAL")));
            }
        }
        demo.register(fresh);
        return fresh;
    }

    /**
     * Flat hedge positions, one per perpetual contract (named by its canonical id: fills of the same contract on
     * either venue move the one position, which is what the book's delta needs).
     */
    List<DeltaOnePosition> hedges(final MarginBook of)
    {
        final List<DeltaOnePosition> hedges = new ArrayList<>();
        for (final String coin : demo.underlyings())
        {
            final Instrument perp = chainA.instrument(chainA.indexOfNative(Venue.DERIBIT, coin + "-PERPETUAL"));
            hedges.add(DemoBook.flatHedge(perp.canonicalId(), perp));
        }
        return hedges;
    }

    /** Routes on sim-a's perpetuals, a fixed band per underlying, stale limits of {@link #MAX_AGE_MS}. */
    PipelineConfig pipelineConfig()
    {
        final List<HedgeRoute> routes = new ArrayList<>();
        for (final String coin : demo.underlyings())
        {
            final HedgePolicy policy = HedgePolicy.builder(coin, "0.0001")
                .band(new FixedBand(bandCoin.get(coin), DeltaUnit.COIN))
                .maxOrdersPerMinute(6)
                .build();
            routes.add(new HedgeRoute(policy, "sim-a " + coin + "/deribit:" + coin + "-PERPETUAL"));
        }
        return PipelineConfig.defaults(routes).withMaxInputAgeMs(MAX_AGE_MS);
    }

    private static SimulatorConfig simConfig(final long seed)
    {
        final SimulatorConfig d = SimulatorConfig.defaults().withManualTime().withSeed(seed);
        // a jumpy day: 150% vol and about five jumps a day on both underlyings
        final List<UnderlyingSpec> jumpy = List.of(UnderlyingSpec.btc().withVolatility(1.5, 2_000),
            UnderlyingSpec.eth().withVolatility(1.5, 2_000));
        return new SimulatorConfig(d.host(), d.port(), d.seed(), d.clientId(), d.clientSecret(), jumpy, TICK_MS,
            d.realTime(), d.tokenLifetimeMs(), d.rateLimits(), d.faults(), d.bookLevels(), d.halfSpreadBps(),
            d.levelStepBps(), d.maxLevelUsd());
    }

    private ConnectionConfig connection(final String name, final ExchangeSimulator sim, final InstrumentRegistry chain,
        final boolean options, final String secret)
    {
        final List<String> tickers = new ArrayList<>(List.of("BTC-PERPETUAL", "ETH-PERPETUAL"));
        if (options)
        {
            for (final String coin : demo.underlyings())
            {
                tickers.addAll(demo.optionNames(coin));
            }
        }
        final DeribitClientConfig base = DeribitClientConfig.defaults(sim.webSocketUri(),
            new DeribitCredentials(SimulatorConfig.DEMO_CLIENT_ID, secret),
            List.of("BTC-PERPETUAL", "ETH-PERPETUAL"), List.of("BTC", "ETH"));
        final DeribitClientConfig client = new DeribitClientConfig(base.uri(), base.credentials(), base.bookChannels(),
            base.rawBooks(), tickers, base.accountCurrencies(), 60, 180_000, 5_000, 5_000, 60_000, 250, 5_000,
            base.limits(), base.commandQueueCapacity(), null);
        return new ConnectionConfig(name, client, chain, name.hashCode());
    }

    /** Connects and runs duty cycles until the engine is HEDGING (fails after 15 s of wall time). */
    void connect()
    {
        engine.connect(engineClock.epochMs());
        pollUntil("engine HEDGING", () -> engine.state() == EngineState.HEDGING, 15_000);
    }

    /** One market tick on both venues, then duty cycles until both connections have answered this step's request. */
    void step()
    {
        step("sim-a", "sim-b");
    }

    /** One market tick on both venues, then duty cycles until the named connections have answered this step's request. */
    void step(final String... waitFor)
    {
        final long[] before = new long[waitFor.length];
        for (int i = 0; i < waitFor.length; i++)
        {
            before[i] = snapshots(waitFor[i]);
        }
        simA.advance(TICK_MS);
        simB.advance(TICK_MS);
        engineClock.advanceMs(TICK_MS);
        pollUntil("accounts of " + String.join(", ", waitFor) + " after a tick", () ->
        {
            for (int i = 0; i < waitFor.length; i++)
            {
                if (snapshots(waitFor[i]) < before[i] + 2)
                {
                    return false;
                }
            }
            return true;
        }, 5_000);
    }

    private long snapshots(final String connection)
    {
        final VenueConnection c = engine.connection(connection);
        return c.snapshotsReceived("BTC") + c.snapshotsReceived("ETH");
    }

    /** Duty cycles on the test thread until the condition holds; fails after {@code wallMs}. */
    void pollUntil(final String what, final BooleanSupplier condition, final long wallMs)
    {
        final long deadline = System.nanoTime() + wallMs * 1_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what + "; engine " + engine.state() + " "
                    + engine.failure() + ", connections " + engine.connections());
            }
            if (engine.dutyCycle(engineClock.epochMs()) == 0)
            {
                Thread.yield(); // the simulators' and Netty's threads share the two cores
            }
        }
    }

    @Override
    public void close()
    {
        try
        {
            engine.close();
        }
        finally
        {
            simA.close();
            simB.close();
        }
    }
}
