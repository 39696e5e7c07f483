package io.deltahedger.hedger.pipeline;

/**
 * The pipeline's injected clock: epoch milliseconds. Read once per event by the publisher and stamped on the event, so
 * every stage of one event sees the same time and a replay with the same clock readings gives the same decisions.
 * Must be safe to call from every publishing thread.
 */
@FunctionalInterface
public interface EpochClock
{
    /** The current time, epoch milliseconds. */
    long epochMs();

    /** The system wall clock, for live runs only (tests and replays inject their own). */
    static EpochClock system()
    {
        return System::currentTimeMillis;
    }
}
