package io.deltahedger.config.time;


/**
 * A clock that only moves when told to. Thread-safe: the test thread advances it, the exchange thread reads it.
 */
public final class ManualClock implements EpochClock
{
    private volatile long epochMs;

    public ManualClock(final long startEpochMs)
    {
        if (startEpochMs < 0)
        {
            throw new IllegalArgumentException("startEpochMs must be >= 0 but was " + startEpochMs);
        }
        this.epochMs = startEpochMs;
    }

    public long epochMs()
    {
        return epochMs;
    }

    /**
     * Moves time forward.
     *
     * @param deltaMs milliseconds to add, >= 0.
     */
    public void advanceMs(final long deltaMs)
    {
        if (deltaMs < 0)
        {
            throw new IllegalArgumentException("deltaMs must be >= 0 but was " + deltaMs + ": time never runs backwards");
        }
        epochMs += deltaMs;
    }
}
