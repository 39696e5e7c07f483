package io.deltahedger.greeks;

import io.deltahedger.greeks.impliedvol.ImpliedVolatilityCalculator;
import io.deltahedger.greeks.pricing.Black76OptionPricer;
import io.deltahedger.greeks.pricing.BlackScholesMertonOptionPricer;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast kernels agree with the Commons-Math-only {@link ReferencePricer} to 1e-14. The comparison: a price to 1e-14
 * times {@code 1 + d1^2} of the reference's larger term ({@link ReferencePricer#scale()}, whose rounding bounds the
 * reference's own error: deep out of the money the reference cancels digits that the fast kernel keeps, e.g. a
 * one-minute 2% OTM call worth 6.4e-72 is off by 4.6e-10 relative in the reference and by 4e-13 in ours, against a
 * 50-digit mpmath value);
 * each Greek to 1e-14 relative times the condition number {@code 1 + d1^2} (a one-ulp difference in d1, which the two
 * compute in different orders, moves N(d1) and phi(d1) by that much) plus 1e-14 of its natural scale.
 */
class ReferenceAgreementTest
{
    private static final double[] STRIKE_RATIOS = {0.3, 0.6, 0.85, 0.97, 1.0, 1.02, 1.2, 1.7, 3.0};
    private static final double[] EXPIRIES = {1.0 / 525_600, 1.0 / 365, 0.05, 0.3, 1.0, 3.0};
    private static final double[] VOLS = {0.05, 0.3, 0.8, 2.0};

    private final ReferencePricer reference = new ReferencePricer();
    private final OptionGreeks fast = new OptionGreeks();

    @Test
    void black76AndInverseAgreeWithTheReferenceTo1e14()
    {
        int checked = 0;
        for (final OptionType type : OptionType.values())
        {
            for (final double ratio : STRIKE_RATIOS)
            {
                for (final double t : EXPIRIES)
                {
                    for (final double vol : VOLS)
                    {
                        final double f = 40_000.0;
                        final double k = f * ratio;
                        Black76OptionPricer.DEFAULT.price(type, f, k, t, vol, 0.04, fast);
                        reference.black76(type.isCall(), f, k, t, vol, 0.04);
                        compare("black76 " + type + " K/F=" + ratio + " T=" + t + " vol=" + vol, f, k, t, vol, f);
                        InverseOptionPricer.DEFAULT.price(type, f, k, t, vol, 0.0, fast);
                        reference.inverse(type.isCall(), f, k, t, vol, 0.0);
                        compare("inverse " + type + " K/F=" + ratio + " T=" + t + " vol=" + vol, f, k, t, vol, f);
                        checked += 2;
                    }
                }
            }
        }
        assertTrue(checked > 800);
    }

    @Test
    void blackScholesMertonAgreesWithTheReferenceTo1e14()
    {
        for (final OptionType type : OptionType.values())
        {
            for (final double ratio : STRIKE_RATIOS)
            {
                for (final double t : EXPIRIES)
                {
                    for (final double vol : VOLS)
                    {
                        final double s = 2_000.0;
                        final double k = s * ratio;
                        BlackScholesMertonOptionPricer.DEFAULT.price(type, s, k, t, vol, 0.05, 0.01, fast);
                        reference.blackScholesMerton(type.isCall(), s, k, t, vol, 0.05, 0.01);
                        final double f = BlackScholesMertonOptionPricer.forward(s, t, 0.05, 0.01);
                        compare("bsm " + type + " K/S=" + ratio + " T=" + t + " vol=" + vol, f, k, t, vol, s);
                    }
                }
            }
        }
    }

    @Test
    void impliedVolatilityAgreesWithBrentOnTheReferencePrice()
    {
        for (final double ratio : new double[] {0.7, 0.95, 1.0, 1.1, 1.5})
        {
            for (final double vol : new double[] {0.2, 0.6, 1.4})
            {
                final double f = 3_000;
                final double k = f * ratio;
                final double price = reference.black76(true, f, k, 0.25, vol, 0.01).price;
                final double brent = reference.black76ImpliedVolatility(true, f, k, 0.25, price, 0.01);
                final double ours =
                    ImpliedVolatilityCalculator.DEFAULT.black76OrThrow(OptionType.CALL, f, k, 0.25, price, 0.01);
                assertEquals(brent, ours, 1e-12 * vol, "K/F=" + ratio + " vol=" + vol);
            }
        }
    }

    private void compare(
        final String where, final double f, final double k, final double t, final double vol, final double underlying)
    {
        final double d1 = (Math.log(f / k) + 0.5 * vol * vol * t) / (vol * Math.sqrt(t));
        final double condition = 1.0 + d1 * d1;
        assertEquals(reference.price, fast.price(), 1e-14 * condition * reference.scale(), where + " price");
        greek(where + " delta", reference.delta, fast.delta(), condition, 1.0);
        greek(where + " gamma", reference.gamma, fast.gamma(), condition, 1.0 / (underlying * vol * Math.sqrt(t)));
        greek(where + " vega", reference.vega, fast.vega(), condition, underlying * Math.sqrt(t));
        greek(where + " theta", reference.theta, fast.theta(), condition, underlying * vol / Math.sqrt(t));
        greek(where + " rho", reference.rho, fast.rho(), condition, underlying * t);
        greek(where + " vanna", reference.vanna, fast.vanna(), condition, Math.sqrt(t) / vol);
        greek(where + " volga", reference.volga, fast.volga(), condition, underlying * Math.sqrt(t) / vol);
    }

    private static void greek(
        final String where, final double expected, final double actual, final double condition, final double scale)
    {
        assertEquals(expected, actual, 1e-14 * (condition * Math.abs(expected) + scale), where);
    }
}
