package io.deltahedger.config.time;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationsTest
{
    @Test
    void parsesEachUnit()
    {
        assertEquals(250L, Durations.parseMs("250ms"));
        assertEquals(5_000L, Durations.parseMs("5s"));
        assertEquals(900_000L, Durations.parseMs("15m"));
        assertEquals(3_600_000L, Durations.parseMs("1h"));
        assertEquals(86_400_000L, Durations.parseMs("1d"));
        assertEquals(0L, Durations.parseMs("0s"));
        assertEquals(5_000L, Durations.parseMs(" 5s "));
    }

    @Test
    void formatsWithTheLargestExactUnit()
    {
        assertEquals("15m", Durations.format(900_000));
        assertEquals("1500ms", Durations.format(1_500));
        assertEquals("1d", Durations.format(86_400_000));
        assertEquals("25h", Durations.format(90_000_000));
        assertEquals("0s", Durations.format(0));
    }

    @Test
    void refusesBareNumbersWithTheSpellingToUse()
    {
        assertMessage("5000", "has no unit: write 5000ms");
    }

    @Test
    void refusesFractions()
    {
        assertMessage("1.5s", "1.5s is 1500ms");
    }

    @Test
    void refusesNegatives()
    {
        assertMessage("-5s", "is negative");
    }

    @Test
    void refusesCompoundForms()
    {
        assertMessage("1h30m", "1h30m is 90m");
    }

    @Test
    void refusesUnknownUnits()
    {
        assertMessage("5 seconds", "ms, s, m, h or d");
        assertMessage("5w", "ms, s, m, h or d");
        assertMessage("", "is empty");
    }

    @Test
    void refusesDurationsThatOverflowMilliseconds()
    {
        assertMessage("9999999999999999d", "too long");
        assertMessage("99999999999999999999ms", "too long");
    }

    @Property(seed = "20261121", tries = 500)
    void formatParsesBackToTheSameMilliseconds(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) final long ms)
    {
        assertEquals(ms, Durations.parseMs(Durations.format(ms)));
    }

    private static void assertMessage(final String text, final String part)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Durations.parseMs(text));
        assertTrue(ex.getMessage().contains(part), ex.getMessage());
    }
}
