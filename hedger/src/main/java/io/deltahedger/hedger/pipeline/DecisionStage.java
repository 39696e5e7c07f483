package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.EventHandler;
import io.deltahedger.hedger.policy.DeltaMeasure;
import io.deltahedger.hedger.policy.HedgeDecider;
import io.deltahedger.hedger.policy.HedgeDecision;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.Side;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stage 3: the hedge decision. Owns one {@link HedgeDecider} per hedged underlying. For an event that moved one:
 * HALTED if the pipeline is halted, else the guard's finding (CONNECTION_NOT_LIVE or STALE_INPUT) without asking the
 * decider (so a refused input never disarms the band or uses the rate cap), else the decider's decision. A trading
 * decision becomes a one-leg order on the route's hedge instrument, left as GATE_BLOCKED (fail closed) until the
 * margin gate approves it:
 * <ul>
 *   <li>side: BUY for a positive coin quantity (buys delta), SELL for a negative one;</li>
 *   <li>amount: |q| coin in the instrument's lots, rounded toward zero: |q| / lotSize for a linear instrument
 *   (amounts in coin), |q| × mark / lotSize for an inverse one (amounts in USD, e.g. Deribit's 10 USD lots);</li>
 *   <li>limit: the mark × (1 ± limitSlippage).</li>
 * </ul>
 * A decision whose rounded amount is under the instrument's minimum is NO_ACTION and re-arms the decider (nothing will
 * be traded). Allocation-free.
 *
 * <p>Before deciding, {@link DecisionControl} applies COMMAND and GROUP_DONE events and answers GROUP_IN_FLIGHT,
 * KILLED, PAUSED or BREAKER_OPEN for an underlying that may not start a group; a trading decision marks its underlying
 * busy until its group's GROUP_DONE passes (docs/hedging.md "Execution").
 */
final class DecisionStage implements EventHandler<PipelineEvent>
{
    /** Lot-count snap: the same tolerance as the decider's own rounding (docs/hedging.md "Lots"). */
    private static final double SNAP_LOTS = 1e-9;

    private final Routing routing;
    private final AtomicBoolean halted;
    private final double limitSlippage;
    private final HedgeDecider[] deciders;
    private final boolean[] premiumAdjusted;
    private final boolean[] inverse;
    private final double[] lotSize;
    private final long[] minLots;
    private final DecisionControl control;

    DecisionStage(final Routing routing, final MarginBook book, final AtomicBoolean halted, final double limitSlippage)
    {
        this(routing, book, halted, limitSlippage, false);
    }

    /** @param tracking true when an execution stage runs groups (one in flight per underlying, see DecisionControl) */
    DecisionStage(final Routing routing, final MarginBook book, final AtomicBoolean halted, final double limitSlippage,
                  final boolean tracking)
    {
        this.routing = routing;
        this.halted = halted;
        this.limitSlippage = limitSlippage;
        final int n = routing.underlyingCount;
        deciders = new HedgeDecider[n];
        premiumAdjusted = new boolean[n];
        inverse = new boolean[n];
        lotSize = new double[n];
        minLots = new long[n];
        for (int u = 0; u < n; u++)
        {
            if (routing.route[u] != null)
            {
                deciders[u] = new HedgeDecider(routing.route[u].policy());
                premiumAdjusted[u] = routing.route[u].policy().deltaMeasure() == DeltaMeasure.PREMIUM_ADJUSTED;
                final MarginInstrument hedge = book.instrument(routing.hedgeInstrument[u]);
                inverse[u] = hedge.inverse();
                lotSize[u] = hedge.lotSize();
                minLots[u] = hedge.minLots();
            }
        }
        control = new DecisionControl(deciders, tracking);
    }

    @Override
    public void onEvent(final PipelineEvent event, final long sequence, final boolean endOfBatch)
    {
        // engine state first: commands and group completions, then busy, killed, paused, breaker (unless halted)
        if (control.applied(event) || (!halted.get() && control.refused(event)))
        {
            return;
        }
        decideAndPlan(event);
        control.afterDecision(event);
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
        final double q = decision.quantityCoin();
        final double mark = event.hedgeMark;
        final double exactLots = inverse[u] ? Math.abs(q) * mark / lotSize[u] : Math.abs(q) / lotSize[u];
        final long lots = (long)Math.floor(exactLots + SNAP_LOTS + exactLots * 1e-12);
        if (lots < minLots[u])
        {
            deciders[u].rearm();
            event.result = PipelineResult.NO_ACTION;
            return;
        }
        final boolean buy = q > 0.0;
        final int h = routing.hedgeInstrument[u];
        event.legs().clear().add(routing.hedgeAccount[u], h, buy ? Side.BUY : Side.SELL, lots,
            mark * (buy ? 1.0 + limitSlippage : 1.0 - limitSlippage));
        event.result = PipelineResult.GATE_BLOCKED;
    }
}
