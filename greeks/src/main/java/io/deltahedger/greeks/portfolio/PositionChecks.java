package io.deltahedger.greeks.portfolio;

/** Construction checks shared by the position records; each failure names the field, the value and the fix. */
final class PositionChecks
{
    private PositionChecks()
    {
    }

    static void requireName(final String what, final String value)
    {
        if (value == null || value.isBlank())
        {
            throw new IllegalArgumentException(what + " is missing: give a non-blank name");
        }
    }

    static void requireFinite(final String what, final double value)
    {
        if (!(Math.abs(value) < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(what + " must be a finite number, was " + value);
        }
    }

    static void requirePositive(final String what, final double value, final String unit)
    {
        if (!(value > 0.0 && value < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(what + " must be a finite number > 0 in " + unit + ", was " + value);
        }
    }
}
