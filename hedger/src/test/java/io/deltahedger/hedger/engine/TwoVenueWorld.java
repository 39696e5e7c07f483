package io.deltahedger.hedger.engine;

import io.deltahedger.config.time.ManualClock;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.pipeline.HedgeRoute;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.deribit.DeribitCredentials;
import io.deltahedger.venues.deribit.client.DeribitClientConfig;
import io.deltahedger.venues.deribit.client.DeribitSession;
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
 * then been handled). Ticks are 120 s so that a simulated day is 720 steps; the heartbeat interval is 120 s, the
 * liveness time-out 360 s, the request time-out 180 s (a reply that lands just after a step must not count as lost
 * when the clock jumps) and the stale limits (pipeline inputs, gate snapshots) 270 s accordingly: compressed time, not production settings. A step also waits until the ring has handed every
 * published event to the capture and no group is open (at most 2 s of wall time: a group waiting for a time-out of the
 * injected clock finishes in a later step).
 */
final class TwoVenueWorld implements AutoCloseable
{
    /** 2026-01-05T00:00:00Z, the simulators' listing date. */
    static final long T0 = 1_767_571_200_000L;
    static final long TICK_MS = 120_000;
    /** sim-a's BTC balance: enough to write the BTC strangle (initial margin about 1 BTC), little room beyond. */
    static final double SIM_A_BTC_BALANCE = 1.25;
    static final long OWNER = 1; // the simulator's one API key owns account 1
    static final long MAX_AGE_MS = 270_000;
    /**
     * Execution in compressed time: no time passes inside a step, so a remainder is re-routed at once (retry 0) and
     * the 5 s group deadline passes at the next step's TIMER.
     */
    static final ExecutionConfig EXECUTION = ExecutionConfig.defaults().withTimeouts(5_000, 10_000, 0);
    static final GateConfig GATE = new GateConfig(0.8, MAX_AGE_MS, new double[] {-0.1, 0.1}, new double[] {0.0}, 60_000);

    final ManualClock clockA = new ManualClock(T0);
    final ManualClock clockB = new ManualClock(T0);
    final ManualClock engineClock = new ManualClock(T0);
    final ExchangeSimulator simA;
    final ExchangeSimulator simB;
    final InstrumentRegistry chainA;
    final InstrumentRegistry chainB;
    final DemoBook demo;
    MarginBook book;
    /** The engine under test; {@link #restart} replaces it (a crash-recovery test's second process). */
    HedgingEngine engine;
    final List<String> halts = new ArrayList<>();

    final Map<String, Double> bandCoin;
    RingCapture capture;
    /** The current engine's portfolio (owned by its pipeline: read it only once the engine is closed). */
    Portfolio portfolio;
    private final String secretB;

    TwoVenueWorld(final RingCapture sink, final Map<String, Double> bandCoin)
    {
        this(sink, bandCoin, SimulatorConfig.DEMO_CLIENT_SECRET);
    }

    /** @param secretB the API secret sim-b's connection signs with (a wrong one keeps it from coming up) */
    TwoVenueWorld(final RingCapture sink, final Map<String, Double> bandCoin, final String secretB)
    {
        this(sink, bandCoin, secretB, null);
    }

    /** @param journal the engine's journal writer, or null for none */
    TwoVenueWorld(final RingCapture sink, final Map<String, Double> bandCoin, final JournalWriter journal)
    {
        this(sink, bandCoin, SimulatorConfig.DEMO_CLIENT_SECRET, journal);
    }

