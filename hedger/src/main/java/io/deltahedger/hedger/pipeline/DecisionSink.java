package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.marginmonitor.monitor.AlertLevel;

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

    /**
     * An account's margin alert level changed (HedgingPipeline.withMonitor), on the release thread, in ring order.
     * Default: ignored.
     *
     * @param ratio the margin ratio that caused it (maintenance margin / margin balance; 1.0 is liquidation)
     */
    default void onAlert(final int accountId, final AlertLevel level, final double ratio)
    {
    }

    /**
     * The margin monitor planned a de-risking cut of {@link PipelineEvent#deRiskAccount()}: its reduce-only
     * {@link PipelineEvent#deRiskLegs()}, the group that carries them ({@link PipelineEvent#deRiskGroupId()}, -1 when
     * there are no legs) and whether the plan reaches the target ({@link PipelineEvent#deRiskReachesTarget()}; when
     * false, options or untradable positions keep the account above it: an operator must act). Called after the
     * group started or was blocked, before {@code onApproved}/{@code onNotApproved}. Default: ignored.
     */
    default void onDeRisk(final PipelineEvent event)
    {
    }
}
