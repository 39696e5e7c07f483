package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.deltahedger.venues.simulator.DeribitTestClient.JSON;
import static io.deltahedger.venues.simulator.DeribitTestClient.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The option chain over loopback: listing, marks and Greeks against the greeks pricers, books, trading, account
 * fields, option margin, expiry settlement and determinism.
 */
@Timeout(30)
class OptionChainTest
{
    private static final double MS_PER_YEAR = 365.0 * 24 * 3600 * 1000;
    private static final double TICK = 0.0005;
    private static final String ATM_WEEKLY_CALL = "BTC-12JAN26-60000-C";
    private static final String ATM_WEEKLY_PUT = "BTC-12JAN26-60000-P";

    private final ManualClock clock = new ManualClock(SimulatorFixture.START_MS);
    private ExchangeSimulator simulator;
    private DeribitTestClient client;

    @BeforeEach
    void start()
    {
        simulator = SimulatorFixture.start(SimulatorFixture.config(), clock);
        client = new DeribitTestClient(simulator.webSocketUri());
        client.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
        simulator.advance(500);
    }

    @AfterEach
    void stop()
    {
        client.close();
        assertEquals(0, simulator.tickFailures(), "market ticks ran without unexpected exceptions");
        simulator.close();
    }

    @Test
    void listsCallsAndPutsAtFourExpiriesWithDeribitNamesAndFields()
    {
        final JsonNode options = client.result("public/get_instruments", params().put("currency", "BTC").put("kind", "option"));
        assertEquals(4 * 7 * 2, options.size(), "4 expiries x 7 strikes x call/put");
        final List<String> expiries = new ArrayList<>();
        for (final JsonNode option : options)
        {
            final String name = option.get("instrument_name").asText();
            assertTrue(name.matches("BTC-\\d{1,2}[A-Z]{3}\\d{2}-\\d+-[CP]"), name);
            assertEquals("option", option.get("kind").asText());
            assertEquals(name.endsWith("-C") ? "call" : "put", option.get("option_type").asText());
            assertEquals(Double.parseDouble(name.split("-")[2]), option.get("strike").asDouble());
            assertEquals(1.0, option.get("contract_size").asDouble());
            assertEquals(0.1, option.get("min_trade_amount").asDouble());
            assertEquals(TICK, option.get("tick_size").asDouble());
            assertEquals("BTC", option.get("settlement_currency").asText());
            final String expiry = name.split("-")[1];
            if (!expiries.contains(expiry))
            {
                expiries.add(expiry);
            }
        }
        // Start Monday 5 Jan 2026 00:00Z: 1, 7, 30 and 90 days later at 08:00 UTC.
        assertEquals(List.of("6JAN26", "12JAN26", "4FEB26", "5APR26"), expiries);
        final JsonNode daily = find(options, "BTC-6JAN26-60000-C");
        assertEquals(Instant.parse("2026-01-06T08:00:00Z").toEpochMilli(), daily.get("expiration_timestamp").asLong());
        assertEquals("day", daily.get("settlement_period").asText());
        assertEquals("week", find(options, ATM_WEEKLY_CALL).get("settlement_period").asText());
        assertEquals(0.0003, daily.get("taker_commission").asDouble());

        final JsonNode eth = client.result("public/get_instruments", params().put("currency", "ETH").put("kind", "option"));
        assertEquals(56, eth.size());
        find(eth, "ETH-12JAN26-3000-P");
        find(eth, "ETH-4FEB26-3600-C");
        assertEquals(8 + 2 * 56, client.result("public/get_instruments", params().put("currency", "any")).size(),
            "eight futures and two chains");
    }

