package io.deltahedger.backtest.generate;

/**
 * Plain decimal text for CSV cells without {@link String#format}: the value rounded half-up to a fixed number of
 * decimals, trailing zeros dropped ({@code 60000}, {@code 0.0295}, {@code 62.89}), as Tardis files print numbers.
 */
final class Decimal
{
    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    private Decimal()
    {
    }

    /**
     * Appends {@code value} with at most {@code decimals} (0..9) decimals.
     *
     * @throws IllegalArgumentException for a non-finite value or one too large for the decimals (|value| * 10^decimals
     *                                  at or above 9e15, past which a double no longer holds every integer).
     */
    static StringBuilder append(final StringBuilder out, final double value, final int decimals)
    {
        if (!Double.isFinite(value))
        {
            throw new IllegalArgumentException("cannot write " + value + " to a CSV cell: every value must be finite");
        }
        final long scale = POWERS[decimals];
        final double scaled = Math.abs(value) * scale;
        if (scaled >= 9e15)
        {
            throw new IllegalArgumentException("cannot write " + value + " with " + decimals + " decimals exactly");
        }
        final long units = Math.round(scaled);
        if (units == 0)
        {
            return out.append('0');
        }
        if (value < 0)
        {
            out.append('-');
        }
        out.append(units / scale);
        long fraction = units % scale;
        if (fraction != 0)
        {
            int digits = decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            out.append('.');
            for (int i = digits - 1; i >= 0; i--)
            {
                out.append((char)('0' + (fraction / POWERS[i]) % 10));
            }
        }
        return out;
    }
}
