package io.deltahedger.greeks.surface;

import java.util.List;

/**
 * Butterfly (strike) arbitrage check of one smile.
 *
 * @param grid           the scanned grid
 * @param minG           the minimum of the Gatheral-Jacquier function g(k) over the grid
 *                       ({@code -Infinity} if total variance is zero at a grid point, itself an arbitrage)
 * @param minGAt         where the minimum occurs
 * @param violations     runs of grid points with {@code g(k) < 0}
 * @param leftWingSlope  {@code b (1 - rho)}, the slope of total variance as {@code k -> -infinity}
 * @param rightWingSlope {@code b (1 + rho)}, the slope as {@code k -> +infinity}
 */
public record ButterflyReport(LogMoneynessGrid grid, double minG, double minGAt, List<KRange> violations,
                              double leftWingSlope, double rightWingSlope) {

    public ButterflyReport {
        violations = List.copyOf(violations);
    }

    /**
     * Whether both wings respect Lee's bound (slope {@code <= 2}). Beyond the grid g(k) tends to
     * {@code 1/4 - slope^2/16}, so a wing steeper than 2 has butterfly arbitrage far out even if the grid is clean.
     */
    public boolean wingsWithinLeeBound() {
        return leftWingSlope <= SviParameters.LEE_MAX_WING_SLOPE && rightWingSlope <= SviParameters.LEE_MAX_WING_SLOPE;
    }

    /** No negative g(k) on the grid and both wings within Lee's bound. */
    public boolean arbitrageFree() {
        return violations.isEmpty() && wingsWithinLeeBound();
    }
}
