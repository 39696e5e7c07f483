package io.deltahedger.greeks.math;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Erfcx;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Cody-based kernels of {@link StandardNormal} against 50-digit mpmath values (taken at the exact binary value of
 * each double argument) and against Commons Numbers on dense grids and seeded random arguments, through every region
 * of the rationals (|u| below 0.46875, up to 4, beyond 4, beyond 1e9) and into the deep tails.
 */
class StandardNormalAccuracyTest
{
    /** {z, phi(z), N(z), N(z)/phi(z)} from mpmath at 50 digits. */
    private static final double[][] NORMAL = {
        {-37.3, 3.0628462906956674673e-303, 8.2054948449307733469e-305, 0.02679042324081843088},
        {-30.7, 8.7459490160240639233e-206, 2.8458302208738191641e-207, 0.032538838445773865039},
        {-20.3, 1.3082885546815290281e-90, 6.4292444676983463386e-92, 0.049142403980316018698},
        {-9.1, 4.1585989791151487883e-19, 4.5165914914354568618e-20, 0.10860848843849041649},
        {-2.7, 0.010420934814422589727, 0.0034669738030406666448, 0.33269316666700281024},
        {-0.9, 0.2660852498987548165, 0.18406012534675948265, 0.69173366587134831629},
        {-0.3, 0.38138781546052408688, 0.38208857781104736693, 1.0018374009921557474},
        {0.2, 0.39104269397545587714, 0.57925970943910302738, 1.4813208848122879114},
        {0.8, 0.28969155276148272782, 0.78814460141660332729, 2.7206337012716468689},
        {3.3, 0.0017225689390536811513, 0.99951657585761622249, 580.24764826347995626},
        {6.1, 3.3178842435473014682e-9, 0.99999999946965767371, 301396892.13524581428},
        {12.9, 2.9203687938681193945e-37, 1.0, 3.4242250571218742019e+36},
    };

    /** {u, erfcx(u)} from mpmath at 50 digits. */
    private static final double[][] ERFCX = {
        {-3.1, 29826.166456136548299},
        {-0.4, 1.6762339566888590015},
        {0.1, 0.89645697996912663666},
        {0.47, 0.63140051666003431849},
        {0.5, 0.61569034419292587487},
        {2.3, 0.22674156216755919744},
        {3.99, 0.13732404091422970432},
        {4.01, 0.1366763674299491537},
        {7.7, 0.072668477501867028446},
        {26.0, 0.021683584850562906616},
        {1000.0, 0.0005641893014533876542},
        {5e8, 1.1283791670955125716e-9},
        {2e9, 2.8209479177387814344e-10},
    };

    @Test
    void densityDistributionAndRatioAreWithinAFewUlpsOfMpmathWithoutTheArgumentSquaredLoss()
    {
        for (final double[] row : NORMAL)
        {
            final double z = row[0];
            // 1e-15 is ~5 ulps; a plain exp(-z*z/2) errs by up to z^2/2 ulps (1.5e-14 at z = -37.3).
            assertEquals(row[1], StandardNormal.pdf(z), 1e-15 * row[1], "pdf z=" + z);
            assertEquals(row[2], StandardNormal.cdf(z), 1e-15 * row[2], "cdf z=" + z);
            assertEquals(row[3], StandardNormal.cdfOverPdf(z), 2e-15 * Math.max(1.0, z) * row[3], "ratio z=" + z);
        }
    }

    @Test
    void scaledComplementaryErrorFunctionMatchesMpmathInEveryRegion()
    {
        for (final double[] row : ERFCX)
        {
            final double u = row[0];
            assertEquals(row[1], StandardNormal.erfcx(u), 1e-15 * Math.max(1.0, 2 * u * u) * row[1], "u=" + u);
        }
    }

