package io.deltahedger.greeks.impliedvol;

import io.deltahedger.greeks.math.StandardNormal;
import io.deltahedger.greeks.pricing.NormalisedBlack;
import org.apache.commons.numbers.gamma.InverseErf;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * Inverts the normalised out-of-the-money Black function: finds the total volatility {@code s = vol sqrt(T)} with
 * {@code b(x, s) = beta} for {@code x = -|ln(F/K)| <= 0}.
 *
 * <p>Algorithm: {@code b} is convex in s below the inflection point {@code s_c = sqrt(2|x|)} and concave above it,
 * which gives the first bracket ({@code (0, s_c]} or {@code [s_c, inf)}). Below the inflection point the solver works
 * on {@code (-ln b)^(-1/2)}, nearly linear in s deep in the wing where {@code ln b ~ -x^2 / (2 s^2)}; above it on
 * {@code ln b - ln beta} while beta is below half the bound, and otherwise on {@code ln(e^{x/2} - b) -
 * ln(e^{x/2} - beta)}, the log of the distance to the upper bound: each time on the quantity that the input price
 * determines to full relative precision. Halley's method (cubic convergence; the closed-form normalised vega and volga
 * make each step cost one value evaluation) runs inside a bracket that every step tightens, with bisection whenever a
 * step would leave the bracket, so it always terminates. Initial guesses: an asymptotic expansion of the wing
 * ({@code b ~ phi(...) s^3 / x^2}) below {@code s_c}, the exact at-the-money inverse {@code s = 2 sqrt 2 erfInv(beta)}
 * above it. Typically 2 to 5 iterations; stops when a Halley step changes s by less than 1e-7 relative (cubic
 * convergence leaves an error of its cube, below double precision) or the bracket is one ulp wide.
 */
final class NormalisedImpliedVolatility
{
    static final int MAX_ITERATIONS = 100;
    /** A Halley step this small (relative) is the last: the error after it is its cube, below one ulp. */
    static final double CONVERGED_STEP = 1e-7;
    private static final double LN_SQRT_2PI = 0.9189385332046728;

    private NormalisedImpliedVolatility()
    {
    }

    /**
     * @param x          {@code -|ln(F/K)|}.
     * @param beta       the normalised OTM value, {@code 0 < beta < e^{x/2}}.
     * @param complement {@code e^{x/2} - beta}, computed by the caller from the price without the subtraction where
     *                   possible (it is the distance to the upper bound).
     * @param out        receives the iteration count.
     * @return the total volatility s.
     */
    static double solve(final double x, final double beta, final double complement, final ImpliedVolatilityResult out)
    {
        final double sc = Math.sqrt(-2.0 * x);
        // b at the inflection point, where d1 = 0: e^{x/2}/2 - e^{-x/2} N(-s_c) (one erfc; only compared).
        final double atInflection =
            x < 0.0 ? 0.5 * Math.exp(0.5 * x) - Math.exp(-0.5 * x) * StandardNormal.cdf(-sc) : 0.0;
        final boolean belowInflection = beta < atInflection;
        // Work on whichever of beta and its distance to the bound is smaller: that one is known to full precision.
        final boolean onComplement = complement < beta;
        double lo = belowInflection ? 0.0 : sc;
        double hi = belowInflection ? sc : Double.POSITIVE_INFINITY;
        final double lnTarget = Math.log(onComplement ? complement : beta);
        double s;
        if (belowInflection)
        {
            s = lowerGuess(x, lnTarget, sc);
        }
        else
        {
            // Exact at the money (b = erf(s / 2 sqrt 2)), a good start near it.
            final double atm = onComplement ?
                InverseErfc.value(complement) : InverseErf.value(Math.min(beta, 1.0 - 0x1p-53));
            s = Math.max(sc, 2.0 * StandardNormal.SQRT2 * atm);
        }
        final double xSquared = x * x;
        final double transformedTarget = belowInflection ? 1.0 / Math.sqrt(-lnTarget) : 0.0;
        for (int i = 1; i <= MAX_ITERATIONS; i++)
        {
            out.iterations = i;
            final double value = onComplement ? NormalisedBlack.otmComplement(x, s) : NormalisedBlack.otmPrice(x, s);
            final double vega = NormalisedBlack.vega(x, s);
            final double logValue = Math.log(value);
            final double volga = vega * (xSquared / (s * s * s) - 0.25 * s);
            // Derivatives of ln(value): the log distance to the bound falls with s, ln b rises with it.
            final double logFirst = (onComplement ? -vega : vega) / value;
            final double logSecond = (onComplement ? -volga : volga) / value - logFirst * logFirst;
            final double f;
            final double first;
            final double second;
            if (belowInflection)
            {
                // Deep in the wing ln b ~ -x^2 / (2 s^2), so F = (-ln b)^(-1/2) is nearly linear in s.
                final double transformed = 1.0 / Math.sqrt(-logValue);
                final double cubed = transformed * transformed * transformed;
                f = transformed - transformedTarget;
                first = 0.5 * cubed * logFirst;
                second = 0.75 * cubed * transformed * transformed * logFirst * logFirst + 0.5 * cubed * logSecond;
            }
            else
            {
                f = logValue - lnTarget;
                first = logFirst;
                second = logSecond;
            }
            if (onComplement ? f > 0.0 : f < 0.0)
            {
                lo = s;
            }
            else if (f == 0.0)
            {
                return s;
            }
            else
            {
                hi = s;
            }
            final double newton = -f / first;
            final double correction = 1.0 - 0.5 * f * second / (first * first);
            final double step = correction > 0.5 && correction < 2.0 ? newton / correction : newton;
            if (Math.abs(step) <= CONVERGED_STEP * s)
            {
                // Converged: Halley is cubic, so after a step of 1e-7 s the error is ~1e-21 s, below double precision.
                return s + step;
            }
            double next = s + step;
            if (!(next > lo && next < hi))
            {
                next = hi < Double.POSITIVE_INFINITY ? 0.5 * (lo + hi) : 2.0 * Math.max(s, lo);
            }
            if (hi < Double.POSITIVE_INFINITY && hi - lo <= 2.3e-16 * hi)
            {
                return next;
            }
            s = next;
        }
        return s;
    }

    /**
     * Wing guess below the inflection point: solves
     * {@code ln b = -x^2/(2 s^2) - s^2/8 + 3 ln s - 2 ln|x| - ln sqrt(2pi)} (the small-s asymptote of b) by two
     * fixed-point steps from the leading term.
     */
    private static double lowerGuess(final double x, final double lnBeta, final double sc)
    {
        final double absX = -x;
        double s = absX / Math.sqrt(-2.0 * lnBeta);
        for (int i = 0; i < 2; i++)
        {
            final double rhs = 3.0 * Math.log(s) - 2.0 * Math.log(absX) - LN_SQRT_2PI - 0.125 * s * s - lnBeta;
            if (!(rhs > 0.0))
            {
                break;
            }
            s = absX / Math.sqrt(2.0 * rhs);
        }
        return s > 0.0 && s < sc ? s : 0.5 * sc;
    }
}
