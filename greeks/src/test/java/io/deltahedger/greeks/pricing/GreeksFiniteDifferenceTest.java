package io.deltahedger.greeks.pricing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every closed-form Greek of every model against a central finite difference of the model's own value (the USD value
 * for inverse options): delta, gamma, vega, theta, rho, vanna, volga, and the inverse premium-adjusted delta
 * {@code F d(price)/dF}. Gamma is also checked as the second difference of the value, more loosely. Tolerance: 1e-6 relative plus 1e-8 of the Greek's natural scale (differencing error ~h^2).
 */
class GreeksFiniteDifferenceTest
{
    private static final double[] STRIKES = {55, 80, 95, 100, 103, 125, 180};
    private static final double[] EXPIRIES = {2.0 / 365, 0.1, 0.5, 2.0};
    private static final double[] VOLS = {0.08, 0.4, 1.3};
    private static final double RATE = 0.03;
    private static final double U = 100.0;

    @ParameterizedTest
    @EnumSource(Model.class)
    void everyGreekMatchesAFiniteDifferenceOfTheValue(final Model model)
    {
        final OptionGreeks g = new OptionGreeks();
        final OptionGreeks bumpUp = new OptionGreeks();
        final OptionGreeks bumpDown = new OptionGreeks();
        int checked = 0;
        for (final OptionType type : OptionType.values())
        {
            for (final double k : STRIKES)
            {
                for (final double t : EXPIRIES)
                {
                    for (final double vol : VOLS)
                    {
                        final String where = model + " " + type + " K=" + k + " T=" + t + " vol=" + vol;
                        model.price(type, U, k, t, vol, RATE, g);
                        final double width = U * Math.min(1.0, vol * Math.sqrt(t));
                        final double hu = 1e-4 * width;
                        final double up = model.value(type, U + hu, k, t, vol, RATE);
                        final double mid = model.value(type, U, k, t, vol, RATE);
                        final double down = model.value(type, U - hu, k, t, vol, RATE);
                        close(where + " delta", (up - down) / (2 * hu), g.delta(), 1.0);
                        final double hd = 1e-5 * width;
                        model.price(type, U + hd, k, t, vol, RATE, bumpUp);
                        model.price(type, U - hd, k, t, vol, RATE, bumpDown);
                        close(where + " gamma", (bumpUp.delta() - bumpDown.delta()) / (2 * hd), g.gamma(), 1.0 / U);
                        final double hg = 1e-2 * U * vol * Math.sqrt(t);
                        final double secondDifference = (model.value(type, U + hg, k, t, vol, RATE) - 2 * mid +
                            model.value(type, U - hg, k, t, vol, RATE)) / (hg * hg);
                        assertEquals(secondDifference, g.gamma(), 1e-3 * g.gamma() + 1e-9, where + " gamma from values");

                        final double hv = 1e-5;
                        close(where + " vega", (model.value(type, U, k, t, vol + hv, RATE) -
                            model.value(type, U, k, t, vol - hv, RATE)) / (2 * hv), g.vega(), U);
                        model.price(type, U, k, t, vol + hv, RATE, bumpUp);
                        model.price(type, U, k, t, vol - hv, RATE, bumpDown);
                        close(where + " vanna", (bumpUp.delta() - bumpDown.delta()) / (2 * hv), g.vanna(), 1.0);
                        close(where + " volga", (bumpUp.vega() - bumpDown.vega()) / (2 * hv), g.volga(), U);

                        final double ht = 1e-6 * t;
                        close(where + " theta", -(model.value(type, U, k, t + ht, vol, RATE) -
                            model.value(type, U, k, t - ht, vol, RATE)) / (2 * ht), g.theta(), U);
                        final double hr = 1e-6;
                        close(where + " rho", (model.value(type, U, k, t, vol, RATE + hr) -
                            model.value(type, U, k, t, vol, RATE - hr)) / (2 * hr), g.rho(), U * t);

                        if (model == Model.INVERSE)
                        {
                            final OptionGreeks coin = new OptionGreeks();
                            InverseOptionPricer.DEFAULT.price(type, U + hu, k, t, vol, RATE, coin);
                            final double coinUp = coin.price();
                            InverseOptionPricer.DEFAULT.price(type, U - hu, k, t, vol, RATE, coin);
                            close(where + " premium-adjusted delta", U * (coinUp - coin.price()) / (2 * hu),
                                g.premiumAdjustedDelta(), 1.0);
                        }
                        else
                        {
                            assertEquals(g.delta(), g.premiumAdjustedDelta(), 0.0, where);
                        }
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked == 2 * STRIKES.length * EXPIRIES.length * VOLS.length);
    }

    private static void close(final String what, final double finiteDifference, final double analytic, final double scale)
    {
        final double tolerance = 1e-6 * Math.abs(analytic) + 1e-8 * scale;
        assertEquals(finiteDifference, analytic, tolerance, what);
    }
}
