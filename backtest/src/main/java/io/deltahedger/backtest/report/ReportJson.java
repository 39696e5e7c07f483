package io.deltahedger.backtest.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link BacktestReport} as JSON (Jackson, records by their components; series as arrays). Round-trips exactly:
 * {@code read(write(r)).equals(r)} (doubles are written in their shortest exact form).
 */
public final class ReportJson
{
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportJson()
    {
    }

    /** The report as indented JSON text. */
    public static String write(final BacktestReport report)
    {
        try
        {
            return MAPPER.writeValueAsString(report);
        }
        catch (final JsonProcessingException e)
        {
            throw new IllegalStateException("backtest report could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the report to a file. */
    public static void write(final BacktestReport report, final Path file)
    {
        try
        {
            Files.writeString(file, write(report));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("could not write the backtest report to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a report written by {@link #write(BacktestReport)}.
     *
     * @throws IllegalArgumentException naming the problem if the text is not such a report
     */
    public static BacktestReport read(final String json)
    {
        try
        {
            return MAPPER.readValue(json, BacktestReport.class);
        }
        catch (final JsonProcessingException e)
        {
            throw new IllegalArgumentException("not a deltahedger backtest report: " + e.getOriginalMessage(), e);
        }
    }
}
