package io.deltahedger.agent.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The control plane's HTTP contract over a real server on loopback: public health, token-guarded API and metrics
 * (401 with no detail), strict body validation (400 naming field, value and fix), the actor journaled with each
 * action, the dashboard page and the live status stream. The agent side is a small recording {@link ControlPlane}
 * (the daemon's own implementation is tested with the engine).
 */
class ControlServerTest
{
    private static final String TOKEN = "0123456789abcdef0123456789abcdef-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RecordingPlane PLANE = new RecordingPlane();
    private static ControlServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start()
    {
        server = ControlServer.start(PLANE, ApiToken.of(TOKEN), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop()
    {
        server.close();
    }

    private static HttpResponse<String> send(final String method, final String path, final String body,
                                             final String... headers) throws Exception
    {
        final HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2)
        {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] auth(final String... more)
    {
        final List<String> h = new ArrayList<>(List.of("Authorization", "Bearer " + TOKEN, "Content-Type", "application/json"));
        h.addAll(List.of(more));
        return h.toArray(new String[0]);
    }

    @Test
    void bindsToLoopbackAndServesHealthWithoutATokenWithComponentDetails() throws Exception
    {
        assertEquals("127.0.0.1", server.uri().getHost());
        PLANE.ready = false;
        final HttpResponse<String> down = send("GET", "/health/readiness", null);
        assertEquals(503, down.statusCode());
        final JsonNode body = JSON.readTree(down.body());
        assertEquals("DOWN", body.get("status").asText());
        assertEquals("no snapshot for 12 s", body.at("/components/account:sim-a/detail").asText());
        PLANE.ready = true;
        assertEquals(200, send("GET", "/health/readiness", null).statusCode());
        assertEquals(200, send("GET", "/health/liveness", null).statusCode());
        final JsonNode all = JSON.readTree(send("GET", "/health", null).body());
        assertEquals("UP", all.get("status").asText());
        assertEquals("UP", all.at("/liveness/components/pipeline/status").asText());
    }

    @Test
    void statusAndMetricsNeedTheTokenAndAWrongOneLearnsNothing() throws Exception
    {
        for (final String path : List.of("/api/status", "/prometheus", "/api/stream"))
        {
            final HttpResponse<String> none = send("GET", path, null);
            assertEquals(401, none.statusCode(), path);
            assertEquals("", none.body(), path);
            final HttpResponse<String> wrong = send("GET", path, null, "Authorization", "Bearer " + TOKEN + "x");
            assertEquals(401, wrong.statusCode(), path);
            assertEquals("", wrong.body(), path);
            assertEquals(401, send("GET", path, null, "Authorization", TOKEN).statusCode(), "no Bearer scheme: " + path);
        }
        final HttpResponse<String> status = send("GET", "/api/status", null, auth());
        assertEquals(200, status.statusCode());
        assertEquals(0.25, JSON.readTree(status.body()).at("/underlyings/0/net_delta_coin").asDouble());
        final HttpResponse<String> metrics = send("GET", "/prometheus", null, auth());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertTrue(metrics.body().contains("deltahedger_net_delta_coin{underlying=\"BTC\"} 0.25"));
    }

    @Test
    void eachControlActionReachesTheAgentWithWhoAskedAndWhy() throws Exception
    {
        for (final ControlAction action : ControlAction.values())
        {
            final HttpResponse<String> r = send("POST", "/api/control/" + action.path(), "{\"reason\": \"drill\"}",
                auth("X-Deltahedger-Actor", "alice"));
            assertEquals(202, r.statusCode(), r.body());
            assertTrue(JSON.readTree(r.body()).get("accepted").asBoolean());
            final Recorded last = PLANE.calls.get(PLANE.calls.size() - 1);
            assertEquals(action.path(), last.what);
            assertEquals(new Actor("alice", "127.0.0.1", "drill"), last.actor);
        }
        final HttpResponse<String> noBody = send("POST", "/api/control/pause", null, auth());
        assertEquals(202, noBody.statusCode());
        assertEquals("api-token", PLANE.calls.get(PLANE.calls.size() - 1).actor.name());
        PLANE.refuse = true;
        final HttpResponse<String> refused = send("POST", "/api/control/resume", null, auth());
        PLANE.refuse = false;
        assertEquals(409, refused.statusCode());
        assertEquals("engine is shutting down", JSON.readTree(refused.body()).get("message").asText());
    }

    @Test
    void badControlRequestsAre400sNamingTheProblem() throws Exception
    {
        final int before = PLANE.calls.size();
        assertError(send("POST", "/api/control/explode", null, auth()), "action: 'explode' is not a control action");
        assertError(send("POST", "/api/control/pause", "{\"reason\": ", auth()), "the body is not valid JSON");
        assertError(send("POST", "/api/control/pause", "{\"why\": \"x\"}", auth()), "why: unknown field");
        assertError(send("POST", "/api/control/pause", "[1]", auth()), "the body must be empty or a JSON object");
        assertError(send("POST", "/api/control/pause", null, auth("X-Deltahedger-Actor", " ")),
            "X-Deltahedger-Actor: must be 1..200 printable ASCII characters");
        assertError(send("POST", "/api/control/pause", "{\"reason\": \"" + "x".repeat(201) + "\"}", auth()),
            "reason: must be a string of at most 200 characters");
        assertEquals(before, PLANE.calls.size(), "no refused request reached the agent");
    }

    @Test
    void policyChangesAreValidatedStrictlyAndEveryProblemIsListed() throws Exception
    {
        final HttpResponse<String> ok = send("PUT", "/api/policy",
            "{\"underlying\": \"BTC\", \"band\": {\"type\": \"fixed\", \"half_width\": 0.5, \"unit\": \"coin\"}, "
                + "\"reason\": \"weekend\"}", auth());
        assertEquals(202, ok.statusCode(), ok.body());
        final Recorded last = PLANE.calls.get(PLANE.calls.size() - 1);
        assertEquals("policy", last.what);
        assertEquals("BTC", last.change.underlying());
        assertEquals(0.5, last.change.band().halfWidth());
        assertEquals("weekend", last.actor.reason());

        final HttpResponse<String> bad = send("PUT", "/api/policy",
            "{\"underlying\": \"btc\", \"band\": {\"type\": \"fixed\", \"half_width\": -1, \"unit\": \"eur\"}, "
                + "\"target_unit\": \"coin\", \"colour\": 1}", auth());
        assertEquals(400, bad.statusCode());
        final String errors = JSON.readTree(bad.body()).get("errors").toString();
        for (final String expected : List.of("colour: unknown field", "underlying: 'btc' is not an underlying name",
            "band.half_width: -1 is not allowed: give a finite number above 0", "band.unit: \\\"eur\\\" is not allowed",
            "target_unit: given without a target"))
        {
            assertTrue(errors.contains(expected), expected + " in " + errors);
        }
        assertError(send("PUT", "/api/policy", "{\"underlying\": \"BTC\"}", auth()), "nothing to change");
        assertError(send("PUT", "/api/policy", "{\"underlying\": \"BTC\", \"band\": {\"type\": \"whalley-wilmott\", "
            + "\"cost\": 0.0005, \"risk_aversion\": 1, \"min_half_width_coin\": 2, \"max_half_width_coin\": 1}}", auth()),
            "band.min_half_width_coin: 2.0 is above band.max_half_width_coin 1.0");
    }

    @Test
    void servesTheSelfContainedDashboardWithoutAToken() throws Exception
    {
        final HttpResponse<String> page = send("GET", "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-testid=\"pause\""));
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no external resources");
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test
    void streamsLiveStatusAsServerSentEvents() throws Exception
    {
        final HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/api/stream"))
            .header("Authorization", "Bearer " + TOKEN).build();
        final HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        final List<JsonNode> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)))
        {
            String line;
            while (events.size() < 2 && (line = reader.readLine()) != null)
            {
                if (line.startsWith("data:"))
                {
                    events.add(JSON.readTree(line.substring(5)));
                }
            }
        }
        assertEquals(2, events.size());
        assertTrue(events.get(1).get("sequence").asLong() > events.get(0).get("sequence").asLong(),
            "each event is a fresh status document");
    }

    private static void assertError(final HttpResponse<String> response, final String expected) throws Exception
    {
        assertEquals(400, response.statusCode(), response.body());
        final String errors = JSON.readTree(response.body()).get("errors").toString();
        assertTrue(errors.contains(expected), expected + " in " + errors);
    }

    private record Recorded(String what, Actor actor, PolicyChange change)
    {
    }

    /** The agent side, recording what reached it. */
    private static final class RecordingPlane implements ControlPlane
    {
        final List<Recorded> calls = new CopyOnWriteArrayList<>();
        volatile boolean ready = true;
        volatile boolean refuse;
        private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public Health liveness()
        {
            return Health.of(Map.of("pipeline", new Health.Component(true, "consuming")));
        }

        @Override
        public Health readiness()
        {
            return Health.of(Map.of("venue:sim-a", new Health.Component(true, "LIVE"),
                "account:sim-a", new Health.Component(ready, ready ? "snapshot 0.4 s old" : "no snapshot for 12 s")));
        }

        @Override
        public Map<String, Object> status()
        {
            final Map<String, Object> status = new LinkedHashMap<>();
            status.put("sequence", sequence.incrementAndGet());
            status.put("underlyings", List.of(Map.of("name", "BTC", "net_delta_coin", 0.25)));
            return status;
        }

        @Override
        public ControlOutcome control(final ControlAction action, final Actor actor)
        {
            calls.add(new Recorded(action.path(), actor, null));
            return new ControlOutcome(action.path(), !refuse, refuse ? "engine is shutting down" : "queued");
        }

        @Override
        public ControlOutcome changePolicy(final PolicyChange change, final Actor actor)
        {
            calls.add(new Recorded("policy", actor, change));
            return new ControlOutcome("policy", true, "queued");
        }

        @Override
        public String prometheus()
        {
            return "# TYPE deltahedger_net_delta_coin gauge\ndeltahedger_net_delta_coin{underlying=\"BTC\"} 0.25\n";
        }
    }
}
