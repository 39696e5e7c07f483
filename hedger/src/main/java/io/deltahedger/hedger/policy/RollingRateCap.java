package io.deltahedger.hedger.policy;

/**
 * At most {@code maxEvents} events in any rolling window of {@code windowMs}: an event at time t is allowed only if
 * fewer than {@code maxEvents} events happened in {@code (t - windowMs, t]}. A ring of the last {@code maxEvents}
 * event times, so a check and a record are O(1) and allocation-free.
 * <p>
 * Time must not run backward; callers pass a non-decreasing clock. Owned by one thread.
 */
public final class RollingRateCap
{
    private final long windowMs;
    private final long[] eventMs;
    private int next;
    private int count;

    /**
     * @param maxEvents &gt;= 1.
     * @param windowMs  &gt; 0.
     */
    public RollingRateCap(final int maxEvents, final long windowMs)
    {
        if (maxEvents < 1)
        {
            throw new IllegalArgumentException("maxEvents must be >= 1, was " + maxEvents);
        }
        if (windowMs <= 0)
        {
            throw new IllegalArgumentException("windowMs must be > 0, was " + windowMs);
        }
        this.windowMs = windowMs;
        this.eventMs = new long[maxEvents];
    }

    /** True if an event at {@code nowMs} would keep the cap. */
    public boolean allows(final long nowMs)
    {
        // When the ring is full, eventMs[next] is the oldest of the last maxEvents events.
        return count < eventMs.length || nowMs - eventMs[next] >= windowMs;
    }

    /** Records an event at {@code nowMs}; the caller checked {@link #allows(long)}. */
    public void record(final long nowMs)
    {
        eventMs[next] = nowMs;
        next = next + 1 == eventMs.length ? 0 : next + 1;
        if (count < eventMs.length)
        {
            count++;
        }
    }
}
