package io.deltahedger.hedger.pipeline;

import io.deltahedger.config.time.EpochClock;

/** A test clock moved by hand; read by the publishing thread only. */
final class ManualClock implements EpochClock
{
    private long nowMs;

    ManualClock(final long startMs)
    {
        nowMs = startMs;
    }

    @Override
    public long epochMs()
    {
        return nowMs;
    }

    void advance(final long ms)
    {
        nowMs += ms;
    }
}