    @Test
    void scaledComplementaryErrorFunctionAgreesWithCommonsNumbersOnADenseGrid()
    {
        double worst = 0;
        double worstAt = 0;
        for (double u = -26.0; u <= 60.0; u += 0.000731)
        {
            final double reference = Erfcx.value(u);
            // For u < 0 erfcx = 2 exp(u^2) - ..., whose argument u^2 carries a relative rounding of 2u^2 ulps.
            final double error = Math.abs(StandardNormal.erfcx(u) - reference) / reference / Math.max(1.0, 2 * u * u);
            if (error > worst)
            {
                worst = error;
                worstAt = u;
            }
        }
        assertTrue(worst <= 1e-14, "worst conditioned relative difference " + worst + " at u=" + worstAt);
    }

    @Test
    void distributionFunctionAgreesWithCommonsNumbersOnADenseGridIntoTheTails()
    {
        double worst = 0;
        double worstAt = 0;
        for (double z = -38.4; z <= 9.5; z += 0.000917)
        {
            final double reference = 0.5 * Erfc.value(-z * StandardNormal.INV_SQRT2);
            if (reference < Double.MIN_NORMAL)
            {
                continue; // subnormal: no relative precision left in either
            }
            final double error = Math.abs(StandardNormal.cdf(z) - reference) / reference / Math.max(1.0, z * z);
            if (error > worst)
            {
                worst = error;
                worstAt = z;
            }
        }
        assertTrue(worst <= 1e-14, "worst conditioned relative difference " + worst + " at z=" + worstAt);
    }

    /** Down to z = -37.5, where N is still a normal double (below it both sides lose relative precision). */
    @Property(seed = "20261121", tries = 20000)
    void distributionFunctionAndRatioAgreeWithCommonsNumbersAtRandomArguments(
        @ForAll @DoubleRange(min = -37.5, max = 9.0) final double z)
    {
        final double reference = 0.5 * Erfc.value(-z * StandardNormal.INV_SQRT2);
        final double conditioning = Math.max(1.0, z * z);
        assertEquals(reference, StandardNormal.cdf(z), 1e-14 * conditioning * reference, "cdf z=" + z);
        if (z <= 0.0)
        {
            final double ratio = StandardNormal.SQRT_PI_OVER_2 * Erfcx.value(-z * StandardNormal.INV_SQRT2);
            assertEquals(ratio, StandardNormal.cdfOverPdf(z), 1e-14 * ratio, "ratio z=" + z);
        }
    }

    @Test
    void distributionFromAGivenDensityAgreesWithTheDirectOne()
    {
        for (double z = -38.4; z <= 9.5; z += 0.00113)
        {
            final double direct = StandardNormal.cdf(z);
            final double fromDensity = StandardNormal.cdf(z, StandardNormal.pdf(z));
            assertEquals(direct, fromDensity, 1e-15 * direct + Double.MIN_VALUE, "z=" + z);
        }
        assertEquals(0.0, StandardNormal.cdf(-40.0, StandardNormal.pdf(-40.0)));
        assertEquals(1.0, StandardNormal.cdf(40.0, StandardNormal.pdf(40.0)));
    }

    @Test
    void limitsAreExactAndNaNPropagates()
    {
        assertEquals(0.0, StandardNormal.cdf(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, StandardNormal.cdf(Double.POSITIVE_INFINITY));
        assertEquals(0.0, StandardNormal.cdf(-39.0));
        assertEquals(1.0, StandardNormal.cdf(9.0));
        assertEquals(0.5, StandardNormal.cdf(0.0));
        assertEquals(0.0, StandardNormal.pdf(Double.POSITIVE_INFINITY));
        assertEquals(0.0, StandardNormal.pdf(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, StandardNormal.cdfOverPdf(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, StandardNormal.cdfOverPdf(40.0));
        assertEquals(Double.POSITIVE_INFINITY, StandardNormal.erfcx(-27.0));
        assertTrue(Double.isNaN(StandardNormal.cdf(Double.NaN)));
        assertTrue(Double.isNaN(StandardNormal.pdf(Double.NaN)));
        assertTrue(Double.isNaN(StandardNormal.cdfOverPdf(Double.NaN)));
    }
}
