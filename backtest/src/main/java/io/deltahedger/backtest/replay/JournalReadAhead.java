package io.deltahedger.backtest.replay;

import com.lmax.disruptor.Sequence;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalHeader;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.RecordType;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * How {@link JournalSource} reads: frames read and MARKET_DATA records decoded ahead on a thread of their own
 * ({@code journal-reader}, started by the first {@link #next()}), {@link #SLOTS} events at most, handed to the replay
 * thread in journal order through two counters. HEADERs remap the session's margin-book ids onto the registry by
 * canonical id (first account first); damage is counted, or, strict, handed over as the failure. The replay thread
 * takes decoded events only, so a replay uses two cores, and the order, hence every decision, is the journal's.
 */
final class JournalReadAhead implements AutoCloseable
{
    private final Path directory;
    private final boolean strict;
    private final List<Path> files;
    private final Map<Path, Long> sizes;
    private final InstrumentRegistry registry;
    /** Decoded events handed from the reading thread to the replay thread, in journal order. */
    static final int SLOTS = 256;
    private final MarketDataEvent[] slots = new MarketDataEvent[SLOTS];
    private final long[] slotTimeMs = new long[SLOTS];
    /**
     * Slots the reading thread filled (written by it only), and slots the replay thread is done with (written by it
     * only): the Disruptor's cache-line-padded counters, so the two threads' writes never share a line, and each side
     * reads the other's only when its cached value runs out.
     */
    private final Sequence published = new Sequence(0);
    private final Sequence released = new Sequence(0);
    /** The replay thread's last read of {@link #published}. */
    private long available;
    private final List<String> damage = new ArrayList<>();
    private final Thread thread;
    private long consumed;
    private int current = -1;
    private boolean started;
    private volatile boolean closed;
    private volatile boolean ended;
    private volatile RuntimeException failure;
    private volatile long bytesRead;
    // written by the reading thread
    private long marketData;
    private long skipped;
    private long sessions;
    private long damaged;

    /**
     * @param directory the journal's directory (for messages)
     * @param files     its files in chain order
     * @param sizes     each file's size (for progress)
     * @param registry  the instruments events are mapped onto
     */
    JournalReadAhead(final Path directory, final List<Path> files, final Map<Path, Long> sizes,
                     final InstrumentRegistry registry, final boolean strict)
    {
        this.directory = directory;
        this.files = files;
        this.sizes = sizes;
        this.registry = registry;
        this.strict = strict;
        for (int i = 0; i < SLOTS; i++)
        {
            slots[i] = new MarketDataEvent(64, 16);
        }
        thread = new Thread(new Reader(), "journal-reader");
        thread.setDaemon(true);
    }

    /** Moves to the next decoded event (as {@link MarketSource#next()}): false at the end, the reader's failure thrown. */
    boolean next()
    {
        if (current >= 0)
        {
            released.set(++consumed); // the previous event's slot goes back to the reading thread (a release store)
            current = -1;
        }
        if (consumed < available)
        {
            current = (int)(consumed & (SLOTS - 1));
            return true;
        }
        if (!started)
        {
            started = true;
            thread.start();
        }
        long idle = 0;
        while ((available = published.get()) == consumed)
        {
            if (ended)
            {
                if ((available = published.get()) != consumed)
                {
                    break; // published just before it ended
                }
                final RuntimeException failure = this.failure;
                if (failure != null)
                {
                    throw failure;
                }
                if (marketData == 0)
                {
                    throw new IllegalArgumentException("journal " + directory + " holds no MARKET_DATA record: it was "
                        + "written before the journal recorded market data (format version 1) or with market-data "
                        + "recording off, so it cannot be replayed; record with the default journal settings");
                }
                return false;
            }
            idle = pause(idle);
        }
        current = (int)(consumed & (SLOTS - 1));
        return true;
    }

    /** Waits a little longer each time: spin, then yield, then park (the other side runs on the other core). */
    private static long pause(final long idle)
    {
        if (idle < 100)
        {
            Thread.onSpinWait();
        }
        else if (idle < 200)
        {
            Thread.yield();
        }
        else
        {
            LockSupport.parkNanos(20_000);
        }
        return idle + 1;
    }

    /**
     * The reading thread: frames read, MARKET_DATA decoded into the next free slot and mapped onto the registry,
     * HEADERs remapping ids, damage counted (or, strict, the failure handed to the replay thread).
     */
    private final class Reader implements Runnable
    {
        /** Made on the reading thread: Chronicle's buffers refuse a second thread. */
        private JournalReader reader;
        private int[] indexOfId = new int[0];
        private long completedBytes;
        private Path currentFile;
        private long lastTimeMs = Long.MIN_VALUE;

        @Override
        public void run()
        {
            try
            {
                reader = new JournalReader(files, new JournalReader.Listener()
                {
                    @Override
                    public void onDamage(final Path file, final long offset, final String why)
                    {
                        damaged(file, offset, why);
                    }
                });
                long produced = 0;
                long free = SLOTS; // slots known free: re-read from the replay thread's counter only when used up
                while (!closed && reader.next())
                {
                    if (reader.file() != currentFile)
                    {
                        if (currentFile != null)
                        {
                            completedBytes += sizes.getOrDefault(currentFile, 0L);
                        }
                        currentFile = reader.file();
                    }
                    final RecordType type = reader.type();
                    if (type == RecordType.HEADER)
                    {
                        session((JournalEntry.Header)entry());
                    }
                    else if (type == RecordType.MARKET_DATA)
                    {
                        long idle = 0;
                        while (produced == free && !closed)
                        {
                            free = released.get() + SLOTS;
                            if (produced == free)
                            {
                                idle = pause(idle);
                            }
                        }
                        final int slot = (int)(produced & (SLOTS - 1));
                        final MarketDataEvent event = slots[slot];
                        reader.readMarketData(event);
                        marketData++;
                        final int id = event.instrumentIndex();
                        final int index = id >= 0 && id < indexOfId.length ? indexOfId[id] : -1;
                        if (index < 0)
                        {
                            skipped++;
                            continue;
                        }
                        event.instrumentIndex(index);
                        lastTimeMs = Math.max(lastTimeMs, reader.timeMs());
                        slotTimeMs[slot] = lastTimeMs;
                        if ((produced & 1023) == 0)
                        {
                            bytesRead = completedBytes + reader.endOffset();
                        }
                        published.set(++produced);
                    }
                }
                if (currentFile != null)
                {
                    bytesRead = completedBytes + sizes.getOrDefault(currentFile, 0L); // all read
                }
            }
            catch (final RuntimeException e)
            {
                failure = e;
            }
            finally
            {
                if (reader != null)
                {
                    reader.close();
                }
                ended = true;
            }
        }

        private JournalEntry entry()
        {
            try
            {
                return reader.entry();
            }
            catch (final IllegalStateException e)
            {
                throw new IllegalArgumentException("journal " + reader.file() + " at offset " + reader.offset() + ": "
                    + e.getMessage() + " (run deltahedger verify " + directory + ")", e);
            }
        }

        /** A HEADER starts a session: its margin-book ids map onto the registry by canonical id, first account first. */
        private void session(final JournalEntry.Header header)
        {
            sessions++;
            final List<JournalHeader.InstrumentSetup> instruments = header.header().instruments();
            indexOfId = new int[instruments.size()];
            Arrays.fill(indexOfId, -1);
            final boolean[] taken = new boolean[registry.size()];
            for (int id = 0; id < instruments.size(); id++)
            {
                final String canonical = instruments.get(id).instrument().canonicalId();
                final int index = registry.indexOf(canonical);
                if (index >= 0 && !taken[index])
                {
                    taken[index] = true;
                    indexOfId[id] = index;
                }
            }
        }

        private void damaged(final Path file, final long offset, final String why)
        {
            damaged++;
            final String message = file + " at offset " + offset + ": " + why;
            if (strict)
            {
                throw new IllegalArgumentException("journal damaged: " + message + " (run deltahedger verify "
                    + directory + "; without --strict the rest of the file is skipped and the replay goes on)");
            }
            if (damage.size() < 100)
            {
                damage.add(message);
            }
        }
    }

    /** The current event (valid until the next {@link #next()}). */
    MarketDataEvent event()
    {
        return slots[current];
    }

    /** When the current event was received, epoch ms. */
    long timeMs()
    {
        return slotTimeMs[current];
    }

    /** Bytes read so far (updated every 1,024 events). */
    long bytesRead()
    {
        return bytesRead;
    }

    // counted by the reading thread; read after the replay ended (the volatile 'ended' orders them)

    /** Damaged frames met (each ends its file's records). */
    long damaged()
    {
        return damaged;
    }

    /** The first 100 damage messages, each naming file and offset. */
    List<String> damage()
    {
        return List.copyOf(damage);
    }

    /** MARKET_DATA records read, replayed or skipped. */
    long marketDataRecords()
    {
        return marketData;
    }

    /** MARKET_DATA records skipped: other venues, instruments added by a later session, a second account's feed. */
    long skipped()
    {
        return skipped;
    }

    /** Sessions (HEADERs) read. */
    long sessions()
    {
        return sessions;
    }

    /** Stops the reading thread (it closes its reader) and waits for it. */
    @Override
    public void close()
    {
        closed = true;
        if (started)
        {
            try
            {
                thread.join();
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
