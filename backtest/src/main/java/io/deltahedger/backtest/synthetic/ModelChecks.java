package io.deltahedger.backtest.synthetic;

/** Argument checks shared by the models' constructors: each failure names the parameter, the value and the fix. */
final class ModelChecks
{
    private ModelChecks()
    {
    }

    static void finite(final String model, final String name, final double value, final String allowed)
    {
        if (!Double.isFinite(value))
        {
            throw new IllegalArgumentException(model + " " + name + " must be finite (" + allowed + "), got " + value);
        }
    }

    static void nonNegative(final String model, final String name, final double value, final String allowed)
    {
        if (!(value >= 0.0 && value < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                model + " " + name + " must be a finite number >= 0 (" + allowed + "), got " + value);
        }
    }

    static void positive(final String model, final String name, final double value, final String allowed)
    {
        if (!(value > 0.0 && value < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                model + " " + name + " must be a finite number > 0 (" + allowed + "), got " + value);
        }
    }

    static void step(final double spot, final double dtYears)
    {
        if (!(dtYears > 0.0 && dtYears < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException("path step dtYears must be a finite number > 0, got " + dtYears);
        }
        if (!(spot > 0.0))
        {
            throw new IllegalStateException("path not started: call start(spot) with a spot > 0 before advance");
        }
    }
}
