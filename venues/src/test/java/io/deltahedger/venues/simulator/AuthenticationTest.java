package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltahedger.venues.simulator.auth.Authenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.deltahedger.venues.simulator.DeribitTestClient.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class AuthenticationTest
{
    private final ManualClock clock = new ManualClock(SimulatorFixture.START_MS);
    private ExchangeSimulator simulator;
    private DeribitTestClient client;

    @BeforeEach
    void start()
    {
        simulator = SimulatorFixture.start(SimulatorFixture.config().withTokenLifetimeMs(60_000), clock);
        client = new DeribitTestClient(simulator.webSocketUri());
    }

    @AfterEach
    void stop()
    {
        client.close();
        simulator.close();
    }

    @Test
    void signatureMatchesDeribitsOfficialTestVector()
    {
        assertEquals("56590594f97921b09b18f166befe0d1319b198bbcdad7ca73382de2f88fe9aa1",
            Authenticator.sign("AMANDASECRECT", 1576074319000L, "1iqt2wls", ""));
        assertEquals("9bfbc51a2bc372d72cc396cf1a213dc78d42eb74cb7dc272351833ad0de276ab",
            Authenticator.sign("AMANDASECRECT", 1576074319000L, "1iqt2wls",
                "GET\n/api/v2/private/get_account_summary?currency=BTC\n\n"));
    }

    @Test
    void clientCredentialsGrantABearerTokenThatOpensPrivateMethods()
    {
        final JsonNode grant = client.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
        assertEquals("bearer", grant.get("token_type").asText());
        assertEquals(60, grant.get("expires_in").asLong());
        assertFalse(grant.get("access_token").asText().isEmpty());
        final JsonNode summary = client.result("private/get_account_summary", params().put("currency", "BTC"));
        assertEquals(10.0, summary.get("balance").asDouble(), 1e-12);
    }

    @Test
    void wrongSecretIsRefusedWithInvalidCredentials()
    {
        final JsonNode reply = client.call("public/auth", params().put("grant_type", "client_credentials")
            .put("client_id", SimulatorConfig.DEMO_CLIENT_ID).put("client_secret", "wrong"));
        assertEquals(13004, reply.path("error").path("code").asInt());
        assertEquals("invalid_credentials", reply.path("error").path("message").asText());
    }

    @Test
    void clientSignatureIsVerifiedAndABadSignatureIsUnauthorized()
    {
        final long ts = clock.epochMs();
        final String sig = Authenticator.sign(SimulatorConfig.DEMO_CLIENT_SECRET, ts, "abc123", "");
        final JsonNode ok = client.result("public/auth", params().put("grant_type", "client_signature")
            .put("client_id", SimulatorConfig.DEMO_CLIENT_ID).put("timestamp", ts).put("nonce", "abc123")
            .put("data", "").put("signature", sig));
        assertFalse(ok.get("access_token").asText().isEmpty());

        final String tampered = Authenticator.sign(SimulatorConfig.DEMO_CLIENT_SECRET, ts, "abc124", "");
        final JsonNode bad = client.call("public/auth", params().put("grant_type", "client_signature")
            .put("client_id", SimulatorConfig.DEMO_CLIENT_ID).put("timestamp", ts).put("nonce", "abc123")
            .put("data", "").put("signature", tampered));
        assertEquals(13009, bad.path("error").path("code").asInt());
    }

    @Test
    void refreshTokenIssuesANewPairAndCannotBeReused()
    {
        final JsonNode first = client.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET);
        final String refresh = first.get("refresh_token").asText();
        final JsonNode second = client.result("public/auth",
            params().put("grant_type", "refresh_token").put("refresh_token", refresh));
        assertNotEquals(first.get("access_token").asText(), second.get("access_token").asText());
        final JsonNode reused = client.call("public/auth",
            params().put("grant_type", "refresh_token").put("refresh_token", refresh));
        assertEquals(13009, reused.path("error").path("code").asInt());
    }

    @Test
    void privateMethodsWithoutAuthenticationAreUnauthorized()
    {
        final JsonNode reply = client.call("private/get_positions", params().put("currency", "BTC"));
        assertEquals(13009, reply.path("error").path("code").asInt());
        assertEquals("unauthorized", reply.path("error").path("message").asText());
    }

    @Test
    void accessTokenPassedAsParameterExpiresAfterItsLifetime()
    {
        final String token;
        try (DeribitTestClient other = new DeribitTestClient(simulator.webSocketUri()))
        {
            token = other.authenticate(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET)
                .get("access_token").asText();
        }
        assertTrue(client.call("private/get_positions", params().put("currency", "BTC").put("access_token", token))
            .has("result"));
        simulator.advance(61_000);
        final JsonNode expired = client.call("private/get_positions", params().put("currency", "BTC").put("access_token", token));
        assertEquals(13009, expired.path("error").path("code").asInt());
    }

    @Test
    void unknownMethodIsMethodNotFound()
    {
        final JsonNode reply = client.call("public/get_volatility_index_data", params());
        assertEquals(-32601, reply.path("error").path("code").asInt());
    }
}
