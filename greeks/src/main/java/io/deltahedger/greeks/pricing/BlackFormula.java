package io.deltahedger.greeks.pricing;

import io.deltahedger.greeks.math.StandardNormal;

/**
 * The Black-76 value and Greeks of a European option on a forward, discounted at a continuously compounded rate.
 * Every model is built on this kernel. Static, allocation-free; inputs are assumed validated by the caller.
 *
 * <p>Limits, chosen so that every valid input gives finite numbers:
 * <ul>
 *   <li>expiry {@code T < 0}: the option has expired and settled; value and every Greek are 0;</li>
 *   <li>{@code T = 0}: the value is the payoff {@code max(w(F-K), 0)}; delta is the step 1 / 0 (1/2 exactly at the
 *       money, the limit of {@code N(d1)} as the total volatility goes to 0); all other Greeks are 0;</li>
 *   <li>{@code T > 0} and total volatility {@code vol sqrt(T) < 1e-150} (zero vol): the discounted payoff
 *       {@code D max(w(F-K), 0)}; delta {@code w D} in the money, 0 out of it, {@code w D / 2} at the money; gamma
 *       and volga 0; at the money vega {@code D F sqrt(T) phi(0)} and vanna {@code D sqrt(T) phi(0) / 2} keep their
 *       finite limits; theta {@code r V} (less the at-the-money vol term); rho {@code -T V}.</li>
 * </ul>
 */
final class BlackFormula
{
    private BlackFormula()
    {
    }

    /**
     * Fills {@code out} with the Black-76 value and its sensitivities with respect to the forward (delta, gamma,
     * vanna), vol (vega, volga), {@code -d/dT} at a fixed forward (theta) and the discount rate at a fixed forward
     * (rho = -T V).
     */
    static void price(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double vol,
        final double rate, final OptionGreeks out)
    {
        price(type, forward, strike, logMoneyness(forward, strike), expiryYears, vol, rate, out);
    }

