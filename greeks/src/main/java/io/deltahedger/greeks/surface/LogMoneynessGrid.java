package io.deltahedger.greeks.surface;

/**
 * An evenly spaced grid of log-moneyness points on which the arbitrage checks are scanned.
 *
 * @param from   first point
 * @param to     last point, {@code > from}
 * @param points number of points, {@code >= 2}
 */
public record LogMoneynessGrid(double from, double to, int points) {

    /** The default scan: k in [-2, 2] (strikes from 0.14 F to 7.4 F) at 801 points, a step of 0.005. */
    public static final LogMoneynessGrid DEFAULT = new LogMoneynessGrid(-2, 2, 801);

    public LogMoneynessGrid {
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) {
            throw new IllegalArgumentException("log-moneyness grid needs finite from < to, got from=" + from
                    + " to=" + to);
        }
        if (points < 2) {
            throw new IllegalArgumentException("log-moneyness grid needs at least 2 points, got " + points);
        }
    }

    /** The i-th point, {@code 0 <= i < points}. */
    public double at(final int i) {
        return i == points - 1 ? to : from + (to - from) * i / (points - 1);
    }
}
