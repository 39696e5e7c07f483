package io.deltahedger.greeks.surface;

import static io.deltahedger.greeks.surface.SviParametersTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class VolSurfaceTest {

    /** Four calendar-arbitrage-free slices: each smile's total variance grows with expiry at every k. */
    static List<SurfaceSlice> arbitrageFreeSlices() {
        return List.of(
                new SurfaceSlice(0.02, new SviParameters(0.0030, 0.012, -0.30, 0.00, 0.08)),
                new SurfaceSlice(0.10, new SviParameters(0.0160, 0.050, -0.32, 0.01, 0.12)),
                new SurfaceSlice(0.50, new SviParameters(0.0900, 0.180, -0.35, 0.02, 0.20)),
                new SurfaceSlice(1.00, new SviParameters(0.1900, 0.300, -0.36, 0.03, 0.25)));
    }

    private static final VolSurface SURFACE = VolSurface.of(arbitrageFreeSlices());

    @Test
    void theExampleSurfaceIsArbitrageFree() {
        final SurfaceArbitrageReport report = SURFACE.checkArbitrage(LogMoneynessGrid.DEFAULT);
        assertTrue(report.arbitrageFree(), () -> report.toString());
        assertEquals(4, report.butterflies().size());
        assertEquals(3, report.calendars().size());
    }

    @Property(seed = "1001", tries = 200)
    void lookUpsAtSliceExpiriesEqualTheSlice(@ForAll @DoubleRange(min = -3, max = 3) double k) {
        for (final SurfaceSlice slice : arbitrageFreeSlices()) {
            final double w = slice.smile().totalVariance(k);
            assertEquals(w, SURFACE.totalVariance(slice.expiryYears(), k), 0);
            assertEquals(Math.sqrt(w / slice.expiryYears()), SURFACE.volatility(slice.expiryYears(), k), 1e-15);
        }
    }

    @Property(seed = "1002", tries = 200)
    void interpolatesLinearlyInTotalVarianceAtConstantK(@ForAll @DoubleRange(min = -2, max = 2) double k,
                                                        @ForAll @DoubleRange(min = 0, max = 1) double weight) {
        final List<SurfaceSlice> slices = arbitrageFreeSlices();
        for (int i = 0; i + 1 < slices.size(); i++) {
            final double t0 = slices.get(i).expiryYears();
            final double t1 = slices.get(i + 1).expiryYears();
            final double t = t0 + weight * (t1 - t0);
            final double w0 = slices.get(i).smile().totalVariance(k);
            final double w1 = slices.get(i + 1).smile().totalVariance(k);
            final double expected = w0 + (t - t0) / (t1 - t0) * (w1 - w0);
            assertEquals(expected, SURFACE.totalVariance(t, k), 1e-15);
            assertEquals(Math.sqrt(expected / t), SURFACE.volatility(t, k), 1e-12);
        }
    }

    @Property(seed = "1003", tries = 300)
    void totalVarianceIsNonDecreasingInExpiryBetweenArbitrageFreeSlices(
            @ForAll @DoubleRange(min = -2, max = 2) double k,
            @ForAll @DoubleRange(min = 0, max = 2) double t1,
            @ForAll @DoubleRange(min = 0, max = 2) double t2) {
        final double early = Math.min(t1, t2);
        final double late = Math.max(t1, t2);
        assertTrue(SURFACE.totalVariance(early, k) <= SURFACE.totalVariance(late, k),
                () -> "w(" + early + ") > w(" + late + ") at k=" + k);
    }

    @Property(seed = "1004", tries = 200)
    void beforeTheFirstSliceTheFirstSlicesVolIsHeldConstant(@ForAll @DoubleRange(min = -2, max = 2) double k,
                                                            @ForAll @DoubleRange(min = 0, max = 0.02) double t) {
        final SviParameters first = arbitrageFreeSlices().get(0).smile();
        final double vol = Math.sqrt(first.totalVariance(k) / 0.02);
        assertEquals(vol, SURFACE.volatility(t, k), 1e-15);
        assertEquals(first.totalVariance(k) * t / 0.02, SURFACE.totalVariance(t, k), 1e-15);
    }

    @Test
    void atZeroExpiryTotalVarianceIsZeroAndVolIsTheShortLimit() {
        final SviParameters first = arbitrageFreeSlices().get(0).smile();
        assertEquals(0, SURFACE.totalVariance(0, 0.1));
        assertEquals(Math.sqrt(first.totalVariance(0.1) / 0.02), SURFACE.volatility(0, 0.1), 1e-15);
    }

    @Property(seed = "1005", tries = 200)
    void afterTheLastSliceTheLastSlicesVolIsHeldConstant(@ForAll @DoubleRange(min = -2, max = 2) double k,
                                                         @ForAll @DoubleRange(min = 1, max = 30) double t) {
        final SviParameters last = arbitrageFreeSlices().get(3).smile();
        assertEquals(Math.sqrt(last.totalVariance(k)), SURFACE.volatility(t, k), 1e-15);
        assertEquals(last.totalVariance(k) * t, SURFACE.totalVariance(t, k), 1e-12 * t);
    }

    @Test
    void wingsAreAsymptoticallyLinearWithTheSviSlopes() {
        final SviParameters half = arbitrageFreeSlices().get(2).smile();
        final double right = SURFACE.totalVariance(0.5, 51) - SURFACE.totalVariance(0.5, 50);
        final double left = SURFACE.totalVariance(0.5, -51) - SURFACE.totalVariance(0.5, -50);
        assertEquals(half.rightWingSlope(), right, 1e-4);
        assertEquals(half.leftWingSlope(), left, 1e-4);
    }

    @Test
    void slicesMayBeGivenInAnyOrder() {
        final List<SurfaceSlice> shuffled = new ArrayList<>(arbitrageFreeSlices());
        java.util.Collections.reverse(shuffled);
        final VolSurface surface = VolSurface.of(shuffled);
        assertEquals(4, surface.sliceCount());
        for (int i = 0; i < 4; i++) {
            assertEquals(arbitrageFreeSlices().get(i), surface.slice(i));
            assertEquals(arbitrageFreeSlices().get(i).expiryYears(), surface.expiryYears(i));
        }
        assertEquals(SURFACE.volatility(0.3, -0.2), surface.volatility(0.3, -0.2), 0);
    }

    @Test
    void aSurfaceOfFittedSlicesReproducesEachFit() {
        final Random random = new Random(3);
        final List<SviFit> fits = new ArrayList<>();
        for (final SurfaceSlice slice : arbitrageFreeSlices()) {
            fits.add(new SviFitter(WeightingMode.SPREAD).fit(SmileQuotes.noisy(slice.smile(), slice.expiryYears(),
                    3000, -0.5, 0.5, 21, 0.002, 0.01, random)));
        }
        final VolSurface surface = VolSurface.fromFits(fits);
        for (final SviFit fit : fits) {
            for (double k = -0.5; k <= 0.5; k += 0.1) {
                assertEquals(fit.volatility(k), surface.volatility(fit.expiryYears(), k), 1e-15);
            }
        }
        assertTrue(surface.checkArbitrage(new LogMoneynessGrid(-1, 1, 201)).arbitrageFree());
    }

    @Test
    void reportsCalendarArbitrageBetweenSlices() {
        final VolSurface crossing = VolSurface.of(List.of(
                new SurfaceSlice(0.5, new SviParameters(0.04, 0.2, 0, 0, 0.1)),
                new SurfaceSlice(1.0, new SviParameters(0.06, 0.1, 0, 0, 0.1))));
        final SurfaceArbitrageReport report = crossing.checkArbitrage(LogMoneynessGrid.DEFAULT);
        assertFalse(report.arbitrageFree());
        assertTrue(report.butterflies().stream().allMatch(ButterflyReport::arbitrageFree));
        assertEquals(2, report.calendars().get(0).violations().size());
        // Interpolated total variance falls with expiry where the slices cross.
        assertTrue(crossing.totalVariance(0.75, 1.0) < crossing.totalVariance(0.5, 1.0));
    }

    @Test
    void refusesInvalidLookUpsWithClearErrors() {
        assertMessage(() -> SURFACE.volatility(Double.NaN, 0), "finite expiryYears >= 0", "NaN");
        assertMessage(() -> SURFACE.volatility(-0.01, 0), "expiryYears >= 0", "-0.01", "expired");
        assertMessage(() -> SURFACE.totalVariance(Double.POSITIVE_INFINITY, 0), "expiryYears", "Infinity");
        assertMessage(() -> SURFACE.volatility(0.1, Double.NaN), "log-moneyness", "NaN");
        assertMessage(() -> SURFACE.totalVariance(0.1, Double.NEGATIVE_INFINITY), "log-moneyness", "-Infinity");
    }

    @Test
    void refusesInvalidSurfaces() {
        assertMessage(() -> VolSurface.of(List.of()), "at least one slice");
        final SviParameters p = new SviParameters(0.04, 0.1, 0, 0, 0.1);
        assertMessage(() -> VolSurface.of(List.of(new SurfaceSlice(0.5, p), new SurfaceSlice(0.5, p))),
                "share expiry 0.5");
        assertMessage(() -> new SurfaceSlice(0, p), "expiryYears must be finite and > 0", "0.0");
        assertMessage(() -> new SurfaceSlice(0.5, null), "no smile");
    }

    /** Measures this thread's allocated bytes over many look-ups (HotSpot's per-thread allocation counter). */
    @Test
    void lookUpsDoNotAllocate() {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final long thread = Thread.currentThread().getId();
        double sink = lookUps(200_000);   // warm up: let the JIT compile the look-up path
        final long before = threads.getThreadAllocatedBytes(thread);
        sink += lookUps(1_000_000);
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(sink > 0);
        // A single boxed double per look-up would be 16 MB; allow a little for the counter's own bookkeeping.
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes over 1,000,000 look-ups");
    }

    private static double lookUps(final int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            final double t = (i % 1000) * 0.0015;          // 0 .. 1.5 years: all four regimes
            final double k = ((i * 7919) % 2001 - 1000) * 0.002;
            sum += SURFACE.volatility(t, k) + SURFACE.totalVariance(t, k);
        }
        return sum;
    }
}
