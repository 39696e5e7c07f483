package io.deltahedger.backtest.replay;

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
 * <p>Reading and decoding run ahead on a thread of their own ({@link JournalReadAhead}): the replay thread only takes
 * decoded events, in journal order, so a replay uses two cores and every decision is the journal's.
 */
final class JournalSource implements MarketSource
{
    /** How far into the first session the options book is looked for (records), before the replay starts. */
    static final int BOOK_SCAN_RECORDS = 1_000_000;

    private final Path directory;
    private final List<Path> files;
    private final Map<Path, Long> sizes = new HashMap<>();
    private final long totalBytes;
    private final InstrumentRegistry registry = new InstrumentRegistry();
    private final Map<Integer, List<JournalEntry.PositionEntry>> firstPositions = new TreeMap<>();
    private final JournalReadAhead readAhead;

    /**
     * Opens the journal and reads its first session's HEADER and account snapshots.
     *
     * @throws IllegalArgumentException naming the directory when it holds no journal, no HEADER or no Deribit
     *                                  instrument
     */
    JournalSource(final Path directory, final boolean strict) throws IOException
    {
        this.directory = directory;
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
        readAhead = new JournalReadAhead(directory, files, sizes, registry, strict);
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
        return readAhead.next();
    }

    @Override
    public MarketDataEvent event()
    {
        return readAhead.event();
    }

    @Override
    public long timeMs()
    {
        return readAhead.timeMs();
    }

    @Override
    public long bytesRead()
    {
        return readAhead.bytesRead();
    }

    @Override
    public long totalBytes()
    {
        return totalBytes;
    }

    @Override
    public long badCount()
    {
        return readAhead.damaged();
    }

    @Override
    public String badSummary()
    {
        final long damaged = readAhead.damaged();
        return damaged == 0 ? "no damaged journal file" : damaged + " damaged journal file(s): the rest of each was skipped";
    }

    @Override
    public List<String> badMessages()
    {
        return readAhead.damage();
    }

    @Override
    public String note()
    {
        return String.format(java.util.Locale.ROOT, "journal: %d session(s), %d market-data records, %d skipped (other "
            + "venues, instruments a later session added, a second account's copy of a feed)", readAhead.sessions(),
            readAhead.marketDataRecords(), readAhead.skipped());
    }

    @Override
    public void close()
    {
        readAhead.close();
    }
}
