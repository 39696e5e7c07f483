package io.deltahedger.venues.deribit.client;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.TimeInForce;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.fault.FaultConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every fault kind of the simulator, injected with a fixed seed, and what the client does about it. */
class DeribitFaultTest {
    private static OrderRequest restingBuy(final ClientHarness h, final ClientOrderId id) {
        final long price = h.session.book(h.perpetualIndex).bestBidTicks() - 2_000;
        return OrderRequest.limit(id, h.perpetual, Side.BUY, price, 1, TimeInForce.GTC);
    }

    private static void awaitLiveAgain(final ClientHarness h, final int reconnects) {
        for (int i = 0; i < 120 && !(h.session.reconnects() >= reconnects
            && h.session.connectionState() == ConnectionState.LIVE); i++) {
            h.advance(250, 250);
        }
        assertEquals(ConnectionState.LIVE, h.session.connectionState(), "live again: " + h.stateSequence());
    }

    private static void closeConnectionOnce(final ClientHarness h) {
        h.sim.configureFaults(FaultConfig.none().withCloseConnection(1.0));
        h.sim.advance(100);
        h.sim.configureFaults(FaultConfig.none());
        h.pollUntil("disconnect seen", () -> h.session.connectionState() == ConnectionState.RECONNECTING, 5_000);
    }

