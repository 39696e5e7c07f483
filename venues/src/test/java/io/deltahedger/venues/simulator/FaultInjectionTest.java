package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltahedger.venues.simulator.fault.FaultConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.deltahedger.venues.simulator.DeribitTestClient.JSON;
import static io.deltahedger.venues.simulator.DeribitTestClient.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class FaultInjectionTest
{
    private static final String BOOK = "book.BTC-PERPETUAL.100ms";
    private final ManualClock clock = new ManualClock(SimulatorFixture.START_MS);

    @Test
    void droppedBookMessagesShowAsChangeIdGaps()
    {
        assertEquals(gapsWith(FaultConfig.none()), 0);
        assertTrue(gapsWith(FaultConfig.none().withBookDrop(0.3)) > 0);
    }

    @Test
    void reorderedBookMessagesShowAsChangeIdGaps()
    {
        assertTrue(gapsWith(FaultConfig.none().withBookReorder(0.3)) > 0);
    }

    @Test
    void theSameSeedDropsTheSameMessages()
    {
        assertEquals(gapsWith(FaultConfig.none().withBookDrop(0.2)), gapsWith(FaultConfig.none().withBookDrop(0.2)));
    }

    @Test
    void connectionsAreClosedByTheServer()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(
                SimulatorFixture.config().withFaults(FaultConfig.none().withCloseConnection(1.0)), clock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            assertTrue(client.call("public/get_time", params()).has("result"));
            simulator.advance(100);
            assertNotNull(client.awaitClosed(5_000));
        }
    }

    @Test
    void lostRepliesNeverArrive()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(SimulatorFixture.config(), clock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            simulator.configureFaults(FaultConfig.none().withReplyLoss(1.0));
            final long id = client.send("public/get_time", params());
            simulator.advance(1_000);
            assertNull(client.pollReply(id, 500));
            simulator.configureFaults(FaultConfig.none());
            assertTrue(client.call("public/get_time", params()).has("result"));
        }
    }

    @Test
    void delayedRepliesArriveOnlyAfterTheDelayOfSimulatorTime()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(
                SimulatorFixture.config().withFaults(FaultConfig.none().withReplyDelay(1.0, 2_000)), clock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            final long id = client.send("public/get_time", params());
            assertNull(client.pollReply(id, 300));
            simulator.advance(1_000);
            assertNull(client.pollReply(id, 300));
            simulator.advance(1_000);
            final JsonNode reply = client.awaitReply(id, 5_000);
            assertEquals(SimulatorFixture.START_MS, reply.get("result").asLong(), "answered with the time it was handled");
        }
    }

    @Test
    void ordersAreRejectedWithMatchingEngineQueueFull()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(
                SimulatorFixture.config().withFaults(FaultConfig.none().withOrderReject(1.0)), clock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            client.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
            final JsonNode reply = client.call("private/buy",
                params().put("instrument_name", "BTC-PERPETUAL").put("amount", 10).put("type", "market"));
            assertEquals(10047, reply.path("error").path("code").asInt());
            assertEquals(0, client.result("private/get_positions", params().put("currency", "BTC")).size());
        }
    }

    @Test
    void stoppedHeartbeatsSendNoTestRequestsAndNeverClose()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(
                SimulatorFixture.config().withFaults(FaultConfig.none().withHeartbeatsStopped(true)), clock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            client.result("public/set_heartbeat", params().put("interval", 10));
            simulator.advance(35_000);
            assertNull(client.pollOn("heartbeat", 300));
            assertNull(client.awaitClosed(100));
            assertTrue(client.call("public/get_time", params()).has("result"));
        }
    }

    private int gapsWith(final FaultConfig faults)
    {
        final ManualClock ownClock = new ManualClock(SimulatorFixture.START_MS);
        try (ExchangeSimulator simulator = ExchangeSimulator.start(SimulatorFixture.config().withFaults(faults), ownClock);
            DeribitTestClient client = new DeribitTestClient(simulator.webSocketUri()))
        {
            client.result("public/subscribe", params().set("channels", JSON.createArrayNode().add(BOOK)));
            final LocalBook local = new LocalBook();
            local.apply(client.nextOn(BOOK).path("params").path("data"));
            simulator.advance(3_000);
            int messages = 0;
            for (final JsonNode message : client.receivedOn(BOOK))
            {
                local.apply(message.path("params").path("data"));
                messages++;
            }
            assertFalse(messages == 0, "some book messages arrive");
            return local.gaps;
        }
    }
}
