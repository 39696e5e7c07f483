package io.deltahedger.greeks;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Erf;

/**
 * The textbook formulas computed with Apache Commons Math 3 only, as directly as they are written: the independent
 * reference the fast kernels are tested against, and the baseline of the benchmarks. No care for cancellation or
 * limits: it is only valid for T &gt; 0 and vol &gt; 0, and loses relative precision deep out of the money where
 * {@code F N(d1) - K N(d2)} subtracts nearly equal terms (which is why agreement is defined relative to the larger
 * term, see {@link #scale()}).
 *
 * <p>Everything is on Black-76 with forward F and discount D; BSM, inverse and linear map to it exactly as
 * docs/greeks.md says. Greeks are those of the Black-76 value with respect to the forward (BSM conversion below).
 */
public final class ReferencePricer
{
    public double price;
    public double delta;
    public double gamma;
    public double vega;
    public double theta;
    public double rho;
    public double vanna;
    public double volga;
    /** The magnitude of the larger term of the reference formula: its own rounding error is ~1e-16 of this. */
    private double scale;

    public double scale()
    {
        return scale;
    }

    /** N(z) from Commons Math 3's erfc (regularised incomplete gamma), accurate in the lower tail. */
    public static double cdf(final double z)
    {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2.0));
    }

    public static double pdf(final double z)
    {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2.0 * Math.PI);
    }

    /** Black-76: value and Greeks with respect to the forward, theta at fixed forward, rho = -T V. */
    public ReferencePricer black76(
        final boolean call, final double f, final double k, final double t, final double vol, final double r)
    {
        final double w = call ? 1.0 : -1.0;
        final double d = Math.exp(-r * t);
        final double sqrtT = Math.sqrt(t);
        final double d1 = (Math.log(f / k) + 0.5 * vol * vol * t) / (vol * sqrtT);
        final double d2 = d1 - vol * sqrtT;
        final double nd1 = cdf(w * d1);
        final double nd2 = cdf(w * d2);
        price = w * d * (f * nd1 - k * nd2);
        scale = d * Math.max(f * nd1, k * nd2);
        delta = w * d * nd1;
        gamma = d * pdf(d1) / (f * vol * sqrtT);
        vega = d * f * pdf(d1) * sqrtT;
        theta = r * price - d * f * pdf(d1) * vol / (2.0 * sqrtT);
        rho = -t * price;
        vanna = -d * pdf(d1) * d2 / vol;
        volga = vega * d1 * d2 / vol;
        return this;
    }

    /** BSM on spot with rate r and carry yield q: Greeks with respect to spot. */
    public ReferencePricer blackScholesMerton(
        final boolean call, final double s, final double k, final double t, final double vol, final double r,
        final double q)
    {
        final double w = call ? 1.0 : -1.0;
        final double sqrtT = Math.sqrt(t);
        final double d1 = (Math.log(s / k) + (r - q + 0.5 * vol * vol) * t) / (vol * sqrtT);
        final double d2 = d1 - vol * sqrtT;
        final double dq = Math.exp(-q * t);
        final double dr = Math.exp(-r * t);
        price = w * (s * dq * cdf(w * d1) - k * dr * cdf(w * d2));
        scale = Math.max(s * dq * cdf(w * d1), k * dr * cdf(w * d2));
        delta = w * dq * cdf(w * d1);
        gamma = dq * pdf(d1) / (s * vol * sqrtT);
        vega = s * dq * pdf(d1) * sqrtT;
        theta = -s * dq * pdf(d1) * vol / (2.0 * sqrtT) - w * (r * k * dr * cdf(w * d2) - q * s * dq * cdf(w * d1));
        rho = w * k * t * dr * cdf(w * d2);
        vanna = -dq * pdf(d1) * d2 / vol;
        volga = vega * d1 * d2 / vol;
        return this;
    }

    /** Inverse: price in coin = Black-76 / F; Greeks of the USD value (Black-76's). */
    public ReferencePricer inverse(
        final boolean call, final double f, final double k, final double t, final double vol, final double r)
    {
        black76(call, f, k, t, vol, r);
        price /= f;
        scale /= f;
        return this;
    }

    /** Implied volatility by Brent's method on the reference Black-76 price, to the solver's full accuracy. */
    public double black76ImpliedVolatility(
        final boolean call, final double f, final double k, final double t, final double targetPrice, final double r)
    {
        final BrentSolver solver = new BrentSolver(1e-300, 1e-15, 1e-300);
        return solver.solve(200, vol -> black76(call, f, k, t, vol, r).price - targetPrice, 1e-6, 10.0);
    }
}
