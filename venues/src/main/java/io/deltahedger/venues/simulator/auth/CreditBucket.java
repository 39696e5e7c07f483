package io.deltahedger.venues.simulator.auth;

/**
 * A leaky bucket of credits refilled continuously from the injected clock (milliseconds). Single-threaded.
 */
public final class CreditBucket
{
    private final long pool;
    private final long refillPerSecond;
    private long credits;
    private long lastRefillMs;

    public CreditBucket(final long pool, final long refillPerSecond, final long nowMs)
    {
        this.pool = pool;
        this.refillPerSecond = refillPerSecond;
        this.credits = pool;
        this.lastRefillMs = nowMs;
    }

    /**
     * Takes {@code cost} credits if the bucket holds them.
     *
     * @return true if taken; false if the request must be refused with {@code too_many_requests}.
     */
    public boolean tryTake(final long cost, final long nowMs)
    {
        refill(nowMs);
        if (credits < cost)
        {
            return false;
        }
        credits -= cost;
        return true;
    }

    public long credits(final long nowMs)
    {
        refill(nowMs);
        return credits;
    }

    private void refill(final long nowMs)
    {
        final long elapsedMs = nowMs - lastRefillMs;
        if (elapsedMs <= 0)
        {
            return;
        }
        final long added = elapsedMs >= Long.MAX_VALUE / Math.max(1, refillPerSecond)
            ? pool : elapsedMs * refillPerSecond / 1000;
        if (added > 0)
        {
            credits = pool - credits <= added ? pool : credits + added;
            lastRefillMs = nowMs;
        }
    }
}
