package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

import java.nio.charset.StandardCharsets;

import static io.deltahedger.backtest.tardis.TardisRowCursor.PRESENT;

/**
 * {@code trades} rows to {@link MarketDataType#TRADES} events of one trade: price (ticks, above zero), amount (lots,
 * above zero), taker side. {@code side} {@code unknown} (an exchange that does not say) is a bad row of kind
 * INVALID_VALUE, since the event model needs the aggressor's side. The trade {@code id} (numeric, GUID or empty by
 * exchange) is not carried: the event's trade sequence is {@link MarketDataEvent#NO_SEQUENCE}.
 */
final class TradesDecoder extends RowEventDecoder
{
    private static final int SIDE = 5;
    private static final int PRICE = 6;
    private static final int AMOUNT = 7;

    private static final byte[] BUY = "buy".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SELL = "sell".getBytes(StandardCharsets.US_ASCII);

    TradesDecoder(final TardisRowCursor row)
    {
        super(row);
    }

    @Override
    boolean decode(final MarketDataEvent out)
    {
        final Side side;
        if (row.is(SIDE, BUY))
        {
            side = Side.BUY;
        }
        else if (row.is(SIDE, SELL))
        {
            side = Side.SELL;
        }
        else if (row.isEmpty(SIDE))
        {
            row.badCell(BadRowKind.MISSING_FIELD, SIDE, "is empty");
            return false;
        }
        else
        {
            row.badCell(BadRowKind.INVALID_VALUE, SIDE, "is not buy or sell (the taker's side is needed)");
            return false;
        }
        if (row.ticks(PRICE, true, true) != PRESENT)
        {
            return false;
        }
        final long priceTicks = row.units;
        if (row.lots(AMOUNT, true, true) != PRESENT)
        {
            return false;
        }
        start(out, MarketDataType.TRADES);
        out.trades().add(priceTicks, row.units, side, MarketDataEvent.NO_SEQUENCE, out.venueTimestampMs());
        return true;
    }
}
