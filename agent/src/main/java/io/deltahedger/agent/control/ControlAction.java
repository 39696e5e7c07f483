package io.deltahedger.agent.control;

import java.util.Locale;

/** The operator commands of {@code POST /api/control/{action}}. */
public enum ControlAction
{
    /** No new rebalancing groups; groups in flight finish. */
    PAUSE,
    /** Hedging again after a pause, a kill or a tripped circuit breaker. */
    RESUME,
    /** Hedge every underlying to zero delta now. */
    FLATTEN,
    /** Cancel every open order on every venue and halt new risk until resumed. */
    KILL;

    /** The path segment, e.g. {@code pause}. */
    public String path()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action for a path segment, or null if there is none. */
    public static ControlAction ofPath(final String segment)
    {
        for (final ControlAction action : values())
        {
            if (action.path().equals(segment))
            {
                return action;
            }
        }
        return null;
    }
}
