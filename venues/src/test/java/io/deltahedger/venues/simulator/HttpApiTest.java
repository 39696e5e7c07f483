package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltahedger.venues.simulator.auth.Authenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.deltahedger.venues.simulator.DeribitTestClient.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class HttpApiTest
{
    private final ManualClock clock = new ManualClock(SimulatorFixture.START_MS);
    private final HttpClient http = HttpClient.newHttpClient();
    private ExchangeSimulator simulator;

    @BeforeEach
    void start()
    {
        simulator = SimulatorFixture.start(SimulatorFixture.config(), clock);
    }

    @AfterEach
    void stop()
    {
        simulator.close();
    }

    @Test
    void publicGetWithQueryParametersAnswersTheJsonRpcEnvelope() throws Exception
    {
        final HttpResponse<String> response = get("public/get_instruments?currency=BTC&kind=future", null);
        assertEquals(200, response.statusCode());
        final JsonNode body = JSON.readTree(response.body());
        assertEquals("2.0", body.get("jsonrpc").asText());
        assertEquals(4, body.get("result").size());
        assertTrue(body.has("usIn") && body.has("usOut") && body.has("usDiff"));
    }

    @Test
    void privateGetWithABearerTokenFromPublicAuth() throws Exception
    {
        final JsonNode auth = JSON.readTree(get("public/auth?grant_type=client_credentials&client_id="
            + SimulatorConfig.DEMO_CLIENT_ID + "&client_secret=" + SimulatorConfig.DEMO_CLIENT_SECRET, null).body());
        final String token = auth.path("result").path("access_token").asText();
        final HttpResponse<String> response = get("private/get_account_summary?currency=BTC", "Bearer " + token);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("BTC", JSON.readTree(response.body()).path("result").path("currency").asText());
    }

    @Test
    void privateGetWithoutAuthorizationIsUnauthorized() throws Exception
    {
        final HttpResponse<String> response = get("private/get_account_summary?currency=BTC", null);
        assertEquals(400, response.statusCode());
        assertEquals(13009, JSON.readTree(response.body()).path("error").path("code").asInt());
    }

    @Test
    void privateGetSignedWithDeriHmacSha256() throws Exception
    {
        final String uri = "/api/v2/private/get_account_summary?currency=ETH";
        final long ts = clock.epochMs();
        final String sig = Authenticator.sign(SimulatorConfig.DEMO_CLIENT_SECRET, ts, "n0nce", "GET\n" + uri + "\n\n");
        final String header = "deri-hmac-sha256 id=" + SimulatorConfig.DEMO_CLIENT_ID + ",ts=" + ts + ",sig=" + sig
            + ",nonce=n0nce";
        final HttpResponse<String> response = get("private/get_account_summary?currency=ETH", header);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(100.0, JSON.readTree(response.body()).path("result").path("balance").asDouble(), 1e-12);

        final String badHeader = header.replace("nonce=n0nce", "nonce=other");
        final HttpResponse<String> refused = get("private/get_account_summary?currency=ETH", badHeader);
        assertEquals(13009, JSON.readTree(refused.body()).path("error").path("code").asInt());
    }

    @Test
    void postWithAJsonRpcBodySignedOverTheBody() throws Exception
    {
        final String body = "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"private/buy\",\"params\":"
            + "{\"instrument_name\":\"BTC-PERPETUAL\",\"amount\":100,\"type\":\"market\",\"label\":\"http-1\"}}";
        final long ts = clock.epochMs();
        final String uri = "/api/v2/private/buy";
        final String sig = Authenticator.sign(SimulatorConfig.DEMO_CLIENT_SECRET, ts, "x1", "POST\n" + uri + "\n" + body + "\n");
        final HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + uri))
            .header("Authorization", "deri-hmac-sha256 id=" + SimulatorConfig.DEMO_CLIENT_ID + ",ts=" + ts + ",sig=" + sig
                + ",nonce=x1")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        final JsonNode reply = JSON.readTree(response.body());
        assertEquals(42, reply.get("id").asInt());
        assertEquals("filled", reply.path("result").path("order").path("order_state").asText());
        assertEquals("http-1", reply.path("result").path("order").path("label").asText());
    }

    @Test
    void subscriptionsAreRefusedOverHttp() throws Exception
    {
        final HttpResponse<String> response = get("public/subscribe?channels=book.BTC-PERPETUAL.100ms", null);
        assertEquals(11050, JSON.readTree(response.body()).path("error").path("code").asInt());
    }

    @Test
    void unknownPathIsNotFound() throws Exception
    {
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + "/nope"))
            .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private HttpResponse<String> get(final String methodAndQuery, final String authorization) throws Exception
    {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(simulator.httpUri().resolve(methodAndQuery)).GET();
        if (authorization != null)
        {
            builder.header("Authorization", authorization);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
