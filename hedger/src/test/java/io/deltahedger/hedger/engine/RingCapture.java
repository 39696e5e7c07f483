package io.deltahedger.hedger.engine;

import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.config.time.ManualClock;
import io.deltahedger.hedger.pipeline.DecisionSink;
import io.deltahedger.hedger.pipeline.EventKind;
import io.deltahedger.hedger.pipeline.HedgingPipeline;
import io.deltahedger.hedger.pipeline.PipelineEvent;
import io.deltahedger.hedger.pipeline.PipelineResult;
import io.deltahedger.hedger.policy.HedgeReason;
import io.deltahedger.marginmonitor.gate.GateReason;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.order.ExecutionReport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A journal-like capture of the ring (a test double; allocates): every event the last stage hands over, in ring
 * order, as its input (what was published, with the clock reading it was stamped with) and its outcome (what the
 * stages decided). Replaying the inputs through a fresh pipeline on a manual clock must give the same outcomes.
 */
final class RingCapture implements DecisionSink
{
    /** One published input. */
    record Input(EventKind kind, long nowMs, MarketDataEvent marketData, int accountId, AccountSnapshot account,
                 Venue venue, ConnectionState state, ExecutionReport report, EngineCommand command, String actor,
                 long groupId, int groupUnderlying, GroupState groupState, boolean breakerOpen, long breakerResets)
    {
    }

    /** What the stages made of it. */
    record Outcome(EventKind kind, long nowMs, int underlying, PipelineResult result, double deltaCoin,
                   HedgeReason reason, String legs, GateReason gateReason)
    {
        boolean approved()
        {
            return result == PipelineResult.APPROVED;
        }
    }

    final List<Input> inputs = Collections.synchronizedList(new ArrayList<>());
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
        record(event);
    }

    @Override
    public void onNotApproved(final PipelineEvent event)
    {
        record(event);
    }

    /** Events handed over that the engine published (all but the execution stage's own GROUP_DONE). */
    long received()
    {
        return received.get();
    }

    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();

    private void record(final PipelineEvent e)
    {
        if (e.kind() != EventKind.GROUP_DONE)
        {
            received.incrementAndGet();
        }
        MarketDataEvent md = null;
        if (e.kind() == EventKind.MARKET_DATA)
        {
            md = new MarketDataEvent(64, 16);
            md.copyFrom(e.marketData());
        }
        inputs.add(new Input(e.kind(), e.nowMs(), md, e.accountId(), e.account(), e.connectionVenue(),
            e.connectionState(), e.report(), e.command(), e.actor(), e.groupId(), e.groupUnderlying(), e.groupState(),
            e.breakerOpen(), e.breakerResets()));
        final StringBuilder legs = new StringBuilder();
        for (int i = 0; i < e.legs().size(); i++)
        {
            legs.append(e.legs().account(i)).append(':').append(e.legs().instrument(i)).append(' ')
                .append(e.legs().side(i)).append(' ').append(e.legs().lots(i)).append('@')
                .append(e.legs().limitPrice(i)).append(';');
        }
        final boolean gated = e.result() == PipelineResult.APPROVED || e.result() == PipelineResult.GATE_BLOCKED;
        outcomes.add(new Outcome(e.kind(), e.nowMs(), e.underlying(), e.result(), e.deltaCoin(),
            e.decided() ? e.decision().reason() : null, legs.toString(), gated ? e.verdict().reason() : null));
    }

    List<Outcome> approved()
    {
        return outcomes.stream().filter(Outcome::approved).toList();
    }

    /**
     * Publishes the inputs through a {@link HedgingPipeline#replaying() replaying} pipeline, in order, each stamped
     * with its recorded time through the replay's manual clock, and each only once the replay has handed on
     * everything before it (so an execution report follows the replayed send of its order, as it did live).
     */
    static void replay(final List<Input> inputs, final HedgingPipeline pipeline, final ManualClock clock,
        final RingCapture replayed)
    {
        long published = 0;
        for (final Input input : inputs)
        {
            final long deadline = System.nanoTime() + 5_000_000_000L;
            while (replayed.outcomes.size() < published)
            {
                if (System.nanoTime() > deadline)
                {
                    throw new AssertionError("replay stuck after " + published + " events");
                }
                Thread.onSpinWait();
            }
            clock.advanceMs(input.nowMs() - clock.epochMs());
            switch (input.kind())
            {
                case MARKET_DATA -> pipeline.publishMarketData(input.marketData());
                case ACCOUNT -> pipeline.publishAccount(input.accountId(), input.account());
                case CONNECTION_STATE -> pipeline.publishConnectionState(input.accountId(), input.state());
                case EXECUTION_REPORT -> pipeline.publishExecutionReport(input.accountId(), input.report());
                case TIMER -> pipeline.publishTimer();
                case COMMAND -> pipeline.publishCommand(input.command(), input.actor());
                case GROUP_DONE -> pipeline.publishGroupDone(input.groupId(), input.groupUnderlying(),
                    input.groupState(), input.breakerOpen(), input.breakerResets());
                default -> throw new IllegalStateException("cannot replay " + input.kind());
            }
            published++;
        }
    }
}
