package io.deltahedger.venues.instrument;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimalGridTest {
    @Test
    void convertsPricesOnTheGridExactlyBothWays() {
        final DecimalGrid half = DecimalGrid.of("0.5");
        assertEquals(120_001, half.toUnits("60000.5"));
        assertEquals("60000.5", half.format(120_001));
        assertEquals(0, new BigDecimal("60000.5").compareTo(half.toDecimal(120_001)));
        final DecimalGrid optionTick = DecimalGrid.of("0.0005");
        assertEquals(41, optionTick.toUnits("0.0205"));
        assertEquals("0.0205", optionTick.format(41));
    }

    @Test
    void refusesAValueOffTheGridNamingValueAndStep() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> DecimalGrid.of("0.5").toUnits("60000.25"));
        assertTrue(e.getMessage().contains("60000.25") && e.getMessage().contains("0.5"), e.getMessage());
    }

    @Test
    void refusesANonPositiveStep() {
        assertThrows(IllegalArgumentException.class, () -> DecimalGrid.of("0"));
        assertThrows(IllegalArgumentException.class, () -> DecimalGrid.of("-0.5"));
        assertThrows(IllegalArgumentException.class, () -> DecimalGrid.of("abc"));
    }

    @Test
    void unitsOfHandlesTrailingZerosExponentsAndOffGridValues() {
        final DecimalGrid half = DecimalGrid.of("0.5");
        assertEquals(120_001, half.unitsOf(6_000_050, 2));       // 60000.50
        assertEquals(120_000, half.unitsOf(6, -4));              // 6e4
        assertEquals(DecimalGrid.OFF_GRID, half.unitsOf(6_000_025, 2));
        assertEquals(DecimalGrid.OUT_OF_RANGE, half.unitsOf(Long.MAX_VALUE / 3, -1));
        assertEquals(DecimalGrid.OFF_GRID, DecimalGrid.of("10").unitsOf(15, 0));
        assertEquals(-3, DecimalGrid.of("10").unitsOf(-30, 0));
    }

    @Property(seed = "42", tries = 2000)
    void unitsOfAgreesWithBigDecimalArithmetic(
        @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) final long unscaled,
        @ForAll @IntRange(min = -3, max = 12) final int scale,
        @ForAll("steps") final String step) {
        final DecimalGrid grid = DecimalGrid.of(step);
        final BigDecimal value = BigDecimal.valueOf(unscaled, scale);
        final long units = grid.unitsOf(unscaled, scale);
        final BigDecimal[] qr = value.divideAndRemainder(grid.step());
        if (qr[1].signum() != 0) {
            assertEquals(DecimalGrid.OFF_GRID, units, value + " on " + step);
        } else if (units != DecimalGrid.OUT_OF_RANGE) {
            assertEquals(qr[0].longValueExact(), units, value + " on " + step);
            assertEquals(0, value.compareTo(grid.toDecimal(units)));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> steps() {
        return net.jqwik.api.Arbitraries.of("0.5", "0.0005", "0.0001", "10", "1", "0.05", "2.5", "0.001", "25");
    }
}
