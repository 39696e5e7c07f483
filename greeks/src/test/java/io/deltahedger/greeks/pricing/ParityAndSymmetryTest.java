package io.deltahedger.greeks.pricing;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Model identities over random valid inputs (seeded): put-call parity of value and delta for every model,
 * homogeneity in (F, K), Black-76's put-call symmetry, and the inverse option's coin value as Black-76 / F.
 */
class ParityAndSymmetryTest
{
    private final OptionGreeks call = new OptionGreeks();
    private final OptionGreeks put = new OptionGreeks();

    @Property(seed = "20261121", tries = 400)
    void putCallParityHoldsForEveryModel(
        @ForAll @Scale(8) @DoubleRange(min = 10, max = 200_000) final double underlying,
        @ForAll @Scale(8) @DoubleRange(min = 0.2, max = 5) final double strikeRatio,
        @ForAll @Scale(8) @DoubleRange(min = 1e-4, max = 3) final double expiry,
        @ForAll @Scale(8) @DoubleRange(min = 0.01, max = 3) final double vol,
        @ForAll @Scale(8) @DoubleRange(min = -0.05, max = 0.2) final double rate)
    {
        final double strike = underlying * strikeRatio;
        for (final Model model : Model.values())
        {
            model.price(OptionType.CALL, underlying, strike, expiry, vol, rate, call);
            model.price(OptionType.PUT, underlying, strike, expiry, vol, rate, put);
            final double forward = model.forward(underlying, expiry, rate);
            final double scale = model.priceScale(underlying, expiry, rate);
            final double parity = scale * (forward - strike);
            final double size = Math.max(Math.max(call.price(), put.price()), scale * Math.max(forward, strike));
            assertEquals(parity, call.price() - put.price(), 1e-13 * size, model + " value parity");
            // Delta parity: d(C - P)/dU = D dF/dU (Black: D; BSM: e^{-qT}).
            final double deltaParity = Math.exp(-rate * expiry) * forward / underlying;
            assertEquals(deltaParity, call.delta() - put.delta(), 1e-14, model + " delta parity");
            assertEquals(call.gamma(), put.gamma(), 1e-14 * Math.abs(call.gamma()) + 1e-300, model + " gamma");
            assertEquals(call.vega(), put.vega(), 1e-14 * Math.abs(call.vega()) + 1e-300, model + " vega");
        }
    }

    @Property(seed = "7", tries = 300)
    void black76IsHomogeneousOfDegreeOneAndInverseOfDegreeZero(
        @ForAll @Scale(8) @DoubleRange(min = 10, max = 200_000) final double forward,
        @ForAll @Scale(8) @DoubleRange(min = 0.2, max = 5) final double strikeRatio,
        @ForAll @Scale(8) @DoubleRange(min = 1e-4, max = 3) final double expiry,
        @ForAll @Scale(8) @DoubleRange(min = 0.01, max = 3) final double vol,
        @ForAll @Scale(8) @DoubleRange(min = 0.001, max = 1000) final double lambda)
    {
        final double strike = forward * strikeRatio;
        for (final OptionType type : OptionType.values())
        {
            Black76OptionPricer.DEFAULT.price(type, forward, strike, expiry, vol, 0.01, call);
            Black76OptionPricer.DEFAULT.price(type, lambda * forward, lambda * strike, expiry, vol, 0.01, put);
            assertEquals(lambda * call.price(), put.price(), 1e-13 * lambda * Math.max(forward, strike));
            assertEquals(call.delta(), put.delta(), 1e-14);
            assertEquals(call.gamma() / lambda, put.gamma(), 1e-13 * call.gamma() / lambda + 1e-300);
            assertEquals(lambda * call.vega(), put.vega(), 1e-13 * lambda * forward);

            final double coin = InverseOptionPricer.DEFAULT.presentValue(type, forward, strike, expiry, vol, 0.0);
            final double scaled = InverseOptionPricer.DEFAULT.presentValue(
                type, lambda * forward, lambda * strike, expiry, vol, 0.0);
            assertEquals(coin, scaled, 1e-13 * Math.max(1.0, strikeRatio));
        }
    }

    @Property(seed = "11", tries = 300)
    void callEqualsScaledPutAtTheReflectedStrike(
        @ForAll @Scale(8) @DoubleRange(min = 10, max = 200_000) final double forward,
        @ForAll @Scale(8) @DoubleRange(min = 0.2, max = 5) final double strikeRatio,
        @ForAll @Scale(8) @DoubleRange(min = 1e-4, max = 3) final double expiry,
        @ForAll @Scale(8) @DoubleRange(min = 0.01, max = 3) final double vol)
    {
        // Black put-call symmetry: C(F, K) = (K / F) P(F, F^2 / K).
        final double strike = forward * strikeRatio;
        final double c = Black76OptionPricer.DEFAULT.presentValue(OptionType.CALL, forward, strike, expiry, vol, 0.0);
        final double p = Black76OptionPricer.DEFAULT.presentValue(
            OptionType.PUT, forward, forward * forward / strike, expiry, vol, 0.0);
        assertEquals(c, strike / forward * p, 1e-13 * Math.max(c, 1e-300) + 1e-15 * forward);
    }
}
