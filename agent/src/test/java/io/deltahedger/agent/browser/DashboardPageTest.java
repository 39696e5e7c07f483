package io.deltahedger.agent.browser;

import io.deltahedger.agent.control.Actor;
import io.deltahedger.agent.control.ApiToken;
import io.deltahedger.agent.control.ControlAction;
import io.deltahedger.agent.control.ControlOutcome;
import io.deltahedger.agent.control.ControlPlane;
import io.deltahedger.agent.control.ControlServer;
import io.deltahedger.agent.control.Health;
import io.deltahedger.agent.control.PolicyChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard page in Debian's headless Chromium against a real control server on loopback: it takes the token from
 * the URL fragment, shows live numbers from the status stream (they change without a reload), and its buttons call
 * the control API. The daemon's own browser test drives the real engine.
 */
class DashboardPageTest
{
    private static final String TOKEN = "feedfacefeedfacefeedfacefeedface-dashboard";

    @Test
    void showsLiveNumbersAndItsPauseButtonReachesTheAgent() throws Exception
    {
        BrowserRequirement.check();
        final MovingPlane plane = new MovingPlane();
        try (ControlServer server = ControlServer.start(plane, ApiToken.of(TOKEN), "127.0.0.1", 0);
             HeadlessChromium browser = new HeadlessChromium())
        {
            browser.open(server.uri().resolve("/#token=" + TOKEN));
            final String first = browser.awaitText("#underlyings tbody tr td:nth-child(3)", t -> t.matches("-?\\d+\\.\\d{4}"),
                Duration.ofSeconds(15));
            browser.awaitText("#underlyings tbody tr td:nth-child(3)", t -> !t.equals(first) && t.matches("-?\\d+\\.\\d{4}"),
                Duration.ofSeconds(15));
            assertEquals(0, browser.script("return performance.getEntriesByType('navigation').length - 1").asInt(),
                "the numbers moved without a reload");
            assertEquals("", browser.script("return location.hash").asText(), "the token left the address bar");
            assertEquals("hedging", browser.text("[data-testid=state]"));

            browser.click("[data-testid=pause]");
            browser.awaitText("[data-testid=state]", "paused"::equals, Duration.ofSeconds(10));
            assertEquals(List.of("pause by dashboard (dashboard button)"), plane.actions);
            assertTrue(browser.text("[data-testid=message]").startsWith("pause: "));
        }
    }

    /** A status whose numbers move on every read, paused by the pause action. */
    private static final class MovingPlane implements ControlPlane
    {
        final List<String> actions = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicLong reads = new AtomicLong();
        private volatile boolean paused;

        @Override
        public Health liveness()
        {
            return Health.of(Map.of());
        }

        @Override
        public Health readiness()
        {
            return Health.of(Map.of());
        }

        @Override
        public Map<String, Object> status()
        {
            final long n = reads.incrementAndGet();
            final Map<String, Object> u = new LinkedHashMap<>();
            u.put("name", "BTC");
            u.put("spot", 90_000.0 + n);
            u.put("net_delta_coin", 0.01 * (n % 50) - 0.2);
            u.put("band_low", -0.5);
            u.put("band_high", 0.5);
            u.put("target", 0.0);
            final Map<String, Object> status = new LinkedHashMap<>();
            status.put("state", Map.of("paused", paused, "halted", false, "breaker", Map.of("tripped", false)));
            status.put("underlyings", List.of(u));
            status.put("venues", List.of(Map.of("name", "sim-a", "connection", "LIVE", "margin_ratio", 0.1, "threshold", 0.8)));
            return status;
        }

        @Override
        public ControlOutcome control(final ControlAction action, final Actor actor)
        {
            actions.add(action.path() + " by " + actor.name() + " (" + actor.reason() + ")");
            paused = action == ControlAction.PAUSE || (paused && action != ControlAction.RESUME);
            return new ControlOutcome(action.path(), true, "queued");
        }

        @Override
        public ControlOutcome changePolicy(final PolicyChange change, final Actor actor)
        {
            return new ControlOutcome("policy", false, "not in this test");
        }

        @Override
        public String prometheus()
        {
            return "";
        }
    }
}
