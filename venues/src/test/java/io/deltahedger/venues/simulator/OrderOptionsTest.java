package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.deltahedger.venues.simulator.DeribitTestClient.JSON;
import static io.deltahedger.venues.simulator.DeribitTestClient.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class OrderOptionsTest
{
    private static final String PERP = "BTC-PERPETUAL";
    private final ManualClock clock = new ManualClock(SimulatorFixture.START_MS);
    private ExchangeSimulator simulator;
    private DeribitTestClient client;

    @BeforeEach
    void start()
    {
        simulator = SimulatorFixture.start(SimulatorFixture.config(), clock);
        client = new DeribitTestClient(simulator.webSocketUri());
        client.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
    }

    @AfterEach
    void stop()
    {
        client.close();
        assertEquals(0, simulator.tickFailures(), "market ticks ran without unexpected exceptions");
        simulator.close();
    }

    @Test
    void postOnlyThatWouldCrossMovesInsideTheSpreadOrIsRejected()
    {
        final JsonNode book = book();
        final double ask = book.get("best_ask_price").asDouble();
        final JsonNode moved = client.result("private/buy", limit(10, ask).put("post_only", true)).get("order");
        assertEquals("open", moved.get("order_state").asText());
        assertEquals(ask - 0.5, moved.get("price").asDouble());
        final JsonNode rejected = client.call("private/buy", limit(10, ask).put("post_only", true).put("reject_post_only", true));
        assertEquals(11054, rejected.path("error").path("code").asInt());
    }

    @Test
    void immediateOrCancelKeepsWhatFilledAndCancelsTheRest()
    {
        final JsonNode book = book();
        final double ask = book.get("best_ask_price").asDouble();
        final double askAmount = book.get("best_ask_amount").asDouble();
        final JsonNode order = client.result("private/buy",
            limit(askAmount + 100, ask).put("time_in_force", "immediate_or_cancel")).get("order");
        assertEquals("cancelled", order.get("order_state").asText());
        assertEquals(askAmount, order.get("filled_amount").asDouble());
    }

    @Test
    void fillOrKillThatCannotFillWhollyDoesNothing()
    {
        final JsonNode book = book();
        final double ask = book.get("best_ask_price").asDouble();
        final double askAmount = book.get("best_ask_amount").asDouble();
        final JsonNode order = client.result("private/buy",
            limit(askAmount + 100, ask).put("time_in_force", "fill_or_kill")).get("order");
        assertEquals("cancelled", order.get("order_state").asText());
        assertEquals(0.0, order.get("filled_amount").asDouble());
        assertEquals(askAmount, book().get("best_ask_amount").asDouble(), "book untouched");
    }

    @Test
    void reduceOnlyIsClampedToThePositionAndRefusedWhenNothingReduces()
    {
        assertEquals(11050, client.call("private/sell", params().put("instrument_name", PERP).put("amount", 100)
            .put("type", "market").put("reduce_only", true)).path("error").path("code").asInt());
        client.result("private/buy", params().put("instrument_name", PERP).put("amount", 100).put("type", "market"));
        final JsonNode order = client.result("private/sell", params().put("instrument_name", PERP).put("amount", 500)
            .put("type", "market").put("reduce_only", true)).get("order");
        assertEquals(100.0, order.get("amount").asDouble());
        assertEquals(0, client.result("private/get_positions", params().put("currency", "BTC")).size());
    }

    @Test
    void cancelOnDisconnectCancelsTheSessionsOrdersWhenItCloses() throws Exception
    {
        final double bid = book().get("best_bid_price").asDouble();
        try (DeribitTestClient keeps = new DeribitTestClient(simulator.webSocketUri()))
        {
            keeps.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
            keeps.result("private/buy", limit(10, bid - 100).put("label", "stays"));
        }
        try (DeribitTestClient cancels = new DeribitTestClient(simulator.webSocketUri()))
        {
            cancels.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
            cancels.result("private/enable_cancel_on_disconnect", params());
            cancels.result("private/buy", limit(10, bid - 100).put("label", "cod"));
            assertEquals(1, openWithLabel("cod"));
        }
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (openWithLabel("cod") != 0 && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        assertEquals(0, openWithLabel("cod"), "orders of the cancel-on-disconnect session are cancelled");
        assertEquals(1, openWithLabel("stays"), "orders of a session without it stay");
    }

    private int openWithLabel(final String label)
    {
        return client.result("private/get_open_orders_by_label", params().put("currency", "BTC").put("label", label)).size();
    }

    @Test
    void userChannelsNeedPrivateSubscribe()
    {
        final String channel = "user.orders.any.any.raw";
        assertEquals(0, client.result("public/subscribe", params().set("channels", JSON.createArrayNode().add(channel))).size());
        assertEquals(1, client.result("private/subscribe", params().set("channels", JSON.createArrayNode().add(channel))).size());
        client.result("private/buy", limit(10, book().get("best_bid_price").asDouble() - 100));
        assertNotNull(client.nextOn(channel));
    }

    @Test
    void matchingEngineCreditsRunOutBeforeTheOthers()
    {
        final SimulatorConfig config = SimulatorFixture.config()
            .withRateLimits(io.deltahedger.venues.simulator.auth.RateLimits.deribitDefaults());
        final ManualClock ownClock = new ManualClock(SimulatorFixture.START_MS);
        try (ExchangeSimulator own = ExchangeSimulator.start(config, ownClock);
            DeribitTestClient trader = new DeribitTestClient(own.webSocketUri()))
        {
            trader.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
            final double bid = trader.result("public/get_order_book", params().put("instrument_name", PERP))
                .get("best_bid_price").asDouble();
            // 20,000 credits at 1,000 an order: 20 orders, the 21st is refused.
            for (int i = 0; i < 20; i++)
            {
                assertTrue(trader.call("private/buy", limit(10, bid - 100)).has("result"), "order " + (i + 1));
            }
            assertEquals(10028, trader.call("private/buy", limit(10, bid - 100)).path("error").path("code").asInt());
        }
    }

    private JsonNode book()
    {
        return client.result("public/get_order_book", params().put("instrument_name", PERP));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode limit(final double amount, final double price)
    {
        return params().put("instrument_name", PERP).put("amount", amount).put("price", price).put("type", "limit");
    }
}
