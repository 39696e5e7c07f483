package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;

import java.io.IOException;

/**
 * Walks the rows of one Tardis CSV file and decodes what every data type shares: the column count, the exchange
 * (to a {@link Venue}), the symbol (to a registry index), {@code timestamp} and {@code local_timestamp} (which
 * must not go backwards). Typed helpers then read the other cells of the current row onto the instrument's grids,
 * reporting a bad row (file, line, column, value) when a cell is missing or wrong.
 *
 * <p>Allocation-free for good rows: the last exchange and symbol are cached so a single-instrument file resolves
 * each name once. Single-threaded.
 */
final class TardisRowCursor
{
    static final int EXCHANGE = 0;
    static final int SYMBOL = 1;
    static final int TIMESTAMP = 2;
    static final int LOCAL_TIMESTAMP = 3;

    /** {@link #nextLine()}: a good row. */
    static final int ROW = 1;
    /** {@link #nextLine()}: a bad row, skipped. */
    static final int SKIPPED = 0;
    /** {@link #nextLine()}: the end of the file. */
    static final int END = -1;

    /** A typed read found a value. */
    static final int PRESENT = 1;
    /** A typed read found an empty optional cell. */
    static final int ABSENT = 0;
    /** A typed read found a bad cell and reported it; the row must be skipped. */
    static final int BAD = -1;

    private final CsvLineReader lines;
    private final TardisDataType type;
    private final InstrumentRegistry registry;
    private final BadRows badRows;
    private final UnknownSymbols unknownSymbols;
    private final String source;
    private final DecimalParser decimal = new DecimalParser();

    private long lastLocalTimestampUs = Long.MIN_VALUE;
    private final byte[] cachedSymbol = new byte[Instrument.MAX_NATIVE_NAME_LENGTH];
    private int cachedSymbolLength = -1;
    private Venue cachedSymbolVenue;
    private int cachedIndex = InstrumentRegistry.UNKNOWN;
    private final byte[] cachedExchange = new byte[64];
    private int cachedExchangeLength = -1;
    private Venue cachedVenue;

    private Venue venue;
    private int instrumentIndex;
    private Instrument instrument;
    private long timestampUs;
    private long localTimestampUs;
    private long rowsOfUnregisteredSymbols;
    private boolean holding;
    private BadRowKind heldKind;
    private long heldLine;
    private String heldDetail;

    /** The value of the last successful typed read. */
    long units;
    double real;

    TardisRowCursor(final CsvLineReader lines, final TardisDataType type, final InstrumentRegistry registry,
                    final BadRows badRows, final UnknownSymbols unknownSymbols, final String source)
    {
        this.lines = lines;
        this.type = type;
        this.registry = registry;
        this.badRows = badRows;
        this.unknownSymbols = unknownSymbols;
        this.source = source;
    }

