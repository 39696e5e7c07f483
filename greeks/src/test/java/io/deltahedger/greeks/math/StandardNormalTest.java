package io.deltahedger.greeks.math;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast kernels against Commons Math 3 (the reference). Agreement is 1e-14 relative times the condition number
 * {@code max(1, z^2)} of N at z: both compute {@code erfc(-z / sqrt 2)}, and the rounding of that product alone (half an
 * ulp of the argument) moves N by {@code z^2 * 1.1e-16} relative (checked against 40-digit mpmath values: both
 * libraries sit at that limit, ~1.7e-13 relative at z = -37).
 */
class StandardNormalTest
{
    @Test
    void cdfAgreesWithCommonsMathErfcTo1e14RelativeIntoTheFarTail()
    {
        double worst = 0;
        for (double z = -37.5; z <= 8.0; z += 0.0137)
        {
            final double reference = 0.5 * Erf.erfc(-z / Math.sqrt(2.0));
            final double fast = StandardNormal.cdf(z);
            worst = Math.max(worst, Math.abs(fast - reference) / reference / Math.max(1.0, z * z));
        }
        assertTrue(worst <= 1e-14, "worst conditioned relative difference " + worst);
        // N(-30) = 4.9067139271481870595e-198 (mpmath, 40 digits); condition number 900.
        assertEquals(4.906713927148187e-198, StandardNormal.cdf(-30), 1e-14 * 900 * 4.9e-198);
    }

    @Test
    void cdfOverPdfIsTheRatioWhereBothAreRepresentable()
    {
        for (double z = -37; z <= 5; z += 0.1)
        {
            final double ratio = (0.5 * Erf.erfc(-z / Math.sqrt(2.0))) / (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI));
            assertEquals(ratio, StandardNormal.cdfOverPdf(z), 1e-14 * Math.max(1.0, z * z) * ratio, "z=" + z);
        }
        // Beyond the range where N and phi underflow it keeps the Mills ratio asymptote 1/|z|.
        assertEquals(1.0 / 1e3, StandardNormal.cdfOverPdf(-1e3), 1e-9);
    }

    @Test
    void inverseCdfRoundTripsIncludingTinyProbabilities()
    {
        for (final double p : new double[] {1e-300, 1e-100, 1e-10, 0.01, 0.3, 0.5, 0.9})
        {
            final double z = StandardNormal.inverseCdf(p);
            assertEquals(p, StandardNormal.cdf(z), 1e-14 * Math.max(1.0, z * z) * p);
        }
    }

    @Test
    void centralProbabilityHasNoCancellationForTinyArguments()
    {
        assertEquals(2e-10 / Math.sqrt(2 * Math.PI), StandardNormal.centralProbability(1e-10), 2e-26);
    }
}
