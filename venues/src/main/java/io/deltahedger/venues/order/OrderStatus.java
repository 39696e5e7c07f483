package io.deltahedger.venues.order;

/** The life-cycle state of one order as the open-order book keeps it. */
public enum OrderStatus {
    /** Sent, not yet acknowledged. */
    PENDING_NEW(false),
    /** Acknowledged and resting, nothing filled. */
    OPEN(false),
    /** Resting with part filled. */
    PARTIALLY_FILLED(false),
    FILLED(true),
    CANCELED(true),
    REJECTED(true);

    private final boolean terminal;

    OrderStatus(final boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether the order can change no more. */
    public boolean terminal() {
        return terminal;
    }
}
