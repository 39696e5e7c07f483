package io.deltahedger.config.daemon;

import java.util.Locale;
import java.util.Objects;

/**
 * Log output ({@code logging:}).
 *
 * @param format text lines or one JSON object per line.
 * @param level  the least severe level written.
 */
public record LoggingSettings(Format format, Level level)
{
    public static final LoggingSettings DEFAULT = new LoggingSettings(Format.TEXT, Level.INFO);

    /** Log line formats. */
    public enum Format
    {
        TEXT, JSON;

        public String word()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Log levels, most verbose first. */
    public enum Level
    {
        TRACE, DEBUG, INFO, WARN, ERROR;

        public String word()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public LoggingSettings
    {
        Objects.requireNonNull(format, "logging.format");
        Objects.requireNonNull(level, "logging.level");
    }
}
