package io.deltahedger.config.time;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser and printer of configuration durations: a whole number followed by one unit, {@code ms}, {@code s},
 * {@code m} (minutes), {@code h} or {@code d} (24 h days), for example {@code 250ms}, {@code 5s}, {@code 15m},
 * {@code 1h}, {@code 1d}. Durations are held as {@code long} milliseconds. Fractions, signs, bare numbers and
 * compound forms ({@code 1h30m}) are refused with a message that shows the accepted spelling.
 */
public final class Durations
{
    private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final String[] UNITS = {"d", "h", "m", "s"};
    private static final long[] UNIT_MS = {86_400_000L, 3_600_000L, 60_000L, 1_000L};

    private Durations()
    {
    }

    /**
     * Parses a duration.
     *
     * @param text e.g. {@code 15m}.
     * @return milliseconds, &gt;= 0.
     * @throws IllegalArgumentException whose message says what is wrong and how to write it (it does not repeat
     *                                  the text, which the caller names with its key).
     */
    public static long parseMs(final String text)
    {
        if (text == null || text.isBlank())
        {
            throw new IllegalArgumentException("is empty: write a duration such as 250ms, 5s, 15m, 1h or 1d");
        }
        final String t = text.trim();
        final Matcher m = FORM.matcher(t);
        if (!m.matches())
        {
            throw new IllegalArgumentException(explain(t));
        }
        final long unitMs = switch (m.group(2))
        {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
        };
        try
        {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unitMs);
        }
        catch (final ArithmeticException | NumberFormatException ex)
        {
            throw new IllegalArgumentException("is too long to count in milliseconds: use at most 100000d");
        }
    }

    /** The shortest exact spelling of a duration, e.g. 900000 -> {@code 15m}, 1500 -> {@code 1500ms}. */
    public static String format(final long ms)
    {
        if (ms < 0)
        {
            throw new IllegalArgumentException("a duration must be >= 0 ms, was " + ms);
        }
        if (ms == 0)
        {
            return "0s";
        }
        for (int i = 0; i < UNITS.length; i++)
        {
            if (ms % UNIT_MS[i] == 0)
            {
                return (ms / UNIT_MS[i]) + UNITS[i];
            }
        }
        return ms + "ms";
    }

    private static String explain(final String t)
    {
        if (t.startsWith("-"))
        {
            return "is negative: a duration is >= 0, e.g. 5s";
        }
        if (t.matches("\\d+"))
        {
            return "has no unit: write " + t + "ms or use s, m, h or d (e.g. 5s)";
        }
        final Matcher fraction = Pattern.compile("(\\d*)[.,](\\d+)(ms|s|m|h|d)").matcher(t);
        if (fraction.matches())
        {
            return "has a fraction: durations are whole numbers of one unit; use a smaller unit (1.5s is 1500ms)";
        }
        if (t.matches("(\\d+(ms|s|m|h|d))+"))
        {
            return "combines units: use one unit (1h30m is 90m)";
        }
        return "is not a duration: write a whole number and one unit of ms, s, m, h or d, e.g. 250ms, 5s, 15m, 1h, 1d";
    }
}
