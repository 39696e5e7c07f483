package io.deltahedger.greeks.pricing;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

import static io.deltahedger.greeks.pricing.OptionType.CALL;
import static io.deltahedger.greeks.pricing.OptionType.PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Published textbook values: J. Hull, "Options, Futures, and Other Derivatives" (worked examples, printed to 2-3
 * decimals) and E. G. Haug, "The Complete Guide to Option Pricing Formulas" (2nd ed., 4 decimals). Haug's cost of
 * carry b maps to our carry yield as q = r - b.
 */
class ClosedFormValuesTest
{
    private final BlackScholesMertonOptionPricer bsm = BlackScholesMertonOptionPricer.DEFAULT;
    private final OptionGreeks greeks = new OptionGreeks();

    @Test
    void hullEuropeanCallAndPutOnANonDividendStock()
    {
        assertEquals(4.76, bsm.presentValue(CALL, 42, 40, 0.5, 0.2, 0.1, 0.0), 0.005);
        assertEquals(0.81, bsm.presentValue(PUT, 42, 40, 0.5, 0.2, 0.1, 0.0), 0.005);
    }

    @Test
    void hullGreeksOfTheTwentyWeekCall()
    {
        bsm.price(CALL, 49, 50, 20.0 / 52, 0.2, 0.05, 0.0, greeks);
        assertEquals(2.40, greeks.price(), 0.005);
        assertEquals(0.522, greeks.delta(), 0.0005);
        assertEquals(0.066, greeks.gamma(), 0.0005);
        assertEquals(12.1, greeks.vega(), 0.05);
        assertEquals(-4.31, greeks.theta(), 0.005);
        assertEquals(8.91, greeks.rho(), 0.005);
    }

    @Test
    void haugGeneralisedBlackScholesValues()
    {
        assertEquals(2.1334, bsm.presentValue(CALL, 60, 65, 0.25, 0.30, 0.08, 0.0), 5e-5);
        assertEquals(2.4648, bsm.presentValue(PUT, 100, 95, 0.5, 0.20, 0.10, 0.05), 5e-5);
        assertEquals(4.0870, bsm.presentValue(PUT, 75, 70, 0.5, 0.35, 0.10, 0.10 - 0.05), 5e-5);
    }

    @Test
    void haugBlack76ValueOfAnAtTheMoneyFuturesOption()
    {
        assertEquals(1.7011, Black76OptionPricer.DEFAULT.presentValue(CALL, 19, 19, 0.75, 0.28, 0.10), 5e-5);
        assertEquals(1.7011, Black76OptionPricer.DEFAULT.presentValue(PUT, 19, 19, 0.75, 0.28, 0.10), 5e-5);
    }

    @Test
    void haugGreeksExamples()
    {
        bsm.price(CALL, 105, 100, 0.5, 0.36, 0.10, 0.10, greeks);
        assertEquals(0.5946, greeks.delta(), 5e-5);
        bsm.price(PUT, 105, 100, 0.5, 0.36, 0.10, 0.10, greeks);
        assertEquals(-0.3566, greeks.delta(), 5e-5);

        bsm.price(CALL, 55, 60, 0.75, 0.30, 0.10, 0.0, greeks);
        assertEquals(0.0278, greeks.gamma(), 5e-5);

        bsm.price(PUT, 430, 405, 0.0833, 0.20, 0.07, 0.07 - 0.02, greeks);
        assertEquals(-31.1924, greeks.theta(), 5e-5);

        bsm.price(CALL, 72, 75, 1.0, 0.19, 0.09, 0.0, greeks);
        assertEquals(38.7325, greeks.rho(), 5e-5);
    }

    @Test
    void deribitStyleInverseCallIsTheUsdBlackPriceOverTheForward()
    {
        // 60k forward, 65k strike, 30 days, 55% vol, Deribit's zero rate: the USD Black-76 value converted at F.
        final double usd = Black76OptionPricer.DEFAULT.presentValue(CALL, 60_000, 65_000, 30.0 / 365, 0.55, 0.0);
        InverseOptionPricer.DEFAULT.price(CALL, 60_000, 65_000, 30.0 / 365, 0.55, 0.0, greeks);
        assertEquals(usd / 60_000, greeks.price(), 1e-16);
        // Deribit's FAQ example shape: net transaction delta = Black-Scholes delta - premium in coin.
        assertEquals(greeks.delta() - greeks.price(), greeks.premiumAdjustedDelta(), 0.0);
        final double t = 30.0 / 365;
        final double d1 = (Math.log(60_000.0 / 65_000.0) + 0.5 * 0.55 * 0.55 * t) / (0.55 * Math.sqrt(t));
        assertEquals(0.5 * Erf.erfc(-d1 / Math.sqrt(2)), greeks.delta(), 1e-15);
    }
}
