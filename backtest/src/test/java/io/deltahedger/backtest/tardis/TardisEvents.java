package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.TickerField;

/** A complete text form of an event, to compare event streams in tests. */
final class TardisEvents
{
    private TardisEvents()
    {
    }

    static String describe(final MarketDataEvent e, final long localTimestampUs)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(localTimestampUs).append(' ').append(e.venue()).append(' ').append(e.type()).append(" #")
            .append(e.instrumentIndex()).append(" t=").append(e.venueTimestampMs()).append(" seq=")
            .append(e.prevSequence()).append("->").append(e.sequence());
        sb.append(" bids=");
        for (int i = 0; i < e.bids().count(); i++)
        {
            sb.append(e.bids().priceTicks(i)).append('x').append(e.bids().sizeLots(i)).append(';');
        }
        sb.append(" asks=");
        for (int i = 0; i < e.asks().count(); i++)
        {
            sb.append(e.asks().priceTicks(i)).append('x').append(e.asks().sizeLots(i)).append(';');
        }
        sb.append(" trades=");
        for (int i = 0; i < e.trades().count(); i++)
        {
            sb.append(e.trades().priceTicks(i)).append('x').append(e.trades().sizeLots(i))
                .append(e.trades().takerSide(i)).append(';');
        }
        for (final TickerField field : TickerField.values())
        {
            if (e.has(field))
            {
                sb.append(' ').append(field);
            }
        }
        sb.append(" bb=").append(e.bestBidTicks()).append('x').append(e.bestBidLots())
            .append(" ba=").append(e.bestAskTicks()).append('x').append(e.bestAskLots())
            .append(" last=").append(e.lastPriceTicks()).append(" mark=").append(e.markPrice())
            .append(" index=").append(e.indexPrice()).append(" und=").append(e.underlyingPrice())
            .append(" iv=").append(e.markIv()).append('/').append(e.bidIv()).append('/').append(e.askIv())
            .append(" greeks=").append(e.delta()).append('/').append(e.gamma()).append('/').append(e.vega())
            .append('/').append(e.theta()).append('/').append(e.rho())
            .append(" oi=").append(e.openInterest()).append(" funding=").append(e.currentFunding())
            .append(" next=").append(e.nextFundingTimeMs());
        return sb.toString();
    }
}
