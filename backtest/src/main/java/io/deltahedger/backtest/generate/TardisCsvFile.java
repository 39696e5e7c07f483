package io.deltahedger.backtest.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * One Tardis data type for one symbol, written as one gzipped CSV per UTC day of {@code local_timestamp}, named as the
 * official client saves downloads: {@code {exchange}_{data_type}_{YYYY-MM-DD}_{SYMBOL}.csv.gz} (venues reference,
 * section 4.1). Each file starts with the data type's header; rows are appended in non-decreasing
 * {@code local_timestamp} order, which {@link #localMicros(long)} enforces by nudging a row that would go backwards one
 * microsecond after its predecessor. Rows whose local day is outside the generated days are dropped. Not thread-safe.
 */
final class TardisCsvFile implements AutoCloseable
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final Path directory;
    private final String exchange;
    private final String dataType;
    private final String symbol;
    private final String header;
    private final long endMicros;
    private final List<Path> written = new ArrayList<>();
    private final StringBuilder row = new StringBuilder(512);
    private Writer writer;
    private long day = Long.MIN_VALUE;
    private long lastLocalMicros = Long.MIN_VALUE;
    private long rows;

    TardisCsvFile(final Path directory, final String exchange, final String dataType, final String symbol,
        final String header, final long endMicros)
    {
        this.directory = directory;
        this.exchange = exchange;
        this.dataType = dataType;
        this.symbol = symbol;
        this.header = header;
        this.endMicros = endMicros;
    }

    /**
     * The local timestamp a row received at {@code proposedMicros} gets: at least one microsecond after the previous
     * row's, so the file stays ordered by local timestamp as Tardis files are.
     */
    long localMicros(final long proposedMicros)
    {
        return Math.max(proposedMicros, lastLocalMicros + 1);
    }

    /** A cleared builder for the next row, to be passed to {@link #write}. Starts with "exchange,symbol,". */
    StringBuilder begin(final String rowSymbol)
    {
        row.setLength(0);
        return row.append(exchange).append(',').append(rowSymbol).append(',');
    }

    /** Writes the row built since {@link #begin}, whose local timestamp is {@code localMicros}. */
    void write(final long localMicros)
    {
        if (localMicros < lastLocalMicros)
        {
            throw new IllegalStateException(dataType + " " + symbol + ": local_timestamp " + localMicros
                + " goes back from " + lastLocalMicros);
        }
        if (localMicros >= endMicros)
        {
            return;
        }
        lastLocalMicros = localMicros;
        final long rowDay = Math.floorDiv(localMicros, MICROS_PER_DAY);
        try
        {
            if (rowDay != day)
            {
                open(rowDay);
            }
            row.append('\n');
            writer.append(row);
            rows++;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("could not write " + dataType + " for " + symbol + ": " + ex.getMessage(),
                ex);
        }
    }

    private void open(final long newDay) throws IOException
    {
        closeCurrent();
        final LocalDate date = LocalDate.ofEpochDay(newDay);
        final Path file = directory.resolve(exchange + "_" + dataType + "_" + date + "_" + symbol + ".csv.gz");
        writer = new BufferedWriter(new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.US_ASCII), 1 << 16);
        writer.append(header).append('\n');
        written.add(file);
        day = newDay;
    }

    private void closeCurrent() throws IOException
    {
        if (writer != null)
        {
            writer.close();
            writer = null;
        }
    }

    /** The files written so far, in day order. */
    List<Path> files()
    {
        return written;
    }

    /** Rows written so far. */
    long rows()
    {
        return rows;
    }

    @Override
    public void close()
    {
        try
        {
            closeCurrent();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("could not close " + dataType + " for " + symbol + ": " + ex.getMessage(),
                ex);
        }
    }
}
