package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.OptionType;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

import java.nio.charset.StandardCharsets;

import static io.deltahedger.backtest.tardis.TardisRowCursor.ABSENT;
import static io.deltahedger.backtest.tardis.TardisRowCursor.BAD;
import static io.deltahedger.backtest.tardis.TardisRowCursor.PRESENT;

/**
 * {@code options_chain} rows to {@link MarketDataType#TICKER} events: best bid and ask (ticks and lots, each with
 * its IV), last price (ticks), mark price and mark IV, underlying price, open interest and the venue's five Greeks.
 * IVs are percent in the file and fractions in the event. An empty cell is a field the venue did not send (no bid,
 * no trade yet) and stays absent; a price of 0 with an amount of 0 is an empty side (Deribit's convention); a
 * price without its amount (or the reverse), or some Greeks without the others, is a bad row. {@code type} and {@code expiration} must agree with the registered option (else INVALID_VALUE);
 * {@code strike_price} must be a finite number; {@code underlying_index} is not carried.
 */
final class OptionsChainDecoder extends RowEventDecoder
{
    private static final int TYPE = 4;
    private static final int STRIKE_PRICE = 5;
    private static final int EXPIRATION = 6;
    private static final int OPEN_INTEREST = 7;
    private static final int LAST_PRICE = 8;
    private static final int BID_PRICE = 9;
    private static final int BID_AMOUNT = 10;
    private static final int BID_IV = 11;
    private static final int ASK_PRICE = 12;
    private static final int ASK_AMOUNT = 13;
    private static final int ASK_IV = 14;
    private static final int MARK_PRICE = 15;
    private static final int MARK_IV = 16;
    private static final int UNDERLYING_PRICE = 18;
    private static final int DELTA = 19;
    private static final int RHO = 23;

    private static final byte[] CALL = "call".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PUT = "put".getBytes(StandardCharsets.US_ASCII);

    private final double[] greeks = new double[5];

    OptionsChainDecoder(final TardisRowCursor row)
    {
        super(row);
    }

    @Override
    boolean decode(final MarketDataEvent out)
    {
        final Instrument option = row.instrument();
        if (!option.isOption())
        {
            row.badCell(BadRowKind.INVALID_VALUE, TardisRowCursor.SYMBOL, "is a " + option.kind()
                + " in the registry, not an option");
            return false;
        }
        final OptionType expected = option.optionType();
        if (!row.is(TYPE, expected == OptionType.CALL ? CALL : PUT))
        {
            if (row.isEmpty(TYPE))
            {
                row.badCell(BadRowKind.MISSING_FIELD, TYPE, "is empty");
            }
            else
            {
                row.badCell(BadRowKind.INVALID_VALUE, TYPE, "contradicts the registered "
                    + option.canonicalId() + ", a " + expected.name().toLowerCase(java.util.Locale.ROOT));
            }
            return false;
        }
        if (row.micros(EXPIRATION, true) != PRESENT)
        {
            return false;
        }
        if (row.units / 1000L != option.expiryEpochMs())
        {
            row.badCell(BadRowKind.INVALID_VALUE, EXPIRATION, "contradicts the registered expiry "
                + option.expiryEpochMs() + " ms of " + option.canonicalId());
            return false;
        }
        if (row.real(STRIKE_PRICE, true) != PRESENT)
        {
            return false;
        }
        start(out, MarketDataType.TICKER);
        return quote(out, BID_PRICE, BID_AMOUNT, BID_IV, true)
            && quote(out, ASK_PRICE, ASK_AMOUNT, ASK_IV, false)
            && lastPrice(out)
            && markAndUnderlying(out)
            && greeks(out);
    }

    private boolean quote(final MarketDataEvent out, final int priceColumn, final int amountColumn,
                          final int ivColumn, final boolean bid)
    {
        final int price = row.ticks(priceColumn, false, false);
        if (price == BAD)
        {
            return false;
        }
        final long ticks = row.units;
        final int amount = row.lots(amountColumn, price == PRESENT, false);
        if (amount == BAD)
        {
            return false;
        }
        if (price == ABSENT && amount == PRESENT)
        {
            row.badCell(BadRowKind.MISSING_FIELD, priceColumn, "is empty while the amount is given");
            return false;
        }
        if (price == PRESENT && ticks == 0 && row.units != 0)
        {
            row.badCell(BadRowKind.INVALID_VALUE, priceColumn, "is zero while the amount is not");
            return false;
        }
        // Deribit reports an empty side as price 0 and amount 0: that is no quote, not a quote at zero.
        if (price == PRESENT && ticks != 0)
        {
            if (bid)
            {
                out.bestBid(ticks, row.units);
            }
            else
            {
                out.bestAsk(ticks, row.units);
            }
        }
        final int iv = row.nonNegative(ivColumn, false);
        if (iv == BAD)
        {
            return false;
        }
        if (iv == PRESENT)
        {
            if (bid)
            {
                out.bidIv(row.real / 100.0);
            }
            else
            {
                out.askIv(row.real / 100.0);
            }
        }
        return true;
    }

    private boolean lastPrice(final MarketDataEvent out)
    {
        final int last = row.ticks(LAST_PRICE, false, false);
        if (last == PRESENT)
        {
            out.lastPriceTicks(row.units);
        }
        return last != BAD;
    }

    private boolean markAndUnderlying(final MarketDataEvent out)
    {
        int status = row.nonNegative(OPEN_INTEREST, false);
        if (status == BAD)
        {
            return false;
        }
        if (status == PRESENT)
        {
            out.openInterest(row.real);
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
        status = row.nonNegative(MARK_IV, false);
        if (status == BAD)
        {
            return false;
        }
        if (status == PRESENT)
        {
            out.markIv(row.real / 100.0);
        }
        status = row.nonNegative(UNDERLYING_PRICE, false);
        if (status == BAD)
        {
            return false;
        }
        if (status == PRESENT)
        {
            out.underlyingPrice(row.real);
        }
        return true;
    }

    private boolean greeks(final MarketDataEvent out)
    {
        int present = 0;
        for (int column = DELTA; column <= RHO; column++)
        {
            final int status = row.real(column, false);
            if (status == BAD)
            {
                return false;
            }
            if (status == PRESENT)
            {
                greeks[column - DELTA] = row.real;
                present++;
            }
        }
        if (present == greeks.length)
        {
            out.greeks(greeks[0], greeks[1], greeks[2], greeks[3], greeks[4]);
        }
        else if (present > 0)
        {
            for (int column = DELTA; column <= RHO; column++)
            {
                if (row.isEmpty(column))
                {
                    row.badCell(BadRowKind.MISSING_FIELD, column, "is empty while other Greeks are given");
                    return false;
                }
            }
        }
        return true;
    }
}
