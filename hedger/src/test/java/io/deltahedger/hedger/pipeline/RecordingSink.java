package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.policy.HedgeReason;
import io.deltahedger.marginmonitor.gate.GateReason;
import io.deltahedger.venues.Side;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records an immutable copy of every event the release stage hands over (allocates: a test double only). */
final class RecordingSink implements DecisionSink
{
    /** What a test compares: the outcome and the figures it was decided on. */
    record Outcome(
        EventKind kind, long nowMs, PipelineResult result, double spot, double deltaCoin, HedgeReason reason,
        Side side, long lots, double limitPrice, GateReason gateReason)
    {
        boolean approved()
        {
            return result == PipelineResult.APPROVED;
        }
    }

    final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    final List<GroupOutcome> groups = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onGroupDone(final GroupOutcome outcome)
    {
        groups.add(outcome);
    }

    @Override
    public void onApproved(final PipelineEvent event)
    {
        outcomes.add(copy(event));
    }

    @Override
    public void onNotApproved(final PipelineEvent event)
    {
        outcomes.add(copy(event));
    }

    private static Outcome copy(final PipelineEvent e)
    {
        final boolean gated = e.result() == PipelineResult.APPROVED || (e.result() == PipelineResult.GATE_BLOCKED);
        return new Outcome(e.kind(), e.nowMs(), e.result(), e.spot(), e.deltaCoin(),
            e.decided() ? e.decision().reason() : null, e.legs().size() > 0 ? e.legs().side(0) : null, e.legs().size() > 0 ? e.legs().lots(0) : 0,
            e.legs().size() > 0 ? e.legs().limitPrice(0) : Double.NaN,
            gated ? e.verdict().reason() : null);
    }

    List<Outcome> approved()
    {
        return outcomes.stream().filter(Outcome::approved).toList();
    }

    /** Outcomes of events that moved a hedged underlying (not connection or account events). */
    List<Outcome> decisions()
    {
        return outcomes.stream().filter(o -> o.result() != PipelineResult.NOT_APPLICABLE).toList();
    }

    Outcome last()
    {
        return outcomes.get(outcomes.size() - 1);
    }
}
