package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.EventHandler;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.portfolio.PortfolioGreeks;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;

import java.util.Arrays;

/**
 * Stage 2: Greeks. Owns the {@link Portfolio}: takes portfolio options' mark IVs as their volatility (sticky strike)
 * and, for an event that moved a hedged underlying with a valid spot, revalues that underlying at the spot and at the
 * event time floored to {@code valuationStepMs}, writing delta, premium-adjusted delta and gamma on the event. An
 * underlying whose spot, vols and valuation step are unchanged is not revalued again (its last Greeks are reused).
 * Allocation-free.
 */
final class GreeksStage implements EventHandler<PipelineEvent>
{
    private final Routing routing;
    private final Portfolio portfolio;
    private final long valuationStepMs;
    private final PortfolioGreeks[] greeks;
    private final double[] lastSpot;
    private final long[] lastValuationMs;
    private final boolean[] volChanged;

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
    }

    @Override
    public void onEvent(final PipelineEvent event, final long sequence, final boolean endOfBatch)
    {
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
}
