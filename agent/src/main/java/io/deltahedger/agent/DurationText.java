package io.deltahedger.agent;

import picocli.CommandLine;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Durations on the command line: a positive whole number and a unit, {@code w} (weeks), {@code d} (days), {@code h}
 * (hours), {@code m} (minutes), {@code s} (seconds) or {@code ms} (milliseconds): {@code 1w}, {@code 1d}, {@code 4h},
 * {@code 30m}, {@code 100ms}. In years they
 * count ACT/365, as the pricers do: {@code 1w = 7/365} years.
 */
final class DurationText
{
    static final String ALLOWED = "a whole number and a unit: w (weeks), d (days), h (hours), m (minutes), "
        + "s (seconds) or ms (milliseconds), e.g. 1w, 1d, 4h, 30m, 100ms";
    private static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private DurationText()
    {
    }

    /** Parses {@code text}; throws IllegalArgumentException naming the text and the allowed forms. */
    static Duration parse(final String text)
    {
        final String trimmed = text.trim();
        if (trimmed.endsWith("M"))
        {
            throw new IllegalArgumentException("'" + text + "' is ambiguous: M could be minutes or months; use m for "
                + "minutes or days for months (30d)");
        }
        if (trimmed.length() < 2)
        {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use " + ALLOWED);
        }
        final boolean millis = trimmed.toLowerCase(java.util.Locale.ROOT).endsWith("ms") && trimmed.length() > 2;
        final char unit = millis ? 'u' : Character.toLowerCase(trimmed.charAt(trimmed.length() - 1));
        final long amount;
        try
        {
            amount = Long.parseLong(trimmed.substring(0, trimmed.length() - (millis ? 2 : 1)));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use " + ALLOWED);
        }
        if (amount <= 0 || amount > 100_000_000L)
        {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration: use " + ALLOWED);
        }
        switch (unit)
        {
            case 'w':
                return Duration.ofDays(7 * amount);
            case 'd':
                return Duration.ofDays(amount);
            case 'h':
                return Duration.ofHours(amount);
            case 'm':
                return Duration.ofMinutes(amount);
            case 's':
                return Duration.ofSeconds(amount);
            case 'u':
                return Duration.ofMillis(amount);
            default:
                throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + unit + "': use " + ALLOWED);
        }
    }

    /** The duration in years, ACT/365. */
    static double years(final Duration duration)
    {
        return (duration.getSeconds() + duration.getNano() * 1e-9) / SECONDS_PER_YEAR;
    }

    /** Picocli converter for duration options. */
    static final class Converter implements CommandLine.ITypeConverter<Duration>
    {
        public Duration convert(final String value)
        {
            try
            {
                return parse(value);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.TypeConversionException(ex.getMessage());
            }
        }
    }

    /** Picocli converter for an expiry: a number of years ({@code 0.25}) or a duration ({@code 20w}, {@code 90d}). */
    static final class YearsConverter implements CommandLine.ITypeConverter<Double>
    {
        public Double convert(final String value)
        {
            // A plain decimal only: Double.parseDouble would also take "30d" (a Java double literal) as 30 years.
            if (PLAIN_NUMBER.matcher(value.trim()).matches())
            {
                return Double.parseDouble(value.trim());
            }
            try
            {
                return years(parse(value));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.TypeConversionException("'" + value + "' is neither a number of years "
                    + "(e.g. 0.25) nor a duration (" + ALLOWED + ")");
            }
        }
    }
}
