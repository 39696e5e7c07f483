package io.deltahedger.venues.deribit.client;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.order.AmendRequest;
import io.deltahedger.venues.order.CancelRequest;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.TimeInForce;
import io.deltahedger.venues.simulator.fault.FaultConfig;
import io.deltahedger.venues.simulator.book.SimOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Orders through the unified {@link io.deltahedger.venues.order.VenueGateway} to the simulator and back as reports. */
class DeribitTradingTest {
    private static ClientHarness live() throws Exception {
        final ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c);
        h.start();
        h.awaitLive();
        h.pollUntil("book", () -> h.snapshotsPublished > 0, 5_000);
        return h;
    }

    private static OrderRequest restingBuy(final ClientHarness h, final ClientOrderId id, final long lots) {
        final long price = h.session.book(h.perpetualIndex).bestBidTicks() - 2_000; // 1,000 USD under the bid
        return OrderRequest.limit(id, h.perpetual, Side.BUY, price, lots, TimeInForce.GTC);
    }

    @Test
    @Timeout(20)
    void gatewayRefusesBeforeTheSessionIsLive() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c)) {
            assertEquals(SendResult.NOT_CONNECTED, h.session.gateway().place(
                OrderRequest.market(new ClientOrderId(1, 0, 0), h.perpetual, Side.BUY, 1)));
        }
    }

    @Test
    @Timeout(20)
    void restingOrderIsAcknowledgedUnderItsLabelThenCancelled() throws Exception {
        try (ClientHarness h = live()) {
            final ClientOrderId id = new ClientOrderId(10, 0, 0);
            final OrderRequest order = restingBuy(h, id, 3);
            assertEquals(SendResult.SENT, h.session.gateway().place(order));
            h.pollUntil("ACK", () -> h.typesOf(id).contains(ExecType.ACK), 5_000);
            final ExecutionReport ack = h.reportsOf(id).get(0);
            assertNotNull(ack.venueOrderId());
            assertEquals(order.priceTicks(), ack.priceTicks());
            assertEquals(3, ack.amountLots());
            assertEquals(1, h.simOpenOrders(id), "the venue holds exactly one order with the label");

            assertEquals(SendResult.SENT, h.session.gateway().cancel(new CancelRequest(id, h.perpetual)));
            h.pollUntil("CANCELED", () -> h.typesOf(id).contains(ExecType.CANCELED), 5_000);
            h.settle();
            assertEquals(List.of(ExecType.ACK, ExecType.CANCELED), h.typesOf(id), "each change reported once");
            assertEquals(0, h.simOpenOrders(id));
        }
    }

    @Test
    @Timeout(20)
    void marketOrderFillsAndPositionAndAccountFollow() throws Exception {
        try (ClientHarness h = live()) {
            final ClientOrderId id = new ClientOrderId(11, 0, 0);
            assertEquals(SendResult.SENT, h.session.gateway().place(OrderRequest.market(id, h.perpetual, Side.BUY, 5)));
            h.pollUntil("FILL", () -> h.typesOf(id).contains(ExecType.FILL), 5_000);
            h.settle();
            final List<ExecutionReport> reports = h.reportsOf(id);
            assertEquals(ExecType.ACK, reports.get(0).type());
            assertEquals(ExecType.FILL, reports.get(reports.size() - 1).type());
            assertEquals(5, reports.stream().mapToLong(ExecutionReport::lastFillLots).sum(), "fills add up to the order");
            final long ask = h.session.book(h.perpetualIndex).bestAskTicks();
            for (final ExecutionReport r : reports) {
                if (r.type() == ExecType.FILL || r.type() == ExecType.PARTIAL_FILL) {
                    assertTrue(r.lastFillPriceTicks() > ask - 2_000 && r.lastFillPriceTicks() < ask + 2_000,
                        "fill price near the ask: " + r);
                }
            }

            final int before = h.accounts.size();
            assertEquals(SendResult.SENT, h.session.gateway().requestAccount());
            h.pollUntil("account", () -> h.accounts.size() > before, 5_000);
            final AccountSnapshot account = h.accounts.get(h.accounts.size() - 1);
            assertEquals(1, account.positions().size());
            final Position position = account.positions().get(0);
            assertEquals(h.perpetual, position.instrument());
            assertEquals(5, position.sizeLots());
            assertTrue(account.initialMargin() > 0 && account.maintenanceMargin() > 0);
            assertTrue(account.balance() < h.accounts.get(0).balance(), "the taker fee was paid");
        }
    }

    @Test
    @Timeout(20)
    void cancelAllCancelsEveryRestingOrderAndAFinishedOrderCannotBeCancelled() throws Exception {
        try (ClientHarness h = live()) {
            final ClientOrderId a = new ClientOrderId(16, 0, 0);
            final ClientOrderId b = new ClientOrderId(16, 1, 0);
            h.session.gateway().place(restingBuy(h, a, 1));
            h.session.gateway().place(restingBuy(h, b, 1));
            h.pollUntil("ACKs", () -> h.typesOf(a).contains(ExecType.ACK) && h.typesOf(b).contains(ExecType.ACK), 5_000);
            assertEquals(SendResult.SENT, h.session.gateway().cancelAll(h.perpetual));
            h.pollUntil("CANCELED", () -> h.typesOf(a).contains(ExecType.CANCELED)
                && h.typesOf(b).contains(ExecType.CANCELED), 5_000);
            assertEquals(List.of(), h.simOpenOrders());

            h.session.gateway().cancel(new CancelRequest(a, h.perpetual));
            h.pollUntil("CANCEL_REJECTED", () -> h.typesOf(a).contains(ExecType.CANCEL_REJECTED), 5_000);
            assertEquals(RejectReason.ORDER_NOT_OPEN, h.reportsOf(a).get(2).rejectReason());
        }
    }

    @Test
    @Timeout(20)
    void amendChangesPriceAndAmountOfTheRestingOrder() throws Exception {
        try (ClientHarness h = live()) {
            final ClientOrderId id = new ClientOrderId(12, 1, 0);
            final OrderRequest order = restingBuy(h, id, 2);
            h.session.gateway().place(order);
            h.pollUntil("ACK", () -> h.typesOf(id).contains(ExecType.ACK), 5_000);
            assertEquals(SendResult.SENT, h.session.gateway().amend(new AmendRequest(id, h.perpetual,
                order.priceTicks() - 10, 4)));
            h.pollUntil("AMENDED", () -> h.typesOf(id).contains(ExecType.AMENDED), 5_000);
            h.settle();
            assertEquals(List.of(ExecType.ACK, ExecType.AMENDED), h.typesOf(id));
            final ExecutionReport amended = h.reportsOf(id).get(1);
            assertEquals(order.priceTicks() - 10, amended.priceTicks());
            assertEquals(4, amended.amountLots());
            final SimOrder venue = h.simOpenOrders().get(0);
            assertEquals(4, venue.amountLots);
        }
    }

    @Test
    @Timeout(20)
    void venueRejectionComesBackWithATypedReason() throws Exception {
        try (ClientHarness h = live()) {
            h.sim.configureFaults(FaultConfig.none().withOrderReject(1.0));
            final ClientOrderId id = new ClientOrderId(13, 0, 0);
            h.session.gateway().place(restingBuy(h, id, 1));
            h.pollUntil("REJECTED", () -> h.typesOf(id).contains(ExecType.REJECTED), 5_000);
            final ExecutionReport rejected = h.reportsOf(id).get(0);
            assertEquals(RejectReason.RETRYABLE, rejected.rejectReason(), "10047 matching_engine_queue_full");
            assertTrue(rejected.text().startsWith("10047"), rejected.text());
            assertEquals(0, h.simOpenOrders(id));
        }
    }

    @Test
    @Timeout(20)
    void aClientOrderIdIsNeverSentTwice() throws Exception {
        try (ClientHarness h = live()) {
            final ClientOrderId id = new ClientOrderId(14, 0, 0);
            final OrderRequest order = restingBuy(h, id, 1);
            h.session.gateway().place(order);
            h.pollUntil("ACK", () -> h.typesOf(id).contains(ExecType.ACK), 5_000);
            h.session.gateway().place(order);
            h.pollUntil("REJECTED", () -> h.typesOf(id).contains(ExecType.REJECTED), 5_000);
            assertEquals(RejectReason.INVALID_REQUEST, h.reportsOf(id).get(1).rejectReason());
            h.settle();
            assertEquals(1, h.simOpenOrders(id));
        }
    }

    @Test
    @Timeout(20)
    void openOrdersQueryListsOurRestingOrders() throws Exception {
        try (ClientHarness h = live()) {
            final ClientOrderId a = new ClientOrderId(15, 0, 0);
            final ClientOrderId b = new ClientOrderId(15, 1, 0);
            h.session.gateway().place(restingBuy(h, a, 1));
            h.session.gateway().place(restingBuy(h, b, 2));
            h.pollUntil("ACKs", () -> h.typesOf(a).contains(ExecType.ACK) && h.typesOf(b).contains(ExecType.ACK), 5_000);
            h.session.gateway().requestOpenOrders();
            h.pollUntil("open orders", () -> !h.openOrders.isEmpty(), 5_000);
            final List<ExecutionReport> open = h.openOrders.get(0);
            assertEquals(List.of(a, b), open.stream().map(ExecutionReport::clientOrderId).sorted(
                java.util.Comparator.comparingInt(ClientOrderId::leg)).toList());
            assertTrue(open.stream().allMatch(r -> r.type() == ExecType.STATUS));
        }
    }
}
