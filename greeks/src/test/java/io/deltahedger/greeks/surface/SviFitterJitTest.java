package io.deltahedger.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Runs the fit often enough for C2 to compile it. Guards against a HotSpot C2 crash seen on OpenJDK 17.0.15
 * (SIGSEGV-like "ShouldNotReachHere" in TypeVect::xmeet while SuperWord-vectorising min/max reductions in
 * the fitter's start search): a crash kills the test JVM and fails the build.
 */
class SviFitterJitTest {

    @Test
    void survivesJitCompilationOfTheFitPath() {
        final double t = 30 / 365.0;
        final SviParameters truth = SmileQuotes.smile(0.6, t, 0.07, -0.25, 0.0, 0.15);
        final SliceQuotes quotes = SmileQuotes.noisy(truth, t, 90_000, -0.5, 0.5, 30, 0.003, 0.01, new Random(8));
        final SviFitter fitter = new SviFitter(WeightingMode.SPREAD);
        final SviFit first = fitter.fit(quotes);
        for (int i = 0; i < 6_000; i++) {
            assertEquals(first.parameters(), fitter.fit(quotes).parameters());
        }
    }
}
