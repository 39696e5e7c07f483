package io.deltahedger.greeks;

import io.deltahedger.greeks.impliedvol.ImpliedVolatilityCalculator;
import io.deltahedger.greeks.impliedvol.ImpliedVolatilityResult;
import io.deltahedger.greeks.impliedvol.ImpliedVolatilityStatus;
import io.deltahedger.greeks.pricing.Black76OptionPricer;
import io.deltahedger.greeks.pricing.BlackScholesMertonOptionPricer;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeded properties over random valid inputs: finite, bounded outputs, and implied-vol round trips. */
class PricingPropertiesTest
{
    private final OptionGreeks g = new OptionGreeks();
    private final ImpliedVolatilityResult result = new ImpliedVolatilityResult();

    @Property(seed = "424242", tries = 2000)
    void everyValidInputGivesFiniteBoundedGreeks(
        @ForAll final OptionType type,
        @ForAll @Scale(10) @DoubleRange(min = 1e-4, max = 1e7) final double spot,
        @ForAll @Scale(10) @DoubleRange(min = 1e-4, max = 1e7) final double strike,
        @ForAll @Scale(10) @DoubleRange(min = -1, max = 10) final double expiry,
        @ForAll @Scale(10) @DoubleRange(min = 0, max = 10) final double vol,
        @ForAll @Scale(10) @DoubleRange(min = -0.2, max = 0.5) final double rate,
        @ForAll @Scale(10) @DoubleRange(min = -0.2, max = 0.5) final double carry)
    {
        BlackScholesMertonOptionPricer.DEFAULT.price(type, spot, strike, expiry, vol, rate, carry, g);
        final String where = type + " S=" + spot + " K=" + strike + " T=" + expiry + " vol=" + vol + " " + g;
        assertTrue(Double.isFinite(g.price()) && Double.isFinite(g.delta()) && Double.isFinite(g.gamma()) &&
            Double.isFinite(g.vega()) && Double.isFinite(g.theta()) && Double.isFinite(g.rho()) &&
            Double.isFinite(g.vanna()) && Double.isFinite(g.volga()), where);
        if (expiry > 0)
        {
            final double forward = BlackScholesMertonOptionPricer.forward(spot, expiry, rate, carry);
            final double d = Math.exp(-rate * expiry);
            final double lower = d * Math.max(type.sign() * (forward - strike), 0.0);
            final double upper = d * (type.isCall() ? forward : strike);
            final double slack = 1e-12 * upper;
            assertTrue(g.price() >= lower - slack && g.price() <= upper + slack, where);
            assertTrue(Math.abs(g.delta()) <= d * forward / spot * (1 + 1e-12), where);
            assertTrue(g.gamma() >= 0 && g.vega() >= 0, where);
        }
        InverseOptionPricer.DEFAULT.price(type, spot, strike, expiry, vol, rate, g);
        assertTrue(Double.isFinite(g.price()) && Double.isFinite(g.premiumAdjustedDelta()), where);
    }

    @Property(seed = "8675309", tries = 2000)
    void impliedVolatilityRepricesRandomOptionsTo1e12(
        @ForAll final OptionType type,
        @ForAll @Scale(10) @DoubleRange(min = -3, max = 3) final double logMoneyness,
        @ForAll @Scale(10) @DoubleRange(min = -12.5, max = 1.1) final double logExpiry,
        @ForAll @Scale(10) @DoubleRange(min = 0.01, max = 5) final double vol)
    {
        final double expiry = Math.exp(logExpiry); // one minute (e^-13.2) .. three years
        final double forward = 2_500.0;
        final double strike = forward * Math.exp(-logMoneyness);
        final double price = Black76OptionPricer.DEFAULT.presentValue(type, forward, strike, expiry, vol, 0.02);
        final double otm = price / Math.exp(-0.02 * expiry) - Math.max(type.sign() * (forward - strike), 0.0);
        if (!(otm > 1e-290 * forward && otm > 4 * Math.ulp(price)))
        {
            return; // the out-of-the-money part underflows: no volatility is recoverable
        }
        assertEquals(ImpliedVolatilityStatus.SOLVED,
            ImpliedVolatilityCalculator.DEFAULT.black76(type, forward, strike, expiry, price, 0.02, result));
        final double repriced = Black76OptionPricer.DEFAULT.presentValue(
            type, forward, strike, expiry, result.volatility(), 0.02);
        assertEquals(price, repriced, 1e-12 * price, "vol=" + vol + " solved " + result.volatility());
    }
}
