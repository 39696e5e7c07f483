package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.EventHandler;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.portfolio.PortfolioGreeks;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Stage 2: Greeks. Owns the {@link Portfolio}: takes portfolio options' mark IVs as their volatility (sticky strike)
 * and, for an event that moved a hedged underlying with a valid spot, revalues that underlying at the spot and at the
 * event time floored to {@code valuationStepMs}, writing delta, premium-adjusted delta and gamma on the event. An
 * underlying whose spot, vols and valuation step are unchanged is not revalued again (its last Greeks are reused).
 * Allocation-free on market data.
 *
 * <p>Incremental revaluation: each option ticker on a live feed carries a new mark IV, so revaluing every option of
 * the underlying on each would cost O(book) per tick. The stage lists, per underlying, the options whose vol changed
 * since its last valuation; when the spot, the valuation step and the delta-one amounts are unchanged and at most
 * {@link #MAX_ONE_OPTION_REVALUATIONS} options changed, it revalues just those
 * ({@link Portfolio#revalueOption}: equal to a full revalue up to summation order, and any drift ends at the next
 * full revalue, which every spot move or valuation step does); otherwise it revalues the underlying in full.
 *
 * <p>Hedge fills: a fill report of an order the engine sent (its side stamped on the event) on an instrument the
 * portfolio holds as a delta-one position moves that position's amount by the filled lots × lot size (coin for a
 * linear instrument, USD for an inverse one, whose coin delta is then lotSize / spot per lot), and the underlying is
 * revalued on its next event, so the next decision sees the new delta. Fills of foreign orders (no side) or of
 * instruments the portfolio does not hold are counted and left to the account snapshots. A fill allocates the
 * instrument's canonical id for the look-up (a rare event).
 *
 * <p>Existing positions: the first account snapshot of each account adds that account's positions in the portfolio's
 * delta-one instruments to them (the venue is the authority on what is held at start: after a restart, or a hedge the
 * desk already had), so the first decision counts them instead of hedging them again. Later snapshots are not applied:
 * they may lag the engine's own fills, which are applied as they come. The live engine starts paused until every
 * venue has sent its first snapshot, so no fill of its own precedes one.
 */
final class GreeksStage implements EventHandler<PipelineEvent>
{
    /**
     * Most changed options an underlying's Greeks are updated for one by one; more take a full revalue. One option
     * costs about what 1-2 options of a full revalue do (one pricing plus the bookkeeping), so past a handful the full
     * pass, which also re-sums from scratch, is as cheap; on a live feed one ticker changes one vol.
     */
    static final int MAX_ONE_OPTION_REVALUATIONS = 8;

    private final Routing routing;
    private final Portfolio portfolio;
    private final long valuationStepMs;
    private final PortfolioGreeks[] greeks;
    private final double[] lastSpot;
    private final long[] lastValuationMs;
    /** Per underlying: a delta-one amount changed since its last revaluation (only a full revalue counts it). */
    private final boolean[] deltaOneChanged;
    /**
     * Per underlying: the first {@link #MAX_ONE_OPTION_REVALUATIONS} options whose vol changed since its last
     * revaluation, each once; {@link #changedCount} counts past that (up to one more), meaning a full revalue.
     */
    private final int[][] changedOptions;
    private final int[] changedCount;
    /** Per portfolio option: listed in its underlying's {@link #changedOptions}. */
    private final boolean[] listed;
    private long fullRevaluations;
    private long optionRevaluations;
    private final Map<String, Integer> deltaOneByInstrument = new HashMap<>();
    private long unmatchedFills;
    /** Per margin-book account: its first snapshot's positions have been taken. */
    private final boolean[] seeded;

    GreeksStage(final Routing routing, final Portfolio portfolio, final long valuationStepMs)
    {
        this.routing = routing;
        this.portfolio = portfolio;
        this.valuationStepMs = valuationStepMs;
        greeks = new PortfolioGreeks[routing.underlyingCount];
        for (int u = 0; u < greeks.length; u++)
        {
            greeks[u] = new PortfolioGreeks();
        }
        lastSpot = new double[routing.underlyingCount];
        lastValuationMs = new long[routing.underlyingCount];
        deltaOneChanged = new boolean[routing.underlyingCount];
        changedOptions = new int[routing.underlyingCount][MAX_ONE_OPTION_REVALUATIONS];
        changedCount = new int[routing.underlyingCount];
        listed = new boolean[portfolio.optionCount()];
        Arrays.fill(lastSpot, Double.NaN);
        Arrays.fill(lastValuationMs, Long.MIN_VALUE);
        for (int d = 0; d < portfolio.deltaOneCount(); d++)
        {
            deltaOneByInstrument.put(portfolio.deltaOneInstrument(d), d);
        }
        seeded = new boolean[routing.accountCount];
    }

    /** Fills that moved no portfolio position: foreign orders, or instruments the portfolio does not hold. */
    long unmatchedFills()
    {
        return unmatchedFills;
    }

    /** Full revaluations of an underlying so far (every option of it priced). */
    long fullRevaluations()
    {
        return fullRevaluations;
    }

    /** Options revalued one by one so far ({@link Portfolio#revalueOption}). */
    long optionRevaluations()
    {
        return optionRevaluations;
    }

    @Override
    public void onEvent(final PipelineEvent event, final long sequence, final boolean endOfBatch)
    {
        if (event.kind == EventKind.EXECUTION_REPORT)
        {
            applyFill(event);
            return;
        }
        if (event.kind == EventKind.ACCOUNT)
        {
            seedPositions(event);
            return;
        }
        if (event.kind == EventKind.MARKET_DATA)
        {
            final MarketDataEvent md = event.marketData();
            if (md.type() == MarketDataType.TICKER && md.has(TickerField.MARK_IV))
            {
                final int i = routing.checkedInstrument(md.instrumentIndex());
                final int o = routing.portfolioOption[i];
                final double vol = md.markIv();
                // A missing or absurd IV keeps the last volatility (the venue republishes every 100 ms).
                if (o >= 0 && vol >= 0.0 && vol < 10.0 && vol != portfolio.volatility(o))
                {
                    portfolio.setVolatility(o, vol);
                    volatilityChanged(o);
                }
            }
        }
        final int u = event.underlying;
        final double spot = event.spot;
        if (u < 0 || !(spot > 0.0 && spot < Double.POSITIVE_INFINITY))
        {
            return;
        }
        final long valuationMs = Math.floorDiv(event.nowMs, valuationStepMs) * valuationStepMs;
        final PortfolioGreeks g = greeks[u];
        final int changed = changedCount[u];
        if (deltaOneChanged[u] || changed > MAX_ONE_OPTION_REVALUATIONS || spot != lastSpot[u]
            || valuationMs != lastValuationMs[u])
        {
            portfolio.revalue(u, spot, valuationMs, g);
            fullRevaluations++;
            lastSpot[u] = spot;
            lastValuationMs[u] = valuationMs;
            deltaOneChanged[u] = false;
            forgetChanged(u, Math.min(changed, MAX_ONE_OPTION_REVALUATIONS));
        }
        else if (changed > 0)
        {
            // same spot and valuation time as g's last full revalue: update just the changed options' contributions
            final int[] options = changedOptions[u];
            for (int k = 0; k < changed; k++)
            {
                portfolio.revalueOption(options[k], g);
            }
            optionRevaluations += changed;
            forgetChanged(u, changed);
        }
        event.deltaCoin = g.deltaCoin();
        event.premiumAdjustedDeltaCoin = g.premiumAdjustedDeltaCoin();
        event.gammaPerUsd = g.gammaPerUsd();
    }

    /** Lists option {@code o} for its underlying's next valuation (once); past the list's capacity, a full one. */
    private void volatilityChanged(final int o)
    {
        if (listed[o])
        {
            return;
        }
        final int u = portfolio.optionUnderlying(o);
        final int n = changedCount[u];
        if (n < MAX_ONE_OPTION_REVALUATIONS)
        {
            changedOptions[u][n] = o;
            listed[o] = true;
            changedCount[u] = n + 1;
        }
        else
        {
            changedCount[u] = MAX_ONE_OPTION_REVALUATIONS + 1;
        }
    }

    private void forgetChanged(final int u, final int listedCount)
    {
        final int[] options = changedOptions[u];
        for (int k = 0; k < listedCount; k++)
        {
            listed[options[k]] = false;
        }
        changedCount[u] = 0;
    }

    private void seedPositions(final PipelineEvent event)
    {
        final int a = event.accountId;
        if (a < 0 || a >= seeded.length || seeded[a])
        {
            return;
        }
        seeded[a] = true;
        for (final Position p : event.account.positions())
        {
            final Integer d = deltaOneByInstrument.get(p.instrument().canonicalId());
            if (d != null && p.sizeLots() != 0)
            {
                portfolio.setDeltaOneAmount(d, portfolio.deltaOneAmount(d) + p.instrument().amountGrid().toDouble(p.sizeLots()));
                deltaOneChanged[portfolio.deltaOneUnderlying(d)] = true;
            }
        }
    }

    private void applyFill(final PipelineEvent event)
    {
        final ExecutionReport report = event.report;
        if (report.type() != ExecType.FILL && report.type() != ExecType.PARTIAL_FILL)
        {
            return;
        }
        final Integer d = event.reportSide == null ? null : deltaOneByInstrument.get(report.instrument().canonicalId());
        if (d == null)
        {
            unmatchedFills++;
            return;
        }
        final double amount = report.instrument().amountGrid().toDouble(report.lastFillLots());
        portfolio.setDeltaOneAmount(d, portfolio.deltaOneAmount(d) + event.reportSide.sign() * amount);
        deltaOneChanged[portfolio.deltaOneUnderlying(d)] = true;
    }
}
