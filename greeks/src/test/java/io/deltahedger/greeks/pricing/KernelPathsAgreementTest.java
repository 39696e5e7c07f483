package io.deltahedger.greeks.pricing;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Differential test of the two ways the kernel prices: {@link BlackFormula#price}'s fast path (the normalised form
 * multiplied out, one exponential) against {@link BlackFormula#undiscountedValue} (always {@link NormalisedBlack}),
 * and its delta against a direct {@code N(w d1)} from the distribution function. They must agree to 1e-14 relative
 * times the conditioning {@code 1 + d1^2 + d2^2} (the two round d1 and d2 differently before the exponential).
 */
class KernelPathsAgreementTest
{
    private final OptionGreeks greeks = new OptionGreeks();

    @Property(seed = "5550123", tries = 5000)
    void fastPathValueAndDeltaAgreeWithTheNormalisedPath(
        @ForAll final boolean call,
        @ForAll @DoubleRange(min = -3.0, max = 3.0) final double logMoneyness,
        @ForAll @DoubleRange(min = -9.0, max = 1.5) final double logExpiry,
        @ForAll @DoubleRange(min = 0.05, max = 3.0) final double vol)
    {
        final OptionType type = call ? OptionType.CALL : OptionType.PUT;
        final double forward = 50_000.0;
        final double strike = forward * Math.exp(-logMoneyness);
        final double expiry = Math.exp(logExpiry);
        final double rate = 0.03;
        BlackFormula.price(type, forward, strike, expiry, vol, rate, greeks);
        final double s = vol * Math.sqrt(expiry);
        final double x = BlackFormula.logMoneyness(forward, strike);
        final double d1 = x / s + 0.5 * s;
        final double d2 = d1 - s;
        final double conditioning = 1.0 + d1 * d1 + d2 * d2;
        final double discount = Math.exp(-rate * expiry);
        final double expected = discount * BlackFormula.undiscountedValue(type, forward, strike, expiry, vol);
        final String where = type + " x=" + x + " T=" + expiry + " vol=" + vol;
        assertEquals(expected, greeks.price(), 1e-14 * conditioning * expected + Double.MIN_NORMAL, "value " + where);
        final double w = type.sign();
        final double delta = w * discount * io.deltahedger.greeks.math.StandardNormal.cdf(w * d1);
        assertEquals(delta, greeks.delta(), 1e-14 * conditioning * Math.abs(delta) + Double.MIN_NORMAL, "delta " + where);
    }
}
