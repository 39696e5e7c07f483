package io.deltahedger.venues.simulator.market;

/**
 * One tradable instrument as {@code public/get_instruments} describes it.
 * <ul>
 *   <li>Inverse (coin-settled) futures ({@code option == null}): amounts in USD, one lot = one contract of
 *       {@code contractSizeUsd} USD, prices in USD on a {@code tickSize} grid.</li>
 *   <li>Coin-settled options ({@code option != null}): amounts in coin, one lot = the minimum trade amount
 *       ({@code contractSizeUsd} then holds that lot in COIN, e.g. 0.1; Deribit's {@code contract_size} is 1 coin),
 *       premiums in coin on a {@code tickSize} grid (e.g. 0.0005 BTC).</li>
 * </ul>
 *
 * @param index             position in the simulator's instrument table (also the order book's index).
 * @param instrumentId      Deribit's numeric {@code instrument_id}.
 * @param name              e.g. {@code BTC-PERPETUAL}, {@code BTC-27DEC24}.
 * @param currency          base and settlement currency, e.g. {@code BTC}.
 * @param expirationMs      expiry in epoch ms; {@code Long.MAX_VALUE} for a perpetual.
 * @param settlementPeriod  {@code perpetual}, {@code week} or {@code month}.
 * @param tickSize          price tick in USD.
 * @param priceDecimals     decimals needed to print any price on the tick grid.
 * @param contractSizeUsd   amount per lot: USD per contract for futures, the minimum trade amount in coin for options;
 *                          amounts must be a multiple.
 * @param makerCommission   maker fee rate (fraction of notional; negative is a rebate).
 * @param takerCommission   taker fee rate (fraction of notional).
 * @param creationMs        creation time in epoch ms.
 * @param option            the option terms, or null for a future.
 */
public record SimInstrument(
    int index,
    long instrumentId,
    String name,
    String currency,
    long expirationMs,
    String settlementPeriod,
    double tickSize,
    int priceDecimals,
    double contractSizeUsd,
    double makerCommission,
    double takerCommission,
    long creationMs,
    OptionTerms option)
{
    /** Deribit's {@code contract_size} of an option: one coin of underlying. */
    public static final double OPTION_CONTRACT_SIZE = 1.0;

    /** A future (no option terms). */
    public SimInstrument(final int index, final long instrumentId, final String name, final String currency,
        final long expirationMs, final String settlementPeriod, final double tickSize, final int priceDecimals,
        final double contractSizeUsd, final double makerCommission, final double takerCommission, final long creationMs)
    {
        this(index, instrumentId, name, currency, expirationMs, settlementPeriod, tickSize, priceDecimals,
            contractSizeUsd, makerCommission, takerCommission, creationMs, null);
    }

    public SimInstrument
    {
        if (name == null || name.isBlank())
        {
            throw new IllegalArgumentException("instrument name must not be blank");
        }
        if (!(tickSize > 0) || !(contractSizeUsd > 0))
        {
            throw new IllegalArgumentException(
                name + ": tickSize and contractSizeUsd must be > 0 but were " + tickSize + " and " + contractSizeUsd);
        }
        if (!Double.isFinite(makerCommission) || !Double.isFinite(takerCommission) || takerCommission < 0)
        {
            throw new IllegalArgumentException(name + ": commissions must be finite and the taker fee >= 0 but were "
                + makerCommission + " / " + takerCommission);
        }
    }

    public boolean isPerpetual()
    {
        return expirationMs == Long.MAX_VALUE;
    }

    public String kind()
    {
        return option == null ? "future" : "option";
    }

    public boolean isOption()
    {
        return option != null;
    }

    /** Amount of {@code lots} in the instrument's amount unit: USD for futures, coin for options. */
    public double amount(final long lots)
    {
        return lots * contractSizeUsd;
    }

    /** Deribit's {@code contract_size}: USD per contract for futures, 1 coin for options. */
    public double contractSize()
    {
        return option == null ? contractSizeUsd : OPTION_CONTRACT_SIZE;
    }

    public String indexName()
    {
        return currency.toLowerCase(java.util.Locale.ROOT) + "_usd";
    }

    public double price(final long ticks)
    {
        return ticks * tickSize;
    }

    /**
     * @return the price in ticks if it lies on the tick grid (within 1e-9 of a tick), else {@code Long.MIN_VALUE}.
     */
    public long ticksOf(final double price)
    {
        final double ticks = price / tickSize;
        final long rounded = Math.round(ticks);
        return Math.abs(ticks - rounded) < 1e-6 ? rounded : Long.MIN_VALUE;
    }

    /** Futures: the USD amount of {@code lots}. For options this is the coin amount (see {@link #amount}). */
    public double amountUsd(final long lots)
    {
        return lots * contractSizeUsd;
    }
}
