package io.deltahedger.greeks.surface;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;

/**
 * Fits a raw SVI smile to one expiry's implied-vol quotes.
 *
 * <p>Objective: minimise {@code sum_i lambda_i (vol_SVI(k_i) - v_i)^2} over the quotes, where {@code v_i} is the
 * quote's mid (or mark) vol, {@code k_i = ln(K_i/F)}, and {@code lambda_i} the {@link WeightingMode} weight
 * normalised to a maximum of 1. The constraints ({@code b >= 0}, {@code |rho| < 1}, {@code sigma > 0},
 * minimum total variance {@code > 0} and Lee's wing bound {@code b(1+|rho|) <= 2}) hold at every iterate through the
 * transform in {@link SviObjective}.
 *
 * <p>Starts: for each {@code (m, sigma)} on a grid (9 values of m across the quoted log-moneyness range, 6 values of
 * sigma scaled to that range) raw SVI is linear in {@code (a, b rho, b)}; a weighted linear least-squares fit in
 * total variance (weights {@code lambda_i / (4 w_i T)}, so that it approximates the vol objective) gives a candidate,
 * projected into the constraints. The best {@value #STARTS} candidates by vol cost start Levenberg-Marquardt
 * (analytic Jacobian); the lowest final cost wins.
 *
 * <p>Stateless and thread-safe; allocates (fitting is not a hot path: a 30-quote slice takes well under a
 * millisecond on a quiet core, see docs/volatility-surface.md).
 */
public final class SviFitter {