    @Test
    @Timeout(30)
    void bookGapsMarkTheBookInvalidAreNeverPublishedAcrossAndResyncFromANewSnapshot() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c)) {
            h.start();
            h.awaitLive();
            h.pollUntil("snapshot", () -> h.snapshotsPublished > 0, 5_000);
            h.sim.configureFaults(FaultConfig.none().withBookDrop(0.2).withBookReorder(0.1));
            h.advance(8_000, 200);
            assertTrue(h.invalidations.contains(BookUpdate.GAP), "gaps were seen: " + h.invalidations);
            assertTrue(h.snapshotsPublished > 2, "resynced from new snapshots: " + h.snapshotsPublished);
            h.sim.configureFaults(FaultConfig.none());
            h.advance(7_000, 500); // a book stuck without snapshot is resubscribed after the request time-out
            assertEquals(List.of(), h.bookViolations, "nothing published across a gap");
            assertEquals(BookState.VALID, h.session.book(h.perpetualIndex).state());
            assertEquals(0, h.session.reconnects(), "gaps are repaired without reconnecting");
        }
    }

    @Test
    @Timeout(30)
    void closedConnectionReconnectsResubscribesAndReconcilesWithoutLosingOrDuplicatingOrders() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c)) {
            h.start();
            h.awaitLive();
            h.pollUntil("snapshot", () -> h.snapshotsPublished > 0, 5_000);
            final ClientOrderId kept = new ClientOrderId(20, 0, 0);
            final ClientOrderId cancelledWhileAway = new ClientOrderId(20, 1, 0);
            h.session.gateway().place(restingBuy(h, kept));
            h.session.gateway().place(restingBuy(h, cancelledWhileAway));
            h.pollUntil("ACKs", () -> h.typesOf(kept).contains(ExecType.ACK)
                && h.typesOf(cancelledWhileAway).contains(ExecType.ACK), 5_000);
            final long snapshotsBefore = h.snapshotsPublished;

            closeConnectionOnce(h);
            assertTrue(h.invalidations.contains(BookUpdate.STALE), "books distrusted at once on the drop");
            assertEquals(SendResult.NOT_CONNECTED, h.session.gateway().place(restingBuy(h, new ClientOrderId(20, 2, 0))));
            // while we are away the venue cancels one of the orders
            final String venueId = h.reportsOf(cancelledWhileAway).get(0).venueOrderId();
            h.sim.call(() -> h.sim.engine().cancel(ClientHarness.OWNER, Long.parseLong(venueId)));

            awaitLiveAgain(h, 1);
            h.settle();
            final List<ConnectionState> states = h.stateSequence();
            assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.LIVE, ConnectionState.RECONNECTING,
                ConnectionState.LIVE), states);
            assertTrue(h.snapshotsPublished > snapshotsBefore, "resubscribed: a new snapshot arrived");
            assertEquals(BookState.VALID, h.session.book(h.perpetualIndex).state());
            assertEquals(List.of(ExecType.ACK), h.typesOf(kept), "the open order is neither lost nor re-reported");
            assertEquals(1, h.simOpenOrders(kept), "nor sent twice");
            assertEquals(List.of(ExecType.ACK, ExecType.CANCELED), h.typesOf(cancelledWhileAway),
                "what happened while away is reconciled");
            assertEquals(List.of(), h.bookViolations);
        }
    }

    @Test
    @Timeout(30)
    void lostReplyIsResolvedByQueryingTheLabelNotByResending() throws Exception {
        // no user channels: the only way to learn the order's fate is the label query
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c.withAccountCurrencies(List.of()))) {
            h.start();
            h.awaitLive();
            h.pollUntil("snapshot", () -> h.snapshotsPublished > 0, 5_000);
            final ClientOrderId id = new ClientOrderId(21, 0, 0);
            h.sim.configureFaults(FaultConfig.none().withReplyLoss(1.0));
            h.session.gateway().place(restingBuy(h, id));
            h.pollUntil("order booked at the venue", () -> h.simOpenOrders(id) == 1, 5_000);
            h.sim.configureFaults(FaultConfig.none());
            h.settle();
            assertEquals(List.of(), h.typesOf(id), "no reply yet");
            h.advance(6_000, 500); // past the 5 s request time-out
            h.pollUntil("ACK", () -> h.typesOf(id).contains(ExecType.ACK), 5_000);
            h.settle();
            assertEquals(1, h.session.lostReplies());
            assertEquals(List.of(ExecType.ACK), h.typesOf(id));
            assertEquals(1, h.simOpenOrders(id), "found, not re-sent");
            assertEquals(ConnectionState.LIVE, h.session.connectionState());
            assertEquals(0, h.session.reconnects());
        }
    }

    @Test
    @Timeout(30)
    void replyDelayedBeyondTheTimeoutIsResolvedByLabelAndTheLateReplyChangesNothing() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c.withAccountCurrencies(List.of()))) {
            h.start();
            h.awaitLive();
            h.pollUntil("snapshot", () -> h.snapshotsPublished > 0, 5_000);
            final ClientOrderId id = new ClientOrderId(23, 0, 0);
            h.sim.configureFaults(FaultConfig.none().withReplyDelay(1.0, 8_000));
            h.session.gateway().place(restingBuy(h, id));
            h.pollUntil("order booked at the venue", () -> h.simOpenOrders(id) == 1, 5_000);
            h.sim.configureFaults(FaultConfig.none());
            h.advance(6_000, 500); // the 5 s request time-out passes: the label query finds the order
            h.pollUntil("ACK", () -> h.typesOf(id).contains(ExecType.ACK), 5_000);
            h.advance(4_000, 500); // the delayed reply arrives late and is ignored
            assertEquals(List.of(ExecType.ACK), h.typesOf(id));
            assertEquals(1, h.session.lostReplies());
            assertEquals(1, h.simOpenOrders(id));
            assertEquals(0, h.session.reconnects());
        }
    }

    @Test
    @Timeout(30)
    void replyDelayedWithinTheTimeoutIsSimplyWaitedFor() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c.withAccountCurrencies(List.of()))) {
            h.start();
            h.awaitLive();
            h.pollUntil("snapshot", () -> h.snapshotsPublished > 0, 5_000);
            final ClientOrderId id = new ClientOrderId(24, 0, 0);
            h.sim.configureFaults(FaultConfig.none().withReplyDelay(1.0, 2_000));
            h.session.gateway().place(restingBuy(h, id));
            h.pollUntil("order booked at the venue", () -> h.simOpenOrders(id) == 1, 5_000);
            h.sim.configureFaults(FaultConfig.none());
            h.advance(3_000, 500);
            assertEquals(List.of(ExecType.ACK), h.typesOf(id));
            assertEquals(0, h.session.lostReplies());
        }
    }

    @Test
    @Timeout(30)
    void orderWhoseReplyDiedWithTheConnectionIsFoundByLabelAfterTheReconnect() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c.withAccountCurrencies(List.of()))) {
            h.start();
            h.awaitLive();
            h.pollUntil("snapshot", () -> h.snapshotsPublished > 0, 5_000);
            final ClientOrderId id = new ClientOrderId(22, 0, 0);
            h.sim.configureFaults(FaultConfig.none().withReplyLoss(1.0));
            h.session.gateway().place(restingBuy(h, id));
            h.pollUntil("order booked at the venue", () -> h.simOpenOrders(id) == 1, 5_000);
            closeConnectionOnce(h);
            awaitLiveAgain(h, 1);
            h.settle();
            assertEquals(List.of(ExecType.ACK), h.typesOf(id));
            assertEquals(1, h.simOpenOrders(id), "the order exists once");
        }
    }

    @Test
    @Timeout(30)
    void anIocThatFilledWhileItsReplyAndConnectionWereLostIsReportedFilledNotUnplaced() throws Exception {
        // no user channels: after the reconnect only the label query can tell that the order was booked and filled
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c.withAccountCurrencies(List.of()))) {
            h.start();
            h.awaitLive();
            h.pollUntil("snapshot", () -> h.snapshotsPublished > 0, 5_000);
            final ClientOrderId id = new ClientOrderId(23, 0, 0);
            final long marketable = h.session.book(h.perpetualIndex).bestAskTicks() + 2_000;
            h.sim.configureFaults(FaultConfig.none().withCloseAfterOrder(1.0));
            h.session.gateway().place(OrderRequest.limit(id, h.perpetual, Side.BUY, marketable, 1, TimeInForce.IOC));
            awaitLiveAgain(h, 1);
            h.sim.configureFaults(FaultConfig.none());
            h.advance(6_000, 500);
            h.settle();
            assertTrue(h.typesOf(id).contains(ExecType.FILL), "the fill is reported: " + h.typesOf(id));
            assertFalse(h.typesOf(id).contains(ExecType.REJECTED), "not reported as not placed: " + h.typesOf(id));
        }
    }

    @Test
    @Timeout(30)
    void aBurstOfOrdersIsPacedUnderTheVenueLimitsInsteadOfDrawingTooManyRequests() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c)) {
            final List<ClientOrderId> ids = burst(h, 40);
            final long startMs = h.clock.epochMs();
            for (int i = 0; i < 100 && !ids.stream().allMatch(id -> h.typesOf(id).contains(ExecType.ACK)); i++) {
                h.advance(200, 200);
            }
            final long tookMs = h.clock.epochMs() - startMs;
            assertTrue(ids.stream().allMatch(id -> h.typesOf(id).equals(List.of(ExecType.ACK))), "all acknowledged");
            assertTrue(h.reports.stream().noneMatch(r -> r.type() == ExecType.REJECTED), "no 10028");
            assertEquals(0, h.session.reconnects(), "the venue never closed the session");
            // 20 credits-worth at once, then 5 a second: at least (40 - 20) / 5 = 4 s of venue time
            assertTrue(tookMs >= 3_800, "paced by the credit pool, took " + tookMs + " ms");
            assertEquals(40, h.simOpenOrders().size());
        }
    }

    @Test
    @Timeout(30)
    void withoutClientPacingTheSameBurstDrawsTooManyRequests() throws Exception {
        // the control experiment: client pools far above the venue's, so the venue answers 10028 and drops us
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(),
            c -> c.withLimits(new ClientRateLimits(1, 1_000_000, 1_000_000, 1, 1, 1_000_000, 1_000_000)))) {
            burst(h, 40);
            // the venue answers 10028 and closes the session (the reply may or may not beat the close)
            h.pollUntil("too_many_requests or the session closed by the venue", () -> h.session.reconnects() > 0
                || h.reports.stream().anyMatch(r -> r.rejectReason() == RejectReason.RATE_LIMITED), 5_000);
            assertTrue(h.simOpenOrders().size() < 40, "the venue refused part of the burst");
        }
    }

    private static List<ClientOrderId> burst(final ClientHarness h, final int n) {
        h.start();
        h.awaitLive();
        h.pollUntil("snapshot", () -> h.snapshotsPublished > 0, 5_000);
        final List<ClientOrderId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            final ClientOrderId id = new ClientOrderId(30, i, 0);
            ids.add(id);
            assertEquals(SendResult.SENT, h.session.gateway().place(restingBuy(h, id)));
        }
        return ids;
    }

    @Test
    @Timeout(30)
    void silentVenueTimesOutAndIsReconnected() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c.withTimeouts(20_000, 5_000))) {
            h.start();
            h.awaitLive();
            h.pollUntil("snapshot", () -> h.snapshotsPublished > 0, 5_000);
            // the venue goes silent: no heartbeats, no book changes, no replies to our probes
            h.sim.configureFaults(new FaultConfig(1.0, 0, 0, 1.0, 0, 0, 0, true, 0));
            for (int i = 0; i < 40 && h.session.reconnects() == 0; i++) {
                h.advance(1_000, 1_000);
            }
            assertEquals(1, h.session.reconnects(), "liveness timeout dropped the connection");
            h.sim.configureFaults(FaultConfig.none());
            final long snapshots = h.snapshotsPublished;
            awaitLiveAgain(h, 1);
            h.pollUntil("new snapshot", () -> h.snapshotsPublished > snapshots, 5_000);
            assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.LIVE, ConnectionState.STALE,
                ConnectionState.RECONNECTING, ConnectionState.LIVE), h.stateSequence());
            assertEquals(BookState.VALID, h.session.book(h.perpetualIndex).state());
        }
    }
}
