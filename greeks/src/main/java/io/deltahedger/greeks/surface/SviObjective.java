package io.deltahedger.greeks.surface;

import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The weighted vol residuals of one raw SVI slice as a function of unconstrained coordinates {@code u}, with their
 * analytic Jacobian, for Commons Math's least-squares optimisers (which minimise the sum of squared values when the
 * target is zero).
 *
 * <p>The transform {@code u -> (a, b, rho, m, sigma)} keeps every iterate valid, so the optimiser never sees an
 * invalid smile:
 * <pre>
 *   minW  = exp(u0)                        minimum total variance, > 0, so w(k) > 0 and vol is defined everywhere
 *   rho   = tanh(u2)                       |rho| < 1
 *   b     = 2 / (1 + |rho|) * logistic(u1) 0 <= b <= 2/(1+|rho|): Lee's wing bound b(1+|rho|) <= 2 always holds
 *   m     = u3
 *   sigma = exp(u4)                        sigma > 0
 *   a     = minW - b sigma sqrt(1 - rho^2)
 * </pre>
 * Each coordinate is clamped to a finite box (e.g. |u2| <= 7, so |rho| <= 0.999998) so that no iterate overflows;
 * outside the box the function is flat and its derivative is zero, consistently.
 *
 * <p>Residual {@code i} is {@code sqrt(lambda_i) * (vol_i(u) - marketVol_i)} with {@code vol = sqrt(w / T)}.
 * The objective also remembers the lowest-cost point it has evaluated, so that a run stopped by an iteration limit
 * still yields its best smile. Not thread-safe: one fit owns one instance.
 */
final class SviObjective implements MultivariateJacobianFunction {

    static final int PARAMETER_COUNT = 5;
    private static final double U0_MIN = -60;          // minW >= 8.8e-27
    private static final double U0_MAX = 5;            // minW <= 148: a total variance far above any real market
    private static final double U2_MAX = 7;            // |rho| <= 0.999998
    private static final double U3_MAX = 50;           // |m| <= 50 in log-moneyness
    private static final double U4_MIN = Math.log(1e-8);
    private static final double U4_MAX = Math.log(50);

    private final double expiryYears;
    private final double[] logMoneyness;
    private final double[] marketVol;
    private final double[] sqrtWeight;
    private final double[] values;
    private final double[][] jacobian;
    private double bestCost = Double.POSITIVE_INFINITY;
    private int evaluations;
    private final double[] bestPoint = new double[PARAMETER_COUNT];

    SviObjective(final double expiryYears, final double[] logMoneyness, final double[] marketVol,
                 final double[] weight) {
        this.expiryYears = expiryYears;
        this.logMoneyness = logMoneyness.clone();
        this.marketVol = marketVol.clone();
        this.sqrtWeight = new double[weight.length];
        for (int i = 0; i < weight.length; i++) {
            sqrtWeight[i] = Math.sqrt(weight[i]);
        }
        this.values = new double[logMoneyness.length];
        this.jacobian = new double[logMoneyness.length][PARAMETER_COUNT];
    }

    @Override
    public Pair<RealVector, RealMatrix> value(final RealVector point) {
        final double[] u = point.toArray();
        final double cost = evaluate(u, values, jacobian);
        evaluations++;
        remember(u, cost);
        return new Pair<>(new ArrayRealVector(values, true), new Array2DRowRealMatrix(jacobian, true));
    }

    /** Weighted sum of squared residuals at {@code u}, remembered if it is the best so far. */
    double cost(final double[] u) {
        final double cost = evaluate(u, values, null);
        remember(u, cost);
        return cost;
    }

    double bestCost() {
        return bestCost;
    }

    double[] bestPoint() {
        return bestPoint.clone();
    }

    /** Forgets the remembered best point and the evaluation count (before another start). */
    void resetBest() {
        bestCost = Double.POSITIVE_INFINITY;
        evaluations = 0;
    }

    /** Optimiser evaluations (with Jacobian) since {@link #resetBest()}. */
    int evaluationsSinceReset() {
        return evaluations;
    }

    /** Number of quotes, i.e. residuals. */
    int size() {
        return values.length;
    }

    private void remember(final double[] u, final double cost) {
        if (cost < bestCost) {
            bestCost = cost;
            System.arraycopy(u, 0, bestPoint, 0, PARAMETER_COUNT);
        }
    }

