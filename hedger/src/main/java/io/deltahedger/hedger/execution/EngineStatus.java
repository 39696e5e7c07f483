package io.deltahedger.hedger.execution;

import java.util.List;

/**
 * What the control plane shows of the engine: an immutable snapshot, replaced (never changed) by the execution stage
 * whenever a group starts or ends or a command or the breaker changes the state, so any thread may read it.
 *
 * @param paused         PAUSE in force
 * @param killed         KILL in force (new risk halted until RESUME)
 * @param breakerTripped the circuit breaker is open
 * @param breakerReason  why it tripped ("" when closed)
 * @param halted         a stage threw: new risk halted until the process restarts (filled in by the pipeline)
 * @param openGroups     groups in flight
 * @param nextGroupId    the id the next group will take (issue 5's journal persists it); -1 for a decision-only
 *                       pipeline
 * @param lastActor      who gave the last command ("" if none)
 */
public record EngineStatus(
    boolean paused,
    boolean killed,
    boolean breakerTripped,
    String breakerReason,
    boolean halted,
    List<OpenGroup> openGroups,
    long nextGroupId,
    String lastActor)
{
    public EngineStatus
    {
        openGroups = List.copyOf(openGroups);
    }

    /** A copy with the pipeline's halt flag. */
    public EngineStatus withHalted(final boolean isHalted)
    {
        return new EngineStatus(paused, killed, breakerTripped, breakerReason, isHalted, openGroups, nextGroupId, lastActor);
    }

    /**
     * A group in flight when the snapshot was taken.
     *
     * @param groupId     its id
     * @param underlying  portfolio underlying index
     * @param state       WORKING or COMPENSATING
     * @param startedMs   decision time, epoch ms
     * @param deadlineMs  the deadline of its current phase, epoch ms
     * @param decidedCoin the decided signed coin quantity
     */
    public record OpenGroup(long groupId, int underlying, GroupState state, long startedMs, long deadlineMs,
                            double decidedCoin)
    {
    }
}
