package io.deltahedger.greeks.surface;

import java.util.List;

/**
 * Static-arbitrage diagnosis of a whole surface.
 *
 * @param butterflies one report per slice, in expiry order
 * @param calendars   one report per pair of adjacent slices, in expiry order ({@code slices - 1} entries)
 */
public record SurfaceArbitrageReport(List<ButterflyReport> butterflies, List<CalendarReport> calendars) {

    public SurfaceArbitrageReport {
        butterflies = List.copyOf(butterflies);
        calendars = List.copyOf(calendars);
    }

    /** Every slice free of butterfly arbitrage and every adjacent pair free of calendar arbitrage. */
    public boolean arbitrageFree() {
        return butterflies.stream().allMatch(ButterflyReport::arbitrageFree)
                && calendars.stream().allMatch(CalendarReport::arbitrageFree);
    }
}
