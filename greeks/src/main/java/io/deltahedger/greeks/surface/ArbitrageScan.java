package io.deltahedger.greeks.surface;

import java.util.ArrayList;
import java.util.List;

/**
 * Static-arbitrage checks on raw SVI smiles, following Gatheral and Jacquier, "Arbitrage-free SVI volatility
 * surfaces" (Quantitative Finance, 2014).
 *
 * <ul>
 *   <li><b>Butterfly</b>: a smile is free of butterfly arbitrage iff the risk-neutral density it implies is
 *       non-negative, i.e. iff {@code g(k) = (1 - k w'/(2w))^2 - (w'^2/4)(1/w + 1/4) + w''/2 >= 0} for all k
 *       (and {@code d_+(k) -> -infinity} as {@code k -> infinity}, which holds when the right wing slope is below 2).
 *       The scan evaluates g on a grid and adds the analytic wing condition (Lee's bound on both wing slopes).</li>
 *   <li><b>Calendar</b>: free of calendar arbitrage iff total variance is non-decreasing in expiry at every k. The
 *       scan compares adjacent smiles on a grid and adds the wing condition: if the later smile's wing slope is
 *       strictly smaller, the two smiles cross beyond some k.</li>
 * </ul>
 * Stateless; allocates its reports (a diagnostic, not a hot path).
 */
public final class ArbitrageScan {

    private ArbitrageScan() {
    }

    /**
     * The Gatheral-Jacquier density function g(k) of a smile. Non-negative everywhere iff there is no butterfly
     * arbitrage. {@code -Infinity} where total variance is zero (a zero-vol strike on a smile that is not zero
     * everywhere is an arbitrage).
     */
    public static double gatheralJacquierG(final SviParameters smile, final double k) {
        if (!Double.isFinite(k)) {
            throw new IllegalArgumentException("log-moneyness k must be finite, got " + k);
        }
        return g(k, smile.totalVariance(k), smile.totalVarianceSlope(k), smile.totalVarianceCurvature(k));
    }

    /** g(k) from total variance and its first two derivatives at k. */
    private static double g(final double k, final double w, final double w1, final double w2) {
        if (!(w > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        final double first = 1 - k * w1 / (2 * w);
        return first * first - w1 * w1 / 4 * (1 / w + 0.25) + w2 / 2;
    }

    /** Scans {@code g(k)} over the grid and reports where it is negative, with the wing slopes. */
    public static ButterflyReport butterfly(final SviParameters smile, final LogMoneynessGrid grid) {
        final Runs runs = new Runs();
        double minG = Double.POSITIVE_INFINITY;
        double minGAt = grid.from();
        for (int i = 0; i < grid.points(); i++) {
            final double k = grid.at(i);
            final double g = gatheralJacquierG(smile, k);
            if (g < minG) {
                minG = g;
                minGAt = k;
            }
            runs.add(k, g);
        }
        return new ButterflyReport(grid, minG, minGAt, runs.finish(), smile.leftWingSlope(), smile.rightWingSlope());
    }

    /**
     * Scans g(k) of the smile interpolated linearly in total variance between two smiles,
     * {@code w(k) = (1 - x) w_earlier(k) + x w_later(k)}, as {@link VolSurface} does between expiries (with
     * {@code x = (T - T_earlier) / (T_later - T_earlier)}). Such a smile is not raw SVI, and it can have butterfly
     * arbitrage even when both ends have none.
     *
     * @param laterWeight {@code x}, within [0, 1]
     */
    public static ButterflyReport butterflyInterpolated(final SviParameters earlier, final SviParameters later,
                                                        final double laterWeight, final LogMoneynessGrid grid) {
        if (!(laterWeight >= 0 && laterWeight <= 1)) {
            throw new IllegalArgumentException("interpolation weight of the later smile must be within [0, 1], got "
                    + laterWeight);
        }
        final double x = laterWeight;
        final Runs runs = new Runs();
        double minG = Double.POSITIVE_INFINITY;
        double minGAt = grid.from();
        for (int i = 0; i < grid.points(); i++) {
            final double k = grid.at(i);
            final double g = g(k,
                    (1 - x) * earlier.totalVariance(k) + x * later.totalVariance(k),
                    (1 - x) * earlier.totalVarianceSlope(k) + x * later.totalVarianceSlope(k),
                    (1 - x) * earlier.totalVarianceCurvature(k) + x * later.totalVarianceCurvature(k));
            if (g < minG) {
                minG = g;
                minGAt = k;
            }
            runs.add(k, g);
        }
        return new ButterflyReport(grid, minG, minGAt, runs.finish(),
                (1 - x) * earlier.leftWingSlope() + x * later.leftWingSlope(),
                (1 - x) * earlier.rightWingSlope() + x * later.rightWingSlope());
    }

    /**
     * Compares the total variance of two smiles of increasing expiry on the grid.
     *
     * @throws IllegalArgumentException unless {@code 0 < earlierExpiryYears < laterExpiryYears}
     */
    public static CalendarReport calendar(final double earlierExpiryYears, final SviParameters earlier,
                                          final double laterExpiryYears, final SviParameters later,
                                          final LogMoneynessGrid grid) {
        if (!(earlierExpiryYears > 0 && laterExpiryYears > earlierExpiryYears)
                || laterExpiryYears == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("calendar check needs finite expiries 0 < earlier < later, got earlier="
                    + earlierExpiryYears + " later=" + laterExpiryYears);
        }
        final Runs runs = new Runs();
        double minIncrease = Double.POSITIVE_INFINITY;
        double minIncreaseAt = grid.from();
        for (int i = 0; i < grid.points(); i++) {
            final double k = grid.at(i);
            final double increase = later.totalVariance(k) - earlier.totalVariance(k);
            if (increase < minIncrease) {
                minIncrease = increase;
                minIncreaseAt = k;
            }
            runs.add(k, increase);
        }
        return new CalendarReport(earlierExpiryYears, laterExpiryYears, grid, minIncrease, minIncreaseAt,
                runs.finish(), later.leftWingSlope() < earlier.leftWingSlope(),
                later.rightWingSlope() < earlier.rightWingSlope());
    }

    /** Collects runs of consecutive grid points with a negative value. */
    private static final class Runs {
        private final List<KRange> ranges = new ArrayList<>();
        private boolean open;
        private double from;
        private double last;
        private double worst;
        private double worstAt;

        void add(final double k, final double value) {
            if (value < 0) {
                if (!open) {
                    open = true;
                    from = k;
                    worst = value;
                    worstAt = k;
                } else if (value < worst) {
                    worst = value;
                    worstAt = k;
                }
                last = k;
            } else {
                close();
            }
        }

        List<KRange> finish() {
            close();
            return ranges;
        }

        private void close() {
            if (open) {
                ranges.add(new KRange(from, last, worst, worstAt));
                open = false;
            }
        }
    }
}
