package io.deltahedger.venues.order;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders of one venue account that are not yet finished, by client order id (and venue order id once known).
 * An order enters on {@link #onSubmitted}, changes on each {@link #onReport} and leaves when it reaches a terminal
 * state. Single writer (the execution stage); not thread-safe.
 */
public final class OpenOrders {
    private final Map<ClientOrderId, OpenOrder> byClientId = new LinkedHashMap<>();
    private final Map<String, OpenOrder> byVenueId = new HashMap<>();

    /**
     * Records an order as sent.
     *
     * @throws IllegalStateException if an open order already has this client id: sending it would break idempotency
     */
    public OpenOrder onSubmitted(final OrderRequest request, final long nowMs) {
        final ClientOrderId id = request.clientOrderId();
        if (byClientId.containsKey(id)) {
            throw new IllegalStateException("client order id " + id + " is already open (" + byClientId.get(id)
                + "); use nextAttempt() for a new order of the same leg");
        }
        final OpenOrder order = new OpenOrder(request, nowMs);
        byClientId.put(id, order);
        return order;
    }

    /**
     * Applies a report to its order.
     *
     * @return the order after the report (already removed if now terminal), or null if no open order has this client
     *     id (a late duplicate, or an order from before a restart: reconcile it)
     */
    public OpenOrder onReport(final ExecutionReport report) {
        final OpenOrder order = byClientId.get(report.clientOrderId());
        if (order == null) {
            return null;
        }
        order.apply(report);
        if (order.venueOrderId() != null) {
            byVenueId.put(order.venueOrderId(), order);
        }
        if (order.status().terminal()) {
            byClientId.remove(report.clientOrderId());
            if (order.venueOrderId() != null) {
                byVenueId.remove(order.venueOrderId());
            }
        }
        return order;
    }

    /** The open order with this client id, or null. */
    public OpenOrder byClientId(final ClientOrderId id) {
        return byClientId.get(id);
    }

    /** The open order with this venue order id, or null. */
    public OpenOrder byVenueOrderId(final String venueOrderId) {
        return byVenueId.get(venueOrderId);
    }

    /** How many orders are open (including those not yet acknowledged). */
    public int size() {
        return byClientId.size();
    }

    /** A snapshot list of the open orders, in submission order. */
    public List<OpenOrder> open() {
        return Collections.unmodifiableList(new ArrayList<>(byClientId.values()));
    }
}
