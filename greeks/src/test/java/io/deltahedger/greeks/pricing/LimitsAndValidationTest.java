package io.deltahedger.greeks.pricing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.deltahedger.greeks.pricing.OptionType.CALL;
import static io.deltahedger.greeks.pricing.OptionType.PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented behaviour at and after expiry, at zero vol, deep in and out of the money, and for invalid input. */
class LimitsAndValidationTest
{
    private final OptionGreeks g = new OptionGreeks();

    @ParameterizedTest
    @EnumSource(Model.class)
    void atExpiryTheValueIsThePayoffAndDeltaIsTheStep(final Model model)
    {
        model.price(CALL, 100, 90, 0.0, 0.5, 0.05, g);
        assertEquals(model == Model.INVERSE ? 10.0 / 100 : 10.0, g.price(), 1e-15);
        assertEquals(1.0, g.delta());
        assertEquals(0.0, g.gamma());
        assertEquals(0.0, g.vega());
        assertEquals(0.0, g.theta());
        assertEquals(0.0, g.rho());
        model.price(PUT, 100, 90, 0.0, 0.5, 0.05, g);
        assertEquals(0.0, g.price());
        assertEquals(0.0, g.delta(), 0.0);
        model.price(PUT, 100, 100, 0.0, 0.5, 0.05, g);
        assertEquals(-0.5, g.delta(), "at the money the step is the zero-vol limit of N(d1)");
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void afterExpiryEverythingIsZero(final Model model)
    {
        model.price(CALL, 100, 90, -0.01, 0.5, 0.05, g);
        assertAllZero(g);
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void justBeforeExpiryConvergesToThePayoff(final Model model)
    {
        model.price(CALL, 100, 90, 1e-12, 0.5, 0.05, g);
        assertEquals(model == Model.INVERSE ? 0.1 : 10.0, g.price(), 1e-9);
        assertEquals(1.0, g.delta(), 1e-9);
    }

    @Test
    void zeroVolIsTheDiscountedPayoffWithFiniteAtTheMoneyLimits()
    {
        final double t = 0.5;
        final double r = 0.04;
        final double d = Math.exp(-r * t);
        Black76OptionPricer.DEFAULT.price(CALL, 110, 100, t, 0.0, r, g);
        assertEquals(10 * d, g.price(), 1e-14);
        assertEquals(d, g.delta(), 1e-15);
        assertEquals(0.0, g.gamma());
        assertEquals(0.0, g.vega());
        assertEquals(r * g.price(), g.theta(), 1e-14);
        assertEquals(-t * g.price(), g.rho(), 1e-14);

        Black76OptionPricer.DEFAULT.price(CALL, 100, 100, t, 0.0, r, g);
        assertEquals(0.0, g.price());
        assertEquals(0.5 * d, g.delta(), 1e-15);
        assertEquals(d * 100 * Math.sqrt(t) / Math.sqrt(2 * Math.PI), g.vega(), 1e-12, "vega keeps its limit");
        // The tiny-vol formula agrees with the zero-vol limit.
        final OptionGreeks tiny = new OptionGreeks();
        Black76OptionPricer.DEFAULT.price(CALL, 100, 100, t, 1e-12, r, tiny);
        assertEquals(g.vega(), tiny.vega(), 1e-9);
        assertEquals(g.vanna(), tiny.vanna(), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void extremeInputsGiveFiniteNumbers(final Model model)
    {
        final double[] strikes = {1e-6, 1e-3, 1, 100, 1e4, 1e8, 1e12};
        final double[] vols = {0.0, 1e-200, 1e-9, 0.01, 1, 10, 1e3};
        final double[] expiries = {-1, 0, 1e-15, 1e-6, 1, 50};
        for (final OptionType type : OptionType.values())
        {
            for (final double k : strikes)
            {
                for (final double vol : vols)
                {
                    for (final double t : expiries)
                    {
                        model.price(type, 100, k, t, vol, 0.05, g);
                        final String where = model + " " + type + " K=" + k + " vol=" + vol + " T=" + t + " " + g;
                        assertTrue(Double.isFinite(g.price()) && Double.isFinite(g.delta()) &&
                            Double.isFinite(g.gamma()) && Double.isFinite(g.vega()) && Double.isFinite(g.theta()) &&
                            Double.isFinite(g.rho()) && Double.isFinite(g.vanna()) && Double.isFinite(g.volga()) &&
                            Double.isFinite(g.premiumAdjustedDelta()), where);
                        assertTrue(g.price() >= 0.0, where);
                    }
                }
            }
        }
    }

    @Test
    void deepInTheMoneyIsTheDiscountedForwardMinusStrikeAndDeepOutIsTiny()
    {
        Black76OptionPricer.DEFAULT.price(CALL, 100, 1e-3, 1.0, 0.5, 0.0, g);
        assertEquals(100 - 1e-3, g.price(), 1e-12);
        assertEquals(1.0, g.delta(), 1e-15);
        Black76OptionPricer.DEFAULT.price(CALL, 100, 1e5, 1.0, 0.5, 0.0, g);
        assertTrue(g.price() > 0 && g.price() < 1e-40, "deep OTM value is tiny but positive: " + g.price());
        assertTrue(g.delta() > 0 && g.delta() < 1e-40);
    }

    @Test
    void invalidInputsAreRejectedNamingTheInputAndTheValue()
    {
        assertMessage("strike", "-5.0", () -> Black76OptionPricer.DEFAULT.price(CALL, 100, -5, 1, 0.5, 0, g));
        assertMessage("forward", "0.0", () -> InverseOptionPricer.DEFAULT.price(CALL, 0, 100, 1, 0.5, 0, g));
        assertMessage("spot", "-1.0",
            () -> BlackScholesMertonOptionPricer.DEFAULT.price(PUT, -1, 100, 1, 0.5, 0, 0, g));
        assertMessage("volatility", "-0.2", () -> LinearOptionPricer.DEFAULT.price(CALL, 100, 100, 1, -0.2, 0, g));
        assertMessage("volatility", "NaN", () -> Black76OptionPricer.DEFAULT.price(CALL, 100, 100, 1, Double.NaN, 0, g));
        assertMessage("expiry", "Infinity",
            () -> Black76OptionPricer.DEFAULT.price(CALL, 100, 100, Double.POSITIVE_INFINITY, 0.2, 0, g));
        assertMessage("rate", "NaN", () -> Black76OptionPricer.DEFAULT.price(CALL, 100, 100, 1, 0.2, Double.NaN, g));
        assertMessage("carry", "NaN",
            () -> BlackScholesMertonOptionPricer.DEFAULT.price(CALL, 100, 100, 1, 0.2, 0, Double.NaN, g));
        assertMessage("option type", "null", () -> Black76OptionPricer.DEFAULT.price(null, 100, 100, 1, 0.2, 0, g));
    }

    private static void assertMessage(final String name, final String value, final Runnable call)
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(value), e.getMessage());
    }

    private static void assertAllZero(final OptionGreeks g)
    {
        assertEquals(0.0, g.price());
        assertEquals(0.0, g.delta());
        assertEquals(0.0, g.premiumAdjustedDelta());
        assertEquals(0.0, g.gamma());
        assertEquals(0.0, g.vega());
        assertEquals(0.0, g.theta());
        assertEquals(0.0, g.rho());
        assertEquals(0.0, g.vanna());
        assertEquals(0.0, g.volga());
    }
}
