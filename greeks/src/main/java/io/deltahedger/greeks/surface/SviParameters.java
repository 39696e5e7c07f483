package io.deltahedger.greeks.surface;

/**
 * One raw SVI smile (Gatheral 2004) in total implied variance:
 * {@code w(k) = a + b (rho (k - m) + sqrt((k - m)^2 + sigma^2))}, with {@code k = ln(K/F)} and
 * {@code w = vol^2 * T}. The parameters describe total variance, so they do not depend on the expiry; the expiry is
 * only needed to turn total variance into a volatility.
 *
 * <p>Validated on construction: all finite, {@code b >= 0}, {@code |rho| < 1}, {@code sigma > 0} and
 * {@code a + b sigma sqrt(1 - rho^2) >= 0}, which is the minimum of {@code w} over {@code k}, so {@code w >= 0}
 * everywhere. Wing slopes are not constrained here (so that arbitrageable smiles can be represented and checked):
 * see {@link #satisfiesLeeWingBound()} and {@link ArbitrageScan}.
 *
 * @param a     vertical level of the smile (total variance)
 * @param b     wing steepness, {@code >= 0} (total variance per unit of log-moneyness)
 * @param rho   skew, the rotation of the smile, {@code -1 < rho < 1}
 * @param m     horizontal translation (log-moneyness)
 * @param sigma ATM curvature, the smoothness of the vertex, {@code > 0} (log-moneyness)
 */
public record SviParameters(double a, double b, double rho, double m, double sigma) {

    /**
     * Roger Lee's moment formula bounds the large-|k| slope of total variance, {@code limsup w(k)/|k|}, by 2. For
     * raw SVI the wing slopes are {@code b(1 - rho)} (left) and {@code b(1 + rho)} (right), so the bound reads
     * {@code b (1 + |rho|) <= 2}. (Written for SVI in variance rather than total variance this is
     * {@code b (1 + |rho|) <= 2/T}; the {@code 4/T} often quoted from Gatheral 2004 is the weaker Rogers-Tehranchi
     * bound {@code |dw/dk| <= 4}, which this one implies.)
     */
    public static final double LEE_MAX_WING_SLOPE = 2.0;

    public SviParameters {
        requireFinite("a", a);
        requireFinite("b", b);
        requireFinite("rho", rho);
        requireFinite("m", m);
        requireFinite("sigma", sigma);
        if (b < 0) {
            throw new IllegalArgumentException("SVI b must be >= 0 (it scales both wings), got " + b
                    + "; a negative b turns the smile upside down");
        }
        if (!(Math.abs(rho) < 1)) {
            throw new IllegalArgumentException("SVI rho must satisfy -1 < rho < 1, got " + rho
                    + "; |rho| = 1 makes one wing flat and the parameterisation degenerate");
        }
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("SVI sigma must be > 0 (ATM curvature), got " + sigma
                    + "; use a small positive value such as 1e-4 for a sharp vertex");
        }
        final double minimum = a + b * sigma * Math.sqrt(1 - rho * rho);
        if (minimum < 0) {
            throw new IllegalArgumentException("SVI minimum total variance a + b*sigma*sqrt(1-rho^2) = " + minimum
                    + " is negative (a=" + a + ", b=" + b + ", rho=" + rho + ", sigma=" + sigma
                    + "); raise a to at least " + (a - minimum) + " so that total variance stays >= 0");
        }
    }

    private static void requireFinite(final String name, final double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("SVI parameter " + name + " must be finite, got " + value);
        }
    }

    /** Total implied variance {@code w(k)} at log-moneyness {@code k}. */
    public double totalVariance(final double k) {
        return totalVariance(a, b, rho, m, sigma, k);
    }

    /** First derivative {@code dw/dk = b (rho + (k - m) / sqrt((k - m)^2 + sigma^2))}. */
    public double totalVarianceSlope(final double k) {
        final double x = k - m;
        return b * (rho + x / Math.sqrt(x * x + sigma * sigma));
    }

    /** Second derivative {@code d2w/dk2 = b sigma^2 / ((k - m)^2 + sigma^2)^(3/2)}, always {@code >= 0}. */
    public double totalVarianceCurvature(final double k) {
        final double x = k - m;
        final double r2 = x * x + sigma * sigma;
        return b * sigma * sigma / (r2 * Math.sqrt(r2));
    }

    /** Implied volatility {@code sqrt(w(k) / T)} for an expiry of {@code expiryYears > 0}. */
    public double impliedVolatility(final double k, final double expiryYears) {
        if (!(expiryYears > 0) || expiryYears == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("expiryYears must be finite and > 0 to turn total variance into a"
                    + " volatility, got " + expiryYears);
        }
        return Math.sqrt(totalVariance(k) / expiryYears);
    }

    /** The minimum of {@code w} over all k, {@code a + b sigma sqrt(1 - rho^2)}, reached at
     * {@code k = m - rho sigma / sqrt(1 - rho^2)}. */
    public double minimumTotalVariance() {
        return a + b * sigma * Math.sqrt(1 - rho * rho);
    }

    /** Asymptotic slope of {@code w} as {@code k -> -infinity}: {@code b (1 - rho)}. */
    public double leftWingSlope() {
        return b * (1 - rho);
    }

    /** Asymptotic slope of {@code w} as {@code k -> +infinity}: {@code b (1 + rho)}. */
    public double rightWingSlope() {
        return b * (1 + rho);
    }

    /** Whether both wing slopes respect Lee's bound, {@code b (1 + |rho|) <= 2} (see {@link #LEE_MAX_WING_SLOPE}). */
    public boolean satisfiesLeeWingBound() {
        return b * (1 + Math.abs(rho)) <= LEE_MAX_WING_SLOPE;
    }

    /** The raw SVI formula on primitives, shared with the allocation-free surface. */
    static double totalVariance(final double a, final double b, final double rho, final double m,
                                final double sigma, final double k) {
        final double x = k - m;
        return a + b * (rho * x + Math.sqrt(x * x + sigma * sigma));
    }
}
