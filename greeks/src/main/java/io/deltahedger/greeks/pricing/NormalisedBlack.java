package io.deltahedger.greeks.pricing;

import io.deltahedger.greeks.math.StandardNormal;

/**
 * The normalised Black function on which every model and the implied-volatility solver rest.
 *
 * <p>With {@code x = ln(F/K)} and total volatility {@code s = vol * sqrt(T)}, the undiscounted Black-76 call is
 * {@code sqrt(F K) * b(x, s)} with {@code b(x, s) = e^{x/2} N(x/s + s/2) - e^{-x/2} N(x/s - s/2)}. This class works
 * with the out-of-the-money part only: for {@code x <= 0}, {@link #otmPrice(double, double)} is {@code b(x, s)}; an
 * in-the-money option's value is its intrinsic value plus the out-of-the-money value at {@code -|x|} (put-call parity
 * and the symmetry {@code b_put(x) = b_call(-x)}), so nothing is ever computed as a small difference of large terms
 * where that can be avoided.
 *
 * <p>How {@code b(x <= 0, s)} is computed, with {@code h = x/s}, {@code t = s/2} and {@code Y(z) = N(z)/phi(z)}:
 * <ul>
 *   <li>at the money ({@code x = 0}): {@code erf(t / sqrt 2)};</li>
 *   <li>{@code t < 0.005 (1 + |h|)} (the two terms below agree to better than 1%):
 *       {@code b = phi-factor * 2 sum_{k odd} Y^(k)(h) t^k / k!}, a Taylor series of
 *       {@code Y(h+t) - Y(h-t)} whose coefficients are the positive moments {@code Y^(k)(h) = int_0^inf u^k
 *       e^{hu - u^2/2} du}, obtained by the recurrence {@code Y^(k+1) = h Y^(k) + k Y^(k-1)}: forwards for
 *       {@code h >= -3}, and backwards (Miller's algorithm, stable for the decaying solution) for {@code h < -3};</li>
 *   <li>{@code d1 = h + t > 0}: the plain formula (no cancellation: the first term dominates), with one exponential:
 *       {@code e^{x/2} (N(d1) - phi(d1) Y(d2))}, {@code N(d1)} from {@code phi(d1)} and {@code Y(-d1)};</li>
 *   <li>otherwise: {@code b = e^{-(h^2+t^2)/2} (Y(h+t) - Y(h-t)) / sqrt(2 pi)} with {@code Y} from {@code erfcx}.</li>
 * </ul>
 * No branch subtracts terms that agree to more than about two digits, so the result is accurate to ~1e-14 relative
 * wherever it does not underflow, which is what lets the implied-volatility solver reach 1e-12 relative in price deep
 * in the wings. All methods are static, pure and allocation-free.
 */
public final class NormalisedBlack
{
    /**
     * The small-t series replaces the plain or Mills-ratio difference when {@code t < SERIES_THRESHOLD (1 + |h|)},
     * i.e. when the two terms would agree to better than 1% (a loss of more than two digits). Since {@code |h| < 38.6}
     * wherever the value does not underflow, the series only ever runs for {@code t < 0.2}.
     */
    static final double SERIES_THRESHOLD = 0.005;
    /** Highest odd moment used by the small-t series: the next term is below 1e-17 of the sum for t < 0.21. */
    private static final int SERIES_ORDER = 19;
    /** 1/n for n up to the deepest backward recurrence of {@link #oddMomentSeries} (depth 64 at h just below -3). */
    private static final double[] RECIPROCALS = reciprocals(SERIES_ORDER + 5 + 40 + 1);
    /** exp(-745.2) underflows to 0. */
    private static final double EXP_UNDERFLOW = -745.2;

    private NormalisedBlack()
    {
    }

    /**
     * The normalised out-of-the-money Black value {@code b(x, s)} for {@code x <= 0} (an OTM call, or an OTM put
     * reflected to {@code -|x|}), {@code s >= 0}. 0 when {@code s = 0} or when the value underflows.
     */
    public static double otmPrice(final double x, final double s)
    {
        return otmPrice(x, s, null);
    }

    /**
     * {@link #otmPrice(double, double)} that also leaves {@code Y(d1) = N(d1)/phi(d1)} and {@code Y(d2)} of the
     * out-of-the-money pair in {@code ratios} when its branch computed them (the Mills-ratio branch), NaN otherwise,
     * so the kernel gets delta without another {@code erfc}. {@code ratios} may be null.
     */
    static double otmPrice(final double x, final double s, final OptionGreeks ratios)
    {
        if (ratios != null)
        {
            ratios.ratioD1 = Double.NaN;
            ratios.ratioD2 = Double.NaN;
        }
        if (s <= 0.0)
        {
            return 0.0;
        }
        final double t = 0.5 * s;
        if (x == 0.0)
        {
            return StandardNormal.centralProbability(t);
        }
        final double h = x / s;
        final double d1 = h + t;
        // The two terms differ by about 2t / (1 + |h|) of themselves: below 1% use the series, which has no
        // cancellation, so no branch loses more than ~2 digits.
        final boolean series = t < SERIES_THRESHOLD * (1.0 - h);
        if (!series && d1 > 0.0)
        {
            final double halfForwardRatio = Math.exp(0.5 * x);
            if (halfForwardRatio == 0.0)
            {
                return 0.0;
            }
            return plainPrice(halfForwardRatio, d1, h - t);
        }
        final double exponent = -0.5 * (h * h + t * t);
        if (exponent < EXP_UNDERFLOW)
        {
            return 0.0;
        }
        final double scale = StandardNormal.INV_SQRT_2PI * Math.exp(exponent);
        if (series)
        {
            return scale * 2.0 * oddMomentSeries(h, t);
        }
        final double ratio1 = StandardNormal.cdfOverPdf(d1);
        final double ratio2 = StandardNormal.cdfOverPdf(h - t);
        if (ratios != null)
        {
            ratios.ratioD1 = ratio1;
            ratios.ratioD2 = ratio2;
        }
        return scale * (ratio1 - ratio2);
    }

