package io.deltahedger.agent.control;

import java.util.Map;

/**
 * A health answer: up or down, with a status and a one-line detail per component (e.g. {@code venue:deribit-main},
 * {@code market-data}, {@code account:deribit-main/BTC}, {@code pipeline}). Down if any component is down.
 *
 * @param up         overall verdict
 * @param components per component: {@code UP} or {@code DOWN} and why, in a stable order
 */
public record Health(boolean up, Map<String, Component> components)
{
    public Health
    {
        components = Map.copyOf(components);
    }

    /** One component's verdict. */
    public record Component(boolean up, String detail)
    {
    }

    /** Up exactly when every component is up. */
    public static Health of(final Map<String, Component> components)
    {
        boolean up = true;
        for (final Component c : components.values())
        {
            up &= c.up();
        }
        return new Health(up, components);
    }
}
