package io.deltahedger.backtest.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes every form of a report into one directory: {@code report.json}, {@code summary.csv}, {@code pnl.csv},
 * {@code delta.csv}, {@code margin.csv} and {@code report.html}.
 */
public final class ReportFiles
{
    private ReportFiles()
    {
    }

    /**
     * Writes the files (creating the directory if needed, replacing files of the same names).
     *
     * @return the paths written, in the order above
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static List<Path> write(final BacktestReport report, final Path directory)
    {
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("could not create the report directory " + directory + ": " + e.getMessage(), e);
        }
        final Path json = directory.resolve("report.json");
        ReportJson.write(report, json);
        return List.of(json,
            write(directory.resolve("summary.csv"), ReportCsv.summary(report)),
            write(directory.resolve("pnl.csv"), ReportCsv.pnl(report)),
            write(directory.resolve("delta.csv"), ReportCsv.delta(report)),
            write(directory.resolve("margin.csv"), ReportCsv.margin(report)),
            write(directory.resolve("report.html"), ReportHtml.write(report)));
    }

    private static Path write(final Path file, final String text)
    {
        try
        {
            Files.writeString(file, text);
            return file;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
