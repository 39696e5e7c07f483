package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;


import static io.deltahedger.backtest.tardis.TardisRowCursor.BAD;
import static io.deltahedger.backtest.tardis.TardisRowCursor.PRESENT;

/**
 * {@code derivative_ticker} rows to {@link MarketDataType#TICKER} events: {@code funding_rate} to
 * {@link MarketDataEvent#currentFunding()} (Tardis fills it from Deribit's {@code current_funding}, see
 * tardis-node's Deribit mapper), {@code funding_timestamp} to {@link MarketDataEvent#nextFundingTimeMs()},
 * open interest, last price (ticks), index and mark price. {@code predicted_funding_rate} has no field in the event:
 * it is checked (a NaN there is a bad row) and not carried. Every value cell may be empty (not sent).
 */
final class DerivativeTickerDecoder extends RowEventDecoder
{
    private static final int FUNDING_TIMESTAMP = 4;
    private static final int FUNDING_RATE = 5;
    private static final int PREDICTED_FUNDING_RATE = 6;
    private static final int OPEN_INTEREST = 7;
    private static final int LAST_PRICE = 8;
    private static final int INDEX_PRICE = 9;
    private static final int MARK_PRICE = 10;

    DerivativeTickerDecoder(final TardisRowCursor row)
    {
        super(row);
    }

    @Override
    boolean decode(final MarketDataEvent out)
    {
        start(out, MarketDataType.TICKER);
        int status = row.micros(FUNDING_TIMESTAMP, false);
        if (status == BAD)
        {
            return false;
        }
        if (status == PRESENT)
        {
            out.nextFundingTimeMs(row.units / 1000L);
        }
        status = row.real(FUNDING_RATE, false);
        if (status == BAD)
        {
            return false;
        }
        if (status == PRESENT)
        {
            out.currentFunding(row.real);
        }
        if (row.real(PREDICTED_FUNDING_RATE, false) == BAD)
        {
            return false;
        }
        status = row.nonNegative(OPEN_INTEREST, false);
        if (status == BAD)
        {
            return false;
        }
        if (status == PRESENT)
        {
            out.openInterest(row.real);
        }
        status = row.ticks(LAST_PRICE, false, true);
        if (status == BAD)
        {
            return false;
        }
        if (status == PRESENT)
        {
            out.lastPriceTicks(row.units);
        }
        status = row.nonNegative(INDEX_PRICE, false);
        if (status == BAD)
        {
            return false;
        }
        if (status == PRESENT)
        {
            out.indexPrice(row.real);
        }
        status = row.nonNegative(MARK_PRICE, false);
        if (status == BAD)
        {
            return false;
        }
        if (status == PRESENT)
        {
            out.markPrice(row.real);
        }
        return true;
    }
}
