package io.deltahedger.backtest.tardis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts the bad rows of a run per {@link BadRowKind} and keeps the first messages, each naming the file, the line,
 * the kind and the value ({@code deribit_trades.csv.gz:1042: NOT_A_NUMBER: price 'NaN' is not a finite number}).
 * In strict mode the first bad row throws a {@link TardisDataException} with that same message instead.
 *
 * <p>One instance may be shared by all the readers of a merge. Single-threaded (the thread that reads the files).
 * Reporting builds a String; bad rows are rare, so the steady state of good rows allocates nothing.
 */
public final class BadRows
{
    /** Messages kept by default: enough to diagnose, bounded whatever the file size. */
    public static final int DEFAULT_RETAINED_MESSAGES = 100;

    private final boolean strict;
    private final int retainedMessages;
    private final long[] counts = new long[BadRowKind.values().length];
    private final List<String> messages = new ArrayList<>();
    private long total;

    /** Lenient: bad rows are counted, the first {@value #DEFAULT_RETAINED_MESSAGES} messages kept, reading goes on. */
    public static BadRows lenient()
    {
        return new BadRows(false, DEFAULT_RETAINED_MESSAGES);
    }

    /** Strict: the first bad row is fatal. */
    public static BadRows strict()
    {
        return new BadRows(true, DEFAULT_RETAINED_MESSAGES);
    }

    /**
     * @param strict           whether the first bad row throws
     * @param retainedMessages how many messages to keep (the rest are only counted), at least 0
     */
    public BadRows(final boolean strict, final int retainedMessages)
    {
        if (retainedMessages < 0)
        {
            throw new IllegalArgumentException("retainedMessages must be >= 0, got " + retainedMessages);
        }
        this.strict = strict;
        this.retainedMessages = retainedMessages;
    }

    /**
     * Records a bad row.
     *
     * @throws TardisDataException in strict mode, with the same message that lenient mode keeps
     */
    public void report(final BadRowKind kind, final String source, final long line, final String detail)
    {
        counts[kind.ordinal()]++;
        total++;
        final String message = source + ':' + line + ": " + kind + ": " + detail;
        if (strict)
        {
            throw new TardisDataException(message);
        }
        if (messages.size() < retainedMessages)
        {
            messages.add(message);
        }
    }

    public boolean isStrict()
    {
        return strict;
    }

    /** Bad rows of one kind so far. */
    public long count(final BadRowKind kind)
    {
        return counts[kind.ordinal()];
    }

    /** Bad rows of every kind so far. */
    public long total()
    {
        return total;
    }

    /** The first messages, in the order met (an unmodifiable view). */
    public List<String> messages()
    {
        return Collections.unmodifiableList(messages);
    }

    /** One line per kind that occurred, e.g. {@code NOT_A_NUMBER=3}; "no bad rows" when there were none. */
    public String summary()
    {
        if (total == 0)
        {
            return "no bad rows";
        }
        final StringBuilder sb = new StringBuilder();
        sb.append(total).append(" bad rows:");
        for (final BadRowKind kind : BadRowKind.values())
        {
            if (counts[kind.ordinal()] > 0)
            {
                sb.append(' ').append(kind).append('=').append(counts[kind.ordinal()]);
            }
        }
        return sb.toString();
    }
}
