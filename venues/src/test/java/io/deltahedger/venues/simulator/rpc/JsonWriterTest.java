package io.deltahedger.venues.simulator.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonWriterTest
{
    private final JsonWriter writer = new JsonWriter();

    @Test
    void writesNestedObjectsAndArraysWithCommas()
    {
        final ByteBuf buf = Unpooled.buffer();
        writer.wrap(buf).beginObject().name("a").number(1).name("b").beginArray().string("x").bool(true).nullValue()
            .beginArray().endArray().endArray().name("c").beginObject().endObject().endObject();
        assertEquals("{\"a\":1,\"b\":[\"x\",true,null,[]],\"c\":{}}", buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void escapesQuotesBackslashesControlsAndUnicode() throws Exception
    {
        final ByteBuf buf = Unpooled.buffer();
        final String text = "q\"b\\n\n\u0001é€😀";
        writer.wrap(buf).string(text);
        assertEquals(text, new ObjectMapper().readValue(buf.toString(StandardCharsets.UTF_8), String.class));
    }

    @Test
    void decimalsDropTrailingZerosAndRoundHalfUp()
    {
        assertEquals("43250.5", decimal(43250.5, 1));
        assertEquals("10", decimal(10.0, 4));
        assertEquals("-0.0005", decimal(-0.0005, 4));
        assertEquals("0.000000165", decimal(1.65e-7, 12));
        assertEquals("0.13", decimal(0.125, 2));
        assertEquals("0", decimal(0.0, 8));
    }

    @Test
    void refusesNonFiniteNumbers()
    {
        final ByteBuf buf = Unpooled.buffer();
        assertThrows(IllegalStateException.class, () -> writer.wrap(buf).decimal(Double.NaN, 2));
        assertThrows(IllegalStateException.class, () -> writer.wrap(buf).decimal(Double.POSITIVE_INFINITY, 2));
    }

    @Property(seed = "42", tries = 500)
    void decimalsParseBackWithinHalfAUnitOfTheLastPlace(
        @ForAll @DoubleRange(min = -1e6, max = 1e6) final double value, @ForAll @IntRange(min = 0, max = 12) final int places)
    {
        final double parsed = Double.parseDouble(decimal(value, places));
        assertEquals(value, parsed, 0.5 * Math.pow(10, -places) + Math.ulp(value) * 4);
    }

    @Property(seed = "43", tries = 300)
    void longsRoundTrip(@ForAll final long value)
    {
        final ByteBuf buf = Unpooled.buffer();
        writer.wrap(buf).number(value);
        assertEquals(Long.toString(value), buf.toString(StandardCharsets.UTF_8));
    }

    private String decimal(final double value, final int places)
    {
        final ByteBuf buf = Unpooled.buffer();
        writer.wrap(buf).decimal(value, places);
        return buf.toString(StandardCharsets.US_ASCII);
    }
}
