package io.deltahedger.greeks.surface;

/**
 * A run of consecutive grid points where an arbitrage condition fails.
 *
 * @param from  first failing grid point (log-moneyness)
 * @param to    last failing grid point (log-moneyness)
 * @param worst the most negative value of the checked quantity in the run (g(k) for butterflies, the total-variance
 *              increase for calendars)
 * @param worstAt the grid point where {@code worst} occurs
 */
public record KRange(double from, double to, double worst, double worstAt) {
}
