package io.deltahedger.venues.session;

/**
 * A credit-based leaky bucket, the model Deribit uses for its rate limits: a pool of credits that refills
 * continuously at a fixed rate up to a maximum, and each request costs credits.
 * <p>
 * The client keeps one per limit class (non-matching-engine, matching-engine, subscribe) and asks before sending, so
 * it stays under the venue's limit instead of being disconnected for exceeding it: when credits are short the caller
 * keeps the request queued and retries on a later duty cycle (back-pressure, not an error).
 * <p>
 * Not thread safe: owned by the session's thread. Time is passed in, in nanoseconds from any fixed origin.
 */
public final class CreditLimiter
{
    private final long maxCredits;
    private final long refillCreditsPerSecond;
    private long credits;
    private long lastRefillNs;
    private long remainderCreditNanos;

    /**
     * @param maxCredits             the pool size (Deribit default non-matching pool: 50,000).
     * @param refillCreditsPerSecond credits added per second (Deribit default: 10,000).
     * @param nowNs                  the current time; the pool starts full.
     */
    public CreditLimiter(final long maxCredits, final long refillCreditsPerSecond, final long nowNs)
    {
        if (maxCredits <= 0)
        {
            throw new IllegalArgumentException("maxCredits=" + maxCredits + " must be positive");
        }
        if (refillCreditsPerSecond <= 0)
        {
            throw new IllegalArgumentException("refillCreditsPerSecond=" + refillCreditsPerSecond + " must be positive");
        }
        this.maxCredits = maxCredits;
        this.refillCreditsPerSecond = refillCreditsPerSecond;
        this.credits = maxCredits;
        this.lastRefillNs = nowNs;
    }

    /**
     * Takes {@code cost} credits if the pool holds them.
     *
     * @return true if the request may be sent now; false if it must wait (see {@link #nanosUntilAvailable}).
     */
    public boolean tryAcquire(final long cost, final long nowNs)
    {
        if (cost <= 0 || cost > maxCredits)
        {
            throw new IllegalArgumentException("cost=" + cost + " must be in (0, " + maxCredits + "]");
        }
        refill(nowNs);
        if (credits >= cost)
        {
            credits -= cost;
            return true;
        }
        return false;
    }

    /** Nanoseconds until {@code cost} credits will be available (0 if they are now). */
    public long nanosUntilAvailable(final long cost, final long nowNs)
    {
        refill(nowNs);
        final long missing = cost - credits;
        if (missing <= 0)
        {
            return 0;
        }
        final long missingCreditNanos = missing * 1_000_000_000L - remainderCreditNanos;
        return (missingCreditNanos + refillCreditsPerSecond - 1) / refillCreditsPerSecond;
    }

    /** Credits in the pool at {@code nowNs}. */
    public long available(final long nowNs)
    {
        refill(nowNs);
        return credits;
    }

    /** Empties the pool, e.g. after the venue answered "too many requests": its view of our credits is authoritative. */
    public void drain(final long nowNs)
    {
        refill(nowNs);
        credits = 0;
        remainderCreditNanos = 0;
    }

    private void refill(final long nowNs)
    {
        final long elapsedNs = nowNs - lastRefillNs;
        if (elapsedNs <= 0)
        {
            return;
        }
        lastRefillNs = nowNs;
        if (credits >= maxCredits)
        {
            remainderCreditNanos = 0;
            return;
        }
        // credit-nanoseconds accumulate exactly so that many small steps refill as much as one large step.
        final long secondsPart = elapsedNs / 1_000_000_000L;
        final long nanosPart = elapsedNs % 1_000_000_000L;
        long added = Math.min(maxCredits, secondsPart * refillCreditsPerSecond);
        final long creditNanos = remainderCreditNanos + nanosPart * refillCreditsPerSecond;
        added += creditNanos / 1_000_000_000L;
        remainderCreditNanos = creditNanos % 1_000_000_000L;
        credits = Math.min(maxCredits, credits + added);
        if (credits == maxCredits)
        {
            remainderCreditNanos = 0;
        }
    }
}
