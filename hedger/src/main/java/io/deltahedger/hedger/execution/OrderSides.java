package io.deltahedger.hedger.execution;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.ClientOrderId;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The side of every order the engine sent, by client order id, so a report (which carries no side) can be stamped
 * with it when an adapter publishes it and the Greeks stage knows which way a fill moved the position. Written by the
 * execution stage before it places an order, read by publishing I/O threads: thread-safe. Bounded: orders of groups
 * more than {@link #RETAINED_GROUPS} groups older than the newest are forgotten (their reports are long over).
 */
public final class OrderSides
{
    /** Groups whose sides are kept: far more than can be in flight or have late reports. */
    public static final long RETAINED_GROUPS = 4096;

    private final ConcurrentHashMap<ClientOrderId, Side> sides = new ConcurrentHashMap<>();
    private long oldestKept = Long.MIN_VALUE;

    /** Records an order about to be placed (execution stage thread). */
    void record(final ClientOrderId id, final Side side)
    {
        sides.put(id, side);
        final long oldest = id.groupId() - RETAINED_GROUPS;
        if (oldest > oldestKept + RETAINED_GROUPS / 4)
        {
            oldestKept = oldest;
            sides.keySet().removeIf(k -> k.groupId() < oldest);
        }
    }

    /** The side of an order the engine sent, or null (a foreign order, or one long forgotten). Any thread. */
    public Side sideOf(final ClientOrderId id)
    {
        return sides.get(id);
    }

    /** How many orders are remembered. */
    public int size()
    {
        return sides.size();
    }
}
