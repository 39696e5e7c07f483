package io.deltahedger.greeks.pricing;

import io.deltahedger.greeks.math.StandardNormal;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wing accuracy of the normalised OTM Black value against an independent computation free of cancellation: the
 * integral of the vega, {@code b(x, s) = int_0^s exp(-x^2/(2u^2) - u^2/8) du / sqrt(2 pi)} (all terms positive),
 * evaluated by Commons Math's Gauss-Legendre integration on a substitution that resolves the steep start.
 */
class NormalisedBlackTest
{
    /** Caches the 48-point rule. */
    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    @Test
    void matchesTheVegaIntegralAcrossAllBranchesTo1e13Relative()
    {
        final double[] xs = {-3, -1, -0.3, -0.05, -1e-3, -1e-6};
        final double[] ss = {1e-5, 1e-3, 0.01, 0.05, 0.2, 0.41, 0.43, 0.8, 2, 5, 12};
        int checked = 0;
        for (final double x : xs)
        {
            for (final double s : ss)
            {
                final double fast = NormalisedBlack.otmPrice(x, s);
                if (fast < 1e-280)
                {
                    continue;
                }
                final double reference = vegaIntegral(x, s);
                assertEquals(reference, fast, 1e-13 * reference, "x=" + x + " s=" + s);
                checked++;
            }
        }
        assertTrue(checked > 40, "checked " + checked);
    }

    @Test
    void seriesWithTheBackwardRecurrenceMatchesMpmathDeepInTheWing()
    {
        // {x, s, b(x, s)} from mpmath at 80 digits, all in the small-t series regime with h = x/s < -3 (Miller's
        // backward recurrence). Conditioning: the rounding of h = x/s moves b by h^2 ulps.
        final double[][] cases = {
            {-0.3, 0.05, 7.8155210377325136356e-12},
            {-0.05, 0.012, 4.0440608252590131978e-8},
            {-1.0, 0.1, 7.4653976115686172329e-26},
            {-0.02, 0.0062, 1.0433726825467178441e-6},
            {-0.4, 0.021, 3.7695337045321764723e-84},
            {-2.5, 0.07, 2.3201618630436298832e-282},
        };
        for (final double[] c : cases)
        {
            final double h = c[0] / c[1];
            assertEquals(c[2], NormalisedBlack.otmPrice(c[0], c[1]), 1e-14 * (1.0 + h * h) * c[2], "x=" + c[0] + " s=" + c[1]);
        }
    }

    @Test
    void fastBackwardRecurrenceAgreesWithAPlainDeepMillerRecurrence()
    {
        // The kernel's recurrence (depth 24..64, reciprocal table, two steps per iteration) against the textbook
        // one: depth 150, one division per step.
        double worst = 0;
        for (double a = 3.0001; a <= 38.0; a += 0.0731)
        {
            for (double t = 1e-4; t < 0.21; t *= 1.13)
            {
                final double reference = plainMiller(-a, t);
                worst = Math.max(worst, Math.abs(NormalisedBlack.oddMomentSeries(-a, t) - reference) / reference);
            }
        }
        assertTrue(worst <= 1.5e-15, "worst relative difference " + worst);
    }

    private static double plainMiller(final double h, final double t)
    {
        final double a = -h;
        double next = 0.0;
        double current = 1.0;
        double horner = 0.0;
        for (int n = 150; n >= 1; n--)
        {
            final double previous = (next + a * current) / n;
            next = current;
            current = previous;
            final int k = n - 1;
            if (k <= 19 && (k & 1) == 1)
            {
                horner = current + horner * t * t / ((k + 1.0) * (k + 2.0));
            }
            if (current > 1e250)
            {
                current *= 1e-250;
                next *= 1e-250;
                horner *= 1e-250;
            }
        }
        return t * horner * (StandardNormal.cdfOverPdf(h) / current);
    }

    @Test
    void isContinuousAcrossTheSeriesBoundary()
    {
        for (final double x : new double[] {-2, -0.5, -0.01, -1e-5})
        {
            // The series runs for t < c (1 - x/s) with t = s/2: the boundary is s^2 - 2c s + 2c x = 0.
            final double c = NormalisedBlack.SERIES_THRESHOLD;
            final double s = c + Math.sqrt(c * c - 2 * c * x);
            final double below = NormalisedBlack.otmPrice(x, s * (1 - 1e-12));
            final double above = NormalisedBlack.otmPrice(x, s * (1 + 1e-12));
            final double slope = NormalisedBlack.vega(x, s) * s * 2e-12;
            assertEquals(above, below + slope, 5e-14 * above + 1e-300, "x=" + x + " s=" + s);
        }
    }

    @Test
    void forwardAndBackwardMomentRecurrencesAgreeWhereTheySwitch()
    {
        final double t = 0.1;
        final double below = NormalisedBlack.oddMomentSeries(-3.0, t);
        final double above = NormalisedBlack.oddMomentSeries(Math.nextDown(-3.0), t);
        assertEquals(below, above, 1e-14 * below);
    }

    @Test
    void complementIsTheDistanceToTheBound()
    {
        for (final double s : new double[] {0.5, 2, 8, 20})
        {
            final double x = -0.7;
            final double distance = Math.exp(0.5 * x) - NormalisedBlack.otmPrice(x, s);
            assertEquals(distance, NormalisedBlack.otmComplement(x, s), 1e-15);
        }
    }

    private static double vegaIntegral(final double x, final double s)
    {
        // In v = ln u the integrand u f(u) is smooth; 40 pieces of 48-point Gauss-Legendre.
        final double top = Math.log(s);
        // Below u = |x| / 40 the integrand is below exp(-800): nothing to add.
        final double bottom = Math.log(Math.min(s, Math.abs(x) / 40.0)) - 1.0;
        double sum = 0;
        final int pieces = 40;
        final double width = (top - bottom) / pieces;
        for (int i = 0; i < pieces; i++)
        {
            final double a = bottom + i * width;
            sum += GAUSS.legendre(48, a, a + width).integrate(v ->
            {
                final double u = Math.exp(v);
                return u * Math.exp(-x * x / (2 * u * u) - u * u / 8);
            });
        }
        return sum / Math.sqrt(2 * Math.PI);
    }
}
