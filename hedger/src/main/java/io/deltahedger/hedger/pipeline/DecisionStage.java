package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.EventHandler;
import io.deltahedger.hedger.policy.DeltaMeasure;
import io.deltahedger.hedger.policy.HedgeDecider;
import io.deltahedger.hedger.policy.HedgeDecision;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.routing.ExecutionLimits;
import io.deltahedger.hedger.routing.GroupPlanner;
import io.deltahedger.hedger.routing.PlanningMarket;
import io.deltahedger.marginmonitor.book.MarginBook;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Stage 3: the hedge decision and its plan. Owns one {@link HedgeDecider} and one {@link GroupPlanner} per hedged
 * underlying and the {@link PlanningMarket} they read (the candidates' L2 books and marks, the accounts' equity,
 * margin and positions), which it brings up to date with every event first, in ring order. For an event that moved a
 * hedged underlying: HALTED if the pipeline is halted, else the guard's finding (CONNECTION_NOT_LIVE or STALE_INPUT),
 * else STALE_INPUT if no usable candidate has a valid book, all without asking the decider (so a refused input never
 * disarms the band or uses the rate cap); else the decider's decision. A trading decision is planned into a group of
 * legs over the usable candidates (docs/hedging.md "Routing and admission"), left as GATE_BLOCKED (fail closed) until
 * admission (stage 4) approves it, with the plan's expected cost on the event. A decision nothing can be planned for
 * (books too thin within the protection bounds, limits, margin, amounts under the minimum) is NO_ACTION and re-arms
 * the decider (nothing will be traded). Allocation-free.
 *
 * <p>Before deciding, {@link DecisionControl} applies COMMAND and GROUP_DONE events and answers GROUP_IN_FLIGHT,
 * KILLED, PAUSED or BREAKER_OPEN for an underlying that may not start a group; a trading decision marks its underlying
 * busy until its group's GROUP_DONE passes (docs/hedging.md "Execution").
 */
final class DecisionStage implements EventHandler<PipelineEvent>
{
    private final Routing routing;
    private final AtomicBoolean halted;
    private final HedgeDecider[] deciders;
    private final GroupPlanner[] planners;
    private final boolean[] premiumAdjusted;
    private final PlanningMarket market;
    private final DecisionControl control;
    /** The policy in force per underlying, written here when a POLICY event is applied, read by any thread. */
    private final AtomicReferenceArray<HedgePolicy> policies;

    /** @param tracking true when an execution stage runs groups (one in flight per underlying, see DecisionControl) */
    DecisionStage(
        final Routing routing,
        final MarginBook book,
        final AtomicBoolean halted,
        final double limitSlippage,
        final ExecutionLimits limits,
        final double marginThreshold,
        final boolean tracking,
        final AtomicReferenceArray<HedgePolicy> policies)
    {
        this.policies = policies;
        this.routing = routing;
        this.halted = halted;
        this.market = new PlanningMarket(book);
        final int n = routing.underlyingCount;
        deciders = new HedgeDecider[n];
        planners = new GroupPlanner[n];
        premiumAdjusted = new boolean[n];
        for (int u = 0; u < n; u++)
        {
            if (routing.route[u] != null)
            {
                deciders[u] = new HedgeDecider(routing.route[u].policy());
                planners[u] = new GroupPlanner(book, market, routing.route[u].candidates(), limits, limitSlippage,
                    marginThreshold);
                premiumAdjusted[u] = routing.route[u].policy().deltaMeasure() == DeltaMeasure.PREMIUM_ADJUSTED;
            }
        }
        control = new DecisionControl(deciders, tracking);
    }

    @Override
    public void onEvent(final PipelineEvent event, final long sequence, final boolean endOfBatch)
    {
        // the planning view follows every event, before any early return below
        switch (event.kind)
        {
            case MARKET_DATA -> market.onMarketData(event.marketData());
            case ACCOUNT -> market.onAccount(event.accountId, event.account);
            case CONNECTION_STATE -> market.onConnectionState(event.accountId, event.connectionState);
            default ->
            {
            }
        }
        if (event.kind == EventKind.POLICY)
        {
            applyPolicy(event.policy);
            return;
        }
        // engine state next: commands and group completions, then busy, killed, paused, breaker (unless halted)
        if (control.applied(event) || (!halted.get() && control.refused(event)))
        {
            return;
        }
        decideAndPlan(event);
        control.afterDecision(event);
    }

    /** A new decider for the policy's underlying: the control view shares the deciders array, so it sees it too. */
    private void applyPolicy(final HedgePolicy policy)
    {
        final int u = routing.routedUnderlying(policy.underlying());
        deciders[u] = new HedgeDecider(policy);
        premiumAdjusted[u] = policy.deltaMeasure() == DeltaMeasure.PREMIUM_ADJUSTED;
        policies.set(u, policy);
    }

    /** The engine's execution view: group in flight per underlying, pause, kill, breaker (stage 5 publishes GROUP_DONE). */
    DecisionControl control()
    {
        return control;
    }

    private void decideAndPlan(final PipelineEvent event)
    {
        final int u = event.underlying;
        if (u < 0)
        {
            return;
        }
        if (halted.get())
        {
            event.result = PipelineResult.HALTED;
            return;
        }
        if (event.guard != null)
        {
            event.result = event.guard;
            return;
        }
        final GroupPlanner planner = planners[u];
        final int plannable = planner.plannable(event.usableCandidates);
        if (plannable == 0)
        {
            event.result = PipelineResult.STALE_INPUT;
            return;
        }
        final HedgeDecision decision = event.decision();
        deciders[u].decide(
            premiumAdjusted[u] ? event.premiumAdjustedDeltaCoin : event.deltaCoin,
            event.gammaPerUsd,
            event.spot,
            event.nowMs,
            decision);
        event.decided = true;
        if (!decision.trades())
        {
            event.result = PipelineResult.NO_ACTION;
            return;
        }
        if (!planner.plan(decision.quantityCoin(), event.spot, plannable, event.legs()))
        {
            deciders[u].rearm();
            event.result = PipelineResult.NO_ACTION;
            return;
        }
        event.expectedCostUsd = planner.expectedCostUsd();
        event.result = PipelineResult.GATE_BLOCKED;
    }
}
