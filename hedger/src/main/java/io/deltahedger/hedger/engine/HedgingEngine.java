package io.deltahedger.hedger.engine;

import io.deltahedger.config.time.EpochClock;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.EngineStatus;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalSummary;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.marginmonitor.monitor.MonitorConfig;
import io.deltahedger.hedger.pipeline.DecisionSink;
import io.deltahedger.hedger.pipeline.HaltListener;
import io.deltahedger.hedger.pipeline.HedgingPipeline;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.instrument.Instrument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The hedger's composition: the margin book, the portfolio and the {@link HedgingPipeline} they are handed to, and one
 * {@link VenueConnection} per venue session, driven by one duty cycle ({@link #dutyCycle(long)}) that polls every
 * session with the injected time, asks every connection for its accounts every {@code accountRequestIntervalMs}, and
 * publishes a TIMER every {@code timerIntervalMs} (group deadlines, slices and retries advance without market data), and
 * tracks the start-up until every connection is LIVE and every account has reported. The engine starts paused (a PAUSE
 * command by {@link #STARTUP_ACTOR}, first on the ring) and resumes once every venue is up, so no group starts on a
 * partial view.
 *
 * <p>Start-up reconciliation (docs/journal.md "Recovery"): once a connection is LIVE, its venue's open orders are asked
 * for and every one of the agent's (its label a client order id, from a run that crashed) is cancelled and confirmed
 * ended ({@link OpenOrderReconciliation}); the desk's are left alone. Only then are its accounts asked for, and only
 * snapshots from then on reach the pipeline, so the first one, which seeds the portfolio's hedge positions, includes
 * every fill of those orders. With a journal, the previous session's unended groups are ended in it as
 * {@value HedgingPipeline#GROUP_ENDED_BY_RESTART} and group ids continue above the highest it used.
 *
 * <p>Two ways to run it. <b>Threaded</b> ({@link #start()}): connects, runs the duty cycle on its own thread with the
 * injected clock and a back-off idle, and returns once the engine is {@link EngineState#HEDGING}, or throws naming the
 * connection that did not come up within {@code readyTimeoutMs}. <b>Manual</b> (tests, replays): {@link #connect(long)}
 * then {@link #dutyCycle(long)} from the caller's thread with a manual clock, so a whole simulated day is deterministic up
 * to network scheduling. Never both.
 *
 * <p>Ownership: from construction on, the book and the portfolio belong to the pipeline (see {@link HedgingPipeline});
 * the sessions belong to the duty-cycle thread. {@link #state()}, {@link #failure()} and {@link #halted()} are safe from
 * any thread.
 */
public final class HedgingEngine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(HedgingEngine.class);
    private static final long MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** The actor of the engine's own PAUSE (built) and RESUME (every venue up) commands. */
    public static final String STARTUP_ACTOR = "engine start-up";

    private final EngineConfig config;
    private final EpochClock clock;
    private final List<VenueConnection> connections;
    private final HedgingPipeline pipeline;
    private final AtomicLong ownPublished = new AtomicLong();
    private volatile EngineState state = EngineState.NEW;
    private volatile String failure;
    private volatile boolean running;
    private Thread dutyThread;
    private long connectedAtMs;
    private long nextAccountRequestMs;
    private long nextTimerMs;
    private long cycles;
    /** What the journal held at start (null without a journal). */
    private final JournalSummary resumed;

    /**
     * @param config          the duty cycle's settings
     * @param connections     the venue sessions; every account currency of each must be a margin-book account named
     *                        {@code "<connection name> <currency>"}
     * @param book            the margin book with every account and instrument registered (handed to the pipeline)
     * @param portfolio       the option book (handed to the pipeline)
     * @param pipelineConfig  routes, guard, ring
     * @param gateConfig      the margin gate
     * @param executionConfig the execution stage (group ids, deadlines, slicing, breaker); every delta-one instrument
     *                        on the connections' accounts may carry legs and needs a delta-one position in the portfolio
     *                        under its canonical id
     * @param clock           the injected clock (the pipeline stamps events with it; the threaded duty cycle polls
     *                        with it)
     * @param sink            the pipeline's outcomes
     * @param onHalt          told of each stage exception
     */
    public HedgingEngine(
        final EngineConfig config,
        final List<ConnectionConfig> connections,
        final MarginBook book,
        final Portfolio portfolio,
        final PipelineConfig pipelineConfig,
        final GateConfig gateConfig,
        final ExecutionConfig executionConfig,
        final EpochClock clock,
        final DecisionSink sink,
        final HaltListener onHalt)
    {
        this(config, connections, book, portfolio, pipelineConfig, gateConfig, executionConfig, clock, sink, onHalt, null,
            null);
    }

    /**
     * As the constructor above, with the audit journal: the pipeline writes every input, decision, verdict, order and
     * report to it in ring order (docs/journal.md), continuing the journal's chain and group ids after a restart.
     *
     * @param journal the journal writer, or null for none
     * @param agentId the agent's id recorded in the journal's header (with a journal)
     */
    public HedgingEngine(
        final EngineConfig config,
        final List<ConnectionConfig> connections,
        final MarginBook book,
        final Portfolio portfolio,
        final PipelineConfig pipelineConfig,
        final GateConfig gateConfig,
        final ExecutionConfig executionConfig,
        final EpochClock clock,
        final DecisionSink sink,
        final HaltListener onHalt,
        final JournalWriter journal,
        final String agentId)
    {
        this(config, connections, book, portfolio, pipelineConfig, gateConfig, executionConfig, clock, sink, onHalt,
            journal, agentId, null, false);
    }

    /**
     * As the constructor above, with continuous margin monitoring in the pipeline's gate stage and, when
     * {@code deRisk}, automatic reduce-only de-risking of the delta-one positions (docs/margin.md, "Continuous
     * monitoring in the engine").
     *
     * @param monitor the alert levels and de-risk trigger and target, or null for no monitoring
     * @param deRisk  whether an account past the trigger is cut automatically (needs a monitor)
     */
    public HedgingEngine(
        final EngineConfig config,
        final List<ConnectionConfig> connections,
        final MarginBook book,
        final Portfolio portfolio,
        final PipelineConfig pipelineConfig,
        final GateConfig gateConfig,
        final ExecutionConfig executionConfig,
        final EpochClock clock,
        final DecisionSink sink,
        final HaltListener onHalt,
        final JournalWriter journal,
        final String agentId,
        final MonitorConfig monitor,
        final boolean deRisk)
    {
        if (config == null || connections == null || connections.isEmpty() || book == null || clock == null)
        {
            throw new IllegalArgumentException("HedgingEngine needs an EngineConfig, at least one ConnectionConfig, a "
                + "margin book and a clock; got " + config + ", " + connections + ", " + book + ", " + clock);
        }
        for (int i = 0; i < connections.size(); i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (connections.get(i).name().equals(connections.get(j).name()))
                {
                    throw new IllegalArgumentException("two connections are named " + connections.get(i).name()
                        + ": give each venue session its own name (it names its margin-book accounts)");
                }
            }
        }
        this.config = config;
        this.clock = clock;
        final long nowMs = clock.epochMs();
        // 1. the venue sessions and their id tables (read the book before the pipeline owns it)
        final List<VenueConnection> built = new ArrayList<>();
        for (final ConnectionConfig c : connections)
        {
            built.add(new VenueConnection(c, book, nowMs));
        }
        this.connections = List.copyOf(built);
        // 2. where groups execute: each account's session gateway, each delta-one instrument's venue instrument
        final ExecutionVenues.Builder venues = ExecutionVenues.builder();
        for (final VenueConnection c : this.connections)
        {
            for (final int accountId : c.accountIds())
            {
                venues.gateway(accountId, c.gateway());
            }
            for (final Map.Entry<Integer, Instrument> e : c.deltaOneInstruments().entrySet())
            {
                venues.instrument(e.getKey(), e.getValue());
            }
        }
        // 3. the pipeline: takes over the book and the portfolio
        this.pipeline = new HedgingPipeline(pipelineConfig, portfolio, book, gateConfig, executionConfig, venues.build(),
            clock, sink, onHalt);
        // 4. the sessions publish into it; no group starts until every venue is up (start-up, below)
        for (final VenueConnection c : this.connections)
        {
            c.attach(pipeline);
        }
        if (journal != null)
        {
            try
            {
                resumed = JournalSummary.scan(JournalFormat.filesIn(journal.directory()));
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException("cannot list the journal in " + journal.directory() + ": "
                    + e.getMessage(), e);
            }
            if (!resumed.openGroups().isEmpty())
            {
                LOG.warn("the journal in {} holds {} group(s) the previous session never ended (it died): {}; they are "
                    + "ended as {} (not resumed), their orders still open on a venue are cancelled before hedging "
                    + "starts, and what they filled is taken from the venues' positions", journal.directory(),
                    resumed.openGroups().size(), resumed.openGroups().stream().map(g -> g.groupId()).toList(),
                    HedgingPipeline.GROUP_ENDED_BY_RESTART);
            }
            pipeline.withJournal(journal, agentId, resumed);
        }
        else
        {
            resumed = null;
        }
        if (monitor != null)
        {
            pipeline.withMonitor(monitor, deRisk);
        }
        else if (deRisk)
        {
            throw new IllegalArgumentException("de-risking needs a MonitorConfig (its trigger and target)");
        }
        pipeline.start();
        pipeline.publishCommand(EngineCommand.PAUSE, STARTUP_ACTOR);
        ownPublished.incrementAndGet();
    }

    /**
     * Manual mode: starts every session at {@code nowMs}; the caller then calls {@link #dutyCycle(long)}.
     */
    public synchronized void connect(final long nowMs)
    {
        if (state != EngineState.NEW)
        {
            throw new IllegalStateException("engine already connected (state " + state + ")");
        }
        state = EngineState.CONNECTING;
        connectedAtMs = nowMs;
        nextAccountRequestMs = nowMs;
        nextTimerMs = nowMs;
        for (final VenueConnection c : connections)
        {
            c.start(nowMs);
        }
    }

    /**
     * Threaded mode: connects, starts the duty-cycle thread and waits until the engine is HEDGING.
     *
     * @throws IllegalStateException naming the connections that were not LIVE or whose accounts had not reported
     *                               within {@code readyTimeoutMs} (the engine is closed then)
     */
    public HedgingEngine start()
    {
        connect(clock.epochMs());
        running = true;
        dutyThread = new Thread(this::runDutyCycle, "hedger-engine-duty-cycle");
        dutyThread.setDaemon(true);
        dutyThread.start();
        while (state == EngineState.CONNECTING)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        if (state != EngineState.HEDGING)
        {
            final String why = failure;
            close();
            throw new IllegalStateException(why == null ? "engine stopped while connecting" : why);
        }
        return this;
    }

    private void runDutyCycle()
    {
        final BackoffIdle idle = new BackoffIdle(MAX_PARK_NS);
        try
        {
            while (running)
            {
                idle.idle(dutyCycle(clock.epochMs()));
            }
        }
        catch (final RuntimeException ex)
        {
            failure = "engine duty cycle failed: " + ex;
            state = EngineState.FAILED;
            LOG.error("engine duty cycle failed; the engine stops polling its venues", ex);
        }
    }

    /**
     * One duty cycle at {@code nowMs} of the injected clock: polls every session (their callbacks publish into the
     * ring), asks for accounts when due, and advances the start-up. One thread only: the duty-cycle thread, or the
     * caller in manual mode.
     *
     * @return work done (0 when idle)
     */
    public int dutyCycle(final long nowMs)
    {
        if (state == EngineState.NEW)
        {
            throw new IllegalStateException("call connect(nowMs) (or start()) before dutyCycle");
        }
        cycles++;
        int work = 0;
        for (int i = 0; i < connections.size(); i++)
        {
            work += connections.get(i).poll(nowMs);
        }
        if (nowMs >= nextAccountRequestMs)
        {
            nextAccountRequestMs = nowMs + config.accountRequestIntervalMs();
            for (int i = 0; i < connections.size(); i++)
            {
                // NOT_CONNECTED while a session is down: its accounts age into the stale-data guard, as they should.
                // Not before the start-up reconciliation is done: the first snapshot must follow the cancels.
                if (connections.get(i).reconciled())
                {
                    connections.get(i).gateway().requestAccount();
                }
            }
            work++;
        }
        if (nowMs >= nextTimerMs)
        {
            nextTimerMs = nowMs + config.timerIntervalMs();
            pipeline.publishTimer();
            ownPublished.incrementAndGet();
            work++;
        }
        if (state == EngineState.CONNECTING)
        {
            for (int i = 0; i < connections.size(); i++)
            {
                work += connections.get(i).reconcile(nowMs);
            }
            work += advanceStartUp(nowMs);
        }
        return work;
    }

    private int advanceStartUp(final long nowMs)
    {
        final StringBuilder missing = new StringBuilder();
        for (final VenueConnection c : connections)
        {
            if (c.connectionState() != ConnectionState.LIVE)
            {
                missing.append(missing.length() == 0 ? "" : "; ").append(c.name()).append(" is ")
                    .append(c.connectionState()).append(c.session().authFailure() == null ? ""
                        : " (authentication refused: " + c.session().authFailure() + ")");
            }
            else if (!c.reconciled())
            {
                missing.append(missing.length() == 0 ? "" : "; ").append(c.name())
                    .append(" is LIVE but its start-up reconciliation waits for ").append(c.reconciliationWaitingFor());
            }
            else if (!c.allAccountsReported())
            {
                missing.append(missing.length() == 0 ? "" : "; ").append(c.name())
                    .append(" is LIVE but not every account has reported a snapshot");
            }
        }
        if (missing.length() == 0)
        {
            pipeline.publishCommand(EngineCommand.RESUME, STARTUP_ACTOR);
            ownPublished.incrementAndGet();
            state = EngineState.HEDGING;
            LOG.info("engine hedging: {} connection(s) LIVE after {} ms", connections.size(), nowMs - connectedAtMs);
            return 1;
        }
        if (nowMs - connectedAtMs > config.readyTimeoutMs())
        {
            failure = "engine did not come up within readyTimeoutMs=" + config.readyTimeoutMs() + " ms: " + missing
                + ". Check the endpoint, the credentials and the network, or raise readyTimeoutMs";
            state = EngineState.FAILED;
            LOG.error(failure);
            return 1;
        }
        return 0;
    }

    /** The engine's life-cycle state (any thread). */
    public EngineState state()
    {
        return state;
    }

    /** Why the engine FAILED, or null (any thread). */
    public String failure()
    {
        return failure;
    }

    /** What the control plane shows: paused, breaker, kill, halt, open groups (any thread). */
    public EngineStatus status()
    {
        return pipeline.status();
    }

    /** An operator's command (pause, resume, flatten, kill, reset breaker), in ring order. Any thread. */
    public void command(final EngineCommand command, final String actor)
    {
        pipeline.publishCommand(command, actor);
        ownPublished.incrementAndGet();
    }

    /**
     * Events put on the ring through this engine (its connections' market data, accounts, reports and states, its
     * timers and commands; not the GROUP_DONE events the execution stage publishes itself). Any thread: a sink that
     * counts what it was handed can tell when the ring has caught up.
     */
    public long published()
    {
        long total = ownPublished.get();
        for (final VenueConnection c : connections)
        {
            total += c.published();
        }
        return total;
    }

    /** True once a pipeline stage has thrown: no new risk. */
    public boolean halted()
    {
        return pipeline.halted();
    }

    /** The connections, in configuration order. */
    public List<VenueConnection> connections()
    {
        return connections;
    }

    /** The connection of a name. */
    public VenueConnection connection(final String name)
    {
        for (final VenueConnection c : connections)
        {
            if (c.name().equals(name))
            {
                return c;
            }
        }
        throw new IllegalArgumentException("no connection named " + name + "; have " + connections);
    }

    /** The pipeline (publishing from other threads is allowed; see its contract). */
    public HedgingPipeline pipeline()
    {
        return pipeline;
    }

    /** What the journal held when this engine started (its open groups were ended by the restart); null without one. */
    public JournalSummary resumedJournal()
    {
        return resumed;
    }

    /**
     * A stand-in for kill -9 (crash-recovery tests): stops the duty cycle, halts the pipeline without draining it and
     * freezes its journal (nothing more appended or flushed, never signed or closed: {@link HedgingPipeline#crash()}),
     * and drops every venue socket without cancelling anything, so open orders stay on the venues and orders queued in
     * a session are never sent. The engine is CLOSED afterwards; {@link #close()} does nothing more. In manual mode,
     * call it from the thread that ran the duty cycle.
     */
    public synchronized void crash()
    {
        if (state == EngineState.CLOSED)
        {
            return;
        }
        stopDutyCycle();
        pipeline.crash();
        final long nowMs = clock.epochMs();
        if (state != EngineState.NEW)
        {
            for (final VenueConnection c : connections)
            {
                c.abandon(nowMs);
            }
        }
        state = EngineState.CLOSED;
        LOG.warn("engine crashed on purpose (crash-recovery stand-in for kill -9): journal left unsigned, orders left "
            + "on the venues");
    }

    /** Duty cycles run so far. */
    public long cycles()
    {
        return cycles;
    }

    /**
     * Stops the duty-cycle thread (if any), closes every session (their DOWN states go through the ring) and drains
     * and stops the pipeline. In manual mode, call it from the thread that ran the duty cycle.
     */
    @Override
    public synchronized void close()
    {
        if (state == EngineState.CLOSED)
        {
            return;
        }
        stopDutyCycle();
        final long nowMs = clock.epochMs();
        if (state != EngineState.NEW)
        {
            for (final VenueConnection c : connections)
            {
                c.close(nowMs);
            }
        }
        state = EngineState.CLOSED;
        pipeline.close();
    }

    /** Stops the duty-cycle thread (if any, and not the caller) and waits up to 5 s for it to end. */
    private void stopDutyCycle()
    {
        running = false;
        if (dutyThread != null && dutyThread != Thread.currentThread())
        {
            try
            {
                dutyThread.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