    /**
     * {@code b = e^{x/2} N(d1) - e^{-x/2} N(d2)} for {@code d1 > 0} with one exponential besides {@code e^{x/2}}:
     * {@code phi(d2) = phi(d1) e^x} (as {@code d2^2 = d1^2 - 2x}), so {@code e^{-x/2} N(d2) = e^{x/2} phi(d1) Y(d2)}
     * and {@code N(-d1) = phi(d1) Y(-d1)}, with {@code Y = N / phi} a pure rational away from 0.
     */
    private static double plainPrice(final double halfForwardRatio, final double d1, final double d2)
    {
        final double pdf1 = StandardNormal.pdf(d1);
        final double cdfMinusD1 = StandardNormal.cdf(-d1, pdf1);
        return halfForwardRatio * ((1.0 - cdfMinusD1) - pdf1 * StandardNormal.cdfOverPdf(d2));
    }

    /**
     * {@code e^{x/2} - b(x, s)} for {@code x <= 0}: the distance of the normalised OTM value to its upper bound, as
     * {@code e^{x/2} N(-d1) + e^{-x/2} N(d2)}, a sum of positive terms (accurate when the value nears the bound).
     */
    public static double otmComplement(final double x, final double s)
    {
        final double halfForwardRatio = Math.exp(0.5 * x);
        if (s <= 0.0)
        {
            return halfForwardRatio;
        }
        final double t = 0.5 * s;
        final double h = x / s;
        return halfForwardRatio * StandardNormal.cdf(-(h + t)) + StandardNormal.cdf(h - t) / halfForwardRatio;
    }

    /**
     * The normalised vega {@code db/ds = e^{-(x^2/s^2 + s^2/4)/2} / sqrt(2 pi)}, the same for calls and puts and
     * for any sign of x; 0 at {@code s = 0} unless {@code x = 0}.
     */
    public static double vega(final double x, final double s)
    {
        if (s <= 0.0)
        {
            return x == 0.0 ? StandardNormal.INV_SQRT_2PI : 0.0;
        }
        final double h = x / s;
        final double t = 0.5 * s;
        return StandardNormal.INV_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t));
    }

    /** {@code sum_{k odd} Y^(k)(h) t^k / k!} for {@code h <= 0}, {@code 0 < t < 0.21}. */
    static double oddMomentSeries(final double h, final double t)
    {
        final double a = -h;
        final double y0 = StandardNormal.cdfOverPdf(h);
        final double tSquared = t * t;
        if (a <= 3.0)
        {
            // Forward recurrence: for h >= -3 the cancellation in 1 + h*Y(h) costs at most ~1 digit.
            double previous = y0;
            double current = 1.0 + h * y0;
            double power = t;
            double sum = current * power;
            for (int k = 1; k < SERIES_ORDER; k += 2)
            {
                final double even = h * current + k * previous;
                final double odd = h * even + (k + 1) * current;
                previous = even;
                current = odd;
                power *= tSquared / ((k + 1.0) * (k + 2.0));
                final double term = current * power;
                sum += term;
                if (term <= 1e-17 * sum)
                {
                    break;
                }
            }
            return sum;
        }
        // Backward recurrence y_{n-1} = (y_{n+1} + a y_n) / n from y_{N+1} = 0, y_N = 1 (Miller). The depth was found
        // by experiment against depth 150: within 6e-16 relative for 3 <= a <= 38 and t < 0.21 (64 steps at a = 3,
        // 24 for a >= 19).
        // The recurrence is a serial chain, so: multiplications by tabulated reciprocals instead of divisions (a
        // division's latency is three times a multiply-add's), and two steps at a time, the second straight from
        // the same pair, y_{n-2} = y_n (1 + a^2/n) / (n-1) + y_{n+1} a / (n (n-1)), so that the chain is one
        // multiply and one fma per two steps. Every term is positive (no cancellation), and the extra half-ulp
        // roundings are damped by the backward recurrence like every other rounding in it. The depth is rounded
        // up to even (one more step only adds accuracy).
        int depth = SERIES_ORDER + 5 + (int)(360.0 / (a * a));
        depth += depth & 1;
        final double aSquared = a * a;
        double next = 0.0;
        double current = 1.0;
        double horner = 0.0;
        for (int n = depth; n >= 2; n -= 2)
        {
            final double reciprocal = RECIPROCALS[n];
            final double reciprocalBelow = RECIPROCALS[n - 1];
            final double odd = Math.fma(a, current, next) * reciprocal; // y_{n-1}, n - 1 odd
            final double even = Math.fma(
                current, Math.fma(aSquared, reciprocal, 1.0) * reciprocalBelow, next * (a * reciprocal * reciprocalBelow));
            final int k = n - 1;
            if (k <= SERIES_ORDER)
            {
                horner = odd + horner * tSquared * RECIPROCALS[k + 1] * RECIPROCALS[k + 2];
            }
            next = odd;
            current = even;
            if (current > 1e250)
            {
                current *= 1e-250;
                next *= 1e-250;
                horner *= 1e-250;
            }
        }
        // Now current = z_0 is proportional to y0 with the same factor as horner's terms.
        return t * horner * (y0 / current);
    }

    private static double[] reciprocals(final int size)
    {
        final double[] reciprocals = new double[size];
        for (int n = 1; n < size; n++)
        {
            reciprocals[n] = 1.0 / n;
        }
        return reciprocals;
    }
}
