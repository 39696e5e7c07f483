package io.deltahedger.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltahedger.config.DeltahedgerConfig;
import io.deltahedger.config.time.EpochClock;
import io.deltahedger.hedger.engine.EngineState;
import io.deltahedger.hedger.policy.FixedBand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo daemon end to end, in process: the embedded simulator on loopback, the demo book written on it, the real
 * engine hedging it, and the control plane over HTTP. Each control action's effect is checked on the engine itself,
 * not only on the HTTP answer.
 */
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "a-test-token-of-at-least-32-characters-0123";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Daemon daemon;

    private static java.nio.file.Path journal;

    /** The demo with its journal in a temporary directory. */
    static DeltahedgerConfig demoJournalingTo(final java.nio.file.Path dir)
    {
        final DeltahedgerConfig d = DeltahedgerConfig.demo();
        return new DeltahedgerConfig(d.venues(), d.book(), d.underlyings(), d.margin(), d.execution(), d.pipeline(),
            new io.deltahedger.config.daemon.JournalSettings(dir, d.journal().roll(), d.journal().signingKey(),
                d.journal().signEveryMs()), d.control(), d.logging());
    }

    @BeforeAll
    static void start() throws Exception
    {
        journal = java.nio.file.Files.createTempDirectory("deltahedger-daemon-journal");
        daemon = Daemon.start(demoJournalingTo(journal), 0, Map.of("DELTAHEDGER_API_TOKEN", TOKEN)::get,
            EpochClock.system());
    }

    @AfterAll
    static void stop()
    {
        if (daemon != null)
        {
            daemon.close(true);
            assertEquals(EngineState.CLOSED, daemon.engine().state());
            assertTrue(daemon.engine().status().killed(), "--cancel-all-on-exit: the engine's KILL cancelled every order");
            // everything the run did is in its journal, and the journal holds
            try
            {
                final io.deltahedger.hedger.journal.VerificationReport report =
                    new io.deltahedger.hedger.journal.JournalVerifier(daemon.journalSigner())
                        .verify(io.deltahedger.hedger.journal.JournalFormat.filesIn(daemon.journalDirectory()));
                assertEquals(io.deltahedger.hedger.journal.VerificationReport.OK, report.exitCode(), report.render());
                assertTrue(report.verdictsChecked() > 0, "the flatten group's verdict was re-evaluated: "
                    + report.render());
                assertTrue(daemon.journalDirectory().startsWith(journal));
            }
            catch (final java.io.IOException e)
            {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static HttpResponse<String> call(final String method, final String path, final String body) throws Exception
    {
        final HttpRequest.Builder b = HttpRequest.newBuilder(daemon.controlUri().resolve(path))
            .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN)
            .header("X-Deltahedger-Actor", "test")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    @Order(1)
    void startsHedgingTheDemoBookWithTheTokenFromTheEnvironment() throws Exception
    {
        assertEquals(EngineState.HEDGING, daemon.engine().state());
        assertFalse(daemon.generatedToken());
        assertEquals("127.0.0.1", daemon.controlUri().getHost());
        assertEquals("#token=" + TOKEN, "#" + daemon.dashboardUri().getFragment());
        await("readiness", () ->
        {
            try
            {
                return HTTP.send(HttpRequest.newBuilder(daemon.controlUri().resolve("/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            }
            catch (final Exception e)
            {
                return false;
            }
        });
        final JsonNode status = JSON.readTree(call("GET", "/api/status", null).body());
        assertEquals("HEDGING", status.at("/state/engine").asText());
        assertEquals(2, status.get("underlyings").size());
        assertTrue(Double.isFinite(status.at("/underlyings/0/net_delta_coin").asDouble(Double.NaN)), status.toString());
        assertEquals(-0.1, status.at("/underlyings/0/band_low").asDouble(), 1e-12, "the demo's 0.1 BTC band");
        assertEquals("LIVE", status.at("/venues/0/connection").asText());
        assertEquals("NORMAL", status.at("/venues/0/alert").asText(), "monitoring runs: " + status.at("/venues/0"));
        assertTrue(status.at("/venues/0/positions").size() >= 2, "the demo's strangle is on the simulator");
        assertTrue(status.has("groups") && status.get("groups").isArray(), "fields are present even when empty");
    }

    @Test
    @Order(2)
    void pauseAndResumeReachTheEngineWithWhoAsked() throws Exception
    {
        assertEquals(202, call("POST", "/api/control/pause", "{\"reason\": \"drill\"}").statusCode());
        await("paused", () -> daemon.engine().status().paused());
        assertTrue(daemon.engine().status().lastActor().startsWith("test@127.0.0.1: drill"),
            daemon.engine().status().lastActor());
        assertEquals(202, call("POST", "/api/control/resume", null).statusCode());
        await("resumed", () -> !daemon.engine().status().paused());
    }

    @Test
    @Order(3)
    void aPolicyChangeIsAppliedByTheEngine() throws Exception
    {
        final HttpResponse<String> r = call("PUT", "/api/policy",
            "{\"underlying\": \"ETH\", \"band\": {\"type\": \"fixed\", \"half_width\": 2.5, \"unit\": \"coin\"}}");
        assertEquals(202, r.statusCode(), r.body());
        await("ETH band 2.5", () -> daemon.engine().pipeline().policy("ETH").band() instanceof FixedBand f
            && f.halfWidth() == 2.5);
        final HttpResponse<String> unknown = call("PUT", "/api/policy",
            "{\"underlying\": \"SOL\", \"target\": 0.0}");
        assertEquals(409, unknown.statusCode());
        assertTrue(unknown.body().contains("'SOL' is not hedged here"), unknown.body());
    }

    @Test
    @Order(4)
    void flattenHedgesToZeroThroughARealGroupOnTheSimulator() throws Exception
    {
        final long before = daemon.telemetry().recentGroups().size();
        assertEquals(202, call("POST", "/api/control/flatten", null).statusCode());
        await("a flatten group", () -> daemon.telemetry().recentGroups().size() > before);
        final JsonNode status = JSON.readTree(call("GET", "/api/status", null).body());
        assertTrue(status.get("orders").size() > 0, "the group's orders are listed: " + status);
    }

    @Test
    @Order(5)
    void metricsAreExposedForPrometheus() throws Exception
    {
        final String text = call("GET", "/prometheus", null).body();
        for (final String metric : new String[] {"deltahedger_tick_to_decision_seconds_count",
            "deltahedger_events_total{result=\"no_action\"}", "deltahedger_net_delta_coin{underlying=\"BTC\"}",
            "deltahedger_margin_ratio{account=\"sim BTC\"}", "deltahedger_execution_reports_total{type=\"fill\"}",
            "deltahedger_gate_verdicts_total", "deltahedger_reconnects_total{venue=\"sim\"} 0",
            "deltahedger_engine_state{flag=\"hedging\"} 1", "deltahedger_journal_lag_events ", "deltahedger_margin_alert_level{account=\"sim BTC\"} 0"})
        {
            assertTrue(text.contains(metric), metric + " in\n" + text);
        }
    }

    @Test
    @Order(6)
    void killCancelsAndHaltsNewRiskUntilResume() throws Exception
    {
        assertEquals(202, call("POST", "/api/control/kill", "{\"reason\": \"drill\"}").statusCode());
        await("killed", () -> daemon.engine().status().killed());
        assertEquals(202, call("POST", "/api/control/resume", null).statusCode());
        await("resumed", () -> !daemon.engine().status().killed());
    }

    @Test
    void aSecretThatDoesNotResolveStopsTheStartNamingIt()
    {
        final DeltahedgerConfig config = DeltahedgerConfig.demo();
        final DeltahedgerConfig open = new DeltahedgerConfig(config.venues(), config.book(), config.underlyings(),
            config.margin(), config.execution(), config.pipeline(), config.journal(),
            new io.deltahedger.config.daemon.ControlSettings("0.0.0.0", 0, config.control().token()), config.logging());
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> Daemon.start(open, 0, name -> null, EpochClock.system()));
        assertTrue(e.getMessage().contains("control.token"), e.getMessage());
        assertNotNull(daemon);
    }
}
