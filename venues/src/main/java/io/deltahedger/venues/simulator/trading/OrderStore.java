package io.deltahedger.venues.simulator.trading;

import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.rpc.RpcError;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The users' orders by id: open ones, and the most recent {@value #CLOSED_ORDERS_KEPT} closed ones for
 * {@code get_order_state}. Market-maker orders are never stored. Exchange thread only.
 */
final class OrderStore
{
    static final int CLOSED_ORDERS_KEPT = 10_000;

    private final Map<Long, SimOrder> orders = new HashMap<>();
    private final ArrayDeque<Long> closed = new ArrayDeque<>();

    void track(final SimOrder order)
    {
        orders.put(order.orderId, order);
        if (!SimOrder.OPEN.equals(order.state))
        {
            retire(order);
        }
    }

    /** Remembers a closed order for queries, forgetting the oldest closed orders beyond the limit. */
    void retire(final SimOrder order)
    {
        closed.addLast(order.orderId);
        while (closed.size() > CLOSED_ORDERS_KEPT)
        {
            orders.remove(closed.removeFirst());
        }
    }

    SimOrder get(final long orderId)
    {
        return orders.get(orderId);
    }

    /** Every order of an owner still held (open, and the most recent closed ones), oldest first. */
    List<SimOrder> orders(final long ownerId)
    {
        final List<SimOrder> result = new ArrayList<>();
        for (final SimOrder order : orders.values())
        {
            if (order.ownerId == ownerId)
            {
                result.add(order);
            }
        }
        result.sort((a, b) -> Long.compare(a.orderId, b.orderId));
        return result;
    }

    /** All open orders of an owner, oldest first. */
    List<SimOrder> openOrders(final long ownerId)
    {
        final List<SimOrder> result = new ArrayList<>();
        for (final SimOrder order : orders.values())
        {
            if (order.ownerId == ownerId && SimOrder.OPEN.equals(order.state))
            {
                result.add(order);
            }
        }
        result.sort((a, b) -> Long.compare(a.orderId, b.orderId));
        return result;
    }

    /**
     * @throws RpcError 10004 when unknown, 10029 when another owner's.
     */
    SimOrder requireOwn(final long ownerId, final long orderId)
    {
        final SimOrder order = orders.get(orderId);
        if (order == null)
        {
            throw new RpcError(RpcError.ORDER_NOT_FOUND, "order_not_found", "no order with order_id " + orderId, "order_id");
        }
        if (order.ownerId != ownerId)
        {
            throw new RpcError(RpcError.NOT_OWNER_OF_ORDER, "not_owner_of_order",
                "order " + orderId + " belongs to another account", "order_id");
        }
        return order;
    }
}
