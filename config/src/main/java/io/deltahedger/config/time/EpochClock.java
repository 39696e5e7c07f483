package io.deltahedger.config.time;

/**
 * The one injected source of time below the agent: milliseconds since the Unix epoch (UTC). The simulator steps its
 * market by it and the hedging pipeline stamps each event with it, so tests step time by hand and a replay with the
 * same readings reproduces the same decisions. Implementations called from several threads must be thread-safe.
 */
@FunctionalInterface
public interface EpochClock
{
    /**
     * @return the current time in milliseconds since the Unix epoch.
     */
    long epochMs();

    /**
     * @return the wall clock, for the composition root (the agent) only.
     */
    static EpochClock system()
    {
        return System::currentTimeMillis;
    }
}
