package io.deltahedger.agent.browser;

import org.junit.jupiter.api.Assumptions;

/**
 * Browser tests need Debian's chromium and chromium-driver. {@code .ci/run} installs them and sets
 * {@code DELTAHEDGER_REQUIRE_BROWSER=1}, so in CI a missing browser fails the build; on a developer machine without
 * them the tests are skipped with this message instead.
 */
final class BrowserRequirement
{
    private BrowserRequirement()
    {
    }

    static void check()
    {
        final boolean required = "1".equals(System.getenv("DELTAHEDGER_REQUIRE_BROWSER"));
        if (required && !HeadlessChromium.installed())
        {
            throw new AssertionError("DELTAHEDGER_REQUIRE_BROWSER=1 but " + HeadlessChromium.CHROMIUM + " or "
                + HeadlessChromium.CHROMEDRIVER + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(HeadlessChromium.installed(), "browser test skipped: install Debian's chromium and "
            + "chromium-driver (apt-get install chromium chromium-driver) to run it");
    }
}
