package io.deltahedger.backtest.generate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV numbers: rounded half-up to the decimals, trailing zeros dropped, never a non-finite value. */
class DecimalTest
{
    private static String text(final double value, final int decimals)
    {
        return Decimal.append(new StringBuilder(), value, decimals).toString();
    }

    @Test
    void printsPlainDecimalsWithoutTrailingZeros()
    {
        assertEquals("60000", text(60_000.0, 2));
        assertEquals("0.0295", text(0.0295, 4));
        assertEquals("0.0005", text(0.0005, 4));
        assertEquals("62.89", text(62.8949, 2));
        assertEquals("62.9", text(62.895, 2));
        assertEquals("-0.61752", text(-0.617524, 5));
        assertEquals("0.00004494", text(4.4937e-5, 8));
        assertEquals("59999.5", text(119_999 * 0.5, 1));
    }

    @Test
    void aValueThatRoundsToZeroIsZeroWithoutASign()
    {
        assertEquals("0", text(-0.000001, 4));
        assertEquals("0", text(0.0, 8));
    }

    @Test
    void refusesNonFiniteAndTooLargeValues()
    {
        final IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> text(Double.NaN, 2));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> text(1e12, 8));
    }
}
