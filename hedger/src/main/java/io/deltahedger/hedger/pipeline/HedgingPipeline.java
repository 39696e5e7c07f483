package io.deltahedger.hedger.pipeline;

import io.deltahedger.config.time.EpochClock;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.EngineStatus;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.execution.GroupExecutor;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.hedger.execution.OrderSides;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalHeader;
import io.deltahedger.hedger.journal.JournalSummary;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.monitor.AlertLevel;
import io.deltahedger.marginmonitor.monitor.MonitorConfig;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.connection.ConnectionStateEvent;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.order.ExecutionReport;

import java.util.List;
import java.util.Map;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The hedger's pipeline from tick to gated decision, wired here and only here: one Disruptor ring of pre-allocated
 * {@link PipelineEvent}s, fed by the venue adapters through the {@code publish...} methods (any thread; the input is
 * copied into the slot), consumed by five stages in sequence. Each stage owns its state on its own thread and writes
 * its results on the event; an unexpected exception anywhere halts new risk ({@link #halted()}) while every stage
 * keeps consuming.
 *
 * <p>Ownership: from construction on, the {@link Portfolio} belongs to the Greeks stage and the {@link MarginBook} to
 * the margin-gate stage; the caller must not touch either again. A market-data event's {@code instrumentIndex} must be
 * the margin-book id of its instrument. Time is the injected {@link EpochClock}, read once per published event.
 *
 * <p>With {@link ExecutionVenues} the last stage executes approved groups (docs/hedging.md "Execution"): reports,
 * timer ticks and operator commands come back through the ring ({@link #publishExecutionReport}, {@link #publishTimer},
 * {@link #publishCommand}) and {@link #status()} shows the engine state. Without them the pipeline is decision-only:
 * approved groups go to the sink and nothing is sent or tracked.
 *
 * <p>With {@link #withJournal} (before {@link #start()}) every input, decision, order and group end is appended to a
 * hash-chained, signed journal from the execution stage's thread (docs/journal.md "Wiring into the pipeline"); a
 * journal that cannot be written halts the pipeline and stops orders.
 *
 * <p>With {@link #withMonitor} (before {@link #start()}) the margin stage monitors every account's margin ratio and
 * alert level ({@link #marginRatio}, {@link #alertLevel}, {@link DecisionSink#onAlert}) and, if enabled, cuts an
 * account that reaches the de-risking trigger with a reduce-only group (docs/margin.md "Continuous monitoring in the
 * engine").
 */
public final class HedgingPipeline implements AutoCloseable
{
    /** The GROUP_DONE state a restart writes for a previous session's unended group (docs/journal.md "Recovery"). */
    public static final String GROUP_ENDED_BY_RESTART = PipelineJournal.ENDED_BY_RESTART;
    private static final int LEVELS_PER_SIDE = 64;
    /**
     * Ring slots with {@link StageThreading#CALLER_RUNS}, at most: the ring holds only the event being run and what
     * its stages publish (a GROUP_DONE, reports of a venue answering inside {@code place}), and each publish writes the
     * next slot, so a ring of thousands of slots (~3 KB each) would cycle the whole of it through the cache: measured
     * on a replay, copying each event into a cold slot of the 4096-slot ring took 60% of the time.
     */
    static final int CALLER_RUNS_RING_SIZE = 256;
    private static final int TRADE_CAPACITY = 16;

    /** Null with {@link StageThreading#CALLER_RUNS}: no consumer thread. */
    private final Disruptor<PipelineEvent> disruptor;
    private final RingBuffer<PipelineEvent> ring;
    /** {@link StageThreading#CALLER_RUNS}: the stages the publishing thread runs, else null. */
    private final SequentialStages callerStages;
    /** {@link StageThreading#CALLER_RUNS}: the last sequence the stages have run (the ring's gating sequence). */
    private final Sequence callerProcessed;
    /** {@link StageThreading#CALLER_RUNS}: the one thread that publishes (set by the first publish or start). */
    private Thread callerThread;
    /** {@link StageThreading#CALLER_RUNS}: the stages are running on the caller's thread (a re-entrant publish). */
    private boolean callerDraining;
    private final EpochClock clock;
    private final AtomicBoolean halted = new AtomicBoolean();
    private final AtomicLong exceptions = new AtomicLong();
    private final int accountCount;
    private final Routing routing;
    private final DecisionControl control;
    private final GroupExecutor executor;
    private final OrderSides orderSides = new OrderSides();
    private final AtomicReferenceArray<HedgePolicy> policies;
    private final MarginBook book;
    private final GateConfig gateConfig;
    private final HaltListener onHalt;
    private final ExecutionStage release;
    private final MarginGateStage gate;
    /** Per margin-book instrument id: delta-one with a venue instrument, so the engine may cut it; null decision-only. */
    private final boolean[] cuttable;
    private final double deRiskSlippage;
    /** Set before start; null without monitoring. */
    private volatile MarginWatch watch;
    /** Set before start (the stage threads see it through Thread.start); null without a journal. */
    private volatile PipelineJournal journal;
    private boolean journalClosed;
    private boolean started;
    private volatile boolean replaying;
    private volatile boolean crashed;

    /**
     * @param config     routes, stale-data guard, ring and wait strategy
     * @param portfolio  the option book (positions and vols), handed over to the Greeks stage
     * @param book       the margin book with every instrument and account registered, handed over to the gate stage
     * @param gateConfig the margin gate's settings
     * @param clock      the injected clock
     * @param sink       receives approved hedges (and every other outcome) on the release thread
     * @param onHalt     told of each stage exception
     */
    public HedgingPipeline(
        final PipelineConfig config,
        final Portfolio portfolio,
        final MarginBook book,
        final GateConfig gateConfig,
        final EpochClock clock,
        final DecisionSink sink,
        final HaltListener onHalt)
    {
        this(config, portfolio, book, gateConfig, null, null, clock, sink, onHalt);
    }

    /**
     * A pipeline that executes its groups.
     *
     * @param executionConfig the execution stage's settings (null with null venues: decision-only)
     * @param venues          the gateway of every trading account and the venue instrument of every instrument a leg
     *                        may trade, each delta-one one held in the portfolio as a delta-one position under its
     *                        canonical id (so fills reach the delta); null for a decision-only pipeline
     */
    public HedgingPipeline(
        final PipelineConfig config,
        final Portfolio portfolio,
        final MarginBook book,
        final GateConfig gateConfig,
        final ExecutionConfig executionConfig,
        final ExecutionVenues venues,
        final EpochClock clock,
        final DecisionSink sink,
        final HaltListener onHalt)
    {
        if ((executionConfig == null) != (venues == null))
        {
            throw new IllegalArgumentException("execution needs both an ExecutionConfig and ExecutionVenues (or neither,"
                + " for a decision-only pipeline), was " + executionConfig + ", " + venues);
        }
        if (config == null || portfolio == null || book == null || gateConfig == null || clock == null
            || sink == null || onHalt == null)
        {
            throw new IllegalArgumentException("HedgingPipeline needs a config, portfolio, margin book, gate config, "
                + "clock, decision sink and halt listener; one was null");
        }
        this.clock = clock;
        this.book = book;
        this.gateConfig = gateConfig;
        this.onHalt = onHalt;
        this.routing = new Routing(config, portfolio, book);
        this.accountCount = routing.accountCount;
        this.policies = new AtomicReferenceArray<>(routing.underlyingCount);
        for (int u = 0; u < routing.underlyingCount; u++)
        {
            policies.set(u, routing.route[u] == null ? null : routing.route[u].policy());
        }

        // 0. the ring: pre-allocated events, any number of publishing adapter threads (one with CALLER_RUNS, which
        //    runs the stages itself: no consumer thread, so no Disruptor around the ring)
        final int maxAccounts = book.maxAccounts();
        if (config.stageThreading() == StageThreading.CALLER_RUNS)
        {
            disruptor = null;
            ring = RingBuffer.createSingleProducer(
                () -> new PipelineEvent(LEVELS_PER_SIDE, TRADE_CAPACITY, maxAccounts),
                Math.min(config.ringSize(), CALLER_RUNS_RING_SIZE), new BlockingWaitStrategy());
            callerProcessed = new Sequence();
            ring.addGatingSequences(callerProcessed);
        }
        else
        {
            disruptor = new Disruptor<>(
                () -> new PipelineEvent(LEVELS_PER_SIDE, TRADE_CAPACITY, maxAccounts),
                config.ringSize(),
                new StageThreads(),
                ProducerType.MULTI,
                config.waitStrategy().create());
            ring = disruptor.getRingBuffer();
            callerProcessed = null;
        }

        // 1. market state: books, marks, index, connection and snapshot times; the stale-data guard
        final MarketStateStage marketState = new MarketStateStage(routing, config.maxInputAgeMs());
        // 2. Greeks: revalue the portfolio of the underlying whose data moved
        final GreeksStage greeks = new GreeksStage(routing, portfolio, config.valuationStepMs());
        // 3. the hedge decision, planned into a group of legs over the route's candidates by expected cost and headroom
        final DecisionStage decision = new DecisionStage(routing, book, halted, config.limitSlippage(),
            config.executionLimits(), gateConfig.threshold(), venues != null, policies);
        control = decision.control();
        // 4. admission, all or nothing: execution limits, rate budget, then the pre-trade margin gate
        gate = new MarginGateStage(routing, book, gateConfig, config.executionLimits());
        // 5. execution: start, follow, re-route, compensate or block each group; GROUP_DONE back on the ring; release
        //    every event to the sink and clear the slot
        release = new ExecutionStage(halted, sink);
        if (venues != null)
        {
            checkVenues(venues, book, portfolio);
            executor = new GroupExecutor(executionConfig, venues, book.maxAccounts(), book.instrumentCount(),
                portfolio.underlyingCount(), release, orderSides,
                (accountId, request, nowMs) -> journal == null || journal.beforePlace(accountId, request, nowMs));
            release.execute(executor, this::tryPublishGroupDone, executionConfig.doneQueueCapacity());
            cuttable = new boolean[book.maxInstruments()];
            for (final Map.Entry<Integer, Instrument> e : venues.instruments().entrySet())
            {
                cuttable[e.getKey()] = e.getValue().kind() != InstrumentKind.OPTION;
            }
            deRiskSlippage = executionConfig.compensationSlippage();
        }
        else
        {
            executor = null;
            cuttable = null;
            deRiskSlippage = Double.NaN;
        }

        // one halting exception handler per stage, naming it
        final HaltingExceptionHandler marketStateFailure = new HaltingExceptionHandler("market-state", halted, exceptions, onHalt);
        final HaltingExceptionHandler greeksFailure = new HaltingExceptionHandler("greeks", halted, exceptions, onHalt);
        final HaltingExceptionHandler decisionFailure = new HaltingExceptionHandler("decision", halted, exceptions, onHalt);
        final HaltingExceptionHandler gateFailure = new HaltingExceptionHandler("margin-gate", halted, exceptions, onHalt);
        final HaltingExceptionHandler releaseFailure = new HaltingExceptionHandler("execution", halted, exceptions, onHalt);

        if (config.stageThreading() == StageThreading.CALLER_RUNS)
        {
            @SuppressWarnings("unchecked")
            final SequentialStages all = new SequentialStages(
                new EventHandler[] {marketState, greeks, decision, gate, release},
                new ExceptionHandler[] {marketStateFailure, greeksFailure, decisionFailure, gateFailure, releaseFailure});
            callerStages = all;
        }
        else if (config.stageThreading() == StageThreading.THREAD_PER_STAGE)
        {
            callerStages = null;
            disruptor.handleEventsWith(marketState).then(greeks).then(decision).then(gate).then(release);
            disruptor.handleExceptionsFor(marketState).with(marketStateFailure);
            disruptor.handleExceptionsFor(greeks).with(greeksFailure);
            disruptor.handleExceptionsFor(decision).with(decisionFailure);
            disruptor.handleExceptionsFor(gate).with(gateFailure);
            disruptor.handleExceptionsFor(release).with(releaseFailure);
        }
        else
        {
            callerStages = null;
            @SuppressWarnings("unchecked")
            final SequentialStages all = new SequentialStages(
                new EventHandler[] {marketState, greeks, decision, gate, release},
                new ExceptionHandler[] {marketStateFailure, greeksFailure, decisionFailure, gateFailure, releaseFailure});
            disruptor.handleEventsWith(all);
            disruptor.handleExceptionsFor(all).with(releaseFailure);
        }
    }

    /**
     * Journals everything this pipeline is given and decides (docs/journal.md "Wiring into the pipeline"): the
     * pipeline takes the writer over, appends a HEADER describing the margin book and gate on {@link #start()},
     * records every event in ring order from the execution stage's thread, and closes the writer on {@link #close()}.
     * Continues an existing journal: scans the writer's directory ({@link JournalSummary#scan}) and starts group ids
     * above the highest it used, so client order ids never repeat across restarts. A previous session's groups that
     * never ended (it died) are not resumed: {@link #start()} ends each with a GROUP_DONE of state
     * {@value #GROUP_ENDED_BY_RESTART} right after the HEADER. Call before {@link #start()}.
     *
     * @param writer  a freshly opened writer (nothing appended through it yet)
     * @param agentId who writes the journal, 1..64 printable characters (e.g. "hedger-ldn-1")
     * @throws IllegalStateException    if started already or a journal was given already, or the journal is damaged
     * @throws IllegalArgumentException if an account's margin model is of a kind the journal cannot write
     */
    public HedgingPipeline withJournal(final JournalWriter writer, final String agentId)
    {
        if (writer == null)
        {
            throw new IllegalArgumentException("withJournal needs a JournalWriter (JournalWriter.open(directory, signer, "
                + "config)), was null");
        }
        final java.util.List<java.nio.file.Path> files;
        try
        {
            files = JournalFormat.filesIn(writer.directory());
        }
        catch (final java.io.IOException e)
        {
            throw new java.io.UncheckedIOException("cannot list the journal in " + writer.directory() + ": "
                + e.getMessage(), e);
        }
        return withJournal(writer, agentId, JournalSummary.scan(files));
    }

    /**
     * As {@link #withJournal(JournalWriter, String)} with the summary of the writer's journal already scanned (the
     * daemon scans once for its reconciliation too): group ids start above {@code resumed.maxGroupId()}.
     */
    public synchronized HedgingPipeline withJournal(final JournalWriter writer, final String agentId,
                                                    final JournalSummary resumed)
    {
        if (writer == null || resumed == null)
        {
            throw new IllegalArgumentException("withJournal needs a writer and the summary of its journal (JournalSummary."
                + "scan(JournalFormat.filesIn(directory))); one was null");
        }
        if (started)
        {
            throw new IllegalStateException("withJournal must come before start(): the HEADER must describe the book "
                + "before any event reaches it");
        }
        if (journal != null)
        {
            throw new IllegalStateException("this pipeline already has a journal");
        }
        final JournalHeader header = JournalHeader.capture(agentId, book, gateConfig);
        if (executor != null)
        {
            executor.continueAfter(resumed.maxGroupId());
        }
        final long[] unended = new long[resumed.openGroups().size()];
        for (int g = 0; g < unended.length; g++)
        {
            unended[g] = resumed.openGroups().get(g).groupId();
        }
        journal = new PipelineJournal(writer, header, accountCount, halted, exceptions, onHalt, unended);
        release.journal(journal);
        return this;
    }

    /**
     * Monitors every account's margin continuously (docs/margin.md "Continuous monitoring in the engine"): the margin
     * stage runs a {@link io.deltahedger.marginmonitor.monitor.MarginMonitor} on each account snapshot and on each mark,
     * index or volatility of an account's underlyings; {@link #marginRatio} and {@link #alertLevel} read the result
     * from any thread and every alert change reaches {@link DecisionSink#onAlert}. With {@code deRiskEnabled}, an
     * account whose ratio reaches {@link MonitorConfig#deRiskTrigger()} with no de-risking group in flight is cut by a
     * group of reduce-only IOC legs on its delta-one instruments (options are never cut by the engine), which PAUSE and
     * the breaker do not stop and KILL does. Call before {@link #start()}.
     *
     * @throws IllegalArgumentException if de-risking is asked of a decision-only pipeline (nothing could send it), or
     *                                  with a trigger below the gate's threshold (the hedger would undo every cut)
     * @throws IllegalStateException    if started already or a monitor was given already
     */
    public synchronized HedgingPipeline withMonitor(final MonitorConfig config, final boolean deRiskEnabled)
    {
        if (config == null)
        {
            throw new IllegalArgumentException("withMonitor needs a MonitorConfig (e.g. MonitorConfig.defaults()), was null");
        }
        if (started)
        {
            throw new IllegalStateException("withMonitor must come before start(): the margin stage owns its state once "
                + "its thread runs");
        }
        if (watch != null)
        {
            throw new IllegalStateException("this pipeline already has a margin monitor");
        }
        if (deRiskEnabled && executor == null)
        {
            throw new IllegalArgumentException("de-risking needs an executing pipeline (ExecutionConfig and "
                + "ExecutionVenues); this one is decision-only: pass deRiskEnabled=false to monitor only");
        }
        if (deRiskEnabled && config.deRiskTrigger() < gateConfig.threshold())
        {
            // below the gate's threshold the hedger could itself push an account past the trigger: cut, re-hedge, cut
            throw new IllegalArgumentException("de-risk trigger " + config.deRiskTrigger() + " is below the margin gate's "
                + "threshold " + gateConfig.threshold() + ": the hedger would re-add what each cut removes; use a trigger "
                + ">= the gate threshold (e.g. both 0.8)");
        }
        final MarginWatch w = new MarginWatch(book, config, deRiskEnabled, deRiskEnabled ? cuttable : null,
            deRiskSlippage);
        gate.watch(w);
        watch = w;
        return this;
    }

    /**
     * An account's last margin ratio (maintenance margin / margin balance; reported on a snapshot, projected from the
     * marks between), from any thread; NaN before the account's first snapshot reached the margin stage.
     *
     * @throws IllegalStateException    without {@link #withMonitor}
     * @throws IllegalArgumentException for an id that is not a margin-book account
     */
    public double marginRatio(final int accountId)
    {
        return monitored(accountId).ratio(accountId);
    }

    /** An account's alert level, from any thread (NORMAL before its first snapshot); as {@link #marginRatio}. */
    public AlertLevel alertLevel(final int accountId)
    {
        return monitored(accountId).level(accountId);
    }

    private MarginWatch monitored(final int accountId)
    {
        final MarginWatch w = watch;
        if (w == null)
        {
            throw new IllegalStateException("this pipeline has no margin monitor: call withMonitor(MonitorConfig, "
                + "deRiskEnabled) before start()");
        }
        if (accountId < 0 || accountId >= accountCount)
        {
            throw new IllegalArgumentException("margin-book account id must be in 0.." + (accountCount - 1) + ", was "
                + accountId);
        }
        return w;
    }

    /**
     * Starts the stage threads. Events published before this wait in the ring. With a journal, appends its HEADER
     * first.
     *
     * @throws java.io.UncheckedIOException if the journal's HEADER cannot be written (the pipeline does not start)
     */
    public synchronized HedgingPipeline start()
    {
        if (started)
        {
            throw new IllegalStateException("hedging pipeline already started");
        }
        if (journal != null)
        {
            journal.start(clock.epochMs());
        }
        started = true;
        if (disruptor != null)
        {
            disruptor.start();
        }
        else
        {
            claimCaller();
            runCallerStages(); // what was published before start
        }
        return this;
    }

    /**
     * Publishes a copy of a decoded market-data event (the adapter keeps and reuses its own). Blocks while the ring is
     * full (back-pressure onto the I/O thread). Allocation-free once slots have grown to the feed's book depth. With
     * {@link StageThreading#CALLER_RUNS} the stages read {@code source} itself while this call runs them (it must not
     * change until the call returns), unless the call is made from inside a stage or before {@link #start()}, when
     * the event waits in the ring as a copy.
     */
    public void publishMarketData(final MarketDataEvent source)
    {
        final long sequence = claim();
        try
        {
            final PipelineEvent event = ring.get(sequence);
            event.kind = EventKind.MARKET_DATA;
            if (callerRunsNow())
            {
                // the stages run over it before this call returns: lend them the publisher's event, no copy
                event.lendMarketData(source);
            }
            else
            {
                event.marketDataCopy().copyFrom(source);
            }
            stamp(event);
        }
        finally
        {
            publish(sequence);
        }
    }

    /**
     * Publishes the state change of the venue session of a margin-book account (one session = one account on one
     * endpoint: two sessions on the same venue are two accounts).
     */
    public void publishConnectionState(final int accountId, final ConnectionState state)
    {
        if (accountId < 0 || accountId >= routing.accountVenue.length || state == null)
        {
            throw new IllegalArgumentException("connection change needs a registered margin-book account id in 0.."
                + (routing.accountVenue.length - 1) + " and a state, was " + accountId + ", " + state);
        }
        final long sequence = claim();
        try
        {
            final PipelineEvent event = ring.get(sequence);
            event.kind = EventKind.CONNECTION_STATE;
            event.accountId = accountId;
            event.connectionVenue = routing.accountVenue[accountId];
            event.connectionState = state;
            stamp(event);
        }
        finally
        {
            publish(sequence);
        }
    }

    /**
     * Publishes a venue session's state change for the one margin-book account on that venue.
     *
     * @throws IllegalArgumentException if no account or several accounts are on the venue: use
     *                                  {@link #publishConnectionState(int, ConnectionState)}
     */
    public void publishConnectionState(final Venue venue, final ConnectionState state)
    {
        if (venue == null || state == null)
        {
            throw new IllegalArgumentException("connection change needs a venue and a state, was " + venue + ", " + state);
        }
        publishConnectionState(routing.soleAccountOn(venue), state);
    }

    /** Publishes a connection tracker's event (for the one margin-book account on its venue, as above). */
    public void publishConnectionState(final ConnectionStateEvent change)
    {
        publishConnectionState(change.venue(), change.state());
    }

    /** Publishes an account snapshot for a margin-book account id. */
    public void publishAccount(final int accountId, final AccountSnapshot snapshot)
    {
        if (accountId < 0 || accountId >= accountCount || snapshot == null)
        {
            throw new IllegalArgumentException("account snapshot needs a margin-book account id in 0.."
                + (accountCount - 1) + " and a snapshot, was " + accountId + ", " + snapshot);
        }
        final long sequence = claim();
        try
        {
            final PipelineEvent event = ring.get(sequence);
            event.kind = EventKind.ACCOUNT;
            event.accountId = accountId;
            event.account = snapshot;
            stamp(event);
        }
        finally
        {
            publish(sequence);
        }
    }

    /**
     * Publishes an execution report of a margin-book account (from the account's {@link
     * io.deltahedger.venues.order.VenueListener}), stamped with the side the engine sent the order with (none for a
     * foreign order). Blocks while the ring is full, like market data.
     */
    public void publishExecutionReport(final int accountId, final ExecutionReport report)
    {
        if (accountId < 0 || accountId >= accountCount || report == null)
        {
            throw new IllegalArgumentException("execution report needs a margin-book account id in 0.."
                + (accountCount - 1) + " and a report, was " + accountId + ", " + report);
        }
        final long sequence = claim();
        try
        {
            final PipelineEvent event = ring.get(sequence);
            event.kind = EventKind.EXECUTION_REPORT;
            event.accountId = accountId;
            event.report = report;
            event.reportSide = orderSides.sideOf(report.clientOrderId());
            stamp(event);
        }
        finally
        {
            publish(sequence);
        }
    }

    /** Publishes the engine's periodic tick (the duty cycle calls it every ~100 ms): deadlines, slices, retries. */
    public void publishTimer()
    {
        final long sequence = claim();
        try
        {
            final PipelineEvent event = ring.get(sequence);
            event.kind = EventKind.TIMER;
            stamp(event);
        }
        finally
        {
            publish(sequence);
        }
    }

    /**
     * Publishes an operator's command; it takes effect in ring order (docs/hedging.md "Execution").
     *
     * @param actor who asked (for the journal and the status), not blank
     */
    public void publishCommand(final EngineCommand command, final String actor)
    {
        if (command == null || actor == null || actor.isBlank())
        {
            throw new IllegalArgumentException("engine command needs a command and the actor who asked, was " + command
                + ", '" + actor + "'");
        }
        final long sequence = claim();
        try
        {
            final PipelineEvent event = ring.get(sequence);
            event.kind = EventKind.COMMAND;
            event.command = command;
            event.actor = actor;
            stamp(event);
        }
        finally
        {
            publish(sequence);
        }
    }

    /**
     * Publishes an operator's new policy for one hedged underlying. The decision stage applies it in ring order: the
     * underlying's decider starts afresh with it (armed, its rate-cap window and schedule reset; a group in flight
     * finishes under the decision that started it). {@link #policy(String)} shows it once applied.
     *
     * @throws IllegalArgumentException if the policy's underlying is not hedged by this pipeline
     */
    public void publishPolicy(final HedgePolicy policy, final String actor)
    {
        if (policy == null || actor == null || actor.isBlank())
        {
            throw new IllegalArgumentException("policy change needs a policy and the actor who asked, was " + policy
                + ", '" + actor + "'");
        }
        if (routing.routedUnderlying(policy.underlying()) < 0)
        {
            throw new IllegalArgumentException("underlying '" + policy.underlying() + "' is not hedged here: hedged are "
                + routing.routedUnderlyings());
        }
        final long sequence = claim();
        try
        {
            final PipelineEvent event = ring.get(sequence);
            event.kind = EventKind.POLICY;
            event.policy = policy;
            event.actor = actor;
            stamp(event);
        }
        finally
        {
            publish(sequence);
        }
    }

    /** The policy in force for a hedged underlying (the latest applied), or null if it is not hedged here. */
    public HedgePolicy policy(final String underlying)
    {
        final int u = routing.routedUnderlying(underlying);
        return u < 0 ? null : policies.get(u);
    }

    /**
     * Replay mode, before {@link #start()}: the execution stage's GROUP_DONE events are not published by the stage but
     * by the replayer ({@link #publishGroupDone}) at the position the recording holds them, so a recorded ring replays
     * in its recorded order (live, a GROUP_DONE lands wherever the ring's next free slot was when its group ended).
     */
    public synchronized HedgingPipeline replaying()
    {
        if (started)
        {
            throw new IllegalStateException("replay mode must be chosen before start()");
        }
        replaying = true;
        return this;
    }

    /**
     * Replay mode only: publishes a recorded GROUP_DONE ({@link PipelineEvent#groupId()}, {@link
     * PipelineEvent#groupUnderlying()}, {@link PipelineEvent#groupState()}, {@link PipelineEvent#breakerOpen()},
     * {@link PipelineEvent#breakerResets()}).
     */
    public void publishGroupDone(final long groupId, final int underlying, final GroupState state,
        final boolean breakerOpen, final long breakerResets)
    {
        if (!replaying)
        {
            throw new IllegalStateException("GROUP_DONE is published by the execution stage itself; only a replaying "
                + "pipeline (replaying()) takes recorded ones");
        }
        final long sequence = claim();
        try
        {
            final PipelineEvent event = ring.get(sequence);
            event.kind = EventKind.GROUP_DONE;
            event.groupId = groupId;
            event.groupUnderlying = underlying;
            event.groupState = state;
            event.breakerOpen = breakerOpen;
            event.breakerResets = breakerResets;
            stamp(event);
        }
        finally
        {
            publish(sequence);
        }
    }

    /**
     * Claims the next slot: waits while the ring is full, except with {@link StageThreading#CALLER_RUNS}, where the
     * ring holds only what the current event published (its stages drain it before the publish returns), so a full
     * ring there can only mean a stage publishing without end, and waiting would never end: it throws.
     */
    private long claim()
    {
        if (disruptor != null)
        {
            return ring.next();
        }
        claimCaller();
        try
        {
            return ring.tryNext();
        }
        catch (final InsufficientCapacityException full)
        {
            throw new IllegalStateException("caller-runs pipeline ring is full (" + ring.getBufferSize() + " slots): "
                + (started ? "a stage published that many events while one event ran"
                    : "that many events were published before start(); call start() first"));
        }
    }

    /** CALLER_RUNS: whether a publish now runs the stages before it returns (started, not from inside a stage). */
    private boolean callerRunsNow()
    {
        return callerStages != null && !callerDraining && started && !crashed;
    }

    /** CALLER_RUNS: the first publishing (or starting) thread owns the pipeline; any other is refused. */
    private void claimCaller()
    {
        final Thread current = Thread.currentThread();
        if (callerThread == null)
        {
            callerThread = current;
        }
        else if (callerThread != current)
        {
            throw new IllegalStateException("a CALLER_RUNS pipeline is driven by one thread, " + callerThread.getName()
                + ", but " + current.getName() + " published: publish from one thread, or use StageThreading."
                + "SINGLE_THREAD for publishers on several threads");
        }
    }

    /** Makes a claimed slot visible; with {@link StageThreading#CALLER_RUNS} also runs the stages over it. */
    private void publish(final long sequence)
    {
        ring.publish(sequence);
        if (callerStages != null)
        {
            runCallerStages();
        }
    }

    /**
     * CALLER_RUNS: runs the stages over every published event not yet run, in sequence order, including those the
     * stages publish meanwhile (a re-entrant publish only queues: the outer call runs it next). Nothing runs before
     * {@link #start()} or after a crash.
     */
    private void runCallerStages()
    {
        if (!callerRunsNow())
        {
            return;
        }
        callerDraining = true;
        try
        {
            long next = callerProcessed.get() + 1;
            long cursor;
            while (next <= (cursor = ring.getCursor()) && !crashed)
            {
                callerStages.onEvent(ring.get(next), next, next == cursor);
                callerProcessed.set(next);
                next++;
            }
        }
        finally
        {
            callerDraining = false;
        }
    }

    /** The execution stage's GROUP_DONE: never waits (a consumer must not block on its own ring). */
    private boolean tryPublishGroupDone(final GroupOutcome outcome, final boolean breakerOpen, final long breakerResets)
    {
        if (replaying)
        {
            return true; // the replayer publishes the recorded one in its recorded place
        }
        final long sequence;
        try
        {
            sequence = ring.tryNext(); // CALLER_RUNS: the stage runs on the publishing thread, no owner check needed
        }
        catch (final InsufficientCapacityException full)
        {
            return false;
        }
        try
        {
            final PipelineEvent event = ring.get(sequence);
            event.kind = EventKind.GROUP_DONE;
            event.groupId = outcome.groupId();
            event.groupUnderlying = outcome.underlying();
            event.groupState = outcome.state();
            event.groupDeRisk = outcome.deRisk();
            event.groupAccount = outcome.deRiskAccount();
            event.breakerOpen = breakerOpen;
            event.breakerResets = breakerResets;
            stamp(event);
        }
        finally
        {
            publish(sequence);
        }
        return true;
    }

    /**
     * The engine state for the control plane (any thread): paused, killed, breaker and why, halted, open groups. A
     * decision-only pipeline shows pause and kill only.
     */
    public EngineStatus status()
    {
        final EngineStatus status = executor != null ? executor.status()
            : new EngineStatus(control.paused(), control.killed(), false, "", false, List.of(), -1, "");
        return status.withHalted(halted.get());
    }

    /** The order table the execution stage records sides in (for adapters that need to know what was sent). */
    OrderSides orderSides()
    {
        return orderSides;
    }

    private static void checkVenues(final ExecutionVenues venues, final MarginBook book, final Portfolio portfolio)
    {
        for (final Map.Entry<Integer, Instrument> e : venues.instruments().entrySet())
        {
            final int i = e.getKey();
            final Instrument instrument = e.getValue();
            if (!book.isInstrument(i) || !book.instrument(i).canonicalId().equals(instrument.canonicalId()))
            {
                throw new IllegalArgumentException("execution instrument id " + i + " is " + instrument.canonicalId()
                    + " but the margin book has " + (book.isInstrument(i) ? book.instrument(i).canonicalId() : "no such id")
                    + ": map each margin-book instrument id to its own venue instrument");
            }
            if (instrument.kind() != InstrumentKind.OPTION && portfolio.deltaOneIndex(instrument.canonicalId()) < 0)
            {
                throw new IllegalArgumentException("hedge instrument " + instrument.canonicalId() + " has no delta-one "
                    + "position in the portfolio, so its fills could not reach the delta: add new DeltaOnePosition(\""
                    + instrument.canonicalId() + "\", \"" + instrument.underlying() + "\", "
                    + (instrument.style() == io.deltahedger.venues.instrument.ContractStyle.INVERSE) + ", 0, "
                    + instrument.amountGrid().step().toPlainString() + ") (or its current position)");
            }
        }
        for (final Map.Entry<Integer, io.deltahedger.venues.order.VenueGateway> e : venues.gateways().entrySet())
        {
            if (!book.isAccount(e.getKey()) || book.venue(e.getKey()) != e.getValue().venue())
            {
                throw new IllegalArgumentException("execution gateway for account id " + e.getKey() + " trades on "
                    + e.getValue().venue() + " but the margin book has " + (book.isAccount(e.getKey())
                    ? book.accountName(e.getKey()) : "no such account") + ": one gateway per margin-book account");
            }
        }
    }

    private void stamp(final PipelineEvent event)
    {
        event.nowMs = clock.epochMs();
        event.publishedNanos = System.nanoTime();
    }

    /**
     * Events published but not yet through the last stage (which writes the journal): the pipeline's backlog, and so
     * the journal's lag behind the ring, in events. Any thread.
     */
    public long backlog()
    {
        return Math.max(0, ring.getCursor() - ring.getMinimumGatingSequence());
    }

    /** True once any stage has thrown: no decision is approved any more. */
    public boolean halted()
    {
        return halted.get();
    }

    /** How many stage exceptions were reported. */
    public long exceptionCount()
    {
        return exceptions.get();
    }

    /**
     * Waits until every published event has left the execution stage (at most 10 s), then stops the stage threads
     * and closes the journal, if any (signing what is unsigned). Publishing must have stopped. (Disruptor's own
     * {@code shutdown} skips stages whose thread has not begun running yet, so it could stop a just-started pipeline
     * with events still in the ring.)
     */
    @Override
    public synchronized void close()
    {
        if (crashed)
        {
            return;
        }
        try
        {
            if (disruptor == null)
            {
                return; // CALLER_RUNS: every publish ran its stages before it returned; nothing to drain or stop
            }
            if (started)
            {
                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (ring.getMinimumGatingSequence() < ring.getCursor())
                {
                    if (System.nanoTime() - deadlineNs > 0)
                    {
                        disruptor.halt();
                        throw new IllegalStateException("hedging pipeline did not drain within 10 s; stage threads halted");
                    }
                    Thread.yield();
                }
            }
            disruptor.halt();
        }
        finally
        {
            if (journal != null && !journalClosed)
            {
                // the stage thread released every sequence after its last append: its writes are visible here
                journalClosed = true;
                journal.close();
            }
        }
    }

    /**
     * A stand-in for kill -9, for crash-recovery tests: the journal stops at once (nothing more is appended or flushed,
     * it is neither signed nor closed, see {@link PipelineJournal#crash}), no new order leaves (each is refused before
     * {@code place}), new risk halts, and the stage threads are halted without draining the ring. {@link #close()}
     * does nothing afterwards. Orders already handed to a venue gateway stay wherever they were.
     */
    public synchronized void crash()
    {
        if (crashed)
        {
            return;
        }
        crashed = true;
        final PipelineJournal j = journal;
        if (j != null)
        {
            j.crash();
            journalClosed = true;
        }
        halted.set(true);
        if (started && disruptor != null)
        {
            disruptor.halt();
        }
    }

    /** True once {@link #crash()} ran. */
    public boolean crashed()
    {
        return crashed;
    }

    /** True once the journal failed (the pipeline then halted); false without a journal. */
    public boolean journalFailed()
    {
        final PipelineJournal j = journal;
        return j != null && j.failed();
    }

    private static final class StageThreads implements ThreadFactory
    {
        private static final AtomicInteger PIPELINES = new AtomicInteger();
        private final int pipeline = PIPELINES.incrementAndGet();
        private final AtomicInteger stage = new AtomicInteger();

        @Override
        public Thread newThread(final Runnable r)
        {
            final Thread thread = new Thread(r, "hedger-pipeline-" + pipeline + "-stage-" + stage.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
