package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltahedger.venues.simulator.auth.RateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.deltahedger.venues.simulator.DeribitTestClient.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class SessionLimitsTest
{
    private final ManualClock clock = new ManualClock(SimulatorFixture.START_MS);

    @Test
    void exhaustedCreditsAnswerTooManyRequestsAndCloseTheSession()
    {
        // Deribit defaults: 500 credits a request from a pool of 50,000, so the 101st request without refill fails.
        final SimulatorConfig config = SimulatorFixture.config().withRateLimits(RateLimits.deribitDefaults());
        try (ExchangeSimulator simulator = ExchangeSimulator.start(config, clock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            for (int i = 0; i < 100; i++)
            {
                assertTrue(client.call("public/get_time", params()).has("result"), "request " + (i + 1));
            }
            final JsonNode refused = client.call("public/get_time", params());
            assertEquals(10028, refused.path("error").path("code").asInt());
            assertEquals("too_many_requests", refused.path("error").path("message").asText());
            assertNotNull(client.awaitClosed(5_000), "session closed after too_many_requests");
        }
    }

    @Test
    void creditsRefillWithTheInjectedClock()
    {
        final SimulatorConfig config = SimulatorFixture.config().withRateLimits(RateLimits.deribitDefaults());
        try (ExchangeSimulator simulator = ExchangeSimulator.start(config, clock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            for (int i = 0; i < 100; i++)
            {
                client.call("public/get_time", params());
            }
            simulator.advance(100); // refills 1,000 credits = 2 requests
            assertTrue(client.call("public/get_time", params()).has("result"));
            assertTrue(client.call("public/get_time", params()).has("result"));
            assertEquals(10028, client.call("public/get_time", params()).path("error").path("code").asInt());
        }
    }

    @Test
    void heartbeatSendsTestRequestsAndClosesWhenOneGoesUnanswered()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(SimulatorFixture.config(), clock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            assertEquals("ok", client.result("public/set_heartbeat", params().put("interval", 10)).asText());
            simulator.advance(10_000);
            assertEquals("test_request", client.nextOn("heartbeat").path("params").path("type").asText());
            assertEquals(RpcVersion.VALUE, client.result("public/test", params()).get("version").asText());
            simulator.advance(10_000);
            assertEquals("test_request", client.nextOn("heartbeat").path("params").path("type").asText());
            assertNull(client.awaitClosed(200), "still open while a reply is due");
            simulator.advance(10_000);
            assertNotNull(client.awaitClosed(5_000), "closed after an unanswered test_request");
        }
    }

    @Test
    void heartbeatIntervalBelowTenSecondsIsRefused()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(SimulatorFixture.config(), clock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            assertEquals(-32602, client.call("public/set_heartbeat", params().put("interval", 5)).path("error").path("code").asInt());
        }
    }

    /** The version string public/test reports. */
    static final class RpcVersion
    {
        static final String VALUE = io.deltahedger.venues.simulator.rpc.RpcDispatcher.VERSION;
    }
}
