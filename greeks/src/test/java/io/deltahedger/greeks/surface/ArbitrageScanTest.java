package io.deltahedger.greeks.surface;

import static io.deltahedger.greeks.surface.SviParametersTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class ArbitrageScanTest {

    /** Axel Vogt's example in Gatheral and Jacquier (2014), section 2.2: T = 0.99 (parameters in total variance). */
    private static final SviParameters VOGT = new SviParameters(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);
    private static final LogMoneynessGrid GRID = new LogMoneynessGrid(-1.5, 1.5, 601);

    @Test
    void detectsButterflyArbitrageInVogtsExample() {
        final ButterflyReport report = ArbitrageScan.butterfly(VOGT, GRID);
        assertFalse(report.arbitrageFree());
        assertTrue(report.wingsWithinLeeBound(), "the wings are fine; the arbitrage is in the body");
        // One run of negative g to the right of the money, as in the paper's figure of g(k); the bounds and the
        // minimum were cross-checked with an independent implementation on the same grid (step 0.005).
        assertEquals(1, report.violations().size());
        final KRange run = report.violations().get(0);
        assertEquals(0.645, run.from(), 1e-9);
        assertEquals(1.255, run.to(), 1e-9);
        assertEquals(report.minG(), run.worst(), 0);
        assertEquals(0.88, report.minGAt(), 1e-9);
        assertEquals(-0.03286, report.minG(), 1e-5);
    }

    @Test
    void gMatchesItsDefinitionWithFiniteDifferenceDerivatives() {
        for (double k = -1.0; k <= 1.5; k += 0.25) {
            final double h = 1e-4;
            final double w = VOGT.totalVariance(k);
            final double w1 = (VOGT.totalVariance(k + h) - VOGT.totalVariance(k - h)) / (2 * h);
            final double w2 = (VOGT.totalVariance(k + h) - 2 * w + VOGT.totalVariance(k - h)) / (h * h);
            final double g = Math.pow(1 - k * w1 / (2 * w), 2) - w1 * w1 / 4 * (1 / w + 0.25) + w2 / 2;
            assertEquals(g, ArbitrageScan.gatheralJacquierG(VOGT, k), 1e-6, "g at k=" + k);
        }
    }

    @Test
    void aTypicalEquityLikeSmilePasses() {
        final ButterflyReport report = ArbitrageScan.butterfly(new SviParameters(0.04, 0.4, -0.4, 0, 0.1),
                LogMoneynessGrid.DEFAULT);
        assertTrue(report.arbitrageFree());
        assertTrue(report.violations().isEmpty());
        assertTrue(report.minG() > 0.08);
    }

    @Test
    void aWingSteeperThanLeesBoundIsArbitrageEvenWhenTheGridIsClean() {
        final SviParameters steep = new SviParameters(20, 1.1, 0.85, 0, 0.3);   // right wing slope 2.035
        final ButterflyReport report = ArbitrageScan.butterfly(steep, LogMoneynessGrid.DEFAULT);
        assertTrue(report.violations().isEmpty());
        assertFalse(report.wingsWithinLeeBound());
        assertFalse(report.arbitrageFree());
        // Far out, g tends to 1/4 - slope^2/16 < 0.
        assertTrue(ArbitrageScan.gatheralJacquierG(steep, 1e4) < 0);
    }

    @Test
    void zeroTotalVarianceAtAStrikeIsReportedAsArbitrage() {
        final SviParameters touching = new SviParameters(-0.1 * 0.2, 0.1, 0, 0, 0.2);   // w(0) = 0
        assertEquals(Double.NEGATIVE_INFINITY, ArbitrageScan.gatheralJacquierG(touching, 0));
        assertFalse(ArbitrageScan.butterfly(touching, LogMoneynessGrid.DEFAULT).arbitrageFree());
    }

    @Test
    void interpolatedScanAtTheEndsIsTheScanOfEachSmile() {
        final SviParameters earlier = new SviParameters(0.04, 0.4, -0.4, 0, 0.1);
        final ButterflyReport atEarlier = ArbitrageScan.butterflyInterpolated(earlier, VOGT, 0, GRID);
        final ButterflyReport atLater = ArbitrageScan.butterflyInterpolated(earlier, VOGT, 1, GRID);
        assertEquals(ArbitrageScan.butterfly(earlier, GRID), atEarlier);
        assertEquals(ArbitrageScan.butterfly(VOGT, GRID).minG(), atLater.minG(), 1e-15);
        assertEquals(ArbitrageScan.butterfly(VOGT, GRID).violations().size(), atLater.violations().size());
    }

    /** Two butterfly-free smiles (found by a seeded random search) whose total-variance blend is not. */
    @Test
    void detectsButterflyArbitrageInAnInterpolatedSmileBetweenCleanSlices() {
        final SviParameters earlier = new SviParameters(-0.0680, 0.3951, 0.4584, -0.9715, 0.2062);
        final SviParameters later = new SviParameters(0.0587, 0.0378, -0.6540, -0.3076, 0.0387);
        assertTrue(ArbitrageScan.butterfly(earlier, LogMoneynessGrid.DEFAULT).arbitrageFree());
        assertTrue(ArbitrageScan.butterfly(later, LogMoneynessGrid.DEFAULT).arbitrageFree());
        final ButterflyReport quarter = ArbitrageScan.butterflyInterpolated(earlier, later, 0.25,
                LogMoneynessGrid.DEFAULT);
        assertFalse(quarter.arbitrageFree());
        assertTrue(quarter.minG() < -0.03, "min g " + quarter.minG());
        // g of the blend, recomputed from its definition with finite-difference derivatives of the blended w.
        final double k = quarter.minGAt();
        final double h = 1e-4;
        final double w = blend(earlier, later, 0.25, k);
        final double w1 = (blend(earlier, later, 0.25, k + h) - blend(earlier, later, 0.25, k - h)) / (2 * h);
        final double w2 = (blend(earlier, later, 0.25, k + h) - 2 * w + blend(earlier, later, 0.25, k - h)) / (h * h);
        final double g = Math.pow(1 - k * w1 / (2 * w), 2) - w1 * w1 / 4 * (1 / w + 0.25) + w2 / 2;
        assertEquals(g, quarter.minG(), 1e-5);

        final SurfaceArbitrageReport report = VolSurface.of(List.of(new SurfaceSlice(0.1, earlier),
                new SurfaceSlice(0.5, later))).checkArbitrage(LogMoneynessGrid.DEFAULT);
        assertFalse(report.arbitrageFree());
        assertEquals(VolSurface.INTERPOLATED_SAMPLES_PER_GAP, report.between().size());
        assertEquals(0.2, report.between().get(0).expiryYears(), 1e-15);
        assertEquals(quarter, report.between().get(0).report());
    }

    private static double blend(final SviParameters earlier, final SviParameters later, final double x,
                                final double k) {
        return (1 - x) * earlier.totalVariance(k) + x * later.totalVariance(k);
    }

    @Test
    void detectsCalendarArbitrageWhereTotalVarianceFalls() {
        // w_later - w_earlier = 0.02 - 0.1 sqrt(k^2 + 0.01): negative for |k| > sqrt(0.03) = 0.1732.
        final SviParameters earlier = new SviParameters(0.04, 0.2, 0, 0, 0.1);
        final SviParameters later = new SviParameters(0.06, 0.1, 0, 0, 0.1);
        final CalendarReport report = ArbitrageScan.calendar(0.5, earlier, 1.0, later, LogMoneynessGrid.DEFAULT);
        assertFalse(report.arbitrageFree());
        assertEquals(2, report.violations().size());
        assertEquals(-2.0, report.violations().get(0).from(), 1e-12);
        assertEquals(-0.175, report.violations().get(0).to(), 1e-9);
        assertEquals(0.175, report.violations().get(1).from(), 1e-9);
        assertEquals(2.0, report.violations().get(1).to(), 1e-12);
        assertEquals(0.02 - 0.1 * Math.sqrt(4.01), report.minIncrease(), 1e-12);
        assertTrue(report.leftWingsCross() && report.rightWingsCross());
        assertEquals(0.5, report.earlierExpiryYears());
        assertEquals(1.0, report.laterExpiryYears());
    }

    @Test
    void flagsWingsThatCrossBeyondTheGrid() {
        // Equal on the grid's scale near the money, but the later right wing is flatter: crosses far right.
        final SviParameters earlier = new SviParameters(0.04, 0.2, 0.2, 0, 0.1);
        final SviParameters later = new SviParameters(0.30, 0.2, 0.1, 0, 0.1);
        final CalendarReport report = ArbitrageScan.calendar(0.5, earlier, 1.0, later, LogMoneynessGrid.DEFAULT);
        assertTrue(report.violations().isEmpty());
        assertFalse(report.leftWingsCross());
        assertTrue(report.rightWingsCross());
        assertFalse(report.arbitrageFree());
        assertTrue(later.totalVariance(20) < earlier.totalVariance(20));
    }

    @Property(seed = "31337", tries = 200)
    void growingTotalVarianceHasNoCalendarArbitrage(@ForAll @DoubleRange(min = 0.001, max = 0.1) @Scale(6) double a,
                                                    @ForAll @DoubleRange(min = 0.01, max = 0.5) double b,
                                                    @ForAll @DoubleRange(min = -0.9, max = 0.9) double rho,
                                                    @ForAll @DoubleRange(min = -0.3, max = 0.3) double m,
                                                    @ForAll @DoubleRange(min = 0.05, max = 0.5) double sigma,
                                                    @ForAll @DoubleRange(min = 1.01, max = 3) double growth) {
        final SviParameters earlier = new SviParameters(a, b, rho, m, sigma);
        final SviParameters later = new SviParameters(a * growth, b * growth, rho, m, sigma);
        final CalendarReport report = ArbitrageScan.calendar(0.25, earlier, 0.25 * growth, later,
                LogMoneynessGrid.DEFAULT);
        assertTrue(report.arbitrageFree());
        assertTrue(report.minIncrease() > 0);
    }

    @Test
    void refusesBadGridsAndExpiries() {
        final SviParameters p = new SviParameters(0.04, 0.2, 0, 0, 0.1);
        assertMessage(() -> new LogMoneynessGrid(1, -1, 10), "from < to", "from=1.0");
        assertMessage(() -> new LogMoneynessGrid(-1, 1, 1), "at least 2 points", "1");
        assertMessage(() -> ArbitrageScan.calendar(1.0, p, 0.5, p, LogMoneynessGrid.DEFAULT),
                "0 < earlier < later", "earlier=1.0");
        assertMessage(() -> ArbitrageScan.gatheralJacquierG(p, Double.NaN), "k must be finite", "NaN");
        assertMessage(() -> ArbitrageScan.butterflyInterpolated(p, p, 1.5, LogMoneynessGrid.DEFAULT),
                "within [0, 1]", "1.5");
    }
}
