package io.deltahedger.config.venue;

/**
 * The desk's own limits on one account, enforced before the margin gate (all or nothing per group).
 *
 * @param maxOrderLots             the most lots of the hedge instrument in one order, &gt;= 1.
 * @param maxPositionCoin          the largest absolute hedge position the account may hold, coin, &gt; 0.
 * @param maxNotionalUsdPerMinute  the most USD notional sent in any rolling minute, &gt; 0.
 * @param maxOrdersPerSecond       the most orders (place, amend, cancel) sent per second, in [1, 1000].
 */
public record VenueLimits(long maxOrderLots, double maxPositionCoin, double maxNotionalUsdPerMinute, int maxOrdersPerSecond)
{
    /**
     * The embedded simulator's limits: 1,000 lots an order (10,000 USD of BTC-PERPETUAL at 10 USD a lot), 10 coin of
     * position, 1,000,000 USD a minute, 5 orders a second (Deribit's default non-matching-engine rate). A deribit venue
     * must state its own.
     */
    public static final VenueLimits SIMULATOR_DEFAULT = new VenueLimits(1_000, 10.0, 1_000_000.0, 5);

    public VenueLimits
    {
        if (maxOrderLots < 1)
        {
            throw new IllegalArgumentException("limits.max-order-lots must be >= 1, was " + maxOrderLots);
        }
        if (!(maxPositionCoin > 0 && Double.isFinite(maxPositionCoin)))
        {
            throw new IllegalArgumentException("limits.max-position-coin must be finite and > 0, was " + maxPositionCoin);
        }
        if (!(maxNotionalUsdPerMinute > 0 && Double.isFinite(maxNotionalUsdPerMinute)))
        {
            throw new IllegalArgumentException(
                "limits.max-notional-usd-per-minute must be finite and > 0, was " + maxNotionalUsdPerMinute);
        }
        if (maxOrdersPerSecond < 1 || maxOrdersPerSecond > 1_000)
        {
            throw new IllegalArgumentException("limits.max-orders-per-second must be in [1, 1000], was " + maxOrdersPerSecond);
        }
    }
}
