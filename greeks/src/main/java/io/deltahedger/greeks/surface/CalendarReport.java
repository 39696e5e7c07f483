package io.deltahedger.greeks.surface;

import java.util.List;

/**
 * Calendar arbitrage check between two adjacent expiries: total variance must not fall with expiry at any k.
 *
 * @param earlierExpiryYears the earlier expiry
 * @param laterExpiryYears   the later expiry
 * @param grid               the scanned grid
 * @param minIncrease        the minimum over the grid of {@code w_later(k) - w_earlier(k)}
 * @param minIncreaseAt      where it occurs
 * @param violations         runs of grid points where total variance falls ({@code w_later(k) < w_earlier(k)})
 * @param leftWingsCross     the later smile's left wing is strictly less steep than the earlier one's, so total
 *                           variance falls with expiry far enough left, whatever the grid shows
 * @param rightWingsCross    the same for the right wing
 */
public record CalendarReport(double earlierExpiryYears, double laterExpiryYears, LogMoneynessGrid grid,
                             double minIncrease, double minIncreaseAt, List<KRange> violations,
                             boolean leftWingsCross, boolean rightWingsCross) {

    public CalendarReport {
        violations = List.copyOf(violations);
    }

    /** No fall in total variance on the grid and no crossing of the wings beyond it. */
    public boolean arbitrageFree() {
        return violations.isEmpty() && !leftWingsCross && !rightWingsCross;
    }
}