    /**
     * Advances to the next row whose common columns are good, reporting (and skipping) the others.
     *
     * @return false at the end of the file
     */
    boolean nextRow() throws IOException
    {
        while (lines.next())
        {
            if (readCommonColumns())
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads one line and its common columns.
     *
     * @return {@link #ROW} for a good row, {@link #SKIPPED} for a bad one (reported, or held: see {@link #hold}),
     *     {@link #END} at the end of the file
     */
    int nextLine() throws IOException
    {
        if (!lines.next())
        {
            return END;
        }
        return readCommonColumns() ? ROW : SKIPPED;
    }

    /**
     * While on, the next bad row is held instead of reported, until {@link #flushHeld()}: a reader that looks one
     * row ahead to close a group reports that group's problems first, so reports stay in line order. At most one
     * report is held, so the caller stops at the first bad row while holding.
     */
    void hold(final boolean on)
    {
        holding = on;
    }

    /** Reports the held bad row, if any (in strict mode this throws). */
    void flushHeld()
    {
        if (heldKind != null)
        {
            final BadRowKind kind = heldKind;
            heldKind = null;
            badRows.report(kind, source, heldLine, heldDetail);
        }
    }

    private boolean readCommonColumns()
    {
        if (lines.lineTooLong())
        {
            return bad(BadRowKind.MALFORMED_ROW, "line longer than " + CsvLineReader.MAX_LINE_BYTES
                + " bytes; a Tardis row is a few KiB at most");
        }
        if (lines.fieldCount() != type.columnCount())
        {
            return bad(BadRowKind.MALFORMED_ROW, "row has " + lines.fieldCount() + " columns, the "
                + type.name().toLowerCase(java.util.Locale.ROOT) + " header has " + type.columnCount() + ": '"
                + abbreviated(lines.lineText()) + "'");
        }
        final byte[] buf = lines.buffer();
        final long ts = timestamp(TIMESTAMP);
        if (ts < 0)
        {
            return false;
        }
        final long local = timestamp(LOCAL_TIMESTAMP);
        if (local < 0)
        {
            return false;
        }
        if (local < lastLocalTimestampUs)
        {
            return bad(BadRowKind.TIMESTAMP_BACKWARDS, "local_timestamp " + local + " is earlier than "
                + lastLocalTimestampUs + " on an earlier row; the file must be ordered by local_timestamp");
        }
        lastLocalTimestampUs = local;
        final Venue v = exchange(buf);
        if (v == null)
        {
            return false;
        }
        final int index = symbol(buf, v);
        if (index < 0)
        {
            return false;
        }
        venue = v;
        instrumentIndex = index;
        instrument = registry.instrument(index);
        timestampUs = ts;
        localTimestampUs = local;
        return true;
    }

    private long timestamp(final int column)
    {
        if (lines.isEmpty(column))
        {
            bad(BadRowKind.MISSING_FIELD, type.column(column) + " is empty");
            return -1;
        }
        final long value = DecimalParser.parseUnsignedLong(lines.buffer(), lines.start(column), lines.end(column));
        if (value < 0)
        {
            final int status = decimal.parse(lines.buffer(), lines.start(column), lines.end(column));
            bad(status == DecimalParser.NOT_A_NUMBER ? BadRowKind.NOT_A_NUMBER : BadRowKind.INVALID_VALUE,
                type.column(column) + " '" + lines.fieldText(column)
                    + "' is not a whole number of microseconds since the epoch");
        }
        return value;
    }

    private Venue exchange(final byte[] buf)
    {
        final int from = lines.start(EXCHANGE);
        final int length = lines.end(EXCHANGE) - from;
        if (length == cachedExchangeLength
            && java.util.Arrays.equals(buf, from, from + length, cachedExchange, 0, length))
        {
            return cachedVenue;
        }
        if (length == 0)
        {
            bad(BadRowKind.MISSING_FIELD, "exchange is empty");
            return null;
        }
        final Venue v = TardisExchanges.venueOf(buf, from, from + length);
        if (v == null)
        {
            bad(BadRowKind.INVALID_VALUE, "exchange '" + lines.fieldText(EXCHANGE)
                + "' is not a Tardis exchange id this reader maps to a venue: use one of " + TardisExchanges.known());
            return null;
        }
        if (length <= cachedExchange.length)
        {
            System.arraycopy(buf, from, cachedExchange, 0, length);
            cachedExchangeLength = length;
            cachedVenue = v;
        }
        return v;
    }

    private int symbol(final byte[] buf, final Venue v)
    {
        final int from = lines.start(SYMBOL);
        final int length = lines.end(SYMBOL) - from;
        if (v == cachedSymbolVenue && length == cachedSymbolLength
            && java.util.Arrays.equals(buf, from, from + length, cachedSymbol, 0, length))
        {
            return cachedIndex;
        }
        if (length == 0)
        {
            bad(BadRowKind.MISSING_FIELD, "symbol is empty");
            return -1;
        }
        final int index = registry.indexOfNative(v, buf, from, length);
        if (index == InstrumentRegistry.UNKNOWN)
        {
            if (unknownSymbols == UnknownSymbols.SKIP)
            {
                rowsOfUnregisteredSymbols++;
                return -1;
            }
            bad(BadRowKind.UNKNOWN_SYMBOL, "symbol '" + lines.fieldText(SYMBOL) + "' of " + v.code()
                + " is not in the instrument registry: register it (from the venue's instrument list) before reading");
            return -1;
        }
        if (length <= cachedSymbol.length)
        {
            System.arraycopy(buf, from, cachedSymbol, 0, length);
            cachedSymbolLength = length;
            cachedSymbolVenue = v;
            cachedIndex = index;
        }
        return index;
    }

    /**
     * Reads a price cell onto the instrument's tick grid into {@link #units}.
     *
     * @param positive whether the price must be above zero (book and trade prices) rather than at least zero
     */
    int ticks(final int column, final boolean required, final boolean positive)
    {
        return onGrid(column, required, positive, instrument.priceGrid(), "tick");
    }

    /**
     * Reads an amount cell onto the instrument's lot grid into {@link #units}.
     *
     * @param positive whether the amount must be above zero (trades) rather than at least zero (book levels)
     */
    int lots(final int column, final boolean required, final boolean positive)
    {
        return onGrid(column, required, positive, instrument.amountGrid(), "amount");
    }

    private int onGrid(final int column, final boolean required, final boolean positive, final DecimalGrid grid,
                       final String gridName)
    {
        final int status = parse(column, required);
        if (status != PRESENT)
        {
            return status;
        }
        final long mantissa = decimal.mantissa();
        if (mantissa < 0 || (positive && mantissa == 0))
        {
            return badCell(BadRowKind.INVALID_VALUE, column, positive ? "must be above zero" : "must not be negative");
        }
        final long value = decimal.inexact() ? DecimalGrid.OFF_GRID : grid.unitsOf(mantissa, decimal.scale());
        if (value == DecimalGrid.OFF_GRID || value == DecimalGrid.OUT_OF_RANGE)
        {
            return badCell(BadRowKind.INVALID_VALUE, column, "is not a whole number of " + instrument.canonicalId()
                + "'s " + gridName + " step " + grid.step().toPlainString());
        }
        units = value;
        return PRESENT;
    }

    /** Reads a finite double cell into {@link #real}. */
    int real(final int column, final boolean required)
    {
        final int status = parse(column, required);
        if (status != PRESENT)
        {
            return status;
        }
        final double value = decimal.doubleValue();
        if (!Double.isFinite(value))
        {
            return badCell(BadRowKind.NOT_A_NUMBER, column, "is out of the range of a double");
        }
        real = value;
        return PRESENT;
    }

    /** Reads a non-negative double cell into {@link #real}. */
    int nonNegative(final int column, final boolean required)
    {
        final int status = real(column, required);
        if (status == PRESENT && real < 0)
        {
            return badCell(BadRowKind.INVALID_VALUE, column, "must not be negative");
        }
        return status;
    }

    /** Reads a microsecond timestamp cell into {@link #units}. */
    int micros(final int column, final boolean required)
    {
        if (lines.isEmpty(column))
        {
            return required ? badCell(BadRowKind.MISSING_FIELD, column, "is empty") : ABSENT;
        }
        final long value = DecimalParser.parseUnsignedLong(lines.buffer(), lines.start(column), lines.end(column));
        if (value < 0)
        {
            return badCell(BadRowKind.INVALID_VALUE, column, "is not a whole number of microseconds since the epoch");
        }
        units = value;
        return PRESENT;
    }

    private int parse(final int column, final boolean required)
    {
        final int status = decimal.parse(lines.buffer(), lines.start(column), lines.end(column));
        if (status == DecimalParser.OK)
        {
            return PRESENT;
        }
        if (status == DecimalParser.EMPTY)
        {
            return required ? badCell(BadRowKind.MISSING_FIELD, column, "is empty") : ABSENT;
        }
        return badCell(BadRowKind.NOT_A_NUMBER, column, "is not a finite decimal number");
    }

    /** Whether a cell equals an ASCII literal. */
    boolean is(final int column, final byte[] literal)
    {
        return lines.fieldEquals(column, literal);
    }

    boolean isEmpty(final int column)
    {
        return lines.isEmpty(column);
    }

    /** Reports a bad cell of the current row; returns {@link #BAD}. */
    int badCell(final BadRowKind kind, final int column, final String problem)
    {
        bad(kind, type.column(column) + " '" + lines.fieldText(column) + "' " + problem);
        return BAD;
    }

    /** Reports the current row as bad (or holds the report, see {@link #hold}); returns false. */
    boolean bad(final BadRowKind kind, final String detail)
    {
        if (holding)
        {
            heldKind = kind;
            heldLine = lines.lineNumber();
            heldDetail = detail;
            return false;
        }
        badRows.report(kind, source, lines.lineNumber(), detail);
        return false;
    }

    /** Reports a bad row at an earlier line (a book group reported at its first row). */
    void badAt(final long line, final BadRowKind kind, final String detail)
    {
        badRows.report(kind, source, line, detail);
    }

    private static String abbreviated(final String line)
    {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    Venue venue()
    {
        return venue;
    }

    int instrumentIndex()
    {
        return instrumentIndex;
    }

    Instrument instrument()
    {
        return instrument;
    }

    /** The registered instrument at an index (for messages about a row already passed). */
    Instrument instrumentAt(final int index)
    {
        return registry.instrument(index);
    }

    long timestampUs()
    {
        return timestampUs;
    }

    long localTimestampUs()
    {
        return localTimestampUs;
    }

    long lineNumber()
    {
        return lines.lineNumber();
    }

    long rowsOfUnregisteredSymbols()
    {
        return rowsOfUnregisteredSymbols;
    }

    String source()
    {
        return source;
    }

    TardisDataType type()
    {
        return type;
    }
}
