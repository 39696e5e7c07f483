package io.deltahedger.venues.deribit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.deribit.DeribitCredentials;
import io.deltahedger.venues.deribit.DeribitSigner;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What goes on the wire: Deribit's names, exact decimals, and never the secret. */
class RequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final Instrument perp = registry.instrument(registry.register(new Instrument(Venue.DERIBIT,
        "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD", "BTC", "USD", ContractStyle.INVERSE, BigDecimal.TEN,
        DecimalGrid.of("0.5"), DecimalGrid.of("10"), BigDecimal.TEN, 0, null, null)));
    private final Outbox outbox = new Outbox(ClientRateLimits.deribitDefaults(), 0);
    private final Requests requests = new Requests(null, new OrderTracker(registry, r -> { }), outbox, List.of("BTC"));

    private static JsonNode wire(final Request request) throws Exception {
        request.id = 7;
        return JSON.readTree(request.toJson());
    }

    @Test
    void authSignsWithTheSecretButNeverSendsIt() throws Exception {
        final Request auth = requests.auth(new DeribitSigner(new DeribitCredentials("key", "top-secret-value")),
            1_700_000_000_000L, new SplittableRandom(3));
        assertFalse(auth.toJson().contains("top-secret-value"));
        final JsonNode params = wire(auth).path("params");
        assertEquals("client_signature", params.path("grant_type").asText());
        assertEquals("key", params.path("client_id").asText());
        assertEquals(1_700_000_000_000L, params.path("timestamp").asLong());
        assertEquals(64, params.path("signature").asText().length(), "hex HMAC-SHA256");
    }

    @Test
    void aLimitOrderGoesOutWithExactDecimalsAndItsClientIdAsLabel() throws Exception {
        final ClientOrderId id = new ClientOrderId(36, 2, 1);
        requests.onCommand(new OrderRequest(id, perp, Side.SELL, io.deltahedger.venues.order.OrderType.LIMIT,
            TimeInForce.GTC, 120_001, 3, true, true), 0);
        final Request sell = outbox.pollTrading(0);
        final JsonNode message = wire(sell);
        assertEquals("private/sell", message.path("method").asText());
        final JsonNode params = message.path("params");
        assertEquals("60000.5", params.path("price").asText());
        assertEquals("30", params.path("amount").asText());
        assertEquals("dh10-2-1", params.path("label").asText());
        assertEquals("good_til_cancelled", params.path("time_in_force").asText());
        assertTrue(params.path("post_only").asBoolean() && params.path("reject_post_only").asBoolean());
        assertTrue(params.path("reduce_only").asBoolean());
        assertNull(outbox.pollTrading(0));
    }

    @Test
    void aMarketOrderCarriesNoPrice() throws Exception {
        requests.onCommand(OrderRequest.market(new ClientOrderId(1, 0, 0), perp, Side.BUY, 1), 0);
        final JsonNode params = wire(outbox.pollTrading(0)).path("params");
        assertEquals("market", params.path("type").asText());
        assertTrue(params.path("price").isMissingNode());
        assertEquals("immediate_or_cancel", params.path("time_in_force").asText());
    }

    @Test
    void theMatchingPoolReleasesABurstAtItsRefillRate() {
        for (int i = 0; i < 30; i++) {
            requests.onCommand(OrderRequest.market(new ClientOrderId(2, i, 0), perp, Side.BUY, 1), 0);
        }
        int sent = 0;
        while (outbox.pollTrading(0) != null) {
            sent++;
        }
        assertEquals(20, sent, "a 20,000-credit pool at 1,000 a request");
        assertNull(outbox.pollTrading(199), "5,000 credits/s: the next credit-worth after 200 ms");
        assertTrue(outbox.pollTrading(200) != null);
        assertEquals(9, outbox.tradingQueued());
    }

    @Test
    void aValueThatWouldNeedJsonEscapingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Requests.quote("a\"b"));
    }
}
