package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.GroupOutcome;

/**
 * Where the release stage (the last one) hands each event, on the pipeline's release thread. The event is only valid
 * during the call (its slot is cleared and reused after it): copy what must be kept. An exception thrown here reaches
 * the pipeline's halting exception handler like any stage's.
 */
public interface DecisionSink
{
    /**
     * An approved hedge: {@link PipelineEvent#legs()} is the group of orders the margin gate approved; {@link PipelineEvent#decision()} and {@link PipelineEvent#verdict()} say why.
     */
    void onApproved(PipelineEvent event);

    /** Every other event, with its {@link PipelineEvent#result()} (for the journal, metrics and tests). Default: ignored. */
    default void onNotApproved(final PipelineEvent event)
    {
    }

    /**
     * A rebalancing group ended (any terminal state, BLOCKED included), on the execution stage's thread, before its
     * GROUP_DONE event is published. Default: ignored.
     */
    default void onGroupDone(final GroupOutcome outcome)
    {
    }
}
