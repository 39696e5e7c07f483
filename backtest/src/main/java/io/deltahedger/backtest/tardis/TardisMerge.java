package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.marketdata.MarketDataEvent;

import io.deltahedger.venues.instrument.InstrumentRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming k-way merge of Tardis files (days, venues, data types) by {@code local_timestamp}: each reader keeps
 * its next event in its own pre-allocated {@link MarketDataEvent}, and a binary min-heap of the readers orders
 * those heads by (local timestamp, reader position in the list), so equal timestamps come out in the order the
 * files were given, deterministically. Memory is one event and one line buffer per file, whatever the file sizes.
 *
 * <p>Use: {@code while (merge.next()) { merge.event() ... }}. The event and the accessors describe the last event
 * until the next call. Allocation-free per event. Single-threaded. Closing the merge closes every reader.
 */
public final class TardisMerge implements AutoCloseable
{
    private final TardisFileReader[] readers;
    private final MarketDataEvent[] heads;
    private final long[] headLocalUs;
    private final int[] heap;
    private int heapSize;
    private int current = -1;
    private boolean primed;

    /**
     * Opens files and merges them, in the given (tie-break) order; if one cannot be opened, those already open are
     * closed before the failure is thrown.
     *
     * @throws TardisDataException if a file's header is not a Tardis CSV header this package reads
     * @throws IOException         if a file cannot be read
     */
    public static TardisMerge open(final List<Path> files, final InstrumentRegistry registry, final BadRows badRows,
                                   final UnknownSymbols unknownSymbols) throws IOException
    {
        if (files == null || files.isEmpty())
        {
            throw new IllegalArgumentException("a merge needs at least one Tardis file, got " + files);
        }
        final List<TardisFileReader> readers = new ArrayList<>(files.size());
        try
        {
            for (final Path file : files)
            {
                readers.add(TardisFileReader.open(file, registry, badRows, unknownSymbols));
            }
        }
        catch (final IOException | RuntimeException e)
        {
            for (final TardisFileReader reader : readers)
            {
                try
                {
                    reader.close();
                }
                catch (final IOException suppressed)
                {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return new TardisMerge(readers);
    }

    /**
     * @param readers the files, in tie-break order (their position wins when local timestamps are equal)
     */
    public TardisMerge(final List<TardisFileReader> readers)
    {
        this(readers, 64, 16);
    }

    /**
     * @param levelsPerSide  book levels per side each head event has room for before it grows
     * @param tradeCapacity  trades each head event has room for before it grows
     */
    public TardisMerge(final List<TardisFileReader> readers, final int levelsPerSide, final int tradeCapacity)
    {
        if (readers == null || readers.isEmpty())
        {
            throw new IllegalArgumentException("a merge needs at least one Tardis file reader, got " + readers);
        }
        this.readers = readers.toArray(new TardisFileReader[0]);
        final int n = this.readers.length;
        heads = new MarketDataEvent[n];
        headLocalUs = new long[n];
        heap = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (this.readers[i] == null)
            {
                throw new IllegalArgumentException("reader " + i + " of the merge is null");
            }
            heads[i] = new MarketDataEvent(levelsPerSide, tradeCapacity);
        }
    }

    /**
     * Advances to the next event in local-timestamp order.
     *
     * @return false when every file is exhausted
     * @throws TardisDataException in strict mode, on the first bad row of any file
     */
    public boolean next() throws IOException
    {
        if (!primed)
        {
            primed = true;
            for (int i = 0; i < readers.length; i++)
            {
                if (advance(i))
                {
                    heap[heapSize++] = i;
                }
            }
            for (int i = heapSize / 2 - 1; i >= 0; i--)
            {
                siftDown(i);
            }
        }
        else if (current >= 0)
        {
            // The reader whose event was returned last refills its head only now, so that event stayed valid.
            if (advance(current))
            {
                siftDown(0);
            }
            else
            {
                heap[0] = heap[--heapSize];
                if (heapSize > 0)
                {
                    siftDown(0);
                }
            }
        }
        if (heapSize == 0)
        {
            current = -1;
            return false;
        }
        current = heap[0];
        return true;
    }

    private boolean advance(final int reader) throws IOException
    {
        final TardisFileReader r = readers[reader];
        if (r.next(heads[reader]))
        {
            headLocalUs[reader] = r.localTimestampUs();
            return true;
        }
        return false;
    }

    private void siftDown(final int from)
    {
        int i = from;
        final int item = heap[i];
        while (true)
        {
            final int left = 2 * i + 1;
            if (left >= heapSize)
            {
                break;
            }
            final int right = left + 1;
            int child = left;
            if (right < heapSize && before(heap[right], heap[left]))
            {
                child = right;
            }
            if (!before(heap[child], item))
            {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
    }

    private boolean before(final int a, final int b)
    {
        final long ta = headLocalUs[a];
        final long tb = headLocalUs[b];
        return ta < tb || (ta == tb && a < b);
    }

    /** The current event; valid until the next {@link #next()}. */
    public MarketDataEvent event()
    {
        requireCurrent();
        return heads[current];
    }

    /** The current event's {@code local_timestamp} in microseconds since the epoch. */
    public long localTimestampUs()
    {
        requireCurrent();
        return headLocalUs[current];
    }

    /** The position in the reader list of the file the current event came from. */
    public int sourceIndex()
    {
        requireCurrent();
        return current;
    }

    /** The reader the current event came from (its source name, type and line). */
    public TardisFileReader sourceReader()
    {
        requireCurrent();
        return readers[current];
    }

    private void requireCurrent()
    {
        if (current < 0)
        {
            throw new IllegalStateException("no current event: call next() and use the event only while it returns true");
        }
    }

    /** Closes every reader, reporting the first failure after trying them all. */
    @Override
    public void close() throws IOException
    {
        IOException failure = null;
        for (final TardisFileReader reader : readers)
        {
            try
            {
                reader.close();
            }
            catch (final IOException e)
            {
                if (failure == null)
                {
                    failure = e;
                }
                else
                {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null)
        {
            throw failure;
        }
    }
}
