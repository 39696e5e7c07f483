package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.pnl.PnlLedger;
import io.deltahedger.backtest.report.BacktestReport;
import io.deltahedger.backtest.tardis.BadRows;
import io.deltahedger.backtest.tardis.TardisFileReader;
import io.deltahedger.backtest.tardis.TardisMerge;
import io.deltahedger.backtest.tardis.UnknownSymbols;
import io.deltahedger.backtest.venue.SimulatedVenue;
import io.deltahedger.backtest.venue.SimulatedVenueConfig;
import io.deltahedger.config.time.ManualClock;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.pipeline.HedgeRoute;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.hedger.pipeline.PipelineResult;
import io.deltahedger.hedger.pipeline.PipelineWaitStrategy;
import io.deltahedger.hedger.pipeline.StageThreading;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.routing.HedgeCandidate;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
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
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.VenueListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The historical backtest: Tardis files through the real hedging pipeline with execution against a simulated Deribit
 * account (docs/backtest.md, "Historical backtest"). One run, one thread (plus the pipeline's consumer thread, in lock
 * step); the same files and configuration give the same report.
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

    private static final String ACCOUNT = "replay";

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
    private double[] quoteDelta;
    private double[] quoteMark;
    private double[] quoteIv;
    private double[] quoteUnderlying;
    private MarketDataEvent lastPerpTicker;
    private long firstOptionQuoteMs = Long.MIN_VALUE;
    private double index = Double.NaN;
    private double twapSum;
    private long twapCount;
    private long twapExpiry = Long.MIN_VALUE;

    // the book and its segment
    private final List<Held> held = new ArrayList<>();
    private boolean bookPending = true;
    private List<BookSource.Position> fixedRemaining;
    private ReplaySegment segment;
    private int[] bookIdOf;
    private int accountId;
    private long nextGroupId = ExecutionConfig.DEFAULT_FIRST_GROUP_ID;
    private final MarketDataEvent scratch = new MarketDataEvent(64, 16);
    private final CountingGateway[] gateway = new CountingGateway[1];

    // counters
    private long events;
    private long eventsToPipeline;
    private long reportsDropped;
    private long groups;
    private final List<BacktestResult.BookEvent> bookEvents = new ArrayList<>();
    private final Map<String, Long> results = new TreeMap<>();
    private final List<String> halts = new ArrayList<>();

    private record Held(Instrument instrument, int registryIndex, int ledgerId, double contracts, double markIv)
    {
    }

    public Backtest(final BacktestConfig config, final Progress progress)
    {
        this.config = config;
        this.progress = progress == null ? Progress.NONE : progress;
        if (config.book() instanceof BookSource.Fixed fixed)
        {
            fixedRemaining = new ArrayList<>(fixed.positions());
        }
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
        registry = ReplayInstruments.scan(config.files());
        perpIndex = registry.indexOfNative(Venue.DERIBIT, config.coin() + "-PERPETUAL");
        if (perpIndex < 0)
        {
            throw new IllegalArgumentException("the data holds no " + config.coin() + "-PERPETUAL, the hedge instrument: "
                + "add its book files (incremental_book_L2 or book_snapshot_25) and derivative_ticker");
        }
        perp = registry.instrument(perpIndex);
        checkFixedBook();
        final int n = registry.size();
        quoteDelta = new double[n];
        quoteMark = new double[n];
        quoteIv = new double[n];
        quoteUnderlying = new double[n];
        java.util.Arrays.fill(quoteMark, Double.NaN);
        final BadRows badRows = config.strict() ? BadRows.strict() : BadRows.lenient();
        long totalBytes = 0;
        final List<CountingInput> inputs = new ArrayList<>();
        final List<TardisFileReader> readers = new ArrayList<>();
        try
        {
            for (final Path file : ReplayInstruments.withoutRedundantSnapshots(config.files()))
            {
                totalBytes += Files.size(file);
                final CountingInput in = new CountingInput(Files.newInputStream(file));
                inputs.add(in);
                readers.add(TardisFileReader.open(file.getFileName().toString(), in, registry, badRows,
                    UnknownSymbols.BAD_ROW));
            }
        }
        catch (final IOException | RuntimeException e)
        {
            for (final TardisFileReader r : readers)
            {
                r.close();
            }
            throw e;
        }
        long startMs = Long.MIN_VALUE;
        long t = Long.MIN_VALUE;
        long nextAccountMs = Long.MIN_VALUE;
        long nextSampleMs = Long.MIN_VALUE;
        long nextTimerMs = Long.MIN_VALUE;
        try (TardisMerge merge = new TardisMerge(readers))
        {
            while (merge.next())
            {
                final MarketDataEvent event = merge.event();
                t = Math.max(t, Math.floorDiv(merge.localTimestampUs(), 1000L));
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
                if (segment != null && bookIdOf[event.instrumentIndex()] >= 0)
                {
                    scratch.copyFrom(event);
                    scratch.instrumentIndex(bookIdOf[event.instrumentIndex()]);
                    segment.marketData(scratch);
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
                    long read = 0;
                    for (final CountingInput in : inputs)
                    {
                        read += in.count;
                    }
                    progress.onProgress(events, read, totalBytes, t - startMs);
                }
            }
        }
        finally
        {
            closeSegment();
        }
        if (clock == null)
        {
            throw new IllegalArgumentException("the data files hold no valid event: nothing to replay ("
                + badRows.summary() + ")");
        }
        if (bookEvents.isEmpty())
        {
            throw new IllegalArgumentException("the options book was never entered: " + whyNoBook()
                + "; check the files hold the options_chain of the book's options and the index (derivative_ticker)");
        }
        final long endMs = t;
        for (long i = 0; i < gateway[0].orders; i++)
        {
            ledger.onOrder();
        }
        for (long i = 0; i < groups; i++)
        {
            ledger.onGroup();
        }
        sample(endMs);
        progress.onProgress(events, totalBytes, totalBytes, endMs - startMs);
        final BacktestReport report = BacktestReport.of(config.title(), ledger, startMs, endMs);
        return new BacktestResult(report, badRows.total(), badRows.summary(), badRows.messages(), events,
            eventsToPipeline, gateway[0].orders, groups, reportsDropped, List.copyOf(bookEvents), Map.copyOf(results),
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
        gateway[0] = new CountingGateway(venue);
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
        final Instrument instrument = registry.instrument(i);
        if (instrument.kind() != InstrumentKind.OPTION || !instrument.underlying().equals(config.coin()))
        {
            return;
        }
        if (e.has(TickerField.MARK_PRICE) && e.markPrice() >= 0)
        {
            quoteMark[i] = e.markPrice();
            if (firstOptionQuoteMs == Long.MIN_VALUE)
            {
                firstOptionQuoteMs = t;
            }
        }
        quoteDelta[i] = e.has(TickerField.GREEKS) ? e.delta() : Double.NaN;
        quoteIv[i] = e.has(TickerField.MARK_IV) ? e.markIv() : Double.NaN;
        quoteUnderlying[i] = e.has(TickerField.UNDERLYING_PRICE) ? e.underlyingPrice() : Double.NaN;
        for (final Held h : held)
        {
            if (h.registryIndex() == i && quoteMark[i] > 0)
            {
                ledger.onMark(h.ledgerId(), quoteMark[i]);
            }
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
        long e = Long.MAX_VALUE;
        for (final Held h : held)
        {
            e = Math.min(e, h.instrument().expiryEpochMs());
        }
        return e;
    }

    // ---------------------------------------------------------------- the book

    private String whyNoBook()
    {
        if (firstOptionQuoteMs == Long.MIN_VALUE)
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
        if (!(index > 0) || firstOptionQuoteMs == Long.MIN_VALUE || t < firstOptionQuoteMs + CHAIN_SETTLE_MS)
        {
            return;
        }
        final List<Held> chosen = new ArrayList<>();
        if (config.book() instanceof BookSource.ShortStrangle rule)
        {
            final int call = chooseStrangleLeg(t, rule.delta());
            final int put = call < 0 ? -1 : chooseLeg(registry.instrument(call).expiryEpochMs(),
                io.deltahedger.venues.instrument.OptionType.PUT, -rule.delta());
            if (call < 0 || put < 0)
            {
                return;
            }
            chosen.add(held(call, -rule.coins()));
            chosen.add(held(put, -rule.coins()));
        }
        else
        {
            for (final BookSource.Position p : fixedRemaining)
            {
                final int i = registry.indexOfNative(Venue.DERIBIT, p.instrument());
                if (!(quoteMark[i] > 0) || !(quoteIv[i] > 0))
                {
                    return; // wait until every option of the book has a mark and a mark IV
                }
                chosen.add(held(i, p.contracts()));
            }
            fixedRemaining.clear();
        }
        for (final Held h : chosen)
        {
            ledger.onFill(h.ledgerId(), t, h.contracts(), quoteMark[h.registryIndex()], quoteMark[h.registryIndex()], 0);
            ledger.onMark(h.ledgerId(), quoteMark[h.registryIndex()]);
            held.add(h);
            bookEvents.add(new BacktestResult.BookEvent(true, h.instrument().nativeName(), h.contracts(),
                quoteMark[h.registryIndex()], index, t));
        }
        bookPending = false;
        openSegment(t);
    }

    private Held held(final int i, final double contracts)
    {
        final Instrument option = registry.instrument(i);
        return new Held(option, i, ledger.addInstrument(option, PnlLedger.Book.OPTIONS), contracts, quoteIv[i]);
    }

    /** The call of the nearest quoted monthly expiry after t whose delta is closest to the target, or -1. */
    private int chooseStrangleLeg(final long t, final double delta)
    {
        long expiry = Long.MAX_VALUE;
        for (int i = 0; i < registry.size(); i++)
        {
            final Instrument o = registry.instrument(i);
            if (o.kind() == InstrumentKind.OPTION && o.underlying().equals(config.coin()) && o.expiryEpochMs() > t
                && o.expiryEpochMs() < expiry && isMonthly(o.expiryEpochMs()) && usable(i))
            {
                expiry = o.expiryEpochMs();
            }
        }
        return expiry == Long.MAX_VALUE ? -1
            : chooseLeg(expiry, io.deltahedger.venues.instrument.OptionType.CALL, delta);
    }

    private int chooseLeg(final long expiry, final io.deltahedger.venues.instrument.OptionType type,
                          final double target)
    {
        int best = -1;
        for (int i = 0; i < registry.size(); i++)
        {
            final Instrument o = registry.instrument(i);
            if (o.kind() == InstrumentKind.OPTION && o.underlying().equals(config.coin())
                && o.expiryEpochMs() == expiry && o.optionType() == type && usable(i)
                && (best < 0 || Math.abs(quoteDelta[i] - target) < Math.abs(quoteDelta[best] - target)))
            {
                best = i;
            }
        }
        return best;
    }

    private boolean usable(final int i)
    {
        return quoteMark[i] > 0 && quoteIv[i] > 0 && Double.isFinite(quoteDelta[i]);
    }

    /** Whether an expiry (08:00 UTC) falls on the last Friday of its month: Deribit's monthly expiries. */
    static boolean isMonthly(final long expiryMs)
    {
        final LocalDate day = Instant.ofEpochMilli(expiryMs).atOffset(ZoneOffset.UTC).toLocalDate();
        return day.getDayOfWeek() == DayOfWeek.FRIDAY && day.plusDays(7).getMonth() != day.getMonth();
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
        final List<Held> remaining = new ArrayList<>();
        for (final Held h : held)
        {
            if (h.instrument().expiryEpochMs() != expiry)
            {
                remaining.add(h);
                continue;
            }
            final double k = h.instrument().strike().doubleValue();
            final double intrinsicUsd = h.instrument().optionType() == io.deltahedger.venues.instrument.OptionType.CALL
                ? Math.max(0, settlementIndex - k) : Math.max(0, k - settlementIndex);
            final double coinPrice = intrinsicUsd / settlementIndex;
            ledger.onSettlement(h.ledgerId(), expiry, coinPrice);
            bookEvents.add(new BacktestResult.BookEvent(false, h.instrument().nativeName(), h.contracts(), coinPrice,
                settlementIndex, expiry));
        }
        held.clear();
        held.addAll(remaining);
        if (config.book() instanceof BookSource.ShortStrangle)
        {
            bookPending = true;
            tryEnterBook(expiry);
        }
        else if (!held.isEmpty())
        {
            openSegment(expiry);
        }
    }

    // ---------------------------------------------------------------- the pipeline segment

    private void openSegment(final long t)
    {
        final MarginBook book = new MarginBook(2, 8 + held.size());
        accountId = book.addAccount(ACCOUNT + " " + config.coin(), Venue.DERIBIT, config.coin(),
            venue.config().marginModel());
        bookIdOf = new int[registry.size()];
        java.util.Arrays.fill(bookIdOf, -1);
        final int perpId = book.addInstrument(accountId, perp);
        bookIdOf[perpIndex] = perpId;
        final List<OptionPosition> options = new ArrayList<>();
        double basis = 0;
        for (final Held h : held)
        {
            final Instrument o = h.instrument();
            final int id = book.addInstrument(accountId, o);
            bookIdOf[h.registryIndex()] = id;
            final double iv = quoteIv[h.registryIndex()] > 0 ? quoteIv[h.registryIndex()] : h.markIv();
            options.add(new OptionPosition(book.instrumentKey(id), config.coin(), OptionModel.INVERSE,
                o.optionType() == io.deltahedger.venues.instrument.OptionType.CALL ? OptionType.CALL : OptionType.PUT,
                o.strike().doubleValue(), o.expiryEpochMs(), h.contracts(), o.contractSize().doubleValue(), iv));
            final double forward = quoteUnderlying[h.registryIndex()];
            final double years = (o.expiryEpochMs() - t) / Portfolio.MILLIS_PER_YEAR;
            if (forward > 0 && index > 0 && years > 1e-6)
            {
                basis = Math.log(forward / index) / years; // the chain's forward over the index, per year
            }
        }
        final List<DeltaOnePosition> hedges = List.of(new DeltaOnePosition(perp.canonicalId(), config.coin(), true,
            venue.positionLots(perp), perp.amountGrid().step().doubleValue()));
        final Portfolio portfolio = Portfolio.of(options, hedges);
        portfolio.setRates(0, 0.0, basis);
        final HedgePolicy policy = HedgePolicy.builder(config.coin(), "0.0001")
            .band(new FixedBand(config.bandCoin(), DeltaUnit.COIN)).build();
        final HedgeRoute route = new HedgeRoute(policy, List.of(new HedgeCandidate(book.instrumentKey(perpId),
            venue.config().takerFeeBps(), venue.config().makerFeeBps())));
        final PipelineConfig pipelineConfig = new PipelineConfig(List.of(route), config.maxInputAgeMs(),
            PipelineConfig.DEFAULT_LIMIT_SLIPPAGE, PipelineConfig.DEFAULT_VALUATION_STEP_MS,
            PipelineConfig.DEFAULT_RING_SIZE, PipelineWaitStrategy.YIELDING, StageThreading.SINGLE_THREAD);
        final GateConfig gate = new GateConfig(0.8, config.maxInputAgeMs(), new double[] {-0.1, 0.0, 0.1},
            new double[] {-0.1, 0.0, 0.1}, 1_000);
        final ExecutionVenues venues = ExecutionVenues.builder().gateway(accountId, gateway[0])
            .instrument(perpId, perp).build();
        segment = new ReplaySegment(pipelineConfig, portfolio, book, gate,
            ExecutionConfig.defaults().withFirstGroupId(nextGroupId), venues, clock, 0);
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
            segment.report(accountId, report, true);
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
