package io.deltahedger.venues.simulator;

/**
 * The simulator's only source of time: milliseconds since the Unix epoch (UTC). Injected so tests and replays step
 * the market deterministically.
 */
@FunctionalInterface
public interface SimulatorClock
{
    /**
     * @return the current time in milliseconds since the Unix epoch.
     */
    long epochMs();

    /**
     * @return the wall clock, for the standalone simulator only.
     */
    static SimulatorClock system()
    {
        return System::currentTimeMillis;
    }
}
