package io.deltahedger.venues.deribit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.deribit.DeribitCredentials;
import io.deltahedger.venues.order.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connect, authenticate, subscribe and keep books in sync against the simulator over loopback. */
class DeribitSessionTest {
    @Test
    @Timeout(20)
    void authenticatesBySignatureSubscribesAndGoesLiveWithAValidBook() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c)) {
            h.start();
            h.awaitLive();
            assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.LIVE), h.stateSequence());
            h.pollUntil("first book snapshot", () -> h.snapshotsPublished > 0, 5_000);
            final L2Book book = h.session.book(h.perpetualIndex);
            assertEquals(BookState.VALID, book.state());
            assertTrue(book.bestBidTicks() < book.bestAskTicks(), "a valid book is not crossed");
            assertNull(h.session.authFailure());
            // the reconciliation on going LIVE read the account and its positions
            assertEquals(1, h.accounts.size());
            assertEquals("BTC", h.accounts.get(0).currency());
            assertTrue(h.accounts.get(0).equity() > 0);
        }
    }

    @Test
    @Timeout(20)
    void booksFollowTheVenueThroughChainedChanges() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c)) {
            h.start();
            h.awaitLive();
            h.advance(3_000, 500);
            assertTrue(h.booksPublished > 1, "changes after the snapshot were published: " + h.booksPublished);
            assertEquals(List.of(), h.bookViolations);
            final L2Book book = h.session.book(h.perpetualIndex);
            assertEquals(BookState.VALID, book.state());
            // the client's top of book equals the venue's
            final JsonNode venueBook = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(h.sim.httpUri() + "public/get_order_book?instrument_name=BTC-PERPETUAL&depth=5")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("result");
            assertEquals(h.perpetual.priceGrid().toUnits(venueBook.path("best_bid_price").asText()), book.bestBidTicks());
            assertEquals(h.perpetual.priceGrid().toUnits(venueBook.path("best_ask_price").asText()), book.bestAskTicks());
            assertEquals(h.perpetual.amountGrid().toUnits(venueBook.path("best_bid_amount").asText()), book.bestBidLots());
        }
    }

    @Test
    @Timeout(20)
    void tickersArriveAsMarketDataEvents() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c.withTickers(List.of("BTC-PERPETUAL")))) {
            h.start();
            h.awaitLive();
            h.advance(1_000, 500);
            assertTrue(h.marketData >= 5, "one ticker per 100 ms tick, got " + h.marketData);
            assertTrue(h.lastTickerMark > 0, "mark price decoded");
        }
    }

    @Test
    @Timeout(20)
    void badSecretIsRejectedWithATypedAuthReasonAndTheSessionGoesDown() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(),
            c -> c.withCredentials(new DeribitCredentials(c.credentials().clientId(), "not-the-secret")))) {
            h.start();
            h.pollUntil("DOWN", () -> h.session.connectionState() == ConnectionState.DOWN
                && h.states.size() >= 2, 10_000);
            final AuthFailure failure = h.session.authFailure();
            assertNotNull(failure);
            assertEquals(RejectReason.AUTH, failure.reason());
            assertTrue(failure.code() == 13004 || failure.code() == 13009, "Deribit auth error code, got " + failure);
            assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.DOWN), h.stateSequence());
            assertTrue(!h.states.get(1).reason().contains("not-the-secret"), "the secret is never in a reason");
            h.advance(5_000, 1_000);
            assertEquals(0, h.session.reconnects(), "refused credentials are not retried");
        }
    }

    @Test
    @Timeout(30)
    void tokenIsRefreshedBeforeExpiryAndPrivateCallsKeepWorking() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig().withTokenLifetimeMs(120_000), c -> c)) {
            h.start();
            h.awaitLive();
            // 60 s margin: the refresh goes out at 60 s; at 150 s the first token would long be dead
            h.advance(150_000, 5_000);
            assertEquals(ConnectionState.LIVE, h.session.connectionState());
            assertEquals(0, h.session.reconnects());
            final int before = h.accounts.size();
            h.session.gateway().requestAccount();
            h.pollUntil("account after refresh", () -> h.accounts.size() > before, 5_000);
        }
    }

    @Test
    @Timeout(30)
    void answersTestRequestsSoTheVenueKeepsTheSessionOpen() throws Exception {
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> c)) {
            h.start();
            h.awaitLive();
            h.advance(120_000, 2_000); // twelve heartbeat intervals, each with a test_request
            assertEquals(ConnectionState.LIVE, h.session.connectionState());
            assertEquals(0, h.session.reconnects());
            assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.LIVE), h.stateSequence());
        }
    }
}
