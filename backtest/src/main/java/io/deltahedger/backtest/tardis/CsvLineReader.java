package io.deltahedger.backtest.tardis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines and comma-separated fields without allocating: the bytes are read into one
 * reusable buffer and each field is exposed as a {@code [start, end)} range of {@link #buffer()}. Tardis CSV has no
 * quoting (values never contain commas), lines end with {@code \n} (a {@code \r} before it is dropped), and the last
 * line may lack its newline.
 *
 * <p>Memory is bounded: the buffer starts at {@link #INITIAL_BUFFER_BYTES} and grows only for a line longer than
 * any seen so far, up to {@link #MAX_LINE_BYTES}; a longer line is skipped and reported as
 * {@link #lineTooLong()}. Single-threaded.
 */
final class CsvLineReader implements AutoCloseable
{
    /** The initial buffer: 64 KiB holds hundreds of the longest Tardis rows (book_snapshot_25, ~1 KiB). */
    static final int INITIAL_BUFFER_BYTES = 64 * 1024;
    /** The longest line accepted (1 MiB; a Tardis row is at most a few KiB). */
    static final int MAX_LINE_BYTES = 1 << 20;
    /** The most fields recorded per line; a line may have more, {@link #fieldCount()} still counts them. */
    static final int MAX_FIELDS = 128;

    private final InputStream in;
    private byte[] buf;
    private int position;
    private int limit;
    private boolean eof;

    private final int[] fieldStart = new int[MAX_FIELDS];
    private final int[] fieldEnd = new int[MAX_FIELDS];
    private int fieldCount;
    private int lineStart;
    private int lineEnd;
    private long lineNumber;
    private boolean lineTooLong;

    CsvLineReader(final InputStream in)
    {
        this(in, INITIAL_BUFFER_BYTES);
    }

    CsvLineReader(final InputStream in, final int initialBufferBytes)
    {
        this.in = in;
        this.buf = new byte[Math.max(256, initialBufferBytes)];
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the input; otherwise the line's fields are available until the next call
     * @throws IOException if the stream fails (a corrupt gzip stream included)
     */
    boolean next() throws IOException
    {
        lineTooLong = false;
        while (true)
        {
            // One pass finds the commas and the newline. If the buffer ends first, it is refilled and the partial
            // line scanned again from its start (once per buffer of many lines, so the cost is negligible).
            final byte[] b = buf;
            final int end = limit;
            final int[] starts = fieldStart;
            final int[] ends = fieldEnd;
            int count = 0;
            int fieldFrom = position;
            for (int i = position; i < end; i++)
            {
                final byte c = b[i];
                if (c == ',')
                {
                    if (count < MAX_FIELDS)
                    {
                        starts[count] = fieldFrom;
                        ends[count] = i;
                    }
                    count++;
                    fieldFrom = i + 1;
                }
                else if (c == '\n')
                {
                    finishLine(count, fieldFrom, i);
                    position = i + 1;
                    return true;
                }
            }
            if (eof)
            {
                if (position < limit)
                {
                    finishLine(count, fieldFrom, limit);
                    position = limit;
                    return true;
                }
                return false;
            }
            if (!fill())
            {
                // The line does not fit MAX_LINE_BYTES: drop it up to its newline and report it.
                return skipOverlongLine();
            }
        }
    }

    private void finishLine(final int commas, final int lastFieldFrom, final int newline)
    {
        int end = newline;
        if (end > lastFieldFrom && buf[end - 1] == '\r')
        {
            end--;
        }
        if (commas < MAX_FIELDS)
        {
            fieldStart[commas] = lastFieldFrom;
            fieldEnd[commas] = end;
        }
        fieldCount = commas + 1;
        lineStart = commas == 0 ? lastFieldFrom : fieldStart[0];
        lineEnd = end;
        lineNumber++;
    }

    /** Reads more bytes, compacting or growing the buffer; false when the pending line cannot grow any further. */
    private boolean fill() throws IOException
    {
        final int pending = limit - position;
        if (position > 0)
        {
            System.arraycopy(buf, position, buf, 0, pending);
            position = 0;
            limit = pending;
        }
        if (limit == buf.length)
        {
            if (buf.length >= MAX_LINE_BYTES)
            {
                return false;
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_LINE_BYTES, buf.length * 2));
        }
        final int n = in.read(buf, limit, buf.length - limit);
        if (n < 0)
        {
            eof = true;
        }
        else
        {
            limit += n;
        }
        return true;
    }

    private boolean skipOverlongLine() throws IOException
    {
        lineNumber++;
        lineTooLong = true;
        fieldCount = 0;
        lineStart = 0;
        lineEnd = 0;
        while (true)
        {
            final int newline = indexOfNewline(position, limit);
            if (newline >= 0)
            {
                position = newline + 1;
                return true;
            }
            position = 0;
            limit = 0;
            final int n = in.read(buf, 0, buf.length);
            if (n < 0)
            {
                eof = true;
                return true;
            }
            limit = n;
        }
    }

    private int indexOfNewline(final int from, final int to)
    {
        final byte[] b = buf;
        for (int i = from; i < to; i++)
        {
            if (b[i] == '\n')
            {
                return i;
            }
        }
        return -1;
    }

    /** The buffer the field ranges point into; valid until the next {@link #next()}. */
    byte[] buffer()
    {
        return buf;
    }

    /** Fields on the current line (an empty line has one empty field). */
    int fieldCount()
    {
        return fieldCount;
    }

    int start(final int field)
    {
        return fieldStart[field];
    }

    int end(final int field)
    {
        return fieldEnd[field];
    }

    boolean isEmpty(final int field)
    {
        return fieldStart[field] == fieldEnd[field];
    }

    /** Whether the field's bytes equal an ASCII literal. */
    boolean fieldEquals(final int field, final byte[] literal)
    {
        final int s = fieldStart[field];
        final int e = fieldEnd[field];
        return Arrays.equals(buf, s, e, literal, 0, literal.length);
    }

    /** The field as a String, for error messages only (allocates). */
    String fieldText(final int field)
    {
        return new String(buf, fieldStart[field], fieldEnd[field] - fieldStart[field],
            java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Start of the current line in {@link #buffer()}. */
    int lineStart()
    {
        return lineStart;
    }

    /** End (exclusive, without the line break) of the current line in {@link #buffer()}. */
    int lineEnd()
    {
        return lineEnd;
    }

    /** The whole current line as a String (for error messages; allocates). */
    String lineText()
    {
        return new String(buf, lineStart, lineEnd - lineStart, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** 1-based number of the current line. */
    long lineNumber()
    {
        return lineNumber;
    }

    /** Whether the current line exceeded {@link #MAX_LINE_BYTES} and was skipped (it then has no fields). */
    boolean lineTooLong()
    {
        return lineTooLong;
    }

    /** The buffer's current size in bytes (bounded by {@link #MAX_LINE_BYTES}). */
    int bufferCapacity()
    {
        return buf.length;
    }

    @Override
    public void close() throws IOException
    {
        in.close();
    }
}
