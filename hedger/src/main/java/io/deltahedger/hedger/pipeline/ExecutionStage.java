package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.EventHandler;
import io.deltahedger.hedger.execution.GroupExecutor;
import io.deltahedger.hedger.execution.GroupListener;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stage 5: execution, the last stage. With a {@link GroupExecutor}: feeds it marks, execution reports, commands and
 * time; turns each trading decision stage 3 marked ({@code groupPending}) into exactly one group, started if APPROVED
 * and the engine admits new risk (else the result becomes HALTED, KILLED, PAUSED or BREAKER_OPEN), or ended BLOCKED;
 * publishes a GROUP_DONE event for every ended group (never blocking on its own ring: {@code tryNext}, with a bounded
 * queue retried on every later event). Without one (a decision-only pipeline: backtests of decisions, the latency
 * harness) it only releases. Then hands the event to the {@link DecisionSink} (APPROVED to {@code onApproved},
 * everything else to {@code onNotApproved}) and clears the slot whatever happens (LMAX's clearing handler).
 *
 * <p>With a {@link PipelineJournal} this stage's thread is the journal's single writer: it appends the event's inputs
 * before acting on them, a decision's GROUP and VERDICT before its group starts or is blocked, each ORDER before it
 * is placed (through the executor's order hook), each group's end, and flushes at the end of the batch, after the
 * event was released.
 *
 * <p>Allocation: none for market data while no group is open (the executor's poll is then a flag test); orders,
 * reports, commands and outcomes allocate (rare events).
 */
final class ExecutionStage implements EventHandler<PipelineEvent>, GroupListener
{
    /** Publishes a GROUP_DONE without waiting; false when the ring has no free slot. */
    interface GroupDonePublisher
    {
        boolean tryPublish(GroupOutcome outcome, boolean breakerOpen, long breakerResets);
    }

    private final AtomicBoolean halted;
    private final DecisionSink sink;
    private GroupExecutor executor;
    private GroupDonePublisher publisher;
    private final ArrayDeque<GroupOutcome> unpublished = new ArrayDeque<>();
    private int doneQueueCapacity;
    private PipelineJournal journal;

    ExecutionStage(final AtomicBoolean halted, final DecisionSink sink)
    {
        this.halted = halted;
        this.sink = sink;
    }

    /** Connects the executor (built with this stage as its listener) and the ring publisher. */
    void execute(final GroupExecutor groupExecutor, final GroupDonePublisher donePublisher, final int capacity)
    {
        this.executor = groupExecutor;
        this.publisher = donePublisher;
        this.doneQueueCapacity = capacity;
    }

    /** Journals every event from this stage's thread (set before the stage threads start). */
    void journal(final PipelineJournal pipelineJournal)
    {
        this.journal = pipelineJournal;
    }

    @Override
    public void onEvent(final PipelineEvent event, final long sequence, final boolean endOfBatch)
    {
        try
        {
            if (journal != null)
            {
                journal.onInput(event, sequence);
            }
            if (executor != null)
            {
                execute(event);
            }
            else if (journal != null && event.gateEvaluated)
            {
                // decision-only: no group is started, the verdict is still proof of what the gate said
                journal.onVerdict(event, -1);
            }
            if (event.result == PipelineResult.APPROVED && halted.get())
            {
                event.result = PipelineResult.HALTED;
            }
            for (int k = 0; k < event.alertCount(); k++)
            {
                sink.onAlert(event.alertAccount(k), event.alertLevel(k), event.alertRatio(k));
            }
            if (event.deRiskAccount >= 0)
            {
                sink.onDeRisk(event);
            }
            if (event.result == PipelineResult.APPROVED)
            {
                sink.onApproved(event);
            }
            else
            {
                sink.onNotApproved(event);
            }
        }
        finally
        {
            if (journal != null)
            {
                journal.afterEvent(); // the inputs of an event that wrote nothing else: after the sink was told
            }
            event.clear();
            if (endOfBatch && journal != null)
            {
                // after the sink: a decision never waits for the batch's write (orders are flushed before placing)
                journal.endOfBatch();
            }
        }
    }

    private void execute(final PipelineEvent event)
    {
        final long nowMs = event.nowMs;
        switch (event.kind)
        {
            case MARKET_DATA ->
            {
                final MarketDataEvent md = event.marketData();
                if (md.type() == MarketDataType.TICKER && md.has(TickerField.MARK_PRICE))
                {
                    executor.onMark(md.instrumentIndex(), md.markPrice());
                }
            }
            case EXECUTION_REPORT -> executor.onReport(event.accountId, event.report, nowMs);
            case COMMAND -> executor.onCommand(event.command, event.actor, nowMs);
            default ->
            {
            }
        }
        if (event.groupPending)
        {
            admit(event, nowMs);
        }
        else if (journal != null && event.gateEvaluated)
        {
            journal.onVerdict(event, -1);
        }
        if (event.deRiskAccount >= 0 && event.deRiskLegs.size() > 0)
        {
            deRisk(event, nowMs);
        }
        executor.poll(nowMs);
        flush();
    }

    private void admit(final PipelineEvent event, final long nowMs)
    {
        final int u = event.underlying;
        if (journal != null)
        {
            // start and block both take the next id; GROUP and VERDICT precede the group's orders and its end
            final long groupId = executor.nextGroupId();
            journal.onGroup(event, groupId);
            if (event.gateEvaluated)
            {
                journal.onVerdict(event, groupId);
            }
        }
        if (event.result != PipelineResult.APPROVED)
        {
            executor.block(u, event.legs(), event.decision(), "not approved: " + event.result
                + (event.result == PipelineResult.GATE_BLOCKED ? " " + event.verdict().reason() : ""), nowMs);
            return;
        }
        final PipelineResult refusal = halted.get() ? PipelineResult.HALTED
            : executor.killed() ? PipelineResult.KILLED
            : executor.paused() ? PipelineResult.PAUSED
            : executor.breaker().tripped() ? PipelineResult.BREAKER_OPEN
            : null;
        if (refusal != null)
        {
            event.result = refusal;
            executor.block(u, event.legs(), event.decision(), "engine refused new risk: " + refusal
                + (refusal == PipelineResult.BREAKER_OPEN ? " (" + executor.breaker().reason() + ")" : ""), nowMs);
            return;
        }
        event.groupId = executor.start(u, event.legs(), event.decision(), nowMs);
    }

    /**
     * Starts the event's de-risking group: always risk-reducing, so neither the margin gate, nor PAUSE, nor the
     * breaker stops it; KILL and a halted pipeline do (the group is then BLOCKED, so stage 4 learns it ended).
     */
    private void deRisk(final PipelineEvent event, final long nowMs)
    {
        final int a = event.deRiskAccount;
        if (journal != null)
        {
            journal.onDeRiskGroup(event, executor.nextGroupId());
        }
        if (halted.get() || executor.killed())
        {
            event.deRiskGroupId = executor.blockDeRisk(a, event.deRiskLegs, "de-risk refused: "
                + (halted.get() ? PipelineResult.HALTED : PipelineResult.KILLED), nowMs);
            return;
        }
        event.deRiskGroupId = executor.startDeRisk(a, event.deRiskLegs, nowMs);
    }

    @Override
    public void onGroupDone(final GroupOutcome outcome)
    {
        if (journal != null)
        {
            journal.onGroupDone(outcome);
        }
        sink.onGroupDone(outcome);
        if (unpublished.size() == doneQueueCapacity)
        {
            throw new IllegalStateException("GROUP_DONE queue is full at " + doneQueueCapacity + " (group "
                + outcome.groupId() + "): the ring has been full for that many group ends; raise "
                + "ExecutionConfig.doneQueueCapacity or the ring size");
        }
        unpublished.addLast(outcome);
    }

    /** Publishes queued GROUP_DONEs while the ring has room; the rest wait for a later event (the TIMER at the latest). */
    private void flush()
    {
        while (!unpublished.isEmpty()
            && publisher.tryPublish(unpublished.peekFirst(), executor.breaker().tripped(), executor.breakerResets()))
        {
            unpublished.removeFirst();
        }
    }

    /** GROUP_DONE events waiting for a ring slot. */
    int unpublishedGroupDones()
    {
        return unpublished.size();
    }
}
