package io.deltahedger.backtest.pnl;

import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.Instrument;

/**
 * How a position's value in its settlement currency follows from its signed amount (in the instrument's amount
 * currency) and a price (in its quote currency). Every P&amp;L figure of the backtest is a difference of these values,
 * so fills, marks, slippage and turnover use one formula per instrument.
 *
 * <ul>
 *   <li>{@link #LINEAR}: {@code value = amount * price}. Linear contracts (amount in coin, price in USDT), and
 *       coin-settled options too: their amount is in coin contracts and their price already in coin.</li>
 *   <li>{@link #INVERSE}: {@code value = -amount / price}. Inverse futures and perpetuals: amount in USD, P&amp;L in coin,
 *       {@code q (1/entry - 1/exit)} = value(exit) - value(entry).</li>
 * </ul>
 */
public enum ValueConvention
{
    LINEAR,
    INVERSE;

    /** The convention of a venue instrument: inverse delta-one instruments are {@link #INVERSE}, all else linear. */
    public static ValueConvention of(final Instrument instrument)
    {
        return instrument.style() == ContractStyle.INVERSE && !instrument.isOption() ? INVERSE : LINEAR;
    }

    /**
     * The value of {@code amount} at {@code price}, in the settlement currency.
     *
     * @param amount signed amount in the instrument's amount currency (positive long)
     * @param price  price in the quote currency, &gt; 0 for {@link #INVERSE}
     */
    public double value(final double amount, final double price)
    {
        return this == LINEAR ? amount * price : -amount / price;
    }

    /** The absolute notional of {@code amount} at {@code price} in the settlement currency: |value|. */
    public double notional(final double amount, final double price)
    {
        return Math.abs(value(amount, price));
    }

    /** The price at which {@code amount} is worth {@code value} (inverse of {@link #value}); amount != 0. */
    public double priceOf(final double amount, final double value)
    {
        return this == LINEAR ? value / amount : -amount / value;
    }
}
