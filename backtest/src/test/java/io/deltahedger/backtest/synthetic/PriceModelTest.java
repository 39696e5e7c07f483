package io.deltahedger.backtest.synthetic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The models' laws checked by simulation against their closed-form moments, within a few standard errors. */
class PriceModelTest
{
    private static final int PATHS = 40_000;
    private static final long SEED = 20261121L;

    /** Terminal prices of {@code PATHS} paths of {@code steps} equal steps over {@code years}. */
    private static double[] terminal(final PriceModel model, final double spot, final double years, final int steps)
    {
        final PathStepper stepper = model.newStepper();
        final PathRandom random = new PathRandom(SEED);
        final double[] out = new double[PATHS];
        for (int path = 0; path < PATHS; path++)
        {
            random.reset(SEED, path);
            stepper.start(spot);
            for (int i = 0; i < steps; i++)
            {
                stepper.advance(years / steps, random);
            }
            out[path] = stepper.spot();
        }
        return out;
    }

    private static double mean(final double[] values)
    {
        double sum = 0;
        for (final double v : values)
        {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(final double[] values)
    {
        final double m = mean(values);
        double sum = 0;
        for (final double v : values)
        {
            sum += (v - m) * (v - m);
        }
        return sum / (values.length - 1);
    }

    private static double[] logReturns(final double[] terminal, final double spot)
    {
        final double[] out = new double[terminal.length];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = Math.log(terminal[i] / spot);
        }
        return out;
    }

    private static void assertMeanPrice(final double[] terminal, final double expected)
    {
        final double standardError = Math.sqrt(variance(terminal) / terminal.length);
        final double m = mean(terminal);
        assertTrue(Math.abs(m - expected) < 4 * standardError,
            "mean terminal price " + m + " vs S0 e^{mu T} = " + expected + " (standard error " + standardError + ")");
    }

    @Test
    void gbmGrowsAtItsDriftAndItsLogReturnsHaveVarianceVolSquaredTimesT()
    {
        final double[] prices = terminal(new GbmModel(0.1, 0.6), 50_000, 0.5, 3);
        assertMeanPrice(prices, 50_000 * Math.exp(0.1 * 0.5));
        final double logVariance = variance(logReturns(prices, 50_000));
        // Sample variance of a normal has relative standard error sqrt(2/n) = 0.7%.
        assertEquals(0.36 * 0.5, logVariance, 0.18 * 4 * Math.sqrt(2.0 / PATHS));
        assertEquals((0.1 - 0.18) * 0.5, mean(logReturns(prices, 50_000)), 4 * Math.sqrt(0.18 / PATHS));
    }

    @Test
    void gbmStepsAreExactSoOneStepAndManyStepsHaveTheSameLaw()
    {
        final double oneStep = variance(logReturns(terminal(new GbmModel(0, 0.8), 100, 1.0, 1), 100));
        final double manySteps = variance(logReturns(terminal(new GbmModel(0, 0.8), 100, 1.0, 50), 100));
        assertEquals(0.64, oneStep, 0.64 * 0.03);
        assertEquals(0.64, manySteps, 0.64 * 0.03);
    }

    @Test
    void hestonGrowsAtItsDriftAndItsVarianceRevertsToTheLongRunMean()
    {
        final HestonModel model = new HestonModel(0.05, 0.16, 3.0, 0.49, 0.6, -0.6);
        final PathStepper stepper = model.newStepper();
        final PathRandom random = new PathRandom(SEED);
        final double years = 0.5;
        double sumVariance = 0;
        final double[] prices = new double[PATHS];
        for (int path = 0; path < PATHS; path++)
        {
            random.reset(SEED, path);
            stepper.start(2_000);
            stepper.advance(years, random);
            prices[path] = stepper.spot();
            sumVariance += stepper.variance();
        }
        assertMeanPrice(prices, 2_000 * Math.exp(0.05 * years));
        // E[v_T] = theta + (v0 - theta) e^{-kappa T}; full truncation biases it up by a little at daily steps.
        final double expected = 0.49 + (0.16 - 0.49) * Math.exp(-3.0 * years);
        assertEquals(expected, sumVariance / PATHS, expected * 0.02);
    }

    @Test
    void hestonWithoutVolOfVolIsGbmWithADeterministicVariance()
    {
        final PathStepper stepper = new HestonModel(0.0, 0.25, 2.0, 0.25, 0.0, 0.3).newStepper();
        final PathRandom random = new PathRandom(SEED);
        stepper.start(100);
        stepper.advance(1.0, random);
        assertEquals(0.25, stepper.variance(), 1e-15);
        final double[] prices = terminal(new HestonModel(0.0, 0.25, 2.0, 0.25, 0.0, 0.3), 100, 1.0, 1);
        assertEquals(0.25, variance(logReturns(prices, 100)), 0.25 * 0.03);
    }

    @Test
    void mertonGrowsAtItsDriftWithCompensatedJumpsAndHasTheTotalVariance()
    {
        final MertonJumpModel model = new MertonJumpModel(0.02, 0.4, 8.0, -0.08, 0.12);
        final double[] prices = terminal(model, 30_000, 1.0, 12);
        assertMeanPrice(prices, 30_000 * Math.exp(0.02));
        final double expectedVariance = model.totalVariance();
        assertEquals(expectedVariance, variance(logReturns(prices, 30_000)), expectedVariance * 0.04);
        // Jumps skew log-returns to the left (jump mean < 0): the third central moment is negative.
        final double[] logs = logReturns(prices, 30_000);
        final double m = mean(logs);
        double third = 0;
        for (final double v : logs)
        {
            third += (v - m) * (v - m) * (v - m);
        }
        assertTrue(third < 0, "negative skew expected, got third moment " + third);
    }

    @Test
    void aPathDependsOnlyOnTheSeedAndItsStream()
    {
        final PathRandom random = new PathRandom(1);
        final double[] first = new double[5];
        random.reset(7, 42);
        for (int i = 0; i < first.length; i++)
        {
            first[i] = random.nextGaussian();
        }
        random.reset(7, 41);
        final double other = random.nextGaussian();
        random.reset(7, 42);
        for (final double expected : first)
        {
            assertEquals(expected, random.nextGaussian(), 0.0);
        }
        assertNotEquals(first[0], other);
        random.reset(8, 42);
        assertNotEquals(first[0], random.nextGaussian());
    }

    @Test
    void normalDrawsHaveUnitVarianceAndUniformDrawsStayInsideTheOpenInterval()
    {
        final PathRandom random = new PathRandom(SEED);
        double sum = 0;
        double squares = 0;
        final int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            final double z = random.nextGaussian();
            sum += z;
            squares += z * z;
            final double u = random.nextOpenUnit();
            assertTrue(u > 0.0 && u < 1.0, "uniform draw " + u);
        }
        assertEquals(0.0, sum / n, 4 / Math.sqrt(n));
        assertEquals(1.0, squares / n, 4 * Math.sqrt(2.0 / n));
    }

    @Test
    void badParametersAreRefusedWithTheParameterAndTheValue()
    {
        final IllegalArgumentException vol = assertThrows(IllegalArgumentException.class, () -> new GbmModel(0, -0.2));
        assertTrue(vol.getMessage().contains("gbm vol") && vol.getMessage().contains("-0.2"), vol.getMessage());
        final IllegalArgumentException rho =
            assertThrows(IllegalArgumentException.class, () -> new HestonModel(0, 0.1, 1, 0.1, 0.5, -1.5));
        assertTrue(rho.getMessage().contains("correlation") && rho.getMessage().contains("-1.5"), rho.getMessage());
        final IllegalArgumentException drift =
            assertThrows(IllegalArgumentException.class, () -> new MertonJumpModel(Double.NaN, 0.1, 1, 0, 0.1));
        assertTrue(drift.getMessage().contains("jump drift") && drift.getMessage().contains("NaN"), drift.getMessage());
        final PathStepper stepper = new GbmModel(0, 0.2).newStepper();
        assertThrows(IllegalStateException.class, () -> stepper.advance(0.1, new PathRandom(1)));
        stepper.start(10);
        assertThrows(IllegalArgumentException.class, () -> stepper.advance(-0.1, new PathRandom(1)));
    }
}
