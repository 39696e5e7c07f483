package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Streams one Tardis CSV file (gzipped or plain, recognised by the gzip magic bytes) as normalised
 * {@link MarketDataEvent}s. The data type is recognised from the header line ({@link TardisDataType}); instruments
 * are resolved through an {@link InstrumentRegistry} ({@link UnknownSymbols} says what an unregistered symbol is);
 * bad rows go to a {@link BadRows}, which counts them with file and line (or, strict, throws on the first).
 *
 * <p>Units of the events are those of {@link MarketDataEvent}: prices and amounts on the instrument's grids,
 * {@link MarketDataEvent#venueTimestampMs()} the row's {@code timestamp} in milliseconds (floored). The row's
 * microsecond {@code local_timestamp}, which orders a Tardis file and a merge of files, is
 * {@link #localTimestampUs()}.
 *
 * <p>Memory is bounded whatever the file size: one line buffer (64 KiB, growing only for a longer line, up to
 * 1 MiB), the inflater's window, and for incremental L2 files one book per instrument. Decoding a good row
 * allocates nothing. Single-threaded; close it (or the {@link TardisMerge} that holds it) to release the file.
 */
public final class TardisFileReader implements AutoCloseable
{
    private static final int GZIP_BUFFER_BYTES = 64 * 1024;

    private final String source;
    private final CsvLineReader lines;
    private final TardisDataType type;
    private final TardisRowCursor cursor;
    private final RowDecoder decoder;
    private long events;

    private TardisFileReader(final String source, final InputStream in, final InstrumentRegistry registry,
                             final BadRows badRows, final UnknownSymbols unknownSymbols) throws IOException
    {
        this.source = source;
        this.lines = new CsvLineReader(in);
        boolean ok = false;
        try
        {
            this.type = readHeader(lines, source);
            if (type == null)
            {
                cursor = null;
                decoder = null;
            }
            else
            {
                cursor = new TardisRowCursor(lines, type, registry, badRows, unknownSymbols, source);
                decoder = decoderFor(type, cursor);
            }
            ok = true;
        }
        finally
        {
            if (!ok)
            {
                lines.close();
            }
        }
    }

    /**
     * Opens a file; {@code .gz} or not, the content decides.
     *
     * @throws TardisDataException if the header is not one of {@link TardisDataType}
     * @throws IOException         if the file cannot be read
     */
    public static TardisFileReader open(final Path file, final InstrumentRegistry registry, final BadRows badRows,
                                        final UnknownSymbols unknownSymbols) throws IOException
    {
        Objects.requireNonNull(file, "file");
        return open(file.getFileName().toString(), Files.newInputStream(file), registry, badRows, unknownSymbols);
    }

    /**
     * Reads a stream (gzipped or plain); {@code source} names it in messages. The stream is closed with the reader.
     *
     * @throws TardisDataException if the header is not one of {@link TardisDataType}
     */
    public static TardisFileReader open(final String source, final InputStream in, final InstrumentRegistry registry,
                                        final BadRows badRows, final UnknownSymbols unknownSymbols) throws IOException
    {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(badRows, "badRows");
        Objects.requireNonNull(unknownSymbols, "unknownSymbols");
        final InputStream decompressed;
        try
        {
            decompressed = decompressed(in);
        }
        catch (final IOException | RuntimeException e)
        {
            in.close();
            throw e;
        }
        return new TardisFileReader(source, decompressed, registry, badRows, unknownSymbols);
    }

    private static InputStream decompressed(final InputStream in) throws IOException
    {
        final PushbackInputStream pushback = new PushbackInputStream(in, 2);
        final byte[] magic = new byte[2];
        int n = 0;
        while (n < 2)
        {
            final int r = pushback.read(magic, n, 2 - n);
            if (r < 0)
            {
                break;
            }
            n += r;
        }
        pushback.unread(magic, 0, n);
        if (n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b)
        {
            return new GZIPInputStream(pushback, GZIP_BUFFER_BYTES);
        }
        return pushback;
    }

    private static TardisDataType readHeader(final CsvLineReader lines, final String source) throws IOException
    {
        if (!lines.next())
        {
            return null; // Tardis publishes an empty file for a day without data.
        }
        final TardisDataType type = TardisDataType.ofHeader(lines.buffer(), lines.lineStart(), lines.lineEnd());
        if (type == null)
        {
            final String header = lines.lineText();
            throw new TardisDataException(source + ":1: the header '"
                + (header.length() > 160 ? header.substring(0, 157) + "..." : header)
                + "' is not one of the Tardis CSV types this reader knows (options_chain, incremental_book_L2,"
                + " book_snapshot_25, book_snapshot_5, trades, derivative_ticker): check the file is a Tardis"
                + " datasets CSV of one of these types");
        }
        return type;
    }

    private static RowDecoder decoderFor(final TardisDataType type, final TardisRowCursor cursor)
    {
        return switch (type)
        {
            case OPTIONS_CHAIN -> new OptionsChainDecoder(cursor);
            case INCREMENTAL_BOOK_L2 -> new IncrementalBookDecoder(cursor);
            case BOOK_SNAPSHOT_25, BOOK_SNAPSHOT_5 -> new BookSnapshotDecoder(cursor, type.snapshotLevels());
            case TRADES -> new TradesDecoder(cursor);
            case DERIVATIVE_TICKER -> new DerivativeTickerDecoder(cursor);
        };
    }

    /**
     * Decodes the next event into {@code out} (which is cleared first), skipping bad rows.
     *
     * @return false at the end of the file ({@code out} is then unspecified)
     * @throws TardisDataException in strict mode, on the first bad row
     * @throws IOException         if reading or inflating fails (a truncated gzip file included), naming the file
     *                             and the line
     */
    public boolean next(final MarketDataEvent out) throws IOException
    {
        try
        {
            if (decoder == null || !decoder.next(out))
            {
                return false;
            }
        }
        catch (final IOException e)
        {
            throw new IOException(source + ":" + (lines.lineNumber() + 1) + ": cannot read the file (" + e
                + "): a truncated download or a corrupt gzip file; download it again", e);
        }
        events++;
        return true;
    }

    /** The {@code local_timestamp} (microseconds since the epoch) of the last event: arrival time at Tardis. */
    public long localTimestampUs()
    {
        return decoder == null ? 0 : decoder.eventLocalTimestampUs;
    }

    /** The exchange {@code timestamp} (microseconds since the epoch) of the last event (of its first row). */
    public long timestampUs()
    {
        return decoder == null ? 0 : decoder.eventTimestampUs;
    }

    /** The line of the last event's first row (1 is the header). */
    public long eventLine()
    {
        return decoder == null ? 0 : decoder.firstLine;
    }

    /** The data type, or null for an empty file (no header). */
    public TardisDataType dataType()
    {
        return type;
    }

    /** The name used in messages (the file name). */
    public String source()
    {
        return source;
    }

    /** Events returned so far. */
    public long events()
    {
        return events;
    }

    /** Lines read so far, the header included. */
    public long linesRead()
    {
        return lines.lineNumber();
    }

    /** Rows skipped because their symbol is not registered, under {@link UnknownSymbols#SKIP}. */
    public long rowsOfUnregisteredSymbols()
    {
        return cursor == null ? 0 : cursor.rowsOfUnregisteredSymbols();
    }

    /** Incremental L2 rows skipped because their symbol had no snapshot yet in this file (0 for other types). */
    public long rowsBeforeFirstSnapshot()
    {
        return decoder instanceof IncrementalBookDecoder book ? book.rowsBeforeFirstSnapshot() : 0;
    }

    /** The line buffer's size in bytes: bounded, it does not grow with the file. */
    public int lineBufferBytes()
    {
        return lines.bufferCapacity();
    }

    @Override
    public void close() throws IOException
    {
        lines.close();
    }
}
