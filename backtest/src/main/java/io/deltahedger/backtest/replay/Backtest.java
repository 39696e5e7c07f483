package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.pnl.PnlLedger;
import io.deltahedger.backtest.report.BacktestReport;
import io.deltahedger.backtest.venue.SimulatedVenue;
import io.deltahedger.backtest.venue.SimulatedVenueConfig;
import io.deltahedger.config.time.ManualClock;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.pipeline.PipelineResult;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.connection.ConnectionStateEvent;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.instrument.OptionType;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.VenueListener;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The historical backtest: Tardis files through the real hedging pipeline with execution against a simulated Deribit
 * account (docs/backtest.md, "Historical backtest"). One run, one thread (the pipeline's stages run on it, see
 * {@link ReplaySegment}); the same files and configuration give the same report.
 *
 * <p>Per replayed event at local time t (ms): timers every 100 ms of replay time while a group is in flight, and an
 * expiry of the book (settled at the 30-minute index average before it, then rolled by the rule) are handled up to t;
 * the clock is set to t; the simulated venue applies the event; the book's marks and quotes are updated; the rule
 * writes its book once the chain has been seen; the event goes to the pipeline if its instrument is in the margin book
 * (the perpetual and the book's options); the venue processes arrivals up to t (its reports go to the pipeline);
 * account snapshots every {@link BacktestConfig#accountIntervalMs()} and samples every
 * {@link BacktestConfig#sampleIntervalMs()}.
 */
public final class Backtest
{
    /** Replay time between timer events while a group is in flight. */
    public static final long TIMER_INTERVAL_MS = 100;
    /** The rule writes its first book this long after the first option quote (the chain has come in by then). */
    public static final long CHAIN_SETTLE_MS = 60_000;
    /** Deribit settles options at the average index over the 30 minutes before expiry. */
    public static final long SETTLEMENT_WINDOW_MS = 30 * 60_000;
    /** Seed of the key a recorded backtest journal is signed with. */
    static final long JOURNAL_KEY_SEED = 0x6A6F75726E616CL;


    /** Told of progress every few thousand events (on the replay thread). */
    @FunctionalInterface
    public interface Progress
    {
        void onProgress(long events, long bytesRead, long totalBytes, long replayMs);

        Progress NONE = (events, bytesRead, totalBytes, replayMs) -> { };
    }

    private final BacktestConfig config;
    private final Progress progress;

    // replay state
    private InstrumentRegistry registry;
    private ManualClock clock;
    private SimulatedVenue venue;
    private PnlLedger ledger;
    private Instrument perp;
    private int perpIndex;
    private int perpLedgerId;
    private ChainQuotes quotes;
    private MarketDataEvent lastPerpTicker;
    private double index = Double.NaN;
    private double twapSum;
    private long twapCount;
    private long twapExpiry = Long.MIN_VALUE;

    // the book and its segment
    private final List<HeldOption> held = new ArrayList<>();
    /** The earliest expiry of the held options (Long.MAX_VALUE when none), kept with {@link #held}. */
    private long earliestExpiry = Long.MAX_VALUE;
    /** Per registry index: the ledger id of the held option, or -1; kept with {@link #held}. */
    private int[] heldLedgerId;
    private boolean bookPending = true;
    /** The book changed; its pipeline opens once no request of the previous one is in flight at the venue. */
    private boolean segmentPending;
    private List<BookSource.Position> fixedRemaining;
    private ReplaySegment segment;
    private int[] bookIdOf;
    private int accountId;
    private long nextGroupId = ExecutionConfig.DEFAULT_FIRST_GROUP_ID;
    private final MarketDataEvent scratch = new MarketDataEvent(64, 16);
    private CountingGateway gateway;
    /** The journal being replayed, or null for Tardis files. */
    private JournalSource journalSource;
    /** Where the run's own journal goes, or null. */
    private Path journalDirectory;
    /** The key the run's journal is signed with, drawn from a fixed seed (see {@link #recordingJournal}). */
    private ChainSigner journalSigner;

    // counters
    private long events;
    private long eventsToPipeline;
    private long reportsDropped;
    private long groups;
    private final List<BacktestResult.BookEvent> bookEvents = new ArrayList<>();
    private final Map<String, Long> results = new TreeMap<>();
    private final List<String> halts = new ArrayList<>();


    public Backtest(final BacktestConfig config, final Progress progress)
    {
        this.config = config;
        this.progress = progress == null ? Progress.NONE : progress;
        if (config.book() instanceof BookSource.Fixed fixed)
        {
            fixedRemaining = new ArrayList<>(fixed.positions());
        }
    }

    /**
     * Journals the run: each book period's pipeline appends to the agent's journal format in {@code directory} (one
     * session, a HEADER, per period), exactly as the daemon's pipeline does, so the run can be verified
     * ({@code deltahedger verify}) and replayed ({@code backtest --journal}). Signed inline, for fixed record
     * positions, with a key drawn from a fixed seed: the chain proves the records are intact, not who wrote them.
     * Call before {@link #run()}.
     *
     * @param directory a directory without a journal, or one this backtest wrote (its chain continues)
     */
    public Backtest recordingJournal(final Path directory)
    {
        if (directory == null)
        {
            throw new IllegalArgumentException("recordingJournal needs a directory, was null");
        }
        journalDirectory = directory;
        return this;
    }

    /** Runs the backtest. */
    public static BacktestResult run(final BacktestConfig config) throws IOException
    {
        return new Backtest(config, Progress.NONE).run();
    }

    /**
     * Runs it once.
     *
     * @throws io.deltahedger.backtest.tardis.TardisDataException on the first bad row in strict mode
     * @throws IllegalArgumentException                         naming what is missing from the data
     */
    public BacktestResult run() throws IOException
    {
        try (MarketSource source = open())
        {
            return replay(source);
        }
        finally
        {
            closeSegment();
        }
    }

    private MarketSource open() throws IOException
    {
        if (config.data() instanceof ReplayData.AgentJournal journal)
        {
            final JournalSource source = new JournalSource(journal.directory(), config.strict());
            if (config.book() instanceof BookSource.JournalAccounts)
            {
                fixedRemaining = new ArrayList<>(source.accountOptions(config.coin()));
                if (fixedRemaining.isEmpty())
                {
                    source.close();
                    throw new IllegalArgumentException("the journal's first account snapshots hold no " + config.coin()
                        + " option, so there is no book to take from it (the embedded simulator keeps the demo's book "
                        + "in the engine, not on the account): give the book with --book FILE");
                }
            }
            journalSource = source;
            return source;
        }
        return new TardisSource(((ReplayData.TardisFiles)config.data()).files(), config.strict());
    }

    private BacktestResult replay(final MarketSource source) throws IOException
    {
        registry = source.registry();
        perpIndex = registry.indexOfNative(Venue.DERIBIT, config.coin() + "-PERPETUAL");
        if (perpIndex < 0)
        {
            throw new IllegalArgumentException("the data holds no " + config.coin() + "-PERPETUAL, the hedge instrument: "
                + (journalSource != null ? "the journal's agent did not hedge " + config.coin() + " with it"
                    : "add its book files (incremental_book_L2 or book_snapshot_25) and derivative_ticker"));
        }
        perp = registry.instrument(perpIndex);
        checkFixedBook();
        quotes = new ChainQuotes(registry, config.coin());
        heldLedgerId = new int[registry.size()];
        java.util.Arrays.fill(heldLedgerId, -1);
        final long totalBytes = source.totalBytes();
        long startMs = Long.MIN_VALUE;
        long t = Long.MIN_VALUE;
        long nextAccountMs = Long.MIN_VALUE;
        long nextSampleMs = Long.MIN_VALUE;
        long nextTimerMs = Long.MIN_VALUE;
        while (source.next())
        {
            final MarketDataEvent event = source.event();
            t = source.timeMs();
            if (clock == null)
            {
                startMs = t;
                start(t);
                nextAccountMs = t;
                nextSampleMs = t + config.sampleIntervalMs();
                nextTimerMs = t;
            }
            // timers while a group is in flight, and expiries, up to t
            while (true)
            {
                final long expiry = earliestExpiry();
                if (segment != null && segment.groupOpen())
                {
                    nextTimerMs = Math.max(nextTimerMs, clock.epochMs() + 1);
                    nextTimerMs = ceil(nextTimerMs, TIMER_INTERVAL_MS);
                    if (nextTimerMs <= t && nextTimerMs < expiry)
                    {
                        moveTo(nextTimerMs);
                        venue.advanceTo(nextTimerMs);
                        segment.timer();
                        continue;
                    }
                }
                if (expiry <= t)
                {
                    moveTo(expiry);
                    venue.advanceTo(expiry);
                    settle(expiry);
                    continue;
                }
                break;
            }
            moveTo(t);
            venue.onMarketData(event);
            observe(event, t);
            if (bookPending)
            {
                tryEnterBook(t);
            }
            boolean opened = false;
            if (segmentPending && venue.inFlightCount() == 0)
            {
                segmentPending = false;
                openSegment(t);
                opened = true;
            }
            final int registryIndex = event.instrumentIndex();
            // a segment opened on a perpetual event has it already: its book snapshot is the venue's book after the
            // event and its ticker is this one (a book change sent again would not chain on the snapshot's sequence
            // and leave the pipeline's book invalid until the next snapshot)
            if (segment != null && bookIdOf[registryIndex] >= 0 && !(opened && registryIndex == perpIndex))
            {
                // the pipeline copies the event into its ring: lend it the source's, under the margin-book id
                event.instrumentIndex(bookIdOf[registryIndex]);
                segment.marketData(event);
                event.instrumentIndex(registryIndex);
                eventsToPipeline++;
            }
            venue.advanceTo(t);
            if (segment != null && t >= nextAccountMs)
            {
                segment.account(accountId, venue.accountSnapshot(t));
                nextAccountMs = t + config.accountIntervalMs();
            }
            if (t >= nextSampleMs)
            {
                sample(t);
                nextSampleMs = ceil(t + 1, config.sampleIntervalMs());
            }
            if ((++events & 0x3FFF) == 0)
            {
                progress.onProgress(events, source.bytesRead(), totalBytes, t - startMs);
            }
        }
        closeSegment();
        if (clock == null)
        {
            throw new IllegalArgumentException("the data holds no valid event: nothing to replay ("
                + source.badSummary() + ")");
        }
        if (bookEvents.isEmpty())
        {
            throw new IllegalArgumentException("the options book was never entered: " + whyNoBook()
                + (journalSource != null ? "; check the journal recorded the book's options' tickers"
                    : "; check the files hold the options_chain of the book's options and the index (derivative_ticker)"));
        }
        final long endMs = t;
        for (long i = 0; i < gateway.orders; i++)
        {
            ledger.onOrder();
        }
        for (long i = 0; i < groups; i++)
        {
            ledger.onGroup();
        }
        sample(endMs);
        progress.onProgress(events, totalBytes, totalBytes, endMs - startMs);
        final List<String> notes = new ArrayList<>();
        if (!source.note().isEmpty())
        {
            notes.add(source.note());
        }
        if (source.badCount() > 0)
        {
            notes.add(source.badSummary());
        }
        final BacktestReport report = BacktestReport.of(config.title(), ledger, startMs, endMs).withNotes(notes);
        return new BacktestResult(report, source.badCount(), source.badSummary(), source.badMessages(), events,
            eventsToPipeline, gateway.orders, groups, reportsDropped, List.copyOf(bookEvents), Map.copyOf(results),
            List.copyOf(halts), registry.size());
    }

    // ---------------------------------------------------------------- set-up

    private void checkFixedBook()
    {
        if (fixedRemaining == null)
        {
            return;
        }
        for (final BookSource.Position p : fixedRemaining)
        {
            final int i = registry.indexOfNative(Venue.DERIBIT, p.instrument());
            if (i < 0 || registry.instrument(i).kind() != InstrumentKind.OPTION)
            {
                throw new IllegalArgumentException("book option " + p.instrument() + " is not in the data: the "
                    + "options_chain files must quote it (Deribit names such as BTC-30JAN26-70000-C)");
            }
            if (!registry.instrument(i).underlying().equals(config.coin()))
            {
                throw new IllegalArgumentException("book option " + p.instrument() + " is not on " + config.coin()
                    + ", the backtest's coin (--coin)");
            }
        }
    }

    private void start(final long t)
    {
        clock = new ManualClock(t);
        ledger = new PnlLedger(config.coin());
        perpLedgerId = ledger.addInstrument(perp, PnlLedger.Book.HEDGE);
        final SimulatedVenueConfig venueConfig = SimulatedVenueConfig.deribit(config.coin(), config.initialBalance(),
            config.latencyMs(), "BTC".equals(config.coin()) ? DeribitStandardMarginModel.btc()
                : DeribitStandardMarginModel.eth());
        venue = new SimulatedVenue(venueConfig, registry, clock, new Listener(), ledger);
        gateway = new CountingGateway(venue);
    }

    private void moveTo(final long ms)
    {
        final long now = clock.epochMs();
        if (ms > now)
        {
            clock.advanceMs(ms - now);
        }
    }

    private static long ceil(final long value, final long step)
    {
        return Math.floorDiv(value + step - 1, step) * step;
    }

    // ---------------------------------------------------------------- market state

    private void observe(final MarketDataEvent e, final long t)
    {
        final int i = e.instrumentIndex();
        if (e.type() != MarketDataType.TICKER && e.type() != MarketDataType.INDEX_PRICE)
        {
            return;
        }
        if (i == perpIndex)
        {
            if (e.has(TickerField.INDEX_PRICE) && e.indexPrice() > 0)
            {
                index = e.indexPrice();
                accumulateTwap(t);
            }
            if (e.has(TickerField.MARK_PRICE) && e.markPrice() > 0)
            {
                ledger.onMark(perpLedgerId, e.markPrice());
            }
            if (lastPerpTicker == null)
            {
                lastPerpTicker = new MarketDataEvent(4, 1);
            }
            lastPerpTicker.copyFrom(e);
            return;
        }
        if (!quotes.observe(e, t))
        {
            return;
        }
        if (heldLedgerId[i] >= 0 && quotes.mark(i) > 0)
        {
            ledger.onMark(heldLedgerId[i], quotes.mark(i));
        }
    }

    private void accumulateTwap(final long t)
    {
        final long expiry = earliestExpiry();
        if (expiry == Long.MAX_VALUE || t < expiry - SETTLEMENT_WINDOW_MS || t > expiry)
        {
            return;
        }
        if (twapExpiry != expiry)
        {
            twapExpiry = expiry;
            twapSum = 0;
            twapCount = 0;
        }
        twapSum += index;
        twapCount++;
    }

    private long earliestExpiry()
    {
        return earliestExpiry;
    }

    /** Recomputes what is kept with {@link #held} (called after each change of the book). */
    private void heldChanged()
    {
        long e = Long.MAX_VALUE;
        java.util.Arrays.fill(heldLedgerId, -1);
        for (final HeldOption h : held)
        {
            e = Math.min(e, h.instrument().expiryEpochMs());
            heldLedgerId[h.registryIndex()] = h.ledgerId();
        }
        earliestExpiry = e;
    }

    // ---------------------------------------------------------------- the book

    private String whyNoBook()
    {
        if (quotes.firstQuoteMs() == Long.MIN_VALUE)
        {
            return "no " + config.coin() + " option was quoted";
        }
        if (!(index > 0))
        {
            return "no " + config.coin() + "-PERPETUAL index price was seen";
        }
        return config.book() instanceof BookSource.ShortStrangle
            ? "no monthly expiry (last Friday of a month) after the start was quoted with marks and deltas"
            : "the book's options were never quoted with a mark";
    }

    private void tryEnterBook(final long t)
    {
        // the rule chooses from the chain, so it waits a minute for the chain to come in; a fixed book waits only for
        // its own options' marks and IVs (below)
        final boolean byRule = config.book() instanceof BookSource.ShortStrangle;
        if (!(index > 0) || quotes.firstQuoteMs() == Long.MIN_VALUE
            || byRule && t < quotes.firstQuoteMs() + CHAIN_SETTLE_MS)
        {
            return;
        }
        final List<HeldOption> chosen = new ArrayList<>();
        if (config.book() instanceof BookSource.ShortStrangle rule)
        {
            final int[] strangle = quotes.strangle(t, rule.delta());
            if (strangle == null)
            {
                return;
            }
            chosen.add(held(strangle[0], -rule.coins()));
            chosen.add(held(strangle[1], -rule.coins()));
        }
        else
        {
            for (final BookSource.Position p : fixedRemaining)
            {
                final int i = registry.indexOfNative(Venue.DERIBIT, p.instrument());
                if (!(quotes.mark(i) > 0) || !(quotes.iv(i) > 0))
                {
                    return; // wait until every option of the book has a mark and a mark IV
                }
                chosen.add(held(i, p.contracts()));
            }
            fixedRemaining.clear();
        }
        for (final HeldOption h : chosen)
        {
            final double mark = quotes.mark(h.registryIndex());
            ledger.onFill(h.ledgerId(), t, h.contracts(), mark, mark, 0);
            ledger.onMark(h.ledgerId(), mark);
            held.add(h);
            heldChanged();
            bookEvents.add(new BacktestResult.BookEvent(true, h.instrument().nativeName(), h.contracts(),
                mark, index, t));
        }
        bookPending = false;
        segmentPending = true;
    }

    private HeldOption held(final int i, final double contracts)
    {
        final Instrument option = registry.instrument(i);
        return new HeldOption(option, i, ledger.addInstrument(option, PnlLedger.Book.OPTIONS), contracts, quotes.iv(i));
    }

    private void settle(final long expiry)
    {
        closeSegment();
        final double settlementIndex = twapExpiry == expiry && twapCount > 0 ? twapSum / twapCount : index;
        if (!(settlementIndex > 0))
        {
            throw new IllegalStateException("cannot settle the options expiring at " + Instant.ofEpochMilli(expiry)
                + ": no index price was seen");
        }
        final List<HeldOption> remaining = new ArrayList<>();
        for (final HeldOption h : held)
        {
            if (h.instrument().expiryEpochMs() != expiry)
            {
                remaining.add(h);
                continue;
            }
            final double k = h.instrument().strike().doubleValue();
            final double intrinsicUsd = h.instrument().optionType() == OptionType.CALL
                ? Math.max(0, settlementIndex - k) : Math.max(0, k - settlementIndex);
            final double coinPrice = intrinsicUsd / settlementIndex;
            ledger.onSettlement(h.ledgerId(), expiry, coinPrice);
            bookEvents.add(new BacktestResult.BookEvent(false, h.instrument().nativeName(), h.contracts(), coinPrice,
                settlementIndex, expiry));
        }
        held.clear();
        held.addAll(remaining);
        heldChanged();
        if (config.book() instanceof BookSource.ShortStrangle)
        {
            bookPending = true;
            tryEnterBook(expiry);
        }
        else if (!held.isEmpty())
        {
            segmentPending = true;
        }
    }

    // ---------------------------------------------------------------- the pipeline segment

    private void openSegment(final long t)
    {
        final SegmentWiring.Wired wired = SegmentWiring.wire(config, registry, perp, perpIndex, held, quotes, index,
            venue, gateway, clock, nextGroupId, t, journal());
        segment = wired.segment();
        accountId = wired.accountId();
        bookIdOf = wired.bookIdOf();
        final int perpId = wired.perpId();
        // what a live engine would have on connecting: the session LIVE, the account, the book and the tickers
        segment.connection(accountId, ConnectionState.LIVE);
        segment.account(accountId, venue.accountSnapshot(t));
        final L2Book perpBook = venue.book(perp);
        if (perpBook != null && perpBook.state() == BookState.VALID)
        {
            scratch.clear();
            scratch.header(Venue.DERIBIT, MarketDataType.BOOK_SNAPSHOT, perpId, perpBook.lastUpdateMs());
            scratch.sequence(perpBook.lastSequence());
            for (int l = 0; l < perpBook.depth(Side.BUY); l++)
            {
                scratch.bids().add(perpBook.priceAt(Side.BUY, l), perpBook.sizeAt(Side.BUY, l));
            }
            for (int l = 0; l < perpBook.depth(Side.SELL); l++)
            {
                scratch.asks().add(perpBook.priceAt(Side.SELL, l), perpBook.sizeAt(Side.SELL, l));
            }
            segment.marketData(scratch);
        }
        if (lastPerpTicker != null)
        {
            scratch.copyFrom(lastPerpTicker);
            scratch.instrumentIndex(perpId);
            segment.marketData(scratch);
        }
    }

    private SegmentWiring.Journal journal()
    {
        if (journalDirectory == null)
        {
            return null;
        }
        if (journalSigner == null)
        {
            journalSigner = ChainSigner.generate(new java.util.Random(JOURNAL_KEY_SEED));
        }
        return new SegmentWiring.Journal(journalDirectory, journalSigner);
    }

    private void closeSegment()
    {
        if (segment == null)
        {
            return;
        }
        nextGroupId = Math.max(nextGroupId, segment.lastGroupId() + 1);
        groups += segment.outcomes().size();
        for (final Map.Entry<PipelineResult, long[]> r : segment.results().entrySet())
        {
            results.merge(r.getKey().name(), r.getValue()[0], Long::sum);
        }
        halts.addAll(segment.halts());
        segment.close();
        segment = null;
    }

    private void sample(final long t)
    {
        final AccountSnapshot account = venue.accountSnapshot(t);
        final double ratio = account.maintenanceMarginUsage();
        ledger.onMarginRatio(Venue.DERIBIT, t, ratio >= 0 ? ratio : 0);
        if (segment != null && Double.isFinite(segment.lastDeltaCoin()))
        {
            final double low = Double.isFinite(segment.lastBandLow()) ? segment.lastBandLow() : -config.bandCoin();
            final double high = Double.isFinite(segment.lastBandHigh()) ? segment.lastBandHigh() : config.bandCoin();
            ledger.onNetDelta(t, segment.lastDeltaCoin(), low, high);
        }
        ledger.sample(t);
    }

    /** The simulated venue's answers, on the replay thread: reports to the current segment's pipeline. */
    private final class Listener implements VenueListener
    {
        @Override
        public void onExecutionReport(final ExecutionReport report)
        {
            if (segment == null)
            {
                reportsDropped++;
                return;
            }
            segment.report(accountId, report);
        }

        @Override
        public void onOpenOrders(final Venue v, final List<ExecutionReport> openOrders)
        {
        }

        @Override
        public void onAccount(final AccountSnapshot snapshot)
        {
        }

        @Override
        public void onConnectionState(final ConnectionStateEvent event)
        {
        }
    }
}