    @Test
    void tickerMarksAndGreeksEqualTheInversePricerAtTheSurfaceVolatility()
    {
        for (final String name : List.of(ATM_WEEKLY_CALL, "BTC-4FEB26-50000-P", "BTC-5APR26-75000-C", "BTC-6JAN26-57000-P"))
        {
            final JsonNode ticker = client.result("public/ticker", params().put("instrument_name", name));
            final String[] parts = name.split("-");
            final double strike = Double.parseDouble(parts[2]);
            final OptionType type = parts[3].equals("C") ? OptionType.CALL : OptionType.PUT;
            final long expiryMs = expiryMs(name);
            final double years = (expiryMs - ticker.get("timestamp").asLong()) / MS_PER_YEAR;
            final double forward = ticker.get("index_price").asDouble() * Math.exp(0.05 * years);
            final double vol = simulator.call(() -> simulator.market().options().surface(0)
                .volatility(years, Math.log(strike / forward)));
            final OptionGreeks expected = new OptionGreeks();
            InverseOptionPricer.DEFAULT.price(type, forward, strike, years, vol, 0.0, expected);

            assertEquals(forward, ticker.get("underlying_price").asDouble(), 1e-3, name + " underlying_price");
            assertEquals(expected.price(), ticker.get("mark_price").asDouble(), 2e-8, name + " mark");
            assertEquals(vol * 100, ticker.get("mark_iv").asDouble(), 1e-4, name + " mark_iv in percent");
            final JsonNode greeks = ticker.get("greeks");
            assertEquals(expected.delta(), greeks.get("delta").asDouble(), 1e-7, name + " delta");
            assertEquals(expected.gamma(), greeks.get("gamma").asDouble(), 1e-11, name + " gamma per USD");
            assertEquals(expected.vegaPerVolPoint(), greeks.get("vega").asDouble(), 1e-6, name + " vega per vol point");
            assertEquals(expected.thetaPerDay(), greeks.get("theta").asDouble(), 1e-6, name + " theta per day");
            assertEquals(expected.rhoPerPercent(), greeks.get("rho").asDouble(), 1e-6, name + " rho");
            assertTrue(greeks.get("theta").asDouble() < 0, "a long option loses value with time");
            assertTrue(ticker.get("underlying_index").asText().startsWith("SYN.BTC-" + parts[1]), name);
        }
    }

    @Test
    void marksSatisfyPutCallParityAndCarryASkew()
    {
        for (final String expiry : List.of("12JAN26", "4FEB26"))
        {
            final int step = expiry.equals("12JAN26") ? 2_000 : 5_000;
            for (final int strike : List.of(60_000 - 2 * step, 60_000, 60_000 + 2 * step))
            {
                final JsonNode call = client.result("public/ticker", params().put("instrument_name", "BTC-" + expiry + "-" + strike + "-C"));
                final JsonNode put = client.result("public/ticker", params().put("instrument_name", "BTC-" + expiry + "-" + strike + "-P"));
                final double forward = call.get("underlying_price").asDouble();
                // Inverse options at zero coin rate: C - P = (F - K) / F coin.
                assertEquals((forward - strike) / forward, call.get("mark_price").asDouble() - put.get("mark_price").asDouble(),
                    3e-8, expiry + " " + strike);
                assertEquals(call.get("mark_iv").asDouble(), put.get("mark_iv").asDouble(), 1e-9, "one vol per strike");
            }
            final double low = client.result("public/ticker", params().put("instrument_name",
                "BTC-" + expiry + "-" + (60_000 - 2 * step) + "-P")).get("mark_iv").asDouble();
            final double high = client.result("public/ticker", params().put("instrument_name",
                "BTC-" + expiry + "-" + (60_000 + 2 * step) + "-C")).get("mark_iv").asDouble();
            assertTrue(low > high, "negative skew: low strikes trade at higher vol (" + low + " vs " + high + ")");
        }
    }

