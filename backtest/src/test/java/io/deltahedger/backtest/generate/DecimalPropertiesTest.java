package io.deltahedger.backtest.generate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every CSV number reads back as the value rounded to its decimals, in plain notation. */
class DecimalPropertiesTest
{
    @Property(seed = "2026", tries = 2_000)
    void readsBackAsTheRoundedValue(
        @ForAll @DoubleRange(min = -1e6, max = 1e6) final double value,
        @ForAll @IntRange(min = 0, max = 8) final int decimals)
    {
        final String text = Decimal.append(new StringBuilder(), value, decimals).toString();
        assertFalse(text.contains("E") || text.endsWith(".") || (text.contains(".") && text.endsWith("0")), text);
        final double scale = Math.pow(10, decimals);
        final double expected = Math.signum(value) * Math.round(Math.abs(value) * scale) / scale;
        assertEquals(expected, new BigDecimal(text).doubleValue(), 1e-9 * Math.max(1, Math.abs(value)), text);
        assertTrue(new BigDecimal(text).scale() <= decimals, text);
    }
}
