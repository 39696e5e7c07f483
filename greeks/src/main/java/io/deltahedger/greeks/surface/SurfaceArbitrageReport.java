package io.deltahedger.greeks.surface;

import java.util.List;

/**
 * Static-arbitrage diagnosis of a whole surface.
 *
 * @param butterflies one report per slice, in expiry order
 * @param calendars   one report per pair of adjacent slices, in expiry order ({@code slices - 1} entries)
 * @param between     butterfly reports of interpolated smiles at sample expiries between adjacent slices, in
 *                    expiry order
 */
public record SurfaceArbitrageReport(List<ButterflyReport> butterflies, List<CalendarReport> calendars,
                                     List<InterpolatedButterfly> between) {

    /**
     * The butterfly check of the surface's interpolated smile at one expiry between two slices.
     *
     * @param expiryYears the sampled expiry
     * @param report      the butterfly report of the interpolated smile
     */
    public record InterpolatedButterfly(double expiryYears, ButterflyReport report) {
    }

    public SurfaceArbitrageReport {
        butterflies = List.copyOf(butterflies);
        calendars = List.copyOf(calendars);
        between = List.copyOf(between);
    }

    /**
     * Every slice and every sampled interpolated smile free of butterfly arbitrage, and every adjacent pair of slices
     * free of calendar arbitrage.
     */
    public boolean arbitrageFree() {
        return butterflies.stream().allMatch(ButterflyReport::arbitrageFree)
                && calendars.stream().allMatch(CalendarReport::arbitrageFree)
                && between.stream().allMatch(b -> b.report().arbitrageFree());
    }
}
