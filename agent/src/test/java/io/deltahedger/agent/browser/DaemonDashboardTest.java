package io.deltahedger.agent.browser;

import io.deltahedger.agent.daemon.Daemon;
import io.deltahedger.config.DeltahedgerConfig;
import io.deltahedger.config.time.EpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard of the real demo daemon in Debian's headless Chromium: the page shows the engine's live net delta and
 * venue state, and its pause button pauses the engine itself.
 */
@Timeout(120)
class DaemonDashboardTest
{
    @Test
    void theDashboardShowsTheLiveBookAndItsPauseButtonPausesTheAgent() throws Exception
    {
        BrowserRequirement.check();
        try (Daemon daemon = Daemon.start(DeltahedgerConfig.demo(), 0, name -> null, EpochClock.system());
             HeadlessChromium browser = new HeadlessChromium())
        {
            assertTrue(daemon.generatedToken(), "no DELTAHEDGER_API_TOKEN: the demo generates one");
            browser.open(daemon.dashboardUri());
            browser.awaitText("#underlyings tbody tr td:nth-child(3)", t -> t.matches("-?\\d+\\.\\d{4}"),
                Duration.ofSeconds(20));
            browser.awaitText("#venues tbody tr td:nth-child(2)", "LIVE"::equals, Duration.ofSeconds(20));
            browser.awaitText("[data-testid=state]", "hedging"::equals, Duration.ofSeconds(20));

            browser.click("[data-testid=pause]");
            final long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!daemon.engine().status().paused() && System.nanoTime() < deadline)
            {
                Thread.sleep(20);
            }
            assertTrue(daemon.engine().status().paused(), "the engine is paused");
            assertTrue(daemon.engine().status().lastActor().startsWith("dashboard@127.0.0.1"),
                daemon.engine().status().lastActor());
            browser.awaitText("[data-testid=state]", "paused"::equals, Duration.ofSeconds(10));
        }
    }
}
