package io.deltahedger.venues.json;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonCursorTest {
    private static JsonCursor cursor(final String json) {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new JsonCursor().wrap(bytes, 0, bytes.length);
    }

    @Test
    void readsNumbersAsExactMantissaAndScale() {
        JsonCursor j = cursor("60000.50");
        assertTrue(j.readNumber());
        assertEquals(600005, j.mantissa());
        assertEquals(1, j.scale());
        j = cursor("-0.00103");
        assertTrue(j.readNumber());
        assertEquals(-103, j.mantissa());
        assertEquals(5, j.scale());
        j = cursor("1.5e-05");
        assertTrue(j.readNumber());
        assertEquals(15, j.mantissa());
        assertEquals(6, j.scale());
        j = cursor("3E+2");
        assertTrue(j.readNumber());
        assertEquals(300.0, j.doubleValue());
        j = cursor("1234567890123456789012345");
        assertTrue(j.readNumber());
        assertTrue(j.inexact());
        assertEquals(1.234567890123456789e24, j.doubleValue(), 1e9);
    }

    @Test
    void refusesNanInfinityStringsAndNullWhereANumberIsRequired() {
        for (final String notANumber : new String[] {"NaN", "\"NaN\"", "Infinity", "-Infinity", "true", "null"}) {
            final JsonCursor j = cursor(notANumber);
            assertFalse(j.readNumber(), notANumber);
            assertEquals(JsonCursor.Failure.NOT_A_NUMBER, j.failure(), notANumber);
        }
        assertEquals(JsonCursor.NULL, cursor("null").readNumberOrNull());
        final JsonCursor j = cursor("12.");
        assertFalse(j.readNumber());
        assertEquals(JsonCursor.Failure.TRUNCATED, j.failure());
    }

    @Test
    void skipsNestedValuesAndDetectsTruncation() {
        final JsonCursor j = cursor("{\"a\":[1,2,{\"b\":\"x\\\"y\"}],\"c\":true,\"d\":null} ");
        assertTrue(j.skipValue());
        assertTrue(j.atEnd());
        final JsonCursor truncated = cursor("{\"a\":[1,2,{\"b\":\"x");
        assertFalse(truncated.skipValue());
        assertEquals(JsonCursor.Failure.TRUNCATED, truncated.failure());
        final JsonCursor deep = cursor("[".repeat(40) + "]".repeat(40));
        assertFalse(deep.skipValue());
        assertEquals(JsonCursor.Failure.TOO_DEEP, deep.failure());
    }

    @Test
    void aNonAsciiByteIsMalformedNotTheEnd() {
        final byte[] bytes = {'[', (byte) 0xff, ']'};
        final JsonCursor j = new JsonCursor().wrap(bytes, 0, bytes.length);
        assertFalse(j.skipValue());
        assertEquals(JsonCursor.Failure.MALFORMED, j.failure());
    }

    @Test
    void namesMatchOnlyTheirExactBytes() {
        final JsonCursor j = cursor("\"best_bid_price\"");
        assertTrue(j.readString());
        assertTrue(j.stringIs(new JsonCursor.Name("best_bid_price")));
        assertFalse(j.stringIs(new JsonCursor.Name("best_ask_price")), "same length, first and last byte");
        assertFalse(j.stringIs(new JsonCursor.Name("best_bid_pric")));
        final JsonCursor empty = cursor("\"\"");
        assertTrue(empty.readString());
        assertTrue(empty.stringIs(new JsonCursor.Name("")));
    }

    @Test
    void comparesStringsInPlace() {
        final JsonCursor j = cursor("\"subscription\"");
        assertTrue(j.readString());
        assertTrue(j.stringEquals("subscription".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(j.stringEquals("subscriptio".getBytes(StandardCharsets.US_ASCII)));
    }

    @Property(seed = "7", tries = 3000)
    void doubleValueIsCorrectlyRoundedOnTheFastPath(
        @ForAll @LongRange(min = -(1L << 53) + 1, max = (1L << 53) - 1) final long mantissa,
        @ForAll @IntRange(min = 0, max = 22) final int scale) {
        final String text = BigDecimal.valueOf(mantissa, scale).toPlainString();
        final JsonCursor j = cursor(text);
        assertTrue(j.readNumber());
        assertEquals(Double.parseDouble(text), j.doubleValue(), text);
    }

    @Property(seed = "11", tries = 3000)
    void doubleValueIsWithinTwoUlpsForAnyDoubleText(@ForAll final double value) {
        if (!Double.isFinite(value) || (value != 0 && (Math.abs(value) < 1e-300 || Math.abs(value) > 1e300))) {
            return;
        }
        final String text = Double.toString(value);
        final JsonCursor j = cursor(text);
        assertTrue(j.readNumber(), text);
        assertEquals(value, j.doubleValue(), 2 * Math.ulp(value), text);
    }
}
