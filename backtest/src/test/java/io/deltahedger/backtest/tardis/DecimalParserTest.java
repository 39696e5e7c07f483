package io.deltahedger.backtest.tardis;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimalParserTest
{
    private final DecimalParser parser = new DecimalParser();

    private int parse(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return parser.parse(bytes, 0, bytes.length);
    }

    @ParameterizedTest
    @CsvSource({
        "9756.36, 975636, 2",
        "-0.61752, -61752, 5",
        "15.0, 150, 1",
        "18640, 18640, 0",
        "1.5e-7, 15, 8",
        "1.5E+3, 15, -2",
        "0.00000123, 123, 8",
        "+42, 42, 0",
        "0, 0, 0",
        ".5, 5, 1",
        "7., 7, 0",
    })
    void parsesJavaScriptNumbersIntoMantissaAndScale(final String text, final long mantissa, final int scale)
    {
        assertEquals(DecimalParser.OK, parse(text));
        assertEquals(mantissa, parser.mantissa());
        assertEquals(scale, parser.scale());
        assertFalse(parser.inexact());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "abc", "-", ".", "1.2.3", "1e", "1e+", "12a", "1e999",
        "0x10", " 1"})
    void refusesAnythingThatIsNotAFiniteDecimal(final String text)
    {
        assertEquals(DecimalParser.NOT_A_NUMBER, parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void anEmptyCellIsEmptyNotZero(final String text)
    {
        assertEquals(DecimalParser.EMPTY, parse(text));
    }

    @ParameterizedTest
    @CsvSource({
        "0.12345678901234567891, 123456789012345678, 18",
        "123456789012345678912, 123456789012345678, -3",
    })
    void keepsEighteenSignificantDigitsAndFlagsTheRest(final String text, final long mantissa, final int scale)
    {
        assertEquals(DecimalParser.OK, parse(text));
        assertEquals(mantissa, parser.mantissa());
        assertEquals(scale, parser.scale());
        assertTrue(parser.inexact());
    }

    @Property(seed = "20261121", tries = 2000)
    void doubleValueIsTheCorrectlyRoundedValueOfWhatJavaPrints(
        @ForAll @DoubleRange(min = -1e9, max = 1e9) final double value)
    {
        // Java's shortest repr (like JavaScript's) has at most 17 digits; short ones must round exactly.
        final String text = new BigDecimal(Double.toString(value)).round(new java.math.MathContext(15))
            .toString();
        assertEquals(DecimalParser.OK, parse(text));
        assertEquals(Double.parseDouble(text), parser.doubleValue(), 0.0, text);
    }

    @ParameterizedTest
    @CsvSource({"1591574400196008, 1591574400196008", "0, 0", "'', -1", "-5, -1", "1.5, -1",
        "1234567890123456789, -1"})
    void microsecondTimestampsAreWholeNonNegativeNumbersOfAtMostEighteenDigits(final String text, final long expected)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertEquals(expected, DecimalParser.parseUnsignedLong(bytes, 0, bytes.length));
    }
}
