package io.deltahedger.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SviParametersTest {

    @Test
    void totalVarianceFollowsTheRawSviFormula() {
        final SviParameters p = new SviParameters(0.04, 0.4, -0.3, 0.1, 0.2);
        // k = 0.5: x = 0.4, sqrt(0.16 + 0.04) = 0.4472135955; w = 0.04 + 0.4 * (-0.12 + 0.4472135955)
        assertEquals(0.04 + 0.4 * (-0.12 + Math.sqrt(0.2)), p.totalVariance(0.5), 1e-15);
        assertEquals(Math.sqrt(p.totalVariance(0.5) / 0.25), p.impliedVolatility(0.5, 0.25), 1e-15);
    }

    @Test
    void minimumTotalVarianceIsReachedAtTheVertex() {
        final SviParameters p = new SviParameters(0.01, 0.3, 0.4, -0.05, 0.15);
        final double kStar = p.m() - p.rho() * p.sigma() / Math.sqrt(1 - p.rho() * p.rho());
        assertEquals(p.minimumTotalVariance(), p.totalVariance(kStar), 1e-15);
        assertTrue(p.totalVariance(kStar + 1e-3) > p.minimumTotalVariance());
        assertTrue(p.totalVariance(kStar - 1e-3) > p.minimumTotalVariance());
    }

    @Property(seed = "20261121", tries = 200)
    void derivativesMatchFiniteDifferences(@ForAll @DoubleRange(min = -0.05, max = 0.1) double a,
                                           @ForAll @DoubleRange(min = 0.01, max = 1.0) double b,
                                           @ForAll @DoubleRange(min = -0.95, max = 0.95) double rho,
                                           @ForAll @DoubleRange(min = -0.5, max = 0.5) double m,
                                           @ForAll @DoubleRange(min = 0.01, max = 1.0) double sigma,
                                           @ForAll @DoubleRange(min = -2, max = 2) double k) {
        final double floor = b * sigma * Math.sqrt(1 - rho * rho);
        final SviParameters p = new SviParameters(Math.max(a, -floor), b, rho, m, sigma);
        final double h = 1e-5;
        final double slope = (p.totalVariance(k + h) - p.totalVariance(k - h)) / (2 * h);
        final double curvature = (p.totalVarianceSlope(k + h) - p.totalVarianceSlope(k - h)) / (2 * h);
        assertEquals(slope, p.totalVarianceSlope(k), 1e-7 * (1 + Math.abs(slope)));
        assertEquals(curvature, p.totalVarianceCurvature(k), 1e-5 * (1 + Math.abs(curvature)));
    }

    @Test
    void wingSlopesAreTheAsymptoticSlopesOfTotalVariance() {
        final SviParameters p = new SviParameters(0.02, 0.5, -0.4, 0.0, 0.1);
        assertEquals(0.7, p.leftWingSlope(), 1e-15);
        assertEquals(0.3, p.rightWingSlope(), 1e-15);
        assertEquals(-0.7, p.totalVarianceSlope(-1e6), 1e-9);
        assertEquals(0.3, p.totalVarianceSlope(1e6), 1e-9);
    }

    @Test
    void leeWingBoundIsBTimesOnePlusAbsRhoAtMostTwo() {
        assertTrue(new SviParameters(0.0, 1.6, 0.25, 0, 0.1).satisfiesLeeWingBound());    // 1.6 * 1.25 = 2
        assertFalse(new SviParameters(0.0, 1.6, -0.26, 0, 0.1).satisfiesLeeWingBound());  // 1.6 * 1.26 > 2
    }

    @Test
    void rejectsInvalidParametersNamingTheParameterAndTheFix() {
        assertMessage(() -> new SviParameters(0.04, -0.1, 0, 0, 0.1), "SVI b must be >= 0", "-0.1");
        assertMessage(() -> new SviParameters(0.04, 0.1, 1.0, 0, 0.1), "rho must satisfy -1 < rho < 1", "1.0");
        assertMessage(() -> new SviParameters(0.04, 0.1, 0, 0, 0), "sigma must be > 0", "0.0");
        assertMessage(() -> new SviParameters(Double.NaN, 0.1, 0, 0, 0.1), "parameter a must be finite", "NaN");
        assertMessage(() -> new SviParameters(-0.05, 0.1, 0, 0, 0.1), "minimum total variance", "raise a to at least");
    }

    @Test
    void impliedVolatilityRefusesANonPositiveExpiry() {
        final SviParameters p = new SviParameters(0.04, 0.1, 0, 0, 0.1);
        assertMessage(() -> p.impliedVolatility(0, 0), "expiryYears must be finite and > 0", "0.0");
        assertMessage(() -> p.impliedVolatility(0, Double.NaN), "expiryYears", "NaN");
    }

    static void assertMessage(final Runnable action, final String... fragments) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        for (final String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '"
                    + fragment + "'");
        }
    }
}
