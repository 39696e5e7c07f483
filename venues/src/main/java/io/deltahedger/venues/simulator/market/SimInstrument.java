package io.deltahedger.venues.simulator.market;

/**
 * One tradable instrument as {@code public/get_instruments} describes it. Inverse (coin-settled) futures only for
 * now: amounts in USD, one lot = one contract of {@code contractSizeUsd}, prices in USD on a {@code tickSize} grid.
 *
 * @param index             position in the simulator's instrument table (also the order book's index).
 * @param instrumentId      Deribit's numeric {@code instrument_id}.
 * @param name              e.g. {@code BTC-PERPETUAL}, {@code BTC-27DEC24}.
 * @param currency          base and settlement currency, e.g. {@code BTC}.
 * @param expirationMs      expiry in epoch ms; {@code Long.MAX_VALUE} for a perpetual.
 * @param settlementPeriod  {@code perpetual}, {@code week} or {@code month}.
 * @param tickSize          price tick in USD.
 * @param priceDecimals     decimals needed to print any price on the tick grid.
 * @param contractSizeUsd   USD per contract; amounts must be a multiple.
 * @param makerCommission   maker fee rate (fraction of notional; negative is a rebate).
 * @param takerCommission   taker fee rate (fraction of notional).
 * @param creationMs        creation time in epoch ms.
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
    long creationMs)
{
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
        return "future";
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

    public double amountUsd(final long lots)
    {
        return lots * contractSizeUsd;
    }
}
