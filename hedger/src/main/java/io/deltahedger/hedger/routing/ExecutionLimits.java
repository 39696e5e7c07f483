package io.deltahedger.hedger.routing;

import java.util.Map;

/**
 * Hard limits on what the hedger may send, checked at admission (stage 4) on every group, all or nothing, and
 * respected by the planner so that a plan normally passes them.
 *
 * <p>Per instrument: the largest single order in lots. Per margin-book account (the same values for every account):
 * the largest absolute net position in coin of one underlying after the group (the sum over the account's delta-one
 * instruments of that underlying: linear lots × lot size, inverse lots × lot size / mark); the most notional traded in
 * any rolling 60 s, in USD (inverse: lots × lot size in USD; linear: lots × lot size × limit price, USD-like quote);
 * the most orders per second, a rate budget with a burst of one second's worth that refills continuously, mirroring
 * the venue's own credit limiter (Deribit's matching-engine default allows 5 orders/s sustained on a basic account).
 * A position limit never blocks a group that shrinks the absolute position.
 *
 * @param maxOrderLots              per canonical instrument id: the maximum lots of one order (&gt;= 1); instruments
 *                                  absent from the map use {@code defaultMaxOrderLots}
 * @param defaultMaxOrderLots       the maximum lots of one order elsewhere, &gt;= 1 ({@link Long#MAX_VALUE}: none)
 * @param maxPositionCoin           per account and underlying, coin, &gt; 0 ({@code +infinity}: none)
 * @param maxNotionalUsdPerMinute   per account, USD over any rolling 60 s, &gt; 0 ({@code +infinity}: none)
 * @param maxOrdersPerSecond        per account, orders, &gt;= 1
 */
public record ExecutionLimits(
    Map<String, Long> maxOrderLots,
    long defaultMaxOrderLots,
    double maxPositionCoin,
    double maxNotionalUsdPerMinute,
    int maxOrdersPerSecond)
{
    /** 1,000 orders/s: the unlimited configuration's budget, far above any venue's matching-engine limit. */
    public static final int UNLIMITED_ORDERS_PER_SECOND = 1_000;

    public ExecutionLimits
    {
        if (maxOrderLots == null)
        {
            throw new IllegalArgumentException("execution limits maxOrderLots is missing: give Map.of() for none");
        }
        maxOrderLots = Map.copyOf(maxOrderLots);
        for (final Map.Entry<String, Long> e : maxOrderLots.entrySet())
        {
            if (e.getValue() < 1)
            {
                throw new IllegalArgumentException("execution limits maxOrderLots of " + e.getKey() + " must be >= 1 lot,"
                    + " was " + e.getValue() + ": e.g. 10000 lots of 10 USD on deribit:BTC-PERPETUAL");
            }
        }
        if (defaultMaxOrderLots < 1)
        {
            throw new IllegalArgumentException("execution limits defaultMaxOrderLots must be >= 1, was "
                + defaultMaxOrderLots + ": use Long.MAX_VALUE for no limit");
        }
        if (!(maxPositionCoin > 0.0))
        {
            throw new IllegalArgumentException("execution limits maxPositionCoin must be > 0 coin, was " + maxPositionCoin
                + ": e.g. 50 for 50 BTC, Double.POSITIVE_INFINITY for none");
        }
        if (!(maxNotionalUsdPerMinute > 0.0))
        {
            throw new IllegalArgumentException("execution limits maxNotionalUsdPerMinute must be > 0 USD, was "
                + maxNotionalUsdPerMinute + ": e.g. 5000000, Double.POSITIVE_INFINITY for none");
        }
        if (maxOrdersPerSecond < 1)
        {
            throw new IllegalArgumentException("execution limits maxOrdersPerSecond must be >= 1, was "
                + maxOrdersPerSecond + ": e.g. 5 for Deribit's default matching-engine budget");
        }
    }

    /** No order-size, position or notional limit and a budget of {@value #UNLIMITED_ORDERS_PER_SECOND} orders/s. */
    public static ExecutionLimits unlimited()
    {
        return new ExecutionLimits(Map.of(), Long.MAX_VALUE, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            UNLIMITED_ORDERS_PER_SECOND);
    }

    /** The maximum lots of one order on an instrument. */
    public long maxOrderLots(final String canonicalId)
    {
        final Long lots = maxOrderLots.get(canonicalId);
        return lots == null ? defaultMaxOrderLots : lots;
    }
}
