package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import io.deltahedger.config.time.EpochClock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static io.deltahedger.venues.simulator.DeribitTestClient.JSON;
import static io.deltahedger.venues.simulator.DeribitTestClient.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class ProtocolEdgesTest
{
    @Test
    void realTimeModeStepsTheMarketOnTheWallClock()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(SimulatorConfig.defaults(), EpochClock.system());
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            final String channel = "ticker.ETH-PERPETUAL.100ms";
            client.result("public/subscribe", params().set("channels", JSON.createArrayNode().add(channel)));
            final long first = client.nextOn(channel).path("params").path("data").get("timestamp").asLong();
            final long second = client.nextOn(channel).path("params").path("data").get("timestamp").asLong();
            assertTrue(second > first, first + " then " + second);
        }
    }

    @Test
    void manualModeRefusesAClockItCannotMove()
    {
        final IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> ExchangeSimulator.start(SimulatorFixture.config(), EpochClock.system()));
        assertTrue(error.getMessage().contains("ManualClock"), error.getMessage());
    }

    @Test
    void malformedJsonIsAParseErrorAndTheSessionStaysUsable() throws Exception
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(SimulatorFixture.config(),
            new ManualClock(SimulatorFixture.START_MS)))
        {
            final CompletableFuture<String> reply = new CompletableFuture<>();
            final WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(simulator.webSocketUri(),
                new WebSocket.Listener()
                {
                    public CompletionStage<?> onText(final WebSocket socket, final CharSequence data, final boolean last)
                    {
                        reply.complete(data.toString());
                        return null;
                    }
                }).join();
            ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", true).join();
            final JsonNode error = JSON.readTree(reply.get(5, TimeUnit.SECONDS));
            assertEquals(-32700, error.path("error").path("code").asInt());
            ws.abort();
        }
    }

    @Test
    void badParametersNameTheParameterAndTheFix()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(SimulatorFixture.config(),
            new ManualClock(SimulatorFixture.START_MS));
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            final JsonNode index = client.call("public/get_index_price", params().put("index_name", "doge_usd"));
            assertEquals(-32602, index.path("error").path("code").asInt());
            assertEquals("index_name", index.path("error").path("data").path("param").asText());
            final JsonNode depth = client.call("public/get_order_book",
                params().put("instrument_name", "BTC-PERPETUAL").put("depth", "lots"));
            assertTrue(depth.path("error").path("data").path("reason").asText().contains("'lots'"), depth.toString());
            final JsonNode currencies = client.result("public/get_currencies", params());
            assertEquals(2, currencies.size());
            assertEquals("BTC", currencies.get(0).get("currency").asText());
        }
    }
}
