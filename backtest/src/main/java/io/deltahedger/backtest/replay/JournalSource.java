package io.deltahedger.backtest.replay;

import com.lmax.disruptor.Sequence;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalHeader;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.RecordType;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The agent's own journal as a backtest's market data: its MARKET_DATA records, each the market-data event the live
 * pipeline received, at the record's time (the injected clock's when it was received), in journal order. The journal
 * is read straight from its binary frames without checking the hash chain or signatures ({@code deltahedger verify}
 * proves those) and decoded into one reused event: no allocation per record.
 *
 * <p>Instruments: the Deribit instruments of the journal's first HEADER (its margin-book instruments), with Deribit's
 * specifications ({@link DeribitNames}: the journal keeps only margin facts) and the recorded lot size. Each later HEADER (a restart) maps its own ids onto them by canonical id. Market data of instruments
 * on other venues, of instruments a later session added, and a second account's copy of the same instrument's feed
 * (two sessions on one venue) is skipped and counted ({@link #skipped()}).
 *
 * <p>The options book ({@link #accountOptions(String)}): the option positions of each account's first snapshot in the
 * first session, what the venue said the desk held when the agent started.
 *
 * <p>Damage (a torn or corrupt frame) ends the damaged file's records there: counted and reported with file and
 * offset, or fatal when strict.
 *
 * <p>Reading and decoding run ahead on a thread of their own ({@code journal-reader}), {@link #SLOTS} events at most,
 * handed over in journal order through two counters: the replay thread only takes decoded events, so a replay uses
 * two cores, and the order, hence every decision, is the journal's.
 */
final class JournalSource implements MarketSource
{
    /** How far into the first session the options book is looked for (records), before the replay starts. */
    static final int BOOK_SCAN_RECORDS = 1_000_000;

    private final Path directory;
    private final boolean strict;
    private final List<Path> files;
    private final Map<Path, Long> sizes = new HashMap<>();
    private final long totalBytes;
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final Map<Integer, List<JournalEntry.PositionEntry>> firstPositions = new TreeMap<>();
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
    private final Thread readAhead;
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
     * Opens the journal and reads its first session's HEADER and account snapshots.
     *
     * @throws IllegalArgumentException naming the directory when it holds no journal, no HEADER or no Deribit
     *                                  instrument
     */
    JournalSource(final Path directory, final boolean strict) throws IOException
    {
        this.directory = directory;
        this.strict = strict;
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("journal directory " + directory + " does not exist: give the agent's "
                + "journal directory (the config's journal.directory), e.g. --journal /var/lib/deltahedger/journal");
        }
        files = JournalFormat.filesIn(directory);
        if (files.isEmpty())
        {
            throw new IllegalArgumentException("journal directory " + directory + " holds no journal-YYYYMMDD.dhj file"
                + journalsBelow(directory));
        }
        long total = 0;
        for (final Path file : files)
        {
            final long size = Files.size(file);
            sizes.put(file, size);
            total += size;
        }
        totalBytes = total;
        scanFirstSession();
        for (int i = 0; i < SLOTS; i++)
        {
            slots[i] = new MarketDataEvent(64, 16);
        }
        readAhead = new Thread(new ReadAhead(), "journal-reader");
        readAhead.setDaemon(true);
    }

    /** The journal directories right below {@code directory} (a demo writes one per run), as a hint, or "". */
    private static String journalsBelow(final Path directory) throws IOException
    {
        final List<String> below = new ArrayList<>();
        try (java.util.stream.Stream<Path> children = Files.list(directory))
        {
            for (final Path child : (Iterable<Path>)children.sorted()::iterator)
            {
                if (Files.isDirectory(child) && !JournalFormat.filesIn(child).isEmpty())
                {
                    below.add(child.getFileName().toString());
                }
            }
        }
        return below.isEmpty() ? "" : ": its subdirectories " + below + " hold journals (a demo run writes one each); "
            + "give one of them, e.g. --journal " + directory.resolve(below.get(below.size() - 1));
    }

    private void scanFirstSession()
    {
        JournalHeader first = null;
        final List<Integer> deribitAccounts = new ArrayList<>();
        try (JournalReader scan = new JournalReader(files, new JournalReader.Listener() { }))
        {
            int records = 0;
            while (scan.next() && records++ < BOOK_SCAN_RECORDS)
            {
                if (scan.type() == RecordType.HEADER)
                {
                    if (first != null)
                    {
                        break; // the first session ended
                    }
                    first = ((JournalEntry.Header)scan.entry()).header();
                    for (int a = 0; a < first.accounts().size(); a++)
                    {
                        if (first.accounts().get(a).venue() == Venue.DERIBIT)
                        {
                            deribitAccounts.add(a);
                        }
                    }
                }
                else if (first != null && scan.type() == RecordType.ACCOUNT)
                {
                    final JournalEntry.Account account = (JournalEntry.Account)scan.entry();
                    firstPositions.putIfAbsent(account.accountId(), account.positions());
                    if (firstPositions.keySet().containsAll(deribitAccounts))
                    {
                        break;
                    }
                }
            }
        }
        if (first == null)
        {
            throw new IllegalArgumentException("journal " + directory + " holds no HEADER record: it is not a deltahedger "
                + "journal, or it is damaged at its start (run deltahedger verify " + directory + ")");
        }
        final TreeMap<String, Instrument> byName = new TreeMap<>();
        for (final JournalHeader.InstrumentSetup setup : first.instruments())
        {
            final Instrument instrument = deribitInstrument(setup.instrument());
            if (instrument != null)
            {
                byName.putIfAbsent(instrument.nativeName(), instrument);
            }
        }
        if (byName.isEmpty())
        {
            throw new IllegalArgumentException("journal " + directory + " names no Deribit BTC or ETH instrument in its "
                + "first HEADER: the backtest replays Deribit market data only");
        }
        // registered in name order, as the Tardis replay registers its instruments
        for (final Instrument instrument : byName.values())
        {
            registry.register(instrument);
        }
    }

    /**
     * The Deribit instrument of a HEADER instrument, null if not Deribit: Deribit's specification ({@link DeribitNames})
     * with the lot the journal recorded, since the recorded sizes (book levels, positions) count that lot; a venue
     * speaking Deribit's protocol may list another (the embedded simulator's ETH options trade in 0.1 ETH, Deribit's in
     * 1 ETH).
     */
    private static Instrument deribitInstrument(final MarginInstrument m)
    {
        final String prefix = Venue.DERIBIT.code() + ':';
        if (!m.canonicalId().startsWith(prefix))
        {
            return null;
        }
        final Instrument deribit = DeribitNames.instrument(m.canonicalId().substring(prefix.length()));
        if (deribit == null)
        {
            return null;
        }
        final BigDecimal lot = BigDecimal.valueOf(m.lotSize()).stripTrailingZeros();
        if (lot.compareTo(deribit.amountGrid().step()) == 0)
        {
            return deribit;
        }
        return new Instrument(deribit.venue(), deribit.nativeName(), deribit.kind(), deribit.underlying(),
            deribit.quoteCurrency(), deribit.settlementCurrency(), deribit.amountCurrency(), deribit.style(),
            deribit.contractSize(), deribit.priceGrid(), DecimalGrid.of(lot), lot.multiply(BigDecimal.valueOf(m.minLots())),
            deribit.expiryEpochMs(), deribit.strike(), deribit.optionType());
    }

    /**
     * The option positions on {@code coin} of each Deribit account's first snapshot in the first session, as book
     * positions (contracts in coins); empty if the snapshots hold none.
     */
    List<BookSource.Position> accountOptions(final String coin)
    {
        final Map<String, Double> contracts = new TreeMap<>();
        for (final List<JournalEntry.PositionEntry> positions : firstPositions.values())
        {
            for (final JournalEntry.PositionEntry p : positions)
            {
                if (!Venue.DERIBIT.code().equals(p.venueCode()) || p.sizeLots() == 0)
                {
                    continue;
                }
                final Instrument option = DeribitNames.instrument(p.nativeName());
                if (option == null || option.kind() != InstrumentKind.OPTION || !option.underlying().equals(coin))
                {
                    continue;
                }
                contracts.merge(p.nativeName(), p.sizeLots() * option.amountGrid().step().doubleValue(), Double::sum);
            }
        }
        final List<BookSource.Position> book = new ArrayList<>();
        contracts.forEach((name, c) ->
        {
            if (c != 0)
            {
                book.add(new BookSource.Position(name, c));
            }
        });
        return book;
    }

    @Override
    public InstrumentRegistry registry()
    {
        return registry;
    }

    @Override
    public boolean next()
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
            readAhead.start();
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
    private final class ReadAhead implements Runnable
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

    @Override
    public MarketDataEvent event()
    {
        return slots[current];
    }

    @Override
    public long timeMs()
    {
        return slotTimeMs[current];
    }

    @Override
    public long bytesRead()
    {
        return bytesRead;
    }

    @Override
    public long totalBytes()
    {
        return totalBytes;
    }

    // counted by the reading thread; read after the replay ended (the volatile 'ended' orders them)

    @Override
    public long badCount()
    {
        return damaged;
    }

    @Override
    public String badSummary()
    {
        return damaged == 0 ? "no damaged journal file" : damaged + " damaged journal file(s): the rest of each was skipped";
    }

    @Override
    public List<String> badMessages()
    {
        return List.copyOf(damage);
    }

    @Override
    public String note()
    {
        return String.format(java.util.Locale.ROOT, "journal: %d session(s), %d market-data records, %d skipped (other "
            + "venues, instruments a later session added, a second account's copy of a feed)", sessions, marketData,
            skipped);
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

    /** Sessions (HEADERs) replayed. */
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
                readAhead.join();
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