    private TwoVenueWorld(final RingCapture sink, final Map<String, Double> bandCoin, final String secretB,
        final JournalWriter journal)
    {
        this.capture = sink;
        this.secretB = secretB;
        this.bandCoin = bandCoin;
        // one seed: both venues quote the same index path (as two exchanges quote one index); sim-a's BTC account is
        // small, so that a rally squeezes its margin while sim-b has room
        simA = ExchangeSimulator.start(simConfig(7, SIM_A_BTC_BALANCE), clockA);
        simB = ExchangeSimulator.start(simConfig(7, UnderlyingSpec.btc().initialBalance()), clockB);
        chainA = new DeribitRest(simA.httpUri()).instruments(List.of("BTC", "ETH"));
        chainB = new DeribitRest(simB.httpUri()).instruments(List.of("BTC", "ETH"));
        final DeribitRest restA = new DeribitRest(simA.httpUri());
        demo = DemoBook.shortStrangles("sim-a", chainA, restA::optionQuote, T0, Map.of("BTC", 3.0, "ETH", 20.0));
        // writing the book takes sim-a a few ticks: bring sim-b and the engine to the same time
        final long openedMs = demo.openOn(simA, OWNER, 50) * TICK_MS;
        simB.advance(openedMs);
        engineClock.advanceMs(openedMs);
        book = newBook();
        engine = newEngine(sink, journal);
    }

    /** An engine on both simulators with a fresh margin book and portfolio (the hedges flat until the venues say). */
    private HedgingEngine newEngine(final RingCapture sink, final JournalWriter journal)
    {
        portfolio = demo.portfolio(hedges(book));
        return new HedgingEngine(new EngineConfig(TICK_MS, 100, 3 * TICK_MS),
            List.of(connection("sim-a", simA, chainA, true, SimulatorConfig.DEMO_CLIENT_SECRET),
                connection("sim-b", simB, chainB, false, secretB)),
            book, portfolio, pipelineConfig(), GATE, EXECUTION, engineClock, sink,
            (stage, sequence, error) -> halts.add(stage + ": " + error), journal, "recovery-test");
    }

    /**
     * What a restarted process does: a new engine (new margin book, portfolio, sessions) on the same simulators and
     * clock, with the given journal writer (opened on the crashed engine's directory). The old engine must be crashed
     * or closed first. Call {@link #connect()} next.
     */
    void restart(final RingCapture sink, final JournalWriter journal)
    {
        if (engine.state() != EngineState.CLOSED)
        {
            throw new IllegalStateException("crash or close the engine before restarting: " + engine.state());
        }
        capture = sink;
        book = newBook();
        engine = newEngine(sink, journal);
    }

    /** A fresh margin book with the four accounts, both venues' perpetuals and sim-a's options (same ids each time). */
    MarginBook newBook()
    {
        final MarginBook fresh = new MarginBook(8, 256);
        DemoBook.addAccounts(fresh, "sim-a", List.of("BTC", "ETH"));
        DemoBook.addAccounts(fresh, "sim-b", List.of("BTC", "ETH"));
        demo.registerPerpetuals(fresh, "sim-a", chainA);
        demo.registerPerpetuals(fresh, "sim-b", chainB);
        demo.register(fresh);
        return fresh;
    }

    /** Flat hedge positions, one per perpetual contract (see {@link DemoBook#perpetualHedges}). */
    List<DeltaOnePosition> hedges(final MarginBook of)
    {
        return demo.perpetualHedges(chainA);
    }

    /**
     * Routes over both venues' perpetuals (Deribit's 5 bp taker fee on each), a fixed band per underlying, stale
     * limits of {@link #MAX_AGE_MS}.
     */
    PipelineConfig pipelineConfig()
    {
        final List<HedgePolicy> policies = new ArrayList<>();
        for (final String coin : demo.underlyings())
        {
            policies.add(HedgePolicy.builder(coin, "0.0001")
                .band(new FixedBand(bandCoin.get(coin), DeltaUnit.COIN))
                .maxOrdersPerMinute(6)
                .build());
        }
        final List<HedgeRoute> routes = DemoBook.perpetualRoutes(policies, List.of("sim-a", "sim-b"), 5);
        // 0.5% price protection: in compressed time the first event of a tick may be planned on the other venue's book
        // and mark of the previous tick (two minutes old, ~0.2% at 80% vol), which must not outrun the bound
        return new PipelineConfig(routes, MAX_AGE_MS, 0.005, PipelineConfig.DEFAULT_VALUATION_STEP_MS,
            PipelineConfig.DEFAULT_RING_SIZE, PipelineConfig.DEFAULT_WAIT_STRATEGY, PipelineConfig.DEFAULT_STAGE_THREADING);
    }

