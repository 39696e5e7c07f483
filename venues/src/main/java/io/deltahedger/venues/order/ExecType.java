package io.deltahedger.venues.order;

/** What an {@link ExecutionReport} reports. */
public enum ExecType {
    /** The venue accepted the order (it rests, or is about to fill). */
    ACK,
    /** Part of the order filled; some is left. */
    PARTIAL_FILL,
    /** The order filled completely. */
    FILL,
    /** The order was cancelled (by us, by IOC/FOK expiry, or by the venue); the rest will not fill. */
    CANCELED,
    /** The order was refused; see the reason. */
    REJECTED,
    /** An amend was applied; price and amount are the new ones. */
    AMENDED,
    /** A cancel was refused (e.g. the order had already filled); the order's state is unchanged. */
    CANCEL_REJECTED,
    /** An amend was refused; the order's state is unchanged. */
    AMEND_REJECTED,
    /** The order's current state, from an open-orders query or reconciliation after a reconnect. */
    STATUS
}