    /** Raw SVI has five parameters; fewer distinct quotes cannot determine it. */
    public static final int MIN_QUOTES = 5;
    /** Levenberg-Marquardt iteration limit per start unless configured. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    static final int STARTS = 3;
    private static final int GRID_M = 9;
    private static final double[] GRID_SIGMA_FRACTIONS = {0.02, 0.05, 0.1, 0.2, 0.5, 1.0};

    private final WeightingMode weighting;
    private final int maxIterations;

    /** A fitter with the given weighting and {@link #DEFAULT_MAX_ITERATIONS}. */
    public SviFitter(final WeightingMode weighting) {
        this(weighting, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param weighting     how quotes are weighted
     * @param maxIterations Levenberg-Marquardt iteration limit per start, {@code >= 1} (evaluations are limited to
     *                      twice this, plus one)
     */
    public SviFitter(final WeightingMode weighting, final int maxIterations) {
        if (weighting == null) {
            throw new IllegalArgumentException("weighting must be one of " + Arrays.toString(WeightingMode.values())
                    + ", got null");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        this.weighting = weighting;
        this.maxIterations = maxIterations;
    }

    /**
     * Fits the slice.
     *
     * @throws IllegalArgumentException if the slice has fewer than {@link #MIN_QUOTES} quotes, or a quote lacks what
     *                                  the weighting needs (a positive spread for SPREAD, a vega for VEGA)
     */
    public SviFit fit(final SliceQuotes slice) {
        final int n = slice.quotes().size();
        if (n < MIN_QUOTES) {
            throw new IllegalArgumentException("slice at expiry " + slice.expiryYears() + "y has " + n
                    + " quotes; raw SVI has 5 parameters and needs at least " + MIN_QUOTES + " strikes");
        }
        final double t = slice.expiryYears();
        final double[] k = new double[n];
        final double[] vol = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = slice.logMoneyness(i);
            vol[i] = slice.quotes().get(i).midVol();
        }
        final double[] weight = weights(slice);
        final SviObjective objective = new SviObjective(t, k, vol, weight);

        final List<double[]> starts = startingPoints(t, k, vol, weight, objective);
        Run best = null;
        for (final double[] start : starts) {
            final Run run = optimise(objective, start);
            if (best == null || run.cost < best.cost) {
                best = run;
            }
        }
        return report(slice, k, vol, weight, SviObjective.toParameters(best.point), best, starts.size());
    }

    private record Run(double[] point, double cost, FitStatus status, int iterations, int evaluations) {
    }

    private Run optimise(final SviObjective objective, final double[] start) {
        objective.resetBest();
        // A checker that never stops the search, only records the iteration count (also known when LM throws).
        final int[] lastIteration = {0};
        final LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .model(objective)
                .target(new double[objective.size()])
                .lazyEvaluation(false)
                .maxIterations(maxIterations)
                .maxEvaluations(2 * maxIterations + 1)
                .checker((iteration, previous, current) -> {
                    lastIteration[0] = iteration;
                    return false;
                })
                .build();
        FitStatus status = FitStatus.CONVERGED;
        try {
            new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (final TooManyIterationsException | TooManyEvaluationsException e) {
            status = FitStatus.ITERATION_LIMIT;
        } catch (final ConvergenceException e) {
            // LM signals that no further reduction of the cost is possible within machine precision: an exact fit.
            status = FitStatus.CONVERGED;
        }
        return new Run(objective.bestPoint(), objective.bestCost(), status, lastIteration[0],
                objective.evaluationsSinceReset());
    }

    private double[] weights(final SliceQuotes slice) {
        final int n = slice.quotes().size();
        final double[] weight = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            final VolQuote quote = slice.quotes().get(i);
            weight[i] = switch (weighting) {
                case UNIFORM -> 1.0;
                case SPREAD -> {
                    if (!(quote.spreadVol() > 0)) {
                        throw new IllegalArgumentException("quote '" + quote.label() + "' has no bid/ask spread (bid "
                                + quote.bidVol() + ", ask " + quote.askVol() + "); SPREAD weighting needs a positive"
                                + " spread on every quote: use VEGA or UNIFORM weighting for mark quotes");
                    }
                    yield 1.0 / quote.spreadVol();
                }
                case VEGA -> {
                    if (quote.vega().isEmpty()) {
                        throw new IllegalArgumentException("quote '" + quote.label() + "' has no vega; VEGA"
                                + " weighting needs one on every quote (VolQuote.withVega), or use SPREAD or UNIFORM");
                    }
                    yield quote.vega().getAsDouble();
                }
            };
            if (weight[i] > max) {
                max = weight[i];
            }
        }
        int positive = 0;
        for (int i = 0; i < n; i++) {
            weight[i] /= max;
            positive += weight[i] > 0 ? 1 : 0;
        }
        if (!(max > 0) || positive < MIN_QUOTES) {
            throw new IllegalArgumentException("slice at expiry " + slice.expiryYears() + "y has only " + positive
                    + " quotes with a positive " + weighting + " weight; raw SVI needs at least " + MIN_QUOTES);
        }
        return weight;
    }

    /** The best {@link #STARTS} projected candidates of the (m, sigma) grid, by vol cost. */
    private static List<double[]> startingPoints(final double t, final double[] k, final double[] vol,
                                                 final double[] weight, final SviObjective objective) {
        final int n = k.length;
        double kMin = Double.POSITIVE_INFINITY;
        double kMax = Double.NEGATIVE_INFINITY;
        double wMin = Double.POSITIVE_INFINITY;
        final double[] w = new double[n];
        final double[] linearWeight = new double[n];
        // Plain comparisons rather than Math.min/max: OpenJDK 17.0.15's C2 crashes (TypeVect::xmeet) when it
        // vectorises the min/max reductions of this loop; SviFitterJitTest guards it.
        for (int i = 0; i < n; i++) {
            if (k[i] < kMin) {
                kMin = k[i];
            }
            if (k[i] > kMax) {
                kMax = k[i];
            }
            w[i] = vol[i] * vol[i] * t;
            if (w[i] < wMin) {
                wMin = w[i];
            }
            linearWeight[i] = weight[i] / (4 * w[i] * t);
        }
        final double span = Math.max(kMax - kMin, 1e-3);
        final List<double[]> candidates = new ArrayList<>();
        final List<Double> costs = new ArrayList<>();
        for (int im = 0; im < GRID_M; im++) {
            final double m = kMin + span * im / (GRID_M - 1);
            for (final double fraction : GRID_SIGMA_FRACTIONS) {
                final double sigma = span * fraction;
                final SviParameters guess = linearGuess(k, w, linearWeight, m, sigma, wMin);
                if (guess != null) {
                    final double[] u = SviObjective.fromParameters(guess);
                    candidates.add(u);
                    costs.add(objective.cost(u));
                }
            }
        }
        final Integer[] order = new Integer[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(costs::get));
        final List<double[]> starts = new ArrayList<>();
        for (int i = 0; i < Math.min(STARTS, order.length); i++) {
            starts.add(candidates.get(order[i]));
        }
        if (starts.isEmpty()) {
            // Degenerate strikes (every linear system singular): start from a flat smile at the mean variance.
            double mean = 0;
            for (final double wi : w) {
                mean += wi / n;
            }
            starts.add(SviObjective.fromParameters(new SviParameters(mean * 0.9, 1e-3, 0, 0, span)));
        }
        return starts;
    }

    /**
     * For fixed {@code (m, sigma)}, solves the weighted linear least squares {@code w ~ a + d (k - m) + c R} with
     * {@code R = sqrt((k - m)^2 + sigma^2)}, then sets {@code b = c}, {@code rho = d / c} and projects into the fit's
     * constraints. Null if the 3x3 normal equations are singular.
     */
    private static SviParameters linearGuess(final double[] k, final double[] w, final double[] weight,
                                             final double m, final double sigma, final double wMin) {
        final double[][] normal = new double[3][3];
        final double[] rhs = new double[3];
        final double[] f = new double[3];
        for (int i = 0; i < k.length; i++) {
            final double x = k[i] - m;
            f[0] = 1;
            f[1] = x;
            f[2] = Math.sqrt(x * x + sigma * sigma);
            for (int r = 0; r < 3; r++) {
                rhs[r] += weight[i] * f[r] * w[i];
                for (int c = 0; c < 3; c++) {
                    normal[r][c] += weight[i] * f[r] * f[c];
                }
            }
        }
        final double[] solution = solve3(normal, rhs);
        if (solution == null) {
            return null;
        }
        final double bFloor = 1e-6 * Math.max(wMin, 1e-12);
        double b = Math.max(solution[2], bFloor);
        final double rho = Math.max(-0.95, Math.min(0.95, solution[2] > bFloor ? solution[1] / b : 0));
        b = Math.min(b, 0.95 * 2 / (1 + Math.abs(rho)));
        final double floor = b * sigma * Math.sqrt(1 - rho * rho);
        final double minW = Math.max(solution[0] + floor, 0.01 * wMin);
        return new SviParameters(minW - floor, b, rho, m, sigma);
    }

    /** Gaussian elimination with partial pivoting; null if singular. */
    private static double[] solve3(final double[][] a, final double[] y) {
        double scale = 0;
        for (final double[] row : a) {
            for (final double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(a[pivot][col]) > 1e-13 * scale)) {
                return null;
            }
            final double[] rowSwap = a[col];
            a[col] = a[pivot];
            a[pivot] = rowSwap;
            final double ySwap = y[col];
            y[col] = y[pivot];
            y[pivot] = ySwap;
            for (int r = col + 1; r < 3; r++) {
                final double factor = a[r][col] / a[col][col];
                for (int c = col; c < 3; c++) {
                    a[r][c] -= factor * a[col][c];
                }
                y[r] -= factor * y[col];
            }
        }
        final double[] x = new double[3];
        for (int r = 2; r >= 0; r--) {
            double sum = y[r];
            for (int c = r + 1; c < 3; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }

    private SviFit report(final SliceQuotes slice, final double[] k, final double[] vol, final double[] weight,
                          final SviParameters parameters, final Run run, final int starts) {
        final double t = slice.expiryYears();
        final List<QuoteResidual> residuals = new ArrayList<>(k.length);
        double sumVol = 0;
        double sumVar = 0;
        double maxVol = 0;
        double maxVar = 0;
        for (int i = 0; i < k.length; i++) {
            final double fitted = parameters.impliedVolatility(k[i], t);
            final double volResidual = fitted - vol[i];
            final double varResidual = parameters.totalVariance(k[i]) - vol[i] * vol[i] * t;
            residuals.add(new QuoteResidual(slice.quotes().get(i), k[i], vol[i], fitted, volResidual, varResidual,
                    weight[i]));
            sumVol += volResidual * volResidual;
            sumVar += varResidual * varResidual;
            maxVol = Math.max(maxVol, Math.abs(volResidual));
            maxVar = Math.max(maxVar, Math.abs(varResidual));
        }
        return new SviFit(t, slice.forward(), parameters, weighting, run.status, run.iterations, run.evaluations,
                starts, Math.sqrt(sumVol / k.length), maxVol, Math.sqrt(sumVar / k.length), maxVar, residuals);
    }
}