    private static SimulatorConfig simConfig(final long seed, final double btcBalance)
    {
        final SimulatorConfig d = SimulatorConfig.defaults().withManualTime().withSeed(seed);
        // a jumpy day: 80% vol and about two jumps a day (log-jumps of mean -1%, sd 3-4%) on both underlyings
        final List<UnderlyingSpec> jumpy = List.of(
            UnderlyingSpec.btc().withVolatility(0.8, 730).withInitialBalance(btcBalance),
            UnderlyingSpec.eth().withVolatility(0.8, 730));
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
            base.rawBooks(), tickers, base.accountCurrencies(), 120, 360_000, 180_000, 5_000, 60_000, 250, 5_000,
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

    /**
     * One market tick on both venues, then duty cycles until the named connections have answered this step's request,
     * then (for at most {@link #GROUP_WAIT_WALL_MS} of wall time) until no group is open: a group waiting for a
     * time-out of the injected clock (a lost reply, a reconnect) finishes in a later step.
     */
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
        final long deadline = System.nanoTime() + STEP_WAIT_WALL_MS * 1_000_000L;
        long idleSince = System.nanoTime();
        while (!stepDone(waitFor, before))
        {
            // nothing more arrives and the ring has caught up: what is left waits for injected time (a rate-limit
            // refill, a deadline, a lost reply's time-out), which only the next step brings
            if (System.nanoTime() - idleSince > IDLE_WALL_MS * 1_000_000L && capture.received() >= engine.published())
            {
                return;
            }
            if (System.nanoTime() > deadline)
            {
                cappedSteps++;
                return;
            }
            if (engine.dutyCycle(engineClock.epochMs()) == 0)
            {
                Thread.yield();
            }
            else
            {
                idleSince = System.nanoTime();
            }
        }
    }

    /**
     * Duty cycles without moving time until nothing has arrived for {@link #IDLE_WALL_MS} and the ring has caught up:
     * after a shock or a fault switch between steps (a shock's tick sends heartbeats that must be answered before the
     * next tick, or the venue closes the session).
     */
    void settle()
    {
        final long deadline = System.nanoTime() + STEP_WAIT_WALL_MS * 1_000_000L;
        long idleSince = System.nanoTime();
        while (System.nanoTime() < deadline)
        {
            if (engine.dutyCycle(engineClock.epochMs()) > 0)
            {
                idleSince = System.nanoTime();
            }
            else if (System.nanoTime() - idleSince > IDLE_WALL_MS * 1_000_000L && capture.received() >= engine.published())
            {
                return;
            }
            else
            {
                Thread.yield();
            }
        }
    }

    /** Wall time without any work after which a step stops waiting for an open group or a lost reply. */
    static final long IDLE_WALL_MS = 40;

    /**
     * A step is done when every named connection that is LIVE has answered this step's account request (a lost reply,
     * or a session that dropped, resolves only as injected time passes: the wall-time cap moves on then), no session is
     * half-way through connecting, the ring has handed every event the engine published to the capture, and no group
     * is open.
     */
    private boolean stepDone(final String[] waitFor, final long[] before)
    {
        for (int i = 0; i < waitFor.length; i++)
        {
            if (engine.connection(waitFor[i]).connectionState() == ConnectionState.LIVE
                && snapshots(waitFor[i]) < before[i] + 2)
            {
                return false;
            }
        }
        for (final VenueConnection c : engine.connections())
        {
            // a session connecting, authenticating, subscribing or reconciling needs wall time, not injected time:
            // ending the step would let the next one's clock jump time its requests out
            final DeribitSession.Phase phase = c.session().phase();
            if (phase != DeribitSession.Phase.LIVE && phase != DeribitSession.Phase.BACKING_OFF
                && phase != DeribitSession.Phase.DOWN && phase != DeribitSession.Phase.IDLE)
            {
                return false;
            }
        }
        return capture.received() >= engine.published() && engine.status().openGroups().isEmpty();
    }

    /** Steps that ended on the wall-time cap (a reply or a group waiting for injected time). */
    int cappedSteps;

    static final long STEP_WAIT_WALL_MS = 1_500;

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