    @Test
    void bookQuotesBracketTheMarkOnTheTickGridAndMoveWithTheIndex()
    {
        final JsonNode before = orderBook(ATM_WEEKLY_CALL);
        for (final String name : List.of(ATM_WEEKLY_CALL, ATM_WEEKLY_PUT, "BTC-4FEB26-70000-C", "BTC-6JAN26-59000-P"))
        {
            final JsonNode book = orderBook(name);
            final double mark = book.get("mark_price").asDouble();
            assertTrue(book.get("bids").size() > 0 && book.get("asks").size() > 0, name + " has two-sided liquidity");
            for (final JsonNode level : book.get("bids"))
            {
                assertTrue(level.get(0).asDouble() < mark, name + " bid below mark");
                assertOnGrid(level.get(0).asDouble(), TICK, name + " bid price");
                assertOnGrid(level.get(1).asDouble(), 0.1, name + " bid amount in coin");
            }
            for (final JsonNode level : book.get("asks"))
            {
                assertTrue(level.get(0).asDouble() > mark, name + " ask above mark");
                assertOnGrid(level.get(0).asDouble(), TICK, name + " ask price");
            }
            assertTrue(book.get("bid_iv").asDouble() < book.get("mark_iv").asDouble()
                && book.get("mark_iv").asDouble() < book.get("ask_iv").asDouble(), name + " bid_iv < mark_iv < ask_iv");
        }
        simulator.shockIndex("BTC", 0.05);
        final JsonNode after = orderBook(ATM_WEEKLY_CALL);
        assertTrue(after.get("mark_price").asDouble() > before.get("mark_price").asDouble() + 0.005, "call mark rose");
        assertTrue(after.get("best_bid_price").asDouble() > before.get("best_ask_price").asDouble(),
            "the call's quotes re-quoted up with the index");
    }

    @Test
    void bookSubscriptionOfAnOptionStartsWithASnapshotThenChangesAsTheMarketTicks()
    {
        final String channel = "book." + ATM_WEEKLY_CALL + ".100ms";
        client.result("public/subscribe", params().set("channels", JSON.createArrayNode().add(channel)));
        final JsonNode snapshot = client.nextOn(channel).get("params").get("data");
        assertEquals("snapshot", snapshot.get("type").asText());
        simulator.shockIndex("BTC", -0.03);
        final JsonNode change = client.nextOn(channel).get("params").get("data");
        assertEquals("change", change.get("type").asText());
        assertEquals(snapshot.get("change_id").asLong(), change.get("prev_change_id").asLong());
    }

    @Test
    void theTickerChannelOfAnOptionCarriesMarkIvAndGreeksEveryTick()
    {
        final String channel = "ticker." + ATM_WEEKLY_CALL + ".100ms";
        client.result("public/subscribe", params().set("channels", JSON.createArrayNode().add(channel)));
        simulator.advance(100);
        final JsonNode data = client.nextOn(channel).get("params").get("data");
        final JsonNode direct = client.result("public/ticker", params().put("instrument_name", ATM_WEEKLY_CALL));
        assertEquals(direct.get("mark_price").asDouble(), data.get("mark_price").asDouble());
        assertEquals(direct.get("mark_iv").asDouble(), data.get("mark_iv").asDouble());
        assertEquals(direct.get("greeks").get("delta").asDouble(), data.get("greeks").get("delta").asDouble());
        assertTrue(data.get("greeks").get("delta").asDouble() > 0.3 && data.get("greeks").get("delta").asDouble() < 0.7,
            "an at-the-money call's delta is near one half: " + data);
        assertTrue(data.get("greeks").get("vega").asDouble() > 0 && data.get("greeks").get("gamma").asDouble() > 0);
    }

    @Test
    void optionOrdersAndFillsReachTheOptionKindUserChannelsOnly()
    {
        client.result("private/subscribe", params().set("channels", JSON.createArrayNode()
            .add("user.trades.option.BTC.raw").add("user.trades.future.BTC.raw")));
        client.result("private/buy", order(ATM_WEEKLY_CALL, 0.1, orderBook(ATM_WEEKLY_CALL).get("best_ask_price").asDouble()));
        final JsonNode fill = client.nextOn("user.trades.option.BTC.raw").get("params").get("data").get(0);
        assertEquals(ATM_WEEKLY_CALL, fill.get("instrument_name").asText());
        assertEquals(0.1, fill.get("amount").asDouble(), 1e-12);
        assertTrue(client.receivedOn("user.trades.future.BTC.raw").isEmpty(), "the futures channel stays quiet");
    }

