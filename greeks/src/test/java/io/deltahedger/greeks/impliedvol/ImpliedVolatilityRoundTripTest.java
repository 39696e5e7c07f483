package io.deltahedger.greeks.impliedvol;

import io.deltahedger.greeks.pricing.Black76OptionPricer;
import io.deltahedger.greeks.pricing.BlackScholesMertonOptionPricer;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.LinearOptionPricer;
import io.deltahedger.greeks.pricing.OptionType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * price -> implied vol -> price over a dense grid: |ln F/K| up to 3, expiries one minute to three years, vols 1% to
 * 500%, calls and puts, all four models. The contract is 1e-12 relative in price; the grid skips only prices whose
 * out-of-the-money part underflows double precision (below 1e-290 of sqrt(F K)), where no volatility is recoverable.
 */
class ImpliedVolatilityRoundTripTest
{
    static final double[] LOG_MONEYNESS = {-3.0, -2.5, -2.0, -1.5, -1.0, -0.6, -0.3, -0.1, -0.03, -0.01, -1e-3, -1e-5,
        0.0, 1e-5, 1e-3, 0.01, 0.03, 0.1, 0.3, 0.6, 1.0, 1.5, 2.0, 2.5, 3.0};
    static final double MINUTE = 1.0 / (365.0 * 24 * 60);
    static final double[] EXPIRIES = {MINUTE, 10 * MINUTE, 60 * MINUTE, 1.0 / 365, 7.0 / 365, 30.0 / 365, 0.25, 1.0, 3.0};
    static final double[] VOLS = {0.01, 0.03, 0.1, 0.2, 0.5, 0.8, 1.0, 1.5, 2.0, 3.0, 5.0};

    private final ImpliedVolatilityCalculator calculator = ImpliedVolatilityCalculator.DEFAULT;
    private final ImpliedVolatilityResult result = new ImpliedVolatilityResult();

    @Test
    void black76PricesRoundTripTo1e12RelativeOverTheWholeGrid()
    {
        final Stats stats = new Stats();
        for (final OptionType type : OptionType.values())
        {
            for (final double x : LOG_MONEYNESS)
            {
                for (final double t : EXPIRIES)
                {
                    for (final double vol : VOLS)
                    {
                        final double forward = 60_000.0;
                        final double strike = forward * Math.exp(-x);
                        final double rate = 0.03;
                        final double price = Black76OptionPricer.DEFAULT.presentValue(type, forward, strike, t, vol, rate);
                        if (!recoverable(type, forward, strike, price / Math.exp(-rate * t)))
                        {
                            stats.skipped++;
                            continue;
                        }
                        calculator.black76(type, forward, strike, t, price, rate, result);
                        final double repriced = Black76OptionPricer.DEFAULT.presentValue(
                            type, forward, strike, t, result.volatility(), rate);
                        stats.check(type + " x=" + x + " T=" + t + " vol=" + vol, price, repriced, result);
                    }
                }
            }
        }
        stats.assertAll();
    }

    @Test
    void everyModelRoundTripsOnTheGrid()
    {
        final Stats stats = new Stats();
        for (final OptionType type : OptionType.values())
        {
            for (final double x : LOG_MONEYNESS)
            {
                for (final double t : EXPIRIES)
                {
                    for (final double vol : VOLS)
                    {
                        final double spot = 3_000.0;
                        final double rate = 0.05;
                        final double carry = 0.01;
                        final double forward = BlackScholesMertonOptionPricer.forward(spot, t, rate, carry);
                        final double strike = forward * Math.exp(-x);
                        final String where = type + " x=" + x + " T=" + t + " vol=" + vol;

                        final double bsm = BlackScholesMertonOptionPricer.DEFAULT.presentValue(
                            type, spot, strike, t, vol, rate, carry);
                        if (recoverable(type, forward, strike, bsm / Math.exp(-rate * t)))
                        {
                            calculator.blackScholesMerton(type, spot, strike, t, bsm, rate, carry, result);
                            stats.check("bsm " + where, bsm, BlackScholesMertonOptionPricer.DEFAULT.presentValue(
                                type, spot, strike, t, result.volatility(), rate, carry), result);
                        }
                        final double inverse = InverseOptionPricer.DEFAULT.presentValue(type, forward, strike, t, vol, 0.0);
                        if (recoverable(type, forward, strike, inverse * forward))
                        {
                            calculator.inverse(type, forward, strike, t, inverse, 0.0, result);
                            stats.check("inverse " + where, inverse, InverseOptionPricer.DEFAULT.presentValue(
                                type, forward, strike, t, result.volatility(), 0.0), result);
                        }
                        final double linear = LinearOptionPricer.DEFAULT.presentValue(type, forward, strike, t, vol, 0.0);
                        if (recoverable(type, forward, strike, linear))
                        {
                            calculator.linear(type, forward, strike, t, linear, 0.0, result);
                            stats.check("linear " + where, linear, LinearOptionPricer.DEFAULT.presentValue(
                                type, forward, strike, t, result.volatility(), 0.0), result);
                        }
                    }
                }
            }
        }
        stats.assertAll();
    }

    /** The OTM part of the undiscounted price is representable: above 1e-290 of sqrt(F K) and of the intrinsic ulp. */
    static boolean recoverable(final OptionType type, final double forward, final double strike, final double undiscounted)
    {
        final double intrinsic = Math.max(type.sign() * (forward - strike), 0.0);
        final double otm = undiscounted - intrinsic;
        return otm > 1e-290 * Math.sqrt(forward * strike) && otm > 4 * Math.ulp(intrinsic);
    }

    static final class Stats
    {
        int checked;
        int skipped;
        int failed;
        int maxIterations;
        long totalIterations;
        String slowestCase = "";
        double worst;
        String worstCase = "";
        final StringBuilder failures = new StringBuilder();

        void check(final String where, final double price, final double repriced, final ImpliedVolatilityResult result)
        {
            checked++;
            assertEquals(ImpliedVolatilityStatus.SOLVED, result.status(), where);
            if (result.iterations() > maxIterations)
            {
                maxIterations = result.iterations();
                slowestCase = where;
            }
            totalIterations += result.iterations();
            final double error = Math.abs(repriced - price) / price;
            if (error > worst)
            {
                worst = error;
                worstCase = where;
            }
            if (!(error <= 1e-12))
            {
                failed++;
                if (failures.length() < 3000)
                {
                    failures.append(where).append(" price=").append(price).append(" repriced=").append(repriced)
                        .append(" vol=").append(result.volatility()).append(" it=").append(result.iterations())
                        .append('\n');
                }
            }
        }

        void assertAll()
        {
            System.out.printf(
                "round trips: %d checked, %d skipped (underflow), worst %.3g at %s, iterations mean %.2f max %d at %s%n",
                checked, skipped, worst, worstCase, (double)totalIterations / checked, maxIterations, slowestCase);
            assertTrue(checked > 1000, "grid too small: " + checked);
            assertEquals(0, failed, failed + " of " + checked + " round trips above 1e-12:\n" + failures);
        }
    }
}
