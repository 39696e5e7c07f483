package io.deltahedger.backtest.replay;

import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalHeader;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.RecordType;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agent's own journal as a backtest's market data: its MARKET_DATA records, each the market-data event the live
 * pipeline received, at the record's time (the injected clock's when it was received), in journal order. The journal
 * is read straight from its binary frames without checking the hash chain or signatures ({@code deltahedger verify}
 * proves those) and decoded into one reused event: no allocation per record.
 *
 * <p>Instruments: the Deribit instruments of the journal's first HEADER (its margin-book instruments), with Deribit's
 * specifications ({@link DeribitNames}; the journal keeps only margin facts, and each instrument's lot size is checked
 * against them). Each later HEADER (a restart) maps its own ids onto them by canonical id. Market data of instruments
 * on other venues, of instruments a later session added, and a second account's copy of the same instrument's feed
 * (two sessions on one venue) is skipped and counted ({@link #skipped()}).
 *
 * <p>The options book ({@link #accountOptions(String)}): the option positions of each account's first snapshot in the
 * first session, what the venue said the desk held when the agent started.
 *
 * <p>Damage (a torn or corrupt frame) ends the damaged file's records there: counted and reported with file and
 * offset, or fatal when strict.
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
    private final JournalReader reader;
    private final MarketDataEvent event = new MarketDataEvent(64, 16);
    private final List<String> damage = new ArrayList<>();
    /** Per margin-book instrument id of the current session: the registry index, or -1 (skipped). */
    private int[] indexOfId = new int[0];
    private long completedBytes;
    private Path currentFile;
    private long timeMs = Long.MIN_VALUE;
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
            throw new IllegalArgumentException("journal directory " + directory + " holds no journal-YYYYMMDD.dhj file");
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
        reader = new JournalReader(files, new JournalReader.Listener()
        {
            @Override
            public void onDamage(final Path file, final long offset, final String why)
            {
                damaged(file, offset, why);
            }
        });
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

    /** The Deribit instrument of a HEADER instrument, checked against its recorded lot size; null if not Deribit. */
    private Instrument deribitInstrument(final MarginInstrument m)
    {
        final String prefix = Venue.DERIBIT.code() + ':';
        if (!m.canonicalId().startsWith(prefix))
        {
            return null;
        }
        final Instrument instrument = DeribitNames.instrument(m.canonicalId().substring(prefix.length()));
        if (instrument == null)
        {
            return null;
        }
        final double lot = instrument.amountGrid().step().doubleValue();
        if (Math.abs(lot - m.lotSize()) > 1e-12 * lot)
        {
            throw new IllegalArgumentException("journal " + directory + " records " + m.canonicalId() + " with lots of "
                + m.lotSize() + ", but Deribit's lot is " + lot + ": the journal's venue is not Deribit-compatible, "
                + "so its books cannot be replayed on the simulated Deribit account");
        }
        return instrument;
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
        while (reader.next())
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
            if (type == RecordType.MARKET_DATA)
            {
                if (readMarketData())
                {
                    return true;
                }
            }
            else if (type == RecordType.HEADER)
            {
                session((JournalEntry.Header)entry());
            }
        }
        if (marketData == 0)
        {
            throw new IllegalArgumentException("journal " + directory + " holds no MARKET_DATA record: it was written "
                + "before the journal recorded market data (format version 1) or with market-data recording off, so it "
                + "cannot be replayed; record with the default journal settings");
        }
        return false;
    }

    private boolean readMarketData()
    {
        reader.readMarketData(event);
        marketData++;
        final int id = event.instrumentIndex();
        final int index = id >= 0 && id < indexOfId.length ? indexOfId[id] : -1;
        if (index < 0)
        {
            skipped++;
            return false;
        }
        event.instrumentIndex(index);
        timeMs = Math.max(timeMs, reader.timeMs());
        return true;
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
            throw new IllegalArgumentException("journal damaged: " + message + " (run deltahedger verify " + directory
                + "; without --strict the rest of the file is skipped and the replay goes on)");
        }
        if (damage.size() < 100)
        {
            damage.add(message);
        }
    }

    @Override
    public MarketDataEvent event()
    {
        return event;
    }

    @Override
    public long timeMs()
    {
        return timeMs;
    }

    @Override
    public long bytesRead()
    {
        return completedBytes + (currentFile == null ? 0 : reader.endOffset());
    }

    @Override
    public long totalBytes()
    {
        return totalBytes;
    }

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

    @Override
    public void close()
    {
        reader.close();
    }
}