    @Test
    void shortCallsAreLiquidatedWhenARallyLiftsMaintenanceMarginAboveTheMarginBalance()
    {
        client.close();
        simulator.close();
        simulator = SimulatorFixture.start(SimulatorFixture.config().withUnderlyings(
            List.of(io.deltahedger.venues.simulator.market.UnderlyingSpec.btc().withInitialBalance(1.0)
                .withVolatility(0.0, 0.0))), new ManualClock(SimulatorFixture.START_MS));
        client = new DeribitTestClient(simulator.webSocketUri());
        client.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
        final String call = "BTC-4FEB26-60000-C";
        client.result("private/subscribe", params().set("channels", JSON.createArrayNode().add("user.trades.option.BTC.raw")));
        double size = 0;
        while (size > -4.0 + 1e-9)
        {
            client.result("private/sell", params().put("instrument_name", call).put("type", "market")
                .put("amount", Math.round((4.0 + size) * 10) / 10.0));
            simulator.advance(100);
            size = client.result("private/get_position", params().put("instrument_name", call)).get("size").asDouble();
        }
        final JsonNode healthy = summary();
        assertTrue(healthy.get("maintenance_margin").asDouble() < healthy.get("margin_balance").asDouble(), healthy.toString());
        client.drainNotifications();

        simulator.shockIndex("BTC", 0.2);

        final JsonNode liquidation = client.nextOn("user.trades.option.BTC.raw").get("params").get("data").get(0);
        assertEquals("buy", liquidation.get("direction").asText(), "the short calls are bought back");
        assertEquals("T", liquidation.get("liquidation").asText());
        final double remaining = client.result("private/get_position", params().put("instrument_name", call)).get("size").asDouble();
        assertTrue(remaining > -4.0, "short reduced, now " + remaining);
        final JsonNode after = summary();
        assertTrue(remaining == 0 || after.get("maintenance_margin").asDouble() <= after.get("margin_balance").asDouble(),
            "liquidation stops once MM is covered again: " + after);
    }

    @Test
    void buyingAndSellingAnOptionFillsWithTheCappedOptionFeeAndPaysThePremiumInCash()
    {
        final double balance0 = summary().get("balance").asDouble();
        final double ask = orderBook(ATM_WEEKLY_CALL).get("best_ask_price").asDouble();
        final JsonNode bought = client.result("private/buy", order(ATM_WEEKLY_CALL, 0.3, ask));
        final JsonNode trade = bought.get("trades").get(0);
        assertEquals("filled", bought.get("order").get("order_state").asText());
        assertEquals(ask, trade.get("price").asDouble());
        assertEquals(0.3, trade.get("contracts").asDouble(), 1e-12, "an option contract is one coin");
        final double expectedFee = 0.3 * Math.min(0.0003, 0.125 * ask);
        assertEquals(expectedFee, trade.get("fee").asDouble(), 1e-12, "0.03 % of the underlying, capped at 12.5 % of the price");
        final JsonNode position = client.result("private/get_position", params().put("instrument_name", ATM_WEEKLY_CALL));
        assertEquals(0.3, position.get("size").asDouble(), 1e-12);
        assertEquals(ask, position.get("average_price").asDouble(), 1e-12);
        assertEquals(balance0 - 0.3 * ask - expectedFee, summary().get("balance").asDouble(), 1e-10, "premium paid in coin");

        final double bid = orderBook(ATM_WEEKLY_CALL).get("best_bid_price").asDouble();
        final JsonNode sold = client.result("private/sell", order(ATM_WEEKLY_CALL, 0.1, bid));
        final double sellFee = 0.1 * Math.min(0.0003, 0.125 * bid);
        assertEquals(sellFee, sold.get("trades").get(0).get("fee").asDouble(), 1e-12);
        final JsonNode after = client.result("private/get_position", params().put("instrument_name", ATM_WEEKLY_CALL));
        assertEquals(0.2, after.get("size").asDouble(), 1e-12);
        assertEquals(0.1 * (bid - ask), after.get("realized_profit_loss").asDouble(), 1e-10);

        final JsonNode byContracts = client.result("private/sell", params().put("instrument_name", ATM_WEEKLY_CALL)
            .put("contracts", 0.2).put("type", "market"));
        assertEquals(0.2, byContracts.get("order").get("amount").asDouble(), 1e-12, "contracts = coin for options");
        assertEquals(0.0, client.result("private/get_position", params().put("instrument_name", ATM_WEEKLY_CALL))
            .get("size").asDouble(), 1e-12);
        final JsonNode cheap = client.call("private/buy", order("BTC-5APR26-75000-C", 0.05, ask));
        assertTrue(cheap.has("error"), "0.05 is below the 0.1 minimum amount: " + cheap);
    }