    /**
     * Fills the weighted residuals (and the Jacobian rows when {@code jac} is not null) and returns the cost.
     */
    double evaluate(final double[] u, final double[] out, final double[][] jac) {
        final double u0 = clamp(u[0], U0_MIN, U0_MAX);
        final double u2 = clamp(u[2], -U2_MAX, U2_MAX);
        final double u3 = clamp(u[3], -U3_MAX, U3_MAX);
        final double u4 = clamp(u[4], U4_MIN, U4_MAX);
        final double minW = Math.exp(u0);
        final double s = logistic(u[1]);
        final double rho = Math.tanh(u2);
        final double m = u3;
        final double sigma = Math.exp(u4);
        final double absRho = Math.abs(rho);
        final double b = 2.0 / (1.0 + absRho) * s;
        final double sq = Math.sqrt(1 - rho * rho);

        // Chain-rule factors from u to (minW, b, rho, m, sigma); zero where a coordinate is clamped.
        final double dMinWdU0 = u[0] == u0 ? minW : 0;
        final double dBdU1 = b * (1 - s);
        final double dRhodU2 = u[2] == u2 ? 1 - rho * rho : 0;
        final double dMdU3 = u[3] == u3 ? 1 : 0;
        final double dSigmadU4 = u[4] == u4 ? sigma : 0;
        final double dBdRho = -b * Math.signum(rho) / (1 + absRho);

        double cost = 0;
        for (int i = 0; i < out.length; i++) {
            final double x = logMoneyness[i] - m;
            final double r = Math.sqrt(x * x + sigma * sigma);
            final double shape = rho * x + r - sigma * sq;     // >= 0: w - minW over b
            final double w = minW + b * shape;
            final double vol = Math.sqrt(w / expiryYears);
            final double residual = sqrtWeight[i] * (vol - marketVol[i]);
            out[i] = residual;
            cost += residual * residual;
            if (jac != null) {
                final double scale = sqrtWeight[i] / (2 * vol * expiryYears);   // d(weighted vol)/dw
                final double dwdB = shape;
                final double dwdRhoAtFixedB = b * (x + sigma * rho / sq);
                final double dwdM = -b * (rho + x / r);
                final double dwdSigma = b * (sigma / r - sq);
                final double[] row = jac[i];
                row[0] = scale * dMinWdU0;
                row[1] = scale * dwdB * dBdU1;
                row[2] = scale * (dwdRhoAtFixedB + dwdB * dBdRho) * dRhodU2;
                row[3] = scale * dwdM * dMdU3;
                row[4] = scale * dwdSigma * dSigmadU4;
            }
        }
        return cost;
    }

    /** The smile at coordinates {@code u} (clamped like {@link #evaluate}). */
    static SviParameters toParameters(final double[] u) {
        final double minW = Math.exp(clamp(u[0], U0_MIN, U0_MAX));
        final double rho = Math.tanh(clamp(u[2], -U2_MAX, U2_MAX));
        final double b = 2.0 / (1.0 + Math.abs(rho)) * logistic(u[1]);
        final double m = clamp(u[3], -U3_MAX, U3_MAX);
        final double sigma = Math.exp(clamp(u[4], U4_MIN, U4_MAX));
        final double floor = b * sigma * Math.sqrt(1 - rho * rho);
        double a = minW - floor;
        while (a + floor < 0) {
            a = Math.nextUp(a);   // rounding must not push the minimum below zero
        }
        return new SviParameters(a, b, rho, m, sigma);
    }

    /**
     * Coordinates of a smile strictly inside the transform's range: {@code minimumTotalVariance() > 0},
     * {@code 0 < b < 2/(1+|rho|)} and {@code |rho| < tanh(7)}. Callers project a guess inside first.
     */
    static double[] fromParameters(final SviParameters p) {
        final double minW = p.minimumTotalVariance();
        final double share = p.b() * (1 + Math.abs(p.rho())) / 2.0;
        if (!(minW > 0) || !(share > 0 && share < 1) || !(Math.abs(p.rho()) < Math.tanh(U2_MAX))) {
            throw new IllegalArgumentException("SVI start " + p + " is not strictly inside the fit's constraints"
                    + " (need minimum total variance > 0, 0 < b(1+|rho|) < 2, |rho| < tanh(7))");
        }
        return new double[] {
            Math.log(minW), Math.log(share / (1 - share)), atanh(p.rho()), p.m(), Math.log(p.sigma())
        };
    }

    private static double logistic(final double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static double atanh(final double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    private static double clamp(final double x, final double lo, final double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
