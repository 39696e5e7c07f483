package io.deltahedger.venues.simulator.auth;

import io.deltahedger.venues.session.CreditLimiter;

/**
 * Deribit's credit-based rate limits: each request costs credits from a pool that refills continuously; an empty
 * pool answers {@code 10028 too_many_requests} and ends the WebSocket session. Two pools, as Deribit has: the
 * matching engine (buy, sell, edit, cancel*) and everything else (subscriptions cost more).
 * Defaults follow Deribit's published defaults: non-matching 500 credits a request from a pool of 50,000 refilled at
 * 10,000/s (20 requests/s sustained, bursts of 100); matching engine 1,000 a request from 20,000 refilled at 5,000/s
 * (5/s sustained, bursts of 20); subscribe 3,000 a request.
 */
public record RateLimits(
    long nonMatchingCost,
    long nonMatchingPool,
    long nonMatchingRefillPerSecond,
    long subscribeCost,
    long matchingCost,
    long matchingPool,
    long matchingRefillPerSecond)
{
    public RateLimits
    {
        requirePositive("nonMatchingCost", nonMatchingCost);
        requirePositive("nonMatchingPool", nonMatchingPool);
        requirePositive("nonMatchingRefillPerSecond", nonMatchingRefillPerSecond);
        requirePositive("subscribeCost", subscribeCost);
        requirePositive("matchingCost", matchingCost);
        requirePositive("matchingPool", matchingPool);
        requirePositive("matchingRefillPerSecond", matchingRefillPerSecond);
        requireWithinPool("nonMatchingCost", nonMatchingCost, "nonMatchingPool", nonMatchingPool);
        requireWithinPool("subscribeCost", subscribeCost, "nonMatchingPool", nonMatchingPool);
        requireWithinPool("matchingCost", matchingCost, "matchingPool", matchingPool);
    }

    /** A full non-matching-engine pool (everything but order entry and cancels) for one session or API key. */
    public CreditLimiter newNonMatchingPool(final long nowMs)
    {
        return new CreditLimiter(nonMatchingPool, nonMatchingRefillPerSecond, nowMs * NANOS_PER_MILLI);
    }

    /** A full matching-engine pool (buy, sell, edit, cancel*) for one session or API key. */
    public CreditLimiter newMatchingPool(final long nowMs)
    {
        return new CreditLimiter(matchingPool, matchingRefillPerSecond, nowMs * NANOS_PER_MILLI);
    }

    /** Takes a request's credits from a pool at the simulator's millisecond time. */
    public static boolean tryCharge(final CreditLimiter pool, final long cost, final long nowMs)
    {
        return pool.tryAcquire(cost, nowMs * NANOS_PER_MILLI);
    }

    private static void requireWithinPool(final String costName, final long cost, final String poolName, final long pool)
    {
        if (cost > pool)
        {
            throw new IllegalArgumentException("rate limit " + costName + " (" + cost + ") exceeds " + poolName + " ("
                + pool + "): such a request could never be served; lower the cost or raise the pool");
        }
    }

    private static final long NANOS_PER_MILLI = 1_000_000L;

    public static RateLimits deribitDefaults()
    {
        return new RateLimits(500, 50_000, 10_000, 3_000, 1_000, 20_000, 5_000);
    }

    /** Pools so large no test or benchmark ever drains them. */
    public static RateLimits generous()
    {
        return new RateLimits(1, Long.MAX_VALUE / 4, 1_000_000_000L, 1, 1, Long.MAX_VALUE / 4, 1_000_000_000L);
    }

    private static void requirePositive(final String name, final long value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException("rate limit " + name + " must be > 0 but was " + value);
        }
    }
}