    @Test
    void accountSummaryAndPositionsCarryOptionValuesAndGreeksConsistentWithTheTickers()
    {
        client.result("private/buy", order(ATM_WEEKLY_CALL, 2.0, orderBook(ATM_WEEKLY_CALL).get("asks").get(2).get(0).asDouble())
            .put("type", "limit").put("time_in_force", "immediate_or_cancel"));
        client.result("private/sell", order("BTC-4FEB26-55000-P", 1.0, 0.0005).put("type", "market"));
        final JsonNode positions = client.result("private/get_positions", params().put("currency", "BTC").put("kind", "option"));
        assertEquals(2, positions.size());
        double value = 0;
        double delta = 0;
        double netDelta = 0;
        double gamma = 0;
        double vega = 0;
        double theta = 0;
        for (final JsonNode position : positions)
        {
            final JsonNode ticker = client.result("public/ticker", params().put("instrument_name", position.get("instrument_name").asText()));
            final double size = position.get("size").asDouble();
            final JsonNode greeks = ticker.get("greeks");
            final double mark = ticker.get("mark_price").asDouble();
            assertEquals(size * greeks.get("delta").asDouble(), position.get("delta").asDouble(), 1e-7);
            assertEquals(size * greeks.get("gamma").asDouble(), position.get("gamma").asDouble(), 1e-10);
            assertEquals(size * greeks.get("vega").asDouble(), position.get("vega").asDouble(), 1e-5);
            assertEquals(size * greeks.get("theta").asDouble(), position.get("theta").asDouble(), 1e-5);
            assertEquals(size * (mark - position.get("average_price").asDouble()), position.get("floating_profit_loss").asDouble(), 1e-8);
            value += size * mark;
            delta += size * greeks.get("delta").asDouble();
            netDelta += size * (greeks.get("delta").asDouble() - mark);
            gamma += size * greeks.get("gamma").asDouble();
            vega += size * greeks.get("vega").asDouble();
            theta += size * greeks.get("theta").asDouble();
        }
        final JsonNode summary = summary();
        assertEquals(value, summary.get("options_value").asDouble(), 1e-8);
        assertEquals(delta, summary.get("options_delta").asDouble(), 1e-7);
        assertEquals(netDelta, summary.get("delta_total").asDouble(), 1e-7, "delta_total uses the net transaction delta");
        assertEquals(gamma, summary.get("options_gamma").asDouble(), 1e-10);
        assertEquals(vega, summary.get("options_vega").asDouble(), 1e-5);
        assertEquals(theta, summary.get("options_theta").asDouble(), 1e-5);
        assertEquals(summary.get("balance").asDouble() + value, summary.get("equity").asDouble(), 1e-8);
        double pl = 0;
        for (final JsonNode position : positions)
        {
            pl += position.get("total_profit_loss").asDouble();
        }
        assertEquals(pl, summary.get("options_pl").asDouble(), 1e-9);
    }

