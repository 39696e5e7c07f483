package io.deltahedger.venues.order;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.TestInstruments;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpenOrdersTest {
    private final Instrument perp = TestInstruments.btcPerpetual();
    private final ClientOrderId id = new ClientOrderId(42, 1, 0);

    private ExecutionReport report(final ExecType type, final long price, final long amount, final long lastPx,
                                   final long lastQty, final long cum, final RejectReason reason) {
        return new ExecutionReport(id, "ETH-123", perp, type, price, amount, lastPx, lastQty, cum, reason, "", 1000);
    }

    @Test
    void tracksAnOrderFromSubmissionThroughPartialFillToFillAndForgetsIt() {
        final OpenOrders orders = new OpenOrders();
        final OpenOrder order = orders.onSubmitted(OrderRequest.limit(id, perp, Side.BUY, 120_001, 5, TimeInForce.GTC), 10);
        assertEquals(OrderStatus.PENDING_NEW, order.status());
        assertSame(order, orders.byClientId(id));

        orders.onReport(report(ExecType.ACK, 120_001, 5, 0, 0, 0, null));
        assertEquals(OrderStatus.OPEN, order.status());
        assertSame(order, orders.byVenueOrderId("ETH-123"));

        orders.onReport(report(ExecType.PARTIAL_FILL, 120_001, 5, 120_001, 2, 2, null));
        assertEquals(OrderStatus.PARTIALLY_FILLED, order.status());
        assertEquals(3, order.leavesLots());

        orders.onReport(report(ExecType.AMENDED, 120_000, 6, 0, 0, 2, null));
        assertEquals(120_000, order.priceTicks());
        assertEquals(4, order.leavesLots());

        orders.onReport(report(ExecType.FILL, 120_000, 6, 120_000, 4, 6, null));
        assertEquals(OrderStatus.FILLED, order.status());
        assertEquals(0, orders.size());
        assertNull(orders.byVenueOrderId("ETH-123"));
        assertNull(orders.onReport(report(ExecType.CANCELED, 120_000, 6, 0, 0, 6, null)), "late report of a gone order");
    }

    @Test
    void aCancelRejectLeavesTheOrderOpenAndARejectClosesIt() {
        final OpenOrders orders = new OpenOrders();
        final OpenOrder order = orders.onSubmitted(OrderRequest.limit(id, perp, Side.SELL, 120_005, 1, TimeInForce.GTC), 10);
        orders.onReport(report(ExecType.ACK, 120_005, 1, 0, 0, 0, null));
        orders.onReport(report(ExecType.CANCEL_REJECTED, 120_005, 1, 0, 0, 0, RejectReason.RETRYABLE));
        assertEquals(OrderStatus.OPEN, order.status());
        orders.onReport(report(ExecType.REJECTED, 120_005, 1, 0, 0, 0, RejectReason.INSUFFICIENT_MARGIN));
        assertEquals(OrderStatus.REJECTED, order.status());
        assertEquals(0, orders.size());
    }

    @Test
    void reusingAnOpenClientIdIsRefused() {
        final OpenOrders orders = new OpenOrders();
        final OrderRequest request = OrderRequest.limit(id, perp, Side.BUY, 120_001, 1, TimeInForce.GTC);
        orders.onSubmitted(request, 0);
        assertThrows(IllegalStateException.class, () -> orders.onSubmitted(request, 1));
        orders.onSubmitted(OrderRequest.limit(id.nextAttempt(), perp, Side.BUY, 120_001, 1, TimeInForce.GTC), 2);
        assertEquals(2, orders.size());
    }

    @Test
    void reportsMustBeConsistent() {
        assertThrows(IllegalArgumentException.class, () -> report(ExecType.REJECTED, 1, 1, 0, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> report(ExecType.ACK, 1, 1, 0, 0, 0, RejectReason.OTHER));
        assertThrows(IllegalArgumentException.class, () -> report(ExecType.FILL, 1, 5, 1, 2, 2, null));
        assertThrows(IllegalArgumentException.class, () -> report(ExecType.PARTIAL_FILL, 1, 5, 1, 0, 2, null));
        assertThrows(IllegalArgumentException.class, () -> report(ExecType.ACK, 1, 5, 0, 0, 6, null));
    }
}
