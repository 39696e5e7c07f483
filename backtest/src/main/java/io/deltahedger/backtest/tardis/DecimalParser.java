package io.deltahedger.backtest.tardis;

/**
 * Parses the decimal numbers of Tardis CSV (as JavaScript prints them: {@code 9756.36}, {@code -0.61752},
 * {@code 1.5e-7}) from a byte range into {@code mantissa * 10^-scale} without allocating, so that prices and amounts
 * go onto an instrument's exact grid ({@link io.deltahedger.venues.instrument.DecimalGrid#unitsOf(long, int)}) and
 * everything else becomes a double.
 *
 * <p>Accepted: an optional sign, digits with at most one decimal point, an optional exponent {@code e|E[+-]digits}.
 * Everything else ({@code NaN}, {@code Infinity}, text, a lone sign or point) is {@link #NOT_A_NUMBER}. Up to 18
 * significant digits are kept exactly; further digits are dropped and {@link #inexact()} is set (JavaScript prints at
 * most 17). Single-threaded; the result fields hold the last parse.
 */
final class DecimalParser
{
    /** The field parsed to a number. */
    static final int OK = 0;
    /** The field is empty (Tardis: the value was not provided). */
    static final int EMPTY = 1;
    /** The field is not a finite decimal number. */
    static final int NOT_A_NUMBER = 2;

    private static final int MAX_DIGITS = 18;
    private static final int MAX_EXPONENT = 400;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    private long mantissa;
    private int scale;
    private boolean inexact;

    /**
     * Parses {@code buf[from, to)}.
     *
     * @return {@link #OK}, {@link #EMPTY} or {@link #NOT_A_NUMBER}
     */
    int parse(final byte[] buf, final int from, final int to)
    {
        if (from >= to)
        {
            return EMPTY;
        }
        int i = from;
        boolean negative = false;
        if (buf[i] == '-' || buf[i] == '+')
        {
            negative = buf[i] == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int sc = 0;
        boolean sawDigit = false;
        boolean sawPoint = false;
        boolean dropped = false;
        for (; i < to; i++)
        {
            final int c = buf[i];
            if (c >= '0' && c <= '9')
            {
                sawDigit = true;
                if (digits < MAX_DIGITS)
                {
                    if (m != 0 || c != '0')
                    {
                        digits++;
                    }
                    m = m * 10 + (c - '0');
                    if (sawPoint)
                    {
                        sc++;
                    }
                }
                else
                {
                    dropped |= c != '0';
                    if (!sawPoint)
                    {
                        sc--;
                    }
                }
            }
            else if (c == '.' && !sawPoint)
            {
                sawPoint = true;
            }
            else
            {
                break;
            }
        }
        if (!sawDigit)
        {
            return NOT_A_NUMBER;
        }
        if (i < to)
        {
            final int c = buf[i];
            if (c != 'e' && c != 'E')
            {
                return NOT_A_NUMBER;
            }
            i++;
            boolean negativeExponent = false;
            if (i < to && (buf[i] == '-' || buf[i] == '+'))
            {
                negativeExponent = buf[i] == '-';
                i++;
            }
            if (i == to)
            {
                return NOT_A_NUMBER;
            }
            int exponent = 0;
            for (; i < to; i++)
            {
                final int d = buf[i];
                if (d < '0' || d > '9')
                {
                    return NOT_A_NUMBER;
                }
                exponent = exponent * 10 + (d - '0');
                if (exponent > MAX_EXPONENT)
                {
                    return NOT_A_NUMBER;
                }
            }
            sc += negativeExponent ? exponent : -exponent;
        }
        mantissa = negative ? -m : m;
        scale = sc;
        inexact = dropped;
        return OK;
    }

    /**
     * Parses a non-negative integer of at most 18 digits (timestamps in microseconds).
     *
     * @return the value, or -1 if the field is empty or not such an integer
     */
    static long parseUnsignedLong(final byte[] buf, final int from, final int to)
    {
        if (from >= to || to - from > MAX_DIGITS)
        {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++)
        {
            final int c = buf[i];
            if (c < '0' || c > '9')
            {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The signed digits of the last number. */
    long mantissa()
    {
        return mantissa;
    }

    /** The power of ten the mantissa is divided by (negative: multiplied). */
    int scale()
    {
        return scale;
    }

    /** Whether significant digits beyond the 18th were dropped. */
    boolean inexact()
    {
        return inexact;
    }

    /**
     * The last number as a double: correctly rounded when the mantissa is below 2^53 (any number of up to 15 digits) and the
     * scale is within 22 (every price, size and Greek Tardis prints in practice), within an ulp or two otherwise; 0 or infinite when
     * out of the double range (callers check {@link Double#isFinite(double)}).
     */
    double doubleValue()
    {
        final long m = mantissa;
        final int s = scale;
        if (m == 0)
        {
            return 0.0;
        }
        if (Math.abs(m) < (1L << 53))
        {
            if (s >= 0 && s <= 22)
            {
                return m / POW10[s];
            }
            if (s < 0 && s >= -22)
            {
                return m * POW10[-s];
            }
        }
        return s >= 0 ? m / Math.pow(10, s) : m * Math.pow(10, -s);
    }
}
