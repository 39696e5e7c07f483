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
        // Deribit's coin rate is 0: skip the exponential (exp(-0.0) is exactly 1 anyway).
        final double discount = rate == 0.0 ? 1.0 : Math.exp(-rate * expiryYears);
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
        final double t = 0.5 * s;
        final double inverseS = 1.0 / s;
        final double h = -Math.abs(x) * inverseS;
        if (x != 0.0 && t >= NormalisedBlack.SERIES_THRESHOLD * (1.0 - h)
            && fastPrice(w, forward, strike, x, s, t, h, inverseS, sqrtT, vol, intrinsic, discount, expiryYears, rate,
            out))
        {
            return;
        }
        priceGeneral(w, forward, strike, x, s, sqrtT, vol, intrinsic, discount, expiryYears, rate, out);
    }

    /**
     * The common case without {@link NormalisedBlack}'s normalisation: the out-of-the-money value of the pair
     * {@code (d1', d2') = (h + t, h - t)} at {@code x' = -|x|} is {@code L (N(d1') - phi(d1') Y(d2'))}, or
     * {@code L phi(d1') (Y(d1') - Y(d2'))} when {@code d1' <= 0} (no cancellation: the Mills-ratio form), where
     * {@code L = min(F, K)} (the forward of an OTM call, the strike of an OTM put) and {@code Y = N / phi}. This is
     * the normalised form multiplied out ({@code sqrt(F K) e^{x'/2} = L} and {@code phi(d2') = phi(d1') e^{x'}}), so
     * one exponential ({@code phi(d1')}) and two rationals price the option and give every Greek: the kernel's whole
     * cost besides the discount factor and the log-moneyness. Returns false, leaving {@code out} untouched, where
     * the density underflows ({@code |d1'| > 38.6}); the caller then takes the general path. Not used at the money
     * or in the small-t series regime, where {@link NormalisedBlack} avoids a cancellation.
     */
    private static boolean fastPrice(
        final double w, final double forward, final double strike, final double x, final double s, final double t,
        final double h, final double inverseS, final double sqrtT, final double vol, final double intrinsic,
        final double discount, final double expiryYears, final double rate, final OptionGreeks out)
    {
        final double d1 = h + t; // the OTM pair
        final double d2 = h - t;
        final double pdf1 = StandardNormal.pdf(d1);
        if (pdf1 == 0.0)
        {
            return false;
        }
        final double ratio2 = StandardNormal.cdfOverPdf(d2);
        final double cdf1;
        final double cdfMinus1;
        final double otmOverLower;
        if (d1 > 0.0)
        {
            cdfMinus1 = StandardNormal.cdf(-d1, pdf1);
            cdf1 = 1.0 - cdfMinus1;
            otmOverLower = cdf1 - pdf1 * ratio2;
        }
        else
        {
            final double ratio1 = StandardNormal.cdfOverPdf(d1);
            cdf1 = pdf1 * ratio1;
            cdfMinus1 = 1.0 - cdf1;
            otmOverLower = pdf1 * (ratio1 - ratio2);
        }
        final boolean otmCall = x < 0.0; // F < K: the OTM pair is the call's own (d1, d2)
        final double lower = otmCall ? forward : strike;
        final double pdf2 = pdf1 * (otmCall ? forward / strike : strike / forward); // phi(d2') = phi(d1') e^{x'}
        final double cdf2 = pdf2 * ratio2;
        // Back from the OTM pair to the option's own d1 = x/s + s/2: (d1', d2') = (d1, d2) when x < 0 and
        // (-d2, -d1) when x > 0.
        final double pdf = otmCall ? pdf1 : pdf2;
        final double probability; // N(w d1)
        if (otmCall)
        {
            probability = w > 0.0 ? cdf1 : cdfMinus1;
        }
        else
        {
            probability = w > 0.0 ? 1.0 - cdf2 : cdf2;
        }
        final double ownD2 = otmCall ? d2 : -d1;
        final double value = discount * (intrinsic + lower * otmOverLower);
        final double discountedPdf = discount * pdf;
        final double vega = discountedPdf * forward * sqrtT;
        final double inverseVol = sqrtT * inverseS;
        // "+ 0.0" turns a put's -0.0 into 0.0.
        out.set(
            value,
            w * discount * probability + 0.0,
            discountedPdf * inverseS / forward,
            vega,
            rate * value - 0.5 * discountedPdf * forward * vol * vol * inverseS,
            -expiryYears * value,
            -discountedPdf * ownD2 * inverseVol,
            vega * d1 * d2 * inverseVol);
        return true;
    }

    /** Every regime, through {@link NormalisedBlack}: at the money, the small-t series, underflowing densities. */
    private static void priceGeneral(
        final double w, final double forward, final double strike, final double x, final double s,
        final double sqrtT, final double vol, final double intrinsic, final double discount,
        final double expiryYears, final double rate, final OptionGreeks out)
    {
        final double otm = NormalisedBlack.otmPrice(-Math.abs(x), s, out);
        final double undiscounted = intrinsic + Math.sqrt(forward) * Math.sqrt(strike) * otm;
        final double value = discount * undiscounted;

        final double d1 = x / s + 0.5 * s;
        final double d2 = d1 - s;
        final double pdf;
        final double probability; // N(w d1)
        if (out.ratioD1 == out.ratioD1)
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
            probability = StandardNormal.cdf(w * d1, pdf);
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
