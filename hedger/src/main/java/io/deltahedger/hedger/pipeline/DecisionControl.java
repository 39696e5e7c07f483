package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.hedger.policy.HedgeDecider;

/**
 * The decision stage's view of the engine state, kept in ring order so it replays the same way: which underlyings
 * have a group in flight (marked when stage 3 emits a trading decision, freed when that group's GROUP_DONE passes),
 * and the operator's PAUSE/KILL, FLATTEN and breaker resets as COMMAND events pass. The breaker's trips happen in
 * stage 5 and reach here on GROUP_DONE events (taken only if no reset command came between, see
 * {@code GroupExecutor.breakerResets()}); stage 5 re-checks everything at admission, so this view only spares the
 * deciders (rate cap, hysteresis) from decisions that could not run. Owned by the decision stage thread; paused and
 * killed are volatile for the status of a pipeline without execution.
 */
final class DecisionControl
{
    private final HedgeDecider[] deciders;
    private final boolean tracking;
    private final boolean[] busy;
    private volatile boolean paused;
    private volatile boolean killed;
    private boolean breakerOpen;
    private long breakerResets;

    /**
     * @param deciders one per underlying (null where not hedged)
     * @param tracking true when an execution stage runs groups and publishes GROUP_DONE; false for a decision-only
     *                 pipeline, where nothing is marked busy
     */
    DecisionControl(final HedgeDecider[] deciders, final boolean tracking)
    {
        this.deciders = deciders;
        this.tracking = tracking;
        this.busy = new boolean[deciders.length];
    }

    /** Applies a COMMAND or GROUP_DONE event; true if it was one. Allocation-free. */
    boolean applied(final PipelineEvent event)
    {
        if (event.kind == EventKind.COMMAND)
        {
            apply(event.command);
            return true;
        }
        if (event.kind == EventKind.GROUP_DONE)
        {
            final int u = event.groupUnderlying;
            if (event.groupDeRisk || u < 0)
            {
                // a de-risking group never made an underlying busy; only its breaker news counts here
                takeBreaker(event);
                return true;
            }
            busy[u] = false;
            if (event.groupState != GroupState.COMPLETE && deciders[u] != null)
            {
                // the decider assumed its decision would be executed in full; it was not
                deciders[u].rearm();
            }
            takeBreaker(event);
            return true;
        }
        return false;
    }

    private void takeBreaker(final PipelineEvent event)
    {
        if (event.breakerResets == breakerResets)
        {
            breakerOpen = event.breakerOpen;
        }
    }

    /**
     * Refuses an event of a hedged underlying that is busy, killed, paused or behind an open breaker, writing the
     * result; true if refused. Allocation-free.
     */
    boolean refused(final PipelineEvent event)
    {
        final int u = event.underlying;
        if (u < 0 || deciders[u] == null)
        {
            return false;
        }
        final PipelineResult refusal = busy[u] ? PipelineResult.GROUP_IN_FLIGHT
            : killed ? PipelineResult.KILLED
            : paused ? PipelineResult.PAUSED
            : breakerOpen ? PipelineResult.BREAKER_OPEN
            : null;
        if (refusal == null)
        {
            return false;
        }
        event.result = refusal;
        return true;
    }

    /** After a decision: a trading decision (legs left for the gate) makes its underlying busy until GROUP_DONE. */
    void afterDecision(final PipelineEvent event)
    {
        if (tracking && event.underlying >= 0 && event.legs().size() > 0 && event.result == PipelineResult.GATE_BLOCKED)
        {
            busy[event.underlying] = true;
            event.groupPending = true;
        }
    }

    private void apply(final EngineCommand command)
    {
        switch (command)
        {
            case PAUSE -> paused = true;
            case RESUME ->
            {
                paused = false;
                killed = false;
                breakerOpen = false;
                breakerResets++;
            }
            case RESET_BREAKER ->
            {
                breakerOpen = false;
                breakerResets++;
            }
            case KILL -> killed = true;
            case FLATTEN ->
            {
                for (final HedgeDecider decider : deciders)
                {
                    if (decider != null)
                    {
                        decider.requestFlatten();
                    }
                }
            }
        }
    }

    boolean paused()
    {
        return paused;
    }

    boolean killed()
    {
        return killed;
    }
}