    /**
     * As {@link #price(OptionType, double, double, double, double, double, OptionGreeks)} with {@code ln(F/K)} given
     * by the caller: BSM passes {@code ln(S/K) + (r - q) T}, which is more precise near the money than the log of a
     * rounded forward (one ulp of F is 1e-9 of a one-minute {@code (r - q) T}).
     */
    static void price(
        final OptionType type, final double forward, final double strike, final double logMoneyness,
        final double expiryYears, final double vol, final double rate, final OptionGreeks out)
    {
        if (expiryYears < 0.0)
        {
            out.set(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
            return;
        }
        final double w = type.sign();
        final double intrinsic = Math.max(w * (forward - strike), 0.0);
        if (expiryYears == 0.0)
        {
            out.set(intrinsic, w * step(w, forward, strike) + 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
            return;
        }
        final double discount = Math.exp(-rate * expiryYears);
        final double sqrtT = Math.sqrt(expiryYears);
        final double s = vol * sqrtT;
        if (s < OptionInputs.MIN_TOTAL_VOLATILITY)
        {
            final double value = discount * intrinsic;
            final boolean atTheMoney = forward == strike;
            final double atmVega = atTheMoney ? discount * forward * sqrtT * StandardNormal.INV_SQRT_2PI : 0.0;
            final double atmVanna = atTheMoney ? 0.5 * discount * sqrtT * StandardNormal.INV_SQRT_2PI : 0.0;
            final double atmTheta =
                atTheMoney ? 0.5 * discount * forward * StandardNormal.INV_SQRT_2PI * vol / sqrtT : 0.0;
            out.set(
                value, w * discount * step(w, forward, strike) + 0.0, 0.0, atmVega, rate * value - atmTheta,
                -expiryYears * value, atmVanna, 0.0);
            return;
        }
        final double x = logMoneyness;
        final double otm = NormalisedBlack.otmPrice(-Math.abs(x), s, out);
        final double undiscounted = intrinsic + Math.sqrt(forward) * Math.sqrt(strike) * otm;
        final double value = discount * undiscounted;

        final double d1 = x / s + 0.5 * s;
        final double d2 = d1 - s;
        final double pdf;
        final double probability; // N(w d1)
        if (out.pdfD1 == out.pdfD1)
        {
            // The plain branch ran and left phi and N of the OTM pair (d1', d2') = (d1, d2) when x <= 0 and
            // (-d2, -d1) when x > 0. No exponential or erfc needed.
            if (x <= 0.0)
            {
                pdf = out.pdfD1;
                probability = w > 0.0 ? out.cdfD1 : out.cdfMinusD1;
            }
            else
            {
                pdf = out.pdfD2;
                probability = w > 0.0 ? 1.0 - out.cdfD2 : out.cdfD2;
            }
        }
        else if (out.ratioD1 == out.ratioD1)
        {
            pdf = StandardNormal.pdf(d1);
            // The Mills-ratio branch ran: N(d1_otm) = phi Y(d1_otm) <= 1/2 with phi(d1_otm) = phi(d1) when x <= 0,
            // and N(-d1) = N(d2_otm) = phi(d1) Y(d2_otm) when x > 0. No erfc needed.
            final double otmProbability = pdf * (x <= 0.0 ? out.ratioD1 : out.ratioD2);
            probability = (x <= 0.0) == (w > 0.0) ? otmProbability : 1.0 - otmProbability;
        }
        else
        {
            pdf = StandardNormal.pdf(d1);
            probability = StandardNormal.cdf(w * d1);
        }
        // "+ 0.0" turns a put's -0.0 into 0.0.
        final double delta = w * discount * probability + 0.0;
        final double gamma;
        final double vega;
        final double vanna;
        final double volga;
        final double volTheta;
        if (pdf == 0.0)
        {
            // |d1| > 38.6: the second-order terms underflow; avoid 0 * infinity.
            gamma = 0.0;
            vega = 0.0;
            vanna = 0.0;
            volga = 0.0;
            volTheta = 0.0;
        }
        else
        {
            final double discountedPdf = discount * pdf;
            gamma = discountedPdf / (forward * s);
            vega = discountedPdf * forward * sqrtT;
            vanna = -discountedPdf * d2 / vol;
            volga = vega * d1 * d2 / vol;
            volTheta = 0.5 * discountedPdf * forward * vol / sqrtT;
        }
        out.set(value, delta, gamma, vega, rate * value - volTheta, -expiryYears * value, vanna, volga);
    }

    /** The undiscounted Black-76 value only (no Greeks), same limits as {@link #price}. */
    static double undiscountedValue(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double vol)
    {
        if (expiryYears < 0.0)
        {
            return 0.0;
        }
        final double intrinsic = Math.max(type.sign() * (forward - strike), 0.0);
        final double s = vol * Math.sqrt(expiryYears);
        if (s < OptionInputs.MIN_TOTAL_VOLATILITY)
        {
            return intrinsic;
        }
        final double x = logMoneyness(forward, strike);
        return intrinsic + Math.sqrt(forward) * Math.sqrt(strike) * NormalisedBlack.otmPrice(-Math.abs(x), s);
    }

    /** {@code ln(F/K)}, also when the ratio itself would overflow or underflow. */
    static double logMoneyness(final double forward, final double strike)
    {
        final double ratio = forward / strike;
        if (ratio > Double.MIN_NORMAL && ratio < Double.MAX_VALUE)
        {
            return Math.log(ratio);
        }
        return Math.log(forward) - Math.log(strike);
    }

    /** 1 if the option is in the money, 0 out of it, 1/2 at the money: the zero-vol limit of N(w d1). */
    private static double step(final double w, final double forward, final double strike)
    {
        final double moneyness = w * (forward - strike);
        return moneyness > 0.0 ? 1.0 : moneyness < 0.0 ? 0.0 : 0.5;
    }
}