    @Test
    void shortOptionsRaiseMarginPerTheStandardFormulasAndCanBeRefusedForFunds()
    {
        final String call = "BTC-4FEB26-70000-C";
        final String put = "BTC-4FEB26-50000-P";
        client.result("private/sell", order(call, 1.0, 0.0005).put("type", "market"));
        client.result("private/sell", order(put, 1.0, 0.0005).put("type", "market"));
        final JsonNode callTicker = client.result("public/ticker", params().put("instrument_name", call));
        final double forward = callTicker.get("underlying_price").asDouble();
        final double callMark = callTicker.get("mark_price").asDouble();
        final double putMark = client.result("public/ticker", params().put("instrument_name", put)).get("mark_price").asDouble();
        final double callIm = Math.max(0.15 - (70_000 - forward) / forward, 0.1) + callMark;
        final double callMm = 0.075 + callMark;
        final double putMm = Math.max(0.075, 0.075 * putMark) + putMark;
        final double putIm = Math.max(Math.max(0.15 - (forward - 50_000) / forward, 0.1) + putMark, putMm);
        final JsonNode callPosition = client.result("private/get_position", params().put("instrument_name", call));
        final JsonNode putPosition = client.result("private/get_position", params().put("instrument_name", put));
        assertEquals(callIm, callPosition.get("initial_margin").asDouble(), 1e-7);
        assertEquals(callMm, callPosition.get("maintenance_margin").asDouble(), 1e-7);
        assertEquals(putIm, putPosition.get("initial_margin").asDouble(), 1e-7);
        assertEquals(putMm, putPosition.get("maintenance_margin").asDouble(), 1e-7);
        final JsonNode summary = summary();
        assertEquals(callIm + putIm, summary.get("initial_margin").asDouble(), 1e-7);
        assertEquals(callMm + putMm, summary.get("maintenance_margin").asDouble(), 1e-7);

        final double bid = orderBook(call).get("best_bid_price").asDouble();
        final JsonNode refused = client.call("private/sell", order(call, 100.0, bid));
        assertEquals(10009, refused.path("error").path("code").asInt(), "100 short calls need ~15 BTC of margin: " + refused);
        assertEquals("not_enough_funds", refused.path("error").path("message").asText());
        final JsonNode longOnly = client.result("private/buy", order(call, 1.0, orderBook(call).get("best_ask_price").asDouble()));
        assertEquals("filled", longOnly.get("order").get("order_state").asText(), "buying back always passes");
    }

    @Test
    void anExpiredOptionSettlesAtTheIndexInCoinAndLeavesTheList()
    {
        final String itmCall = "BTC-6JAN26-57000-C";
        final String otmPut = "BTC-6JAN26-57000-P";
        client.result("private/buy", order(itmCall, 1.0, orderBook(itmCall).get("best_ask_price").asDouble()));
        client.result("private/sell", order(otmPut, 0.5, orderBook(otmPut).get("best_bid_price").asDouble()));
        final double balanceBefore = summary().get("balance").asDouble();
        // Jump to one minute before expiry without running the 1.15 million ticks in between, then tick past it.
        final long expiryMs = Instant.parse("2026-01-06T08:00:00Z").toEpochMilli();
        simulator.call(() ->
        {
            clock.advanceMs(expiryMs - 60_000 - clock.epochMs());
            return null;
        });
        simulator.advance(60_000);
        // A day later the access token has expired: log in again.
        client.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
        final double settlement = client.result("public/get_index_price", params().put("index_name", "btc_usd")).get("index_price").asDouble();
        final double callPayoff = Math.max(settlement - 57_000, 0) / settlement;
        final double putPayoff = Math.max(57_000 - settlement, 0) / settlement;
        final JsonNode summary = summary();
        assertEquals(balanceBefore + callPayoff - 0.5 * putPayoff, summary.get("balance").asDouble(), 1e-9,
            "the call pays max(S - K, 0) / S coin; the short put pays out max(K - S, 0) / S");
        assertEquals(0.0, summary.get("options_value").asDouble());
        assertEquals(0, client.result("private/get_positions", params().put("currency", "BTC").put("kind", "option")).size());
        final JsonNode listed = client.result("public/get_instruments", params().put("currency", "BTC").put("kind", "option"));
        listed.forEach(option -> assertFalse(option.get("instrument_name").asText().contains("6JAN26"), "expired option delisted"));
        assertEquals(3 * 7 * 2, listed.size());
        final JsonNode expired = client.result("public/get_instruments",
            params().put("currency", "BTC").put("kind", "option").put("expired", true));
        assertEquals(7 * 2, expired.size());
        assertEquals(10012, client.call("private/buy", order(itmCall, 1.0, 0.05)).path("error").path("code").asInt());
        assertEquals(0, orderBook(itmCall).get("bids").size(), "the expired book is closed");
    }

