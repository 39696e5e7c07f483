package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static io.deltahedger.venues.simulator.DeribitTestClient.JSON;
import static io.deltahedger.venues.simulator.DeribitTestClient.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class MarketDataTest
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
    }

    @AfterEach
    void stop()
    {
        client.close();
        assertEquals(0, simulator.tickFailures(), "market ticks ran without unexpected exceptions");
        simulator.close();
    }

    @Test
    void listsAPerpetualAndDatedInverseFuturesNamedAsDeribitNamesThem()
    {
        final JsonNode instruments = client.result("public/get_instruments",
            params().put("currency", "BTC").put("kind", "future"));
        final List<String> names = new ArrayList<>();
        instruments.forEach(i -> names.add(i.get("instrument_name").asText()));
        // Start is Monday 5 Jan 2026: weeklies on Fridays 9 and 16 Jan, quarterly on the last Friday of March.
        assertEquals(List.of("BTC-PERPETUAL", "BTC-9JAN26", "BTC-16JAN26", "BTC-27MAR26"), names);
        final JsonNode perp = instruments.get(0);
        assertEquals(10.0, perp.get("contract_size").asDouble());
        assertEquals(0.5, perp.get("tick_size").asDouble());
        assertEquals("perpetual", perp.get("settlement_period").asText());
        assertEquals("BTC", perp.get("settlement_currency").asText());
        client.result("public/get_instruments", params().put("currency", "BTC").put("kind", "option"))
            .forEach(option -> assertEquals("option", option.get("kind").asText(), "kind=option lists options only"));
    }

    @Test
    void orderBookHasRestingLiquidityOnBothSidesAroundTheIndex()
    {
        final JsonNode book = client.result("public/get_order_book", params().put("instrument_name", PERP).put("depth", 5));
        assertEquals(5, book.get("bids").size());
        assertEquals(5, book.get("asks").size());
        final double bestBid = book.get("best_bid_price").asDouble();
        final double bestAsk = book.get("best_ask_price").asDouble();
        final double index = client.result("public/get_index_price", params().put("index_name", "btc_usd"))
            .get("index_price").asDouble();
        assertTrue(bestBid < bestAsk, bestBid + " < " + bestAsk);
        assertTrue(Math.abs((bestBid + bestAsk) / 2 / index - 1) < 0.002, "mid near index " + index);
        assertTrue(book.get("change_id").asLong() > 0);
    }

    @Test
    void bookSubscriptionStartsWithASnapshotThenChainsChangesThatRebuildTheBook()
    {
        final String channel = "book." + PERP + ".100ms";
        final JsonNode subscribed = client.result("public/subscribe",
            params().set("channels", JSON.createArrayNode().add(channel)));
        assertEquals(channel, subscribed.get(0).asText());
        final LocalBook local = new LocalBook();
        final JsonNode snapshot = client.nextOn(channel).path("params").path("data");
        assertEquals("snapshot", snapshot.get("type").asText());
        assertFalse(snapshot.has("prev_change_id"));
        local.apply(snapshot);

        simulator.advance(2_000);
        int changes = 0;
        for (final JsonNode message : client.receivedOn(channel))
        {
            final JsonNode data = message.path("params").path("data");
            assertEquals("change", data.get("type").asText());
            assertTrue(local.apply(data), "change_id chain broken at " + data);
            changes++;
        }
        assertTrue(changes >= 10, "expected a change per tick at least, got " + changes);
        assertEquals(0, local.gaps);

        final JsonNode book = client.result("public/get_order_book",
            params().put("instrument_name", PERP).put("depth", 10_000));
        assertEquals(local.changeId, book.get("change_id").asLong());
        assertEquals(levels(book.get("bids")), local.bids);
        assertEquals(levels(book.get("asks")), local.asks);
    }

    @Test
    void rawBookNeedsAnAuthenticatedConnection()
    {
        final String raw = "book." + PERP + ".raw";
        assertEquals(0, client.result("public/subscribe", params().set("channels", JSON.createArrayNode().add(raw))).size());
        client.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
        assertEquals(raw, client.result("public/subscribe",
            params().set("channels", JSON.createArrayNode().add(raw))).get(0).asText());
        assertEquals("snapshot", client.nextOn(raw).path("params").path("data").get("type").asText());
    }

    @Test
    void unknownChannelIsRefusedNamingIt()
    {
        final JsonNode reply = client.call("public/subscribe",
            params().set("channels", JSON.createArrayNode().add("book.BTC-NOPE.100ms")));
        assertEquals(-32602, reply.path("error").path("code").asInt());
        assertTrue(reply.path("error").path("data").path("reason").asText().contains("BTC-NOPE"));
    }

    @Test
    void tickerChannelPublishesEveryTickWithMarkAndIndexThatMove()
    {
        final String channel = "ticker." + PERP + ".100ms";
        client.result("public/subscribe", params().set("channels", JSON.createArrayNode().add(channel)));
        simulator.advance(300);
        final JsonNode first = client.nextOn(channel).path("params").path("data");
        client.nextOn(channel);
        final JsonNode third = client.nextOn(channel).path("params").path("data");
        assertEquals(PERP, first.get("instrument_name").asText());
        assertEquals(SimulatorFixture.START_MS + 100, first.get("timestamp").asLong());
        assertEquals(SimulatorFixture.START_MS + 300, third.get("timestamp").asLong());
        assertNotEquals(first.get("index_price").asDouble(), third.get("index_price").asDouble());
        assertTrue(first.has("current_funding") && first.has("funding_8h") && first.has("stats"));
        assertTrue(first.get("best_bid_price").asDouble() < first.get("best_ask_price").asDouble());
    }

    @Test
    void theSameSeedGivesTheSameMarket()
    {
        final List<String> first = bookStream(11);
        final List<String> second = bookStream(11);
        final List<String> other = bookStream(12);
        assertEquals(first, second);
        assertNotEquals(first, other);
    }

    private List<String> bookStream(final long seed)
    {
        final ManualClock ownClock = new ManualClock(SimulatorFixture.START_MS);
        try (ExchangeSimulator own = ExchangeSimulator.start(SimulatorFixture.config().withSeed(seed), ownClock);
            DeribitTestClient ownClient = new DeribitTestClient(own.webSocketUri()))
        {
            final String channel = "book.BTC-PERPETUAL.100ms";
            ownClient.result("public/subscribe", params().set("channels", JSON.createArrayNode().add(channel)));
            ownClient.nextOn(channel);
            own.advance(1_000);
            final List<String> stream = new ArrayList<>();
            for (final JsonNode message : ownClient.receivedOn(channel))
            {
                stream.add(message.path("params").path("data").toString());
            }
            return stream;
        }
    }

    private static TreeMap<Double, Double> levels(final JsonNode side)
    {
        final TreeMap<Double, Double> levels = new TreeMap<>();
        side.forEach(level -> levels.put(level.get(0).asDouble(), level.get(1).asDouble()));
        return levels;
    }
}
