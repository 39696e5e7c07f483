package io.deltahedger.venues.session;

import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter for reconnects: the n-th consecutive failure waits a uniformly random time in
 * [minDelay, min(maxDelay, initialDelay * 2^n)], so that many clients dropped together do not reconnect together.
 * <p>
 * The random generator is injected and seeded, so a replayed run waits the same times. Not thread safe.
 */
public final class ReconnectBackoff
{
    private final long initialDelayNs;
    private final long maxDelayNs;
    private final RandomGenerator random;
    private int failures;

    /**
     * @param initialDelayNs the cap of the first wait, e.g. 250 ms.
     * @param maxDelayNs     the cap of any wait, e.g. 30 s.
     * @param random         seeded source of jitter.
     */
    public ReconnectBackoff(final long initialDelayNs, final long maxDelayNs, final RandomGenerator random)
    {
        if (initialDelayNs <= 0 || maxDelayNs < initialDelayNs)
        {
            throw new IllegalArgumentException(
                "need 0 < initialDelayNs <= maxDelayNs, got initialDelayNs=" + initialDelayNs +
                " maxDelayNs=" + maxDelayNs);
        }
        this.initialDelayNs = initialDelayNs;
        this.maxDelayNs = maxDelayNs;
        this.random = random;
    }

    /** Records a failed attempt and returns how long to wait before the next one, in nanoseconds. */
    public long nextDelayNs()
    {
        final long capNs = capNs(failures);
        failures = Math.min(failures + 1, 62);
        final long minNs = initialDelayNs / 4;
        return minNs + (long)(random.nextDouble() * (capNs - minNs));
    }

    /** The upper bound of the wait after {@code failures} consecutive failures. */
    public long capNs(final int failures)
    {
        if (failures >= Long.numberOfLeadingZeros(initialDelayNs) - 1)
        {
            return maxDelayNs; // doubling further would overflow; the cap has long been reached
        }
        return Math.min(maxDelayNs, initialDelayNs << failures);
    }

    /** Call once a connection is live again. */
    public void reset()
    {
        failures = 0;
    }

    public int failures()
    {
        return failures;
    }
}
