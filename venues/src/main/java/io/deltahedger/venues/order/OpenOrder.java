package io.deltahedger.venues.order;

/**
 * The book-keeping state of one order in {@link OpenOrders}. Mutated only by its {@link OpenOrders}; read it on the
 * same thread.
 */
public final class OpenOrder {
    private final OrderRequest request;
    private OrderStatus status = OrderStatus.PENDING_NEW;
    private String venueOrderId;
    private long priceTicks;
    private long amountLots;
    private long cumFilledLots;
    private long lastUpdateMs;

    OpenOrder(final OrderRequest request, final long nowMs) {
        this.request = request;
        this.priceTicks = request.priceTicks();
        this.amountLots = request.amountLots();
        this.lastUpdateMs = nowMs;
    }

    void apply(final ExecutionReport report) {
        if (report.venueOrderId() != null) {
            venueOrderId = report.venueOrderId();
        }
        lastUpdateMs = report.venueTimestampMs();
        switch (report.type()) {
            case ACK, STATUS, AMENDED, PARTIAL_FILL, FILL -> {
                priceTicks = report.priceTicks();
                amountLots = report.amountLots();
                cumFilledLots = Math.max(cumFilledLots, report.cumFilledLots());
                status = cumFilledLots == amountLots ? OrderStatus.FILLED
                    : cumFilledLots > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
            }
            case CANCELED -> {
                cumFilledLots = Math.max(cumFilledLots, report.cumFilledLots());
                status = OrderStatus.CANCELED;
            }
            case REJECTED -> status = OrderStatus.REJECTED;
            case CANCEL_REJECTED, AMEND_REJECTED -> {
                // The order itself is unchanged.
            }
        }
    }

    public OrderRequest request() {
        return request;
    }

    public ClientOrderId clientOrderId() {
        return request.clientOrderId();
    }

    public OrderStatus status() {
        return status;
    }

    /** The venue's id, or null until the venue acknowledged the order. */
    public String venueOrderId() {
        return venueOrderId;
    }

    public long priceTicks() {
        return priceTicks;
    }

    public long amountLots() {
        return amountLots;
    }

    public long cumFilledLots() {
        return cumFilledLots;
    }

    public long leavesLots() {
        return status.terminal() ? 0 : amountLots - cumFilledLots;
    }

    /** Epoch ms of the last change (venue time of the last report, or submission time). */
    public long lastUpdateMs() {
        return lastUpdateMs;
    }

    @Override
    public String toString() {
        return "OpenOrder[" + request.clientOrderId() + " " + request.side() + " " + amountLots + "@" + priceTicks + " "
            + status + " filled " + cumFilledLots + "]";
    }
}