    @Test
    void theOptionChainIsDeterministicGivenTheSeed()
    {
        final List<String> sameSeed = new ArrayList<>();
        final List<String> otherSeed = new ArrayList<>();
        for (final long seed : new long[] {7, 7, 8})
        {
            final ManualClock ownClock = new ManualClock(SimulatorFixture.START_MS);
            try (ExchangeSimulator own = SimulatorFixture.start(SimulatorFixture.config().withSeed(seed), ownClock))
            {
                own.advance(2_000);
                final String state = own.call(() ->
                {
                    final StringBuilder text = new StringBuilder();
                    for (final var instrument : own.engine().instruments())
                    {
                        if (instrument.isOption())
                        {
                            final var book = own.engine().book(instrument.index());
                            text.append(instrument.name()).append(' ').append(own.engine().mark(instrument.index()))
                                .append(' ').append(book.bestPriceTicks(true)).append(' ').append(book.bestLots(true))
                                .append(' ').append(book.bestPriceTicks(false)).append('\n');
                        }
                    }
                    return text.toString();
                });
                (seed == 8 ? otherSeed : sameSeed).add(state);
            }
        }
        assertEquals(sameSeed.get(0), sameSeed.get(1), "same seed, same marks and books");
        assertNotEquals(sameSeed.get(0), otherSeed.get(0), "another seed moves the surface and the market");
    }

    private JsonNode orderBook(final String name)
    {
        return client.result("public/get_order_book", params().put("instrument_name", name).put("depth", 10));
    }

    private JsonNode summary()
    {
        return client.result("private/get_account_summary", params().put("currency", "BTC"));
    }

    private static ObjectNode order(final String name, final double amount, final double price)
    {
        return params().put("instrument_name", name).put("amount", amount).put("price", price);
    }

    private static long expiryMs(final String name)
    {
        return switch (name.split("-")[1])
        {
            case "6JAN26" -> Instant.parse("2026-01-06T08:00:00Z").toEpochMilli();
            case "12JAN26" -> Instant.parse("2026-01-12T08:00:00Z").toEpochMilli();
            case "4FEB26" -> Instant.parse("2026-02-04T08:00:00Z").toEpochMilli();
            case "5APR26" -> Instant.parse("2026-04-05T08:00:00Z").toEpochMilli();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static JsonNode find(final JsonNode instruments, final String name)
    {
        for (final JsonNode instrument : instruments)
        {
            if (instrument.get("instrument_name").asText().equals(name))
            {
                return instrument;
            }
        }
        throw new AssertionError(name + " not listed");
    }

    private static void assertOnGrid(final double value, final double step, final String what)
    {
        final double steps = value / step;
        assertEquals(Math.rint(steps), steps, 1e-6, what + " " + value + " on a grid of " + step);
    }
}
