package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltahedger.venues.simulator.market.UnderlyingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static io.deltahedger.venues.simulator.DeribitTestClient.JSON;
import static io.deltahedger.venues.simulator.DeribitTestClient.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class LiquidationTest
{
    private static final String PERP = "BTC-PERPETUAL";
    private final ManualClock clock = new ManualClock(SimulatorFixture.START_MS);

    @Test
    void accountIsLiquidatedWhenMaintenanceMarginExceedsTheMarginBalance()
    {
        // 0.01 BTC of collateral carrying about 0.1 BTC of perpetual: a fall of 8.5 % leaves equity below MM.
        final SimulatorConfig config = SimulatorFixture.config()
            .withUnderlyings(List.of(UnderlyingSpec.btc().withInitialBalance(0.01).withVolatility(0.0, 0.0)));
        try (ExchangeSimulator simulator = ExchangeSimulator.start(config, clock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            client.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
            final String trades = "user.trades.future.BTC.raw";
            client.result("private/subscribe", params().set("channels", JSON.createArrayNode().add(trades)));
            client.result("private/buy", params().put("instrument_name", PERP).put("amount", 6_000).put("type", "market"));
            final JsonNode healthy = client.result("private/get_account_summary", params().put("currency", "BTC"));
            assertTrue(healthy.get("maintenance_margin").asDouble() < healthy.get("margin_balance").asDouble());

            simulator.shockIndex("BTC", -0.085);

            JsonNode liquidation = client.nextOn(trades).path("params").path("data").get(0);
            while (!liquidation.has("liquidation"))
            {
                // fills of the opening market order come first
                assertEquals("buy", liquidation.get("direction").asText());
                liquidation = client.nextOn(trades).path("params").path("data").get(0);
            }
            assertEquals("sell", liquidation.get("direction").asText());
            assertEquals("T", liquidation.get("liquidation").asText());
            final double fee = liquidation.get("fee").asDouble();
            assertEquals(liquidation.get("amount").asDouble() / liquidation.get("price").asDouble() * 0.0075, fee, 1e-12,
                "liquidation fee of 0.75 %");
            final JsonNode after = client.result("private/get_account_summary", params().put("currency", "BTC"));
            final JsonNode positions = client.result("private/get_positions", params().put("currency", "BTC"));
            final double remaining = positions.isEmpty() ? 0 : positions.get(0).get("size").asDouble();
            assertTrue(remaining < 6_000, "position reduced, now " + remaining);
            assertTrue(remaining == 0 || after.get("maintenance_margin").asDouble() <= after.get("margin_balance").asDouble(),
                "liquidation stops once MM is covered again: " + after);
            assertEquals(0, simulator.tickFailures());
        }
    }

    @Test
    void aHealthyAccountIsLeftAlone()
    {
        final SimulatorConfig config = SimulatorFixture.config()
            .withUnderlyings(List.of(UnderlyingSpec.btc().withVolatility(0.0, 0.0)));
        try (ExchangeSimulator simulator = ExchangeSimulator.start(config, clock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            client.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
            client.result("private/buy", params().put("instrument_name", PERP).put("amount", 6_000).put("type", "market"));
            simulator.shockIndex("BTC", -0.085);
            final JsonNode positions = client.result("private/get_positions", params().put("currency", "BTC"));
            assertEquals(6_000.0, positions.get(0).get("size").asDouble());
        }
    }
}
