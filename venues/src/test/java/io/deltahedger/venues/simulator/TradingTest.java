package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.deltahedger.venues.simulator.DeribitTestClient.JSON;
import static io.deltahedger.venues.simulator.DeribitTestClient.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class TradingTest
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
    void limitOrderBelowTheBidRestsIsFoundByLabelAndCancels()
    {
        final double bid = book(PERP).get("best_bid_price").asDouble();
        final JsonNode placed = client.result("private/buy", order(PERP, 200, bid - 50).put("label", "hedge-1"));
        final JsonNode order = placed.get("order");
        assertEquals("open", order.get("order_state").asText());
        assertEquals(0, placed.get("trades").size());
        assertEquals(200.0, order.get("amount").asDouble());
        assertEquals(bid - 50, order.get("price").asDouble());

        final JsonNode open = client.result("private/get_open_orders_by_label",
            params().put("currency", "BTC").put("label", "hedge-1"));
        assertEquals(1, open.size());
        assertEquals(order.get("order_id").asText(), open.get(0).get("order_id").asText());
        final JsonNode level = levelAt(book(PERP).get("bids"), bid - 50);
        assertTrue(level != null && level.get(1).asDouble() >= 200.0, "resting order visible in the book");

        final JsonNode cancelled = client.result("private/cancel", params().put("order_id", order.get("order_id").asText()));
        assertEquals("cancelled", cancelled.get("order_state").asText());
        assertEquals(0, client.result("private/get_open_orders_by_label",
            params().put("currency", "BTC").put("label", "hedge-1")).size());
        final JsonNode again = client.call("private/cancel", params().put("order_id", order.get("order_id").asText()));
        assertEquals(11044, again.path("error").path("code").asInt());
    }

    @Test
    void marketBuyFillsAtTheAskChargesTheTakerFeeAndOpensAPosition()
    {
        final JsonNode before = book(PERP);
        final double ask = before.get("best_ask_price").asDouble();
        final double askAmount = before.get("best_ask_amount").asDouble();
        final double amount = Math.min(askAmount, 1_000);
        final JsonNode placed = client.result("private/buy",
            params().put("instrument_name", PERP).put("amount", amount).put("type", "market"));
        final JsonNode order = placed.get("order");
        assertEquals("filled", order.get("order_state").asText());
        assertEquals(amount, order.get("filled_amount").asDouble());
        assertEquals(ask, order.get("average_price").asDouble(), 1e-9);
        final JsonNode trade = placed.get("trades").get(0);
        final double expectedFee = amount / ask * 0.0005;
        assertEquals(expectedFee, trade.get("fee").asDouble(), 1e-9);
        assertEquals("T", trade.get("liquidity").asText());
        assertEquals(expectedFee, order.get("commission").asDouble(), 1e-9);

        final JsonNode positions = client.result("private/get_positions", params().put("currency", "BTC").put("kind", "future"));
        assertEquals(1, positions.size());
        final JsonNode position = positions.get(0);
        assertEquals(amount, position.get("size").asDouble());
        assertEquals("buy", position.get("direction").asText());
        assertEquals(ask, position.get("average_price").asDouble(), 1e-6);

        final JsonNode summary = client.result("private/get_account_summary", params().put("currency", "BTC"));
        final double balance = summary.get("balance").asDouble();
        assertEquals(10.0 - expectedFee, balance, 1e-9);
        final double mark = position.get("mark_price").asDouble();
        final double floating = amount * (1 / ask - 1 / mark);
        assertEquals(floating, position.get("floating_profit_loss").asDouble(), 1e-9);
        assertEquals(balance + floating, summary.get("equity").asDouble(), 1e-8);
        final double coins = amount / mark;
        assertEquals(coins * (0.02 + coins * 0.00005), summary.get("initial_margin").asDouble(), 1e-9);
        assertEquals(coins * (0.01 + coins * 0.00005), summary.get("maintenance_margin").asDouble(), 1e-9);
        assertEquals(summary.get("margin_balance").asDouble() - summary.get("initial_margin").asDouble(),
            summary.get("available_funds").asDouble(), 1e-9);
        assertEquals(coins, summary.get("delta_total").asDouble(), 1e-9);
    }

    @Test
    void limitOrderThroughTheAskPartiallyFillsAndRestsTheRemainder()
    {
        final JsonNode before = book(PERP);
        final double ask = before.get("best_ask_price").asDouble();
        final double askAmount = before.get("best_ask_amount").asDouble();
        final JsonNode placed = client.result("private/buy", order(PERP, askAmount + 500, ask));
        final JsonNode order = placed.get("order");
        assertEquals("open", order.get("order_state").asText());
        assertEquals(askAmount, order.get("filled_amount").asDouble());
        assertEquals(1, placed.get("trades").size());
        final JsonNode after = book(PERP);
        assertEquals(ask, after.get("best_bid_price").asDouble(), "remainder is now the best bid");
        assertEquals(500.0, after.get("best_bid_amount").asDouble());
    }

    @Test
    void editLowersTheAmountOrMovesThePrice()
    {
        final double bid = book(PERP).get("best_bid_price").asDouble();
        final String id = client.result("private/buy", order(PERP, 500, bid - 20)).get("order").get("order_id").asText();
        final JsonNode smaller = client.result("private/edit", params().put("order_id", id).put("amount", 300).put("price", bid - 20));
        assertEquals(300.0, smaller.get("order").get("amount").asDouble());
        assertTrue(smaller.get("order").get("replaced").asBoolean());
        final JsonNode moved = client.result("private/edit", params().put("order_id", id).put("amount", 300).put("price", bid - 30));
        assertEquals(bid - 30, moved.get("order").get("price").asDouble());
        assertEquals("open", client.result("private/get_order_state", params().put("order_id", id)).get("order_state").asText());
    }

    @Test
    void restingOrderFillsAsMakerWhenTheMarketMovesThroughIt()
    {
        final String future = "BTC-27MAR26";
        final String ordersChannel = "user.orders." + future + ".raw";
        final String tradesChannel = "user.trades." + future + ".raw";
        client.result("private/subscribe", params().set("channels", JSON.createArrayNode().add(ordersChannel).add(tradesChannel)));
        final double ask = book(future).get("best_ask_price").asDouble();
        final double price = ask + 20;
        final String id = client.result("private/sell", order(future, 100, price)).get("order").get("order_id").asText();
        assertEquals("open", client.nextOn(ordersChannel).path("params").path("data").get("order_state").asText());

        simulator.shockIndex("BTC", 0.01);

        final JsonNode fill = client.nextOn(tradesChannel).path("params").path("data").get(0);
        assertEquals(id, fill.get("order_id").asText());
        assertEquals("M", fill.get("liquidity").asText());
        assertEquals(price, fill.get("price").asDouble());
        assertEquals(-100 / price * 0.0001, fill.get("fee").asDouble(), 1e-12, "maker rebate on dated futures");
        final JsonNode update = client.nextOn(ordersChannel).path("params").path("data");
        assertEquals("filled", update.get("order_state").asText());
        final JsonNode position = client.result("private/get_position", params().put("instrument_name", future));
        assertEquals(-100.0, position.get("size").asDouble());
    }

    @Test
    void orderBeyondTheMarginBalanceIsRefusedWithNotEnoughFunds()
    {
        final double ask = book(PERP).get("best_ask_price").asDouble();
        // 10 BTC at 2% IM carries about 500 BTC of notional; ask for far more.
        final JsonNode reply = client.call("private/buy", order(PERP, 60_000_000, ask - 100));
        assertEquals(10009, reply.path("error").path("code").asInt());
        assertEquals("not_enough_funds", reply.path("error").path("message").asText());
    }

    @Test
    void amountsOffTheContractGridAndPricesOffTheTickAreRefused()
    {
        final double bid = book(PERP).get("best_bid_price").asDouble();
        assertEquals(-32602, client.call("private/buy", order(PERP, 15, bid - 10)).path("error").path("code").asInt());
        assertEquals(10043, client.call("private/buy", order(PERP, 10, bid - 10.25)).path("error").path("code").asInt());
        assertEquals(10020, client.call("private/buy", order("BTC-NOPE", 10, bid)).path("error").path("code").asInt());
    }

    @Test
    void cancelAllCancelsEveryOpenOrderAndReportsHowMany()
    {
        final double bid = book(PERP).get("best_bid_price").asDouble();
        client.result("private/buy", order(PERP, 10, bid - 10));
        client.result("private/buy", order(PERP, 10, bid - 20));
        client.result("private/buy", order("ETH-PERPETUAL", 1, book("ETH-PERPETUAL").get("best_bid_price").asDouble() - 1));
        assertEquals(3, client.result("private/cancel_all", params()).asInt());
        assertEquals(0, client.result("private/get_open_orders_by_currency", params().put("currency", "any")).size());
    }

    @Test
    void closingAPositionRealisesInversePnlIntoTheBalance()
    {
        final JsonNode bought = client.result("private/buy",
            params().put("instrument_name", PERP).put("amount", 1_000).put("type", "market"));
        final double entry = bought.get("order").get("average_price").asDouble();
        simulator.shockIndex("BTC", 0.02);
        final JsonNode sold = client.result("private/sell",
            params().put("instrument_name", PERP).put("amount", 1_000).put("type", "market"));
        final double exit = sold.get("order").get("average_price").asDouble();
        double realized = 0;
        double fees = bought.get("order").get("commission").asDouble() + sold.get("order").get("commission").asDouble();
        for (final JsonNode trade : sold.get("trades"))
        {
            realized += trade.get("profit_loss").asDouble();
        }
        assertEquals(1_000 * (1 / entry - 1 / exit), realized, 1e-9);
        assertTrue(realized > 0);
        final JsonNode summary = client.result("private/get_account_summary", params().put("currency", "BTC"));
        assertEquals(10.0 + realized - fees, summary.get("balance").asDouble(), 1e-9);
        assertEquals(0, client.result("private/get_positions", params().put("currency", "BTC")).size());
    }

    private JsonNode book(final String instrument)
    {
        return client.result("public/get_order_book", params().put("instrument_name", instrument).put("depth", 50));
    }

    private static ObjectNode order(final String instrument, final double amount, final double price)
    {
        return params().put("instrument_name", instrument).put("amount", amount).put("price", price).put("type", "limit");
    }

    private static JsonNode levelAt(final JsonNode side, final double price)
    {
        for (final JsonNode level : side)
        {
            if (level.get(0).asDouble() == price)
            {
                return level;
            }
        }
        return null;
    }
}
