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
    private final Routing routing;
    private final Portfolio portfolio;
    private final long valuationStepMs;
    private final PortfolioGreeks[] greeks;
    private final double[] lastSpot;
    private final long[] lastValuationMs;
    /** Per underlying: a vol or a hedge position changed since the last revaluation. */
    private final boolean[] volChanged;
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
        volChanged = new boolean[routing.underlyingCount];
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
                    final int u = routing.instrumentUnderlying[i];
                    if (u >= 0)
                    {
                        volChanged[u] = true;
                    }
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
        if (volChanged[u] || spot != lastSpot[u] || valuationMs != lastValuationMs[u])
        {
            portfolio.revalue(u, spot, valuationMs, g);
            lastSpot[u] = spot;
            lastValuationMs[u] = valuationMs;
            volChanged[u] = false;
        }
        event.deltaCoin = g.deltaCoin();
        event.premiumAdjustedDeltaCoin = g.premiumAdjustedDeltaCoin();
        event.gammaPerUsd = g.gammaPerUsd();
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
                volChanged[portfolio.deltaOneUnderlying(d)] = true;
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
        volChanged[portfolio.deltaOneUnderlying(d)] = true;
    }
}
