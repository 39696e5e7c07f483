package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.OrderJournal;
import io.deltahedger.hedger.journal.JournalHeader;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.order.OrderRequest;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipeline's side of the journal (docs/journal.md "Wiring into the pipeline"): owned by the execution stage's
 * thread (stage 5, after the gate in both threading modes), it appends for each event, in ring order, a market-data
 * event exactly as received (MARKET_DATA, unless the writer's config turns it off), what the margin book was given
 * (MARKET, ACCOUNT), connection changes, reports, commands and policy changes (CONTROL), then the
 * event's GROUP and the VERDICT of every gate evaluation, every ORDER before it is placed (flushed first:
 * write-ahead), and each group's end (GROUP_DONE); it flushes at the end of each Disruptor batch. The HEADER is
 * appended on {@link #start} from the book's setup captured before the stage threads run.
 *
 * <p>Failure: the first exception of the writer (an I/O error) halts the pipeline (no new risk, as a stage exception
 * does), is counted and reported to the {@link HaltListener} as stage {@code journal}; from then on nothing more is
 * appended and every new order is refused (never trade without a journal when one is configured). Appending never
 * throws into the stage, so the execution stage keeps following its groups' reports.
 *
 * <p>Allocation: none for market data, account snapshots, connection changes, reports, commands, verdicts and group
 * ends in steady state (the writer's appends are allocation-free; the strings written exist already); a POLICY change
 * writes the policy's {@code toString} (rare).
 */
final class PipelineJournal implements OrderJournal
{
    /** How often batch ends flush the journal's buffer (wall time; it does not touch any decision). */
    static final long FLUSH_INTERVAL_NS = 1_000_000L;

    private long lastFlushNs = System.nanoTime() - FLUSH_INTERVAL_NS;

    static final String STAGE = "journal";
    /**
     * The GROUP_DONE state of a previous session's group that session never ended (it died): a restarted pipeline
     * never resumes a group, so the new session ends it on its start, right after its HEADER. What the group filled is
     * in the venues' positions, which the new session takes as its start (the first account snapshots); its orders
     * still open on a venue are cancelled by the engine's start-up reconciliation (their REPORTs follow).
     */
    static final String ENDED_BY_RESTART = "ENDED_BY_RESTART";

    private final JournalWriter writer;
    /** Whether every market-data event is journaled in full (MARKET_DATA) before its MARKET record. */
    private final boolean marketData;
    private final JournalHeader header;
    private final AtomicBoolean halted;
    private final AtomicLong exceptions;
    private final HaltListener listener;
    /** Actor of a connection change: the venue session of margin-book account a, "session:a". */
    private final String[] sessionActor;
    /** Groups a previous session started and never ended, ended by {@link #start}. */
    private final long[] endAtStart;
    private long sequence = -1;
    /** The event whose inputs are not appended yet (see {@link #onInput}), or null. */
    private PipelineEvent pendingInput;
    private volatile boolean failed;
    /** Set by {@link #crash}: the process is gone, nothing more reaches the file. */
    private volatile boolean crashed;

    PipelineJournal(final JournalWriter writer, final JournalHeader header, final int accountCount,
                    final AtomicBoolean halted, final AtomicLong exceptions, final HaltListener listener,
                    final long[] endAtStart)
    {
        this.writer = writer;
        this.marketData = writer.config().marketData();
        this.header = header;
        this.endAtStart = endAtStart.clone();
        this.halted = halted;
        this.exceptions = exceptions;
        this.listener = listener;
        this.sessionActor = new String[accountCount];
        for (int a = 0; a < accountCount; a++)
        {
            sessionActor[a] = "session:" + a;
        }
    }

    /**
     * Appends the HEADER and flushes it (caller's thread, before the stage threads start), then hands the writer over
     * to the execution stage's thread.
     *
     * @throws java.io.UncheckedIOException if it cannot be written: the pipeline must not start
     */
    void start(final long nowMs)
    {
        writer.appendHeader(nowMs, header);
        for (final long groupId : endAtStart)
        {
            writer.appendGroupDone(nowMs, groupId, ENDED_BY_RESTART);
        }
        writer.flush();
        writer.handOver();
    }

    /**
     * Takes the inputs of an event, before the execution stage acts on it. They are appended before anything else the
     * event writes (its GROUP, VERDICTs, ORDERs, group ends: each append below writes them first), else once the sink
     * has been told ({@link #afterEvent}): the records and their order are the same, but an event that trades nothing,
     * nearly every event, is released without waiting for its own records (with market data on, the MARKET_DATA
     * record's encoding and hashing added ~10 us to the p99 of tick to decision).
     */
    void onInput(final PipelineEvent event, final long sequence)
    {
        this.sequence = sequence;
        pendingInput = event;
    }

    /** Appends the event's inputs if they are still pending (after the sink was told, before the slot is cleared). */
    void afterEvent()
    {
        appendPendingInput();
    }

    private void appendPendingInput()
    {
        final PipelineEvent event = pendingInput;
        if (event == null)
        {
            return;
        }
        pendingInput = null;
        if (failed || crashed)
        {
            return;
        }
        try
        {
            final long t = event.nowMs;
            switch (event.kind)
            {
                case MARKET_DATA ->
                {
                    if (marketData)
                    {
                        writer.appendMarketData(t, event.marketData());
                    }
                    if (event.bookFields != 0)
                    {
                        writer.appendMarket(t, event.marketData().instrumentIndex(), event.bookFields, event.bookMark,
                            event.bookVolatility, event.bookIndex);
                    }
                }
                case ACCOUNT -> writer.appendAccount(t, event.accountId, event.account);
                case CONNECTION_STATE -> writer.appendControl(t, "CONNECTION", sessionActor[event.accountId],
                    event.connectionState.name());
                case EXECUTION_REPORT -> writer.appendReport(t, event.accountId, event.report);
                case COMMAND -> writer.appendControl(t, event.command.name(), event.actor, "");
                case POLICY -> writer.appendControl(t, "POLICY", event.actor, event.policy.toString());
                default ->
                {
                    // TIMER carries only time; GROUP_DONE events echo the group end journaled when it happened
                }
            }
        }
        catch (final RuntimeException e)
        {
            fail(e);
        }
    }

    /** Appends a trading decision's GROUP under the id the execution stage gives it (before it starts or blocks it). */
    void onGroup(final PipelineEvent event, final long groupId)
    {
        appendPendingInput();
        if (failed || crashed)
        {
            return;
        }
        try
        {
            writer.appendGroup(event.nowMs, groupId, event.underlying, event.legs());
        }
        catch (final RuntimeException e)
        {
            fail(e);
        }
    }

    /** Appends a de-risking group's GROUP record (underlying -1, its reduce-only legs) before its orders. */
    void onDeRiskGroup(final PipelineEvent event, final long groupId)
    {
        appendPendingInput();
        if (failed)
        {
            return;
        }
        try
        {
            writer.appendGroup(event.nowMs, groupId, -1, event.deRiskLegs);
        }
        catch (final RuntimeException e)
        {
            fail(e);
        }
    }

    /** Appends the VERDICT of the gate's evaluation of this event's legs (group -1 when no group is tracked). */
    void onVerdict(final PipelineEvent event, final long groupId)
    {
        appendPendingInput();
        if (failed || crashed)
        {
            return;
        }
        try
        {
            writer.appendVerdict(event.nowMs, groupId, event.nowMs, event.legs(), event.verdict());
        }
        catch (final RuntimeException e)
        {
            fail(e);
        }
    }

    /** Write-ahead: the ORDER reaches the file (the OS) before the order can reach the venue. */
    @Override
    public boolean beforePlace(final int accountId, final OrderRequest request, final long nowMs)
    {
        appendPendingInput();
        if (failed || crashed)
        {
            return false;
        }
        try
        {
            writer.appendOrder(nowMs, accountId, request);
            writer.flush();
            return true;
        }
        catch (final RuntimeException e)
        {
            fail(e);
            return false;
        }
    }

    /** Appends a group's end at the time it ended. */
    void onGroupDone(final GroupOutcome outcome)
    {
        appendPendingInput();
        if (failed || crashed)
        {
            return;
        }
        try
        {
            writer.appendGroupDone(outcome.endedMs(), outcome.groupId(), outcome.state().name());
        }
        catch (final RuntimeException e)
        {
            fail(e);
        }
    }

    /**
     * Flushes what the batches appended, at most once per {@link #FLUSH_INTERVAL_NS}: a {@code write} per event would
     * sit in front of the next event (measured: +4 us at p99). Orders never wait for this: each ORDER is flushed before
     * it is placed ({@link #beforePlace}). So a crash loses at most the last millisecond of inputs and verdicts, never
     * an order; the engine's TIMER events (every 100 ms) end a batch too, so nothing waits longer when the market is
     * quiet, and closing flushes the rest.
     */
    void endOfBatch()
    {
        if (failed || crashed)
        {
            return;
        }
        final long now = System.nanoTime();
        if (now - lastFlushNs < FLUSH_INTERVAL_NS)
        {
            return;
        }
        lastFlushNs = now;
        try
        {
            writer.flush();
        }
        catch (final RuntimeException e)
        {
            fail(e);
        }
    }

    /**
     * A stand-in for the process dying (kill -9): from now on nothing is appended or flushed (what the writer had
     * buffered is lost, what it flushed stays in the file), every order is refused, and the writer is never closed or
     * signed. Any thread; the stage thread may finish the append it is in.
     */
    void crash()
    {
        crashed = true;
    }

    /** True once the writer failed: nothing is appended any more and orders are refused. */
    boolean failed()
    {
        return failed;
    }

    /**
     * Signs, flushes and closes the writer (on the closing thread, after the stage threads stopped).
     *
     * @throws java.io.UncheckedIOException if that fails and no failure had been reported before
     */
    void close()
    {
        try
        {
            writer.handOver();
            writer.close();
        }
        catch (final RuntimeException e)
        {
            if (!failed)
            {
                throw e;
            }
            // already halted and reported; a writer that failed once may fail again closing
            listener.onStageException(STAGE, -1, e);
        }
    }

    private void fail(final RuntimeException e)
    {
        failed = true;
        halted.set(true);
        exceptions.incrementAndGet();
        listener.onStageException(STAGE, sequence, e);
    }
}
