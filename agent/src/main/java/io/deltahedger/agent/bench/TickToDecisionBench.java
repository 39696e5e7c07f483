package io.deltahedger.agent.bench;

import io.deltahedger.config.time.EpochClock;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.hedger.pipeline.DecisionSink;
import io.deltahedger.hedger.pipeline.EventKind;
import io.deltahedger.hedger.pipeline.HedgeRoute;
import io.deltahedger.hedger.pipeline.HedgingPipeline;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.hedger.pipeline.PipelineEvent;
import io.deltahedger.hedger.pipeline.PipelineResult;
import io.deltahedger.hedger.pipeline.PipelineWaitStrategy;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.model.MarginBracket;
import io.deltahedger.marginmonitor.model.TieredMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalSummary;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tick-to-decision latency and throughput of the hedging pipeline on this machine: an options book spread over
 * {@code underlyings} underlyings (BTC, ETH, SOL, ... each hedged with a USD-M linear perpetual on one account), a
 * seeded cycle of index moves, two-level book changes and perpetual tickers.
 *
 * <ul>
 *   <li>Latency: one event at a time (the next is published once the previous has been released), from
 *   {@code publishMarketData} until the release stage hands the event on, i.e. after the margin gate; HdrHistogram,
 *   nanosecond resolution, three significant digits.</li>
 *   <li>Throughput: events published back to back, the ring full, until the last is released.</li>
 *   <li>Allocation: HotSpot's per-thread allocated bytes of the publisher and the stage threads over the latency run,
 *   per event.</li>
 * </ul>
 * A warm-up of {@code warmupEvents} paced events runs first so the JIT has compiled the hot path. With a journal
 * directory the pipeline journals every event (docs/journal.md) from its execution stage, so the latency includes the
 * MARKET/ACCOUNT/VERDICT appends; the batch's flush (a write to the OS) comes after the event is released. Not
 * thread-safe: one {@link #run} per instance.
 */
public final class TickToDecisionBench
{
    private static final long T0 = 1_795_154_400_000L;
    private static final long EXPIRY_BASE_MS = 1_798_185_600_000L;
    private static final int CYCLE = 4096;
    private static final String[] COINS = {"BTC", "ETH", "SOL", "XRP", "DOGE", "AVAX", "LINK", "DOT"};
    private static final double[] SPOTS = {90_000, 3_000, 150, 2.5, 0.4, 35, 20, 7};
    private static final String[] TICKS = {"0.1", "0.01", "0.001", "0.0001", "0.00001", "0.001", "0.001", "0.001"};
    /** Largest supported book: keeps the seeded input in memory small. */
    public static final int MAX_OPTIONS = 100_000;

    /**
     * What to measure.
     *
     * @param options          options in the book, split evenly over the underlyings (1..100,000)
     * @param underlyings      hedged underlyings, 1..8
     * @param events           measured events, for latency and again for throughput (>= 1,000)
     * @param warmupEvents     paced events before measuring (>= 0)
     * @param waitStrategy     the pipeline's wait strategy
     * @param journal          a new or empty directory to journal the run into (default writer settings: background
     *                         signing by a throwaway key, no fsync), or null for no journal
     */
    public record Settings(int options, int underlyings, int events, int warmupEvents, PipelineWaitStrategy waitStrategy,
                           Path journal, int maxOrdersPerMinute)
    {
        /** The policy default of 6 decisions a minute per underlying. */
        public Settings(final int options, final int underlyings, final int events, final int warmupEvents,
                        final PipelineWaitStrategy waitStrategy, final Path journal)
        {
            this(options, underlyings, events, warmupEvents, waitStrategy, journal, 6);
        }

        /** Without a journal. */
        public Settings(final int options, final int underlyings, final int events, final int warmupEvents,
                        final PipelineWaitStrategy waitStrategy)
        {
            this(options, underlyings, events, warmupEvents, waitStrategy, null);
        }

        public Settings
        {
            if (options < 1 || options > MAX_OPTIONS)
            {
                throw new IllegalArgumentException("options must be 1.." + MAX_OPTIONS + ", got " + options);
            }
            if (underlyings < 1 || underlyings > COINS.length)
            {
                throw new IllegalArgumentException("underlyings must be 1.." + COINS.length + ", got " + underlyings);
            }
            if (options < underlyings)
            {
                throw new IllegalArgumentException("need at least one option per underlying: options " + options
                    + " < underlyings " + underlyings);
            }
            if (events < 1_000)
            {
                throw new IllegalArgumentException("events must be at least 1000 for a meaningful p99.9, got " + events);
            }
            if (warmupEvents < 0)
            {
                throw new IllegalArgumentException("warm-up events must be >= 0, got " + warmupEvents);
            }
            if (maxOrdersPerMinute < 1 || maxOrdersPerMinute > 600)
            {
                throw new IllegalArgumentException("max orders per minute must be 1..600 (the policy's range), got "
                    + maxOrdersPerMinute);
            }
            if (waitStrategy == null)
            {
                throw new IllegalArgumentException("wait strategy is missing");
            }
            if (journal != null && !emptyOrAbsent(journal))
            {
                throw new IllegalArgumentException("journal directory " + journal + " is not empty: give a new or empty "
                    + "directory (the run writes a fresh journal signed by a throwaway key)");
            }
        }

        private static boolean emptyOrAbsent(final Path directory)
        {
            if (!Files.exists(directory))
            {
                return true;
            }
            if (!Files.isDirectory(directory))
            {
                return false;
            }
            try (java.util.stream.Stream<Path> entries = Files.list(directory))
            {
                return entries.findAny().isEmpty();
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException("cannot read journal directory " + directory + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The measured figures.
     *
     * @param p50Us           median latency, microseconds
     * @param p99Us           99th percentile, microseconds
     * @param p999Us          99.9th percentile, microseconds
     * @param maxUs           largest latency seen, microseconds
     * @param eventsPerSecond throughput with the ring full
     * @param bytesPerEvent   bytes allocated per event over the latency run (publisher + stage threads)
     * @param latencyEvents   events in the latency histogram
     * @param results         outcome counts of the latency run by {@link PipelineResult} name
     * @param halted          whether a stage failed during the run (the figures are then not trustworthy)
     * @param journalRecords  records in the journal after the run (0 without one)
     * @param journalBytes    bytes of the journal's files after the run (0 without one)
     */
    public record Result(
        double p50Us,
        double p99Us,
        double p999Us,
        double maxUs,
        double eventsPerSecond,
        double bytesPerEvent,
        long latencyEvents,
        java.util.Map<String, Long> results,
        boolean halted,
        long journalRecords,
        long journalBytes,
        long gatedEvents,
        double gatedP50Us,
        double gatedMaxUs)
    {
    }

    private final Settings settings;
    private final AtomicLong released = new AtomicLong();
    private final Histogram latencyNs = new Histogram(10_000_000_000L, 3);
    /** Events whose decision went through the margin gate (approved or refused by admission). */
    private final Histogram gatedNs = new Histogram(10_000_000_000L, 3);
    private final long[] results = new long[PipelineResult.values().length];
    private volatile boolean recording;
    private long nowMs = T0;
    private long published;

    private final MarketDataEvent[] events = new MarketDataEvent[CYCLE];
    private final AccountSnapshot[] snapshots;
    private final HedgingPipeline pipeline;
    private final int account;

    public TickToDecisionBench(final Settings settings)
    {
        this.settings = settings;
        final int u = settings.underlyings();
        final MarginBook book = new MarginBook(2, 2 * u + 8);
        account = book.addAccount(Venue.BINANCE_USDM, "USDT", new TieredMarginModel(List.of(
            new MarginBracket(0, 50_000, 0.004, 0, 0.008),
            new MarginBracket(50_000, 250_000, 0.005, 50, 0.01),
            new MarginBracket(250_000, Double.POSITIVE_INFINITY, 0.01, 1_300, 0.02))));
        final int[] perpIds = new int[u];
        final double[] tick = new double[u];
        final List<OptionPosition> options = new ArrayList<>();
        final List<DeltaOnePosition> deltaOnes = new ArrayList<>();
        final List<HedgeRoute> routes = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k < u; k++)
        {
            final String coin = COINS[k];
            tick[k] = Double.parseDouble(TICKS[k]);
            perpIds[k] = book.addInstrument(account, perp(coin, TICKS[k]));
            final int count = settings.options() / u + (k < settings.options() % u ? 1 : 0);
            addOptions(options, coin, SPOTS[k], count, random);
            deltaOnes.add(new DeltaOnePosition("binance-usdm:" + coin + "USDT", coin, false, 0.0, 1.0));
            // a band of about 5 % of a coin-delta unit per 1,000 options: some events trade, most do not
            routes.add(new HedgeRoute(HedgePolicy.builder(coin, "0.001")
                .band(new FixedBand(0.05 * Math.max(1.0, count / 250.0), DeltaUnit.COIN))
                .rearm(0.5, 200).maxOrdersPerMinute(settings.maxOrdersPerMinute()).build(), "binance-usdm:" + coin + "USDT"));
        }
        final Portfolio portfolio = Portfolio.of(options, deltaOnes);

        // one account snapshot per simulated second, built before the run (snapshots are immutable edge values)
        final long totalEvents = settings.warmupEvents() + 2L * settings.events();
        snapshots = new AccountSnapshot[(int)(totalEvents / 20_000) + 10];
        for (int s = 0; s < snapshots.length; s++)
        {
            snapshots[s] = new AccountSnapshot(Venue.BINANCE_USDM, "USDT", T0 + 1_000L * s, 1e8, 1e8, 1e8, 0, 0, List.of());
        }

        // the seeded input cycle: per underlying in turn an index move, a two-level book change and a ticker
        final double[] spot = new double[u];
        for (int k = 0; k < u; k++)
        {
            spot[k] = SPOTS[k];
        }
        for (int n = 0; n < CYCLE; n++)
        {
            final MarketDataEvent e = new MarketDataEvent();
            final int k = (n / 3) % u;
            final double s = spot[k] *= 1 + 0.0004 * (random.nextDouble() - 0.5);
            final long mid = Math.round(s / tick[k]);
            switch (n % 3)
            {
                case 0 -> e.header(Venue.BINANCE_USDM, MarketDataType.INDEX_PRICE, perpIds[k], 0).indexPrice(s);
                case 1 ->
                {
                    e.header(Venue.BINANCE_USDM, MarketDataType.BOOK_CHANGE, perpIds[k], 0);
                    e.bids().add(mid - 1, 1_000 + random.nextInt(5_000));
                    e.asks().add(mid + 1, 1_000 + random.nextInt(5_000));
                }
                default ->
                {
                    e.header(Venue.BINANCE_USDM, MarketDataType.TICKER, perpIds[k], 0);
                    e.markPrice(s * 1.0001);
                    e.bestBid(mid - 1, 2_000);
                    e.bestAsk(mid + 1, 2_000);
                }
            }
            events[n] = e;
        }

        final EpochClock clock = () -> nowMs;
        final DecisionSink sink = new DecisionSink()
        {
            @Override
            public void onApproved(final PipelineEvent event)
            {
                onReleased(event);
            }

            @Override
            public void onNotApproved(final PipelineEvent event)
            {
                onReleased(event);
            }
        };
        pipeline = new HedgingPipeline(
            PipelineConfig.defaults(routes).withWaitStrategy(settings.waitStrategy()), portfolio, book,
            new GateConfig(0.8, 5_000, new double[] {-0.1, 0.1}, new double[] {-0.1, 0.1}, 1_000),
            clock, sink, (stage, sequence, error) -> error.printStackTrace());
        if (settings.journal() != null)
        {
            pipeline.withJournal(JournalWriter.open(settings.journal(), ChainSigner.generate(),
                JournalWriterConfig.defaults()), "deltahedger-bench");
        }
    }

    /** Runs warm-up, latency and throughput phases and closes the pipeline. */
    public Result run()
    {
        pipeline.start();
        pipeline.publishConnectionState(Venue.BINANCE_USDM, ConnectionState.LIVE);
        published++;
        long n = 0;
        for (; n < settings.warmupEvents(); n++)
        {
            publish(n);
            awaitReleased();
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long[] ids = stageThreadIds();
        final long before = allocated(threads, ids);
        recording = true;
        final long latencyStart = n;
        for (; n < latencyStart + settings.events(); n++)
        {
            publish(n);
            awaitReleased();
        }
        recording = false;
        final long after = allocated(threads, ids);

        final long throughputStart = n;
        final long startNs = System.nanoTime();
        for (; n < throughputStart + settings.events(); n++)
        {
            publish(n);
        }
        awaitReleased();
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        final boolean halted = pipeline.halted();
        pipeline.close();

        long journalRecords = 0;
        long journalBytes = 0;
        if (settings.journal() != null)
        {
            try
            {
                final List<Path> files = JournalFormat.filesIn(settings.journal());
                journalRecords = JournalSummary.scan(files).records();
                for (final Path f : files)
                {
                    journalBytes += Files.size(f);
                }
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException("cannot read the journal in " + settings.journal() + ": "
                    + e.getMessage(), e);
            }
        }
        final java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (final PipelineResult r : PipelineResult.values())
        {
            counts.put(r.name(), results[r.ordinal()]);
        }
        final Histogram l = latencyNs;
        return new Result(
            l.getValueAtPercentile(50) / 1e3,
            l.getValueAtPercentile(99) / 1e3,
            l.getValueAtPercentile(99.9) / 1e3,
            l.getMaxValue() / 1e3,
            settings.events() / seconds,
            (after - before) / (double)settings.events(),
            l.getTotalCount(),
            java.util.Collections.unmodifiableMap(counts),
            halted,
            journalRecords,
            journalBytes,
            gatedNs.getTotalCount(),
            gatedNs.getTotalCount() == 0 ? Double.NaN : gatedNs.getValueAtPercentile(50) / 1e3,
            gatedNs.getTotalCount() == 0 ? Double.NaN : gatedNs.getMaxValue() / 1e3);
    }

    private void onReleased(final PipelineEvent event)
    {
        if (recording && event.kind() == EventKind.MARKET_DATA)
        {
            final long ns = System.nanoTime() - event.publishedNanos();
            latencyNs.recordValue(ns);
            results[event.result().ordinal()]++;
            final PipelineResult r = event.result();
            if (r == PipelineResult.APPROVED || r == PipelineResult.GATE_BLOCKED || r == PipelineResult.LIMIT_BLOCKED
                || r == PipelineResult.RATE_LIMITED)
            {
                gatedNs.recordValue(ns);
            }
        }
        released.lazySet(released.get() + 1);
    }

    /** Publishes event {@code n} of the cycle, advancing the clock 1 ms every 20 events and the account every second. */
    private void publish(final long n)
    {
        if (n % 20 == 0)
        {
            nowMs++;
            if ((nowMs - T0) % 1_000 == 0 || n == 0)
            {
                pipeline.publishAccount(account, snapshots[(int)((nowMs - T0) / 1_000)]);
                published++;
            }
        }
        pipeline.publishMarketData(events[(int)(n % CYCLE)]);
        published++;
    }

    /** Spins until every event published so far has been released. */
    private void awaitReleased()
    {
        while (released.get() < published)
        {
            Thread.onSpinWait();
        }
    }

    private static Instrument perp(final String coin, final String tick)
    {
        return new Instrument(Venue.BINANCE_USDM, coin + "USDT", InstrumentKind.PERPETUAL, coin, "USDT", "USDT", coin,
            ContractStyle.LINEAR, BigDecimal.ONE, DecimalGrid.of(tick), DecimalGrid.of("0.001"),
            new BigDecimal("0.001"), 0, null, null);
    }

    private static void addOptions(
        final List<OptionPosition> out, final String coin, final double spot, final int count, final SplittableRandom random)
    {
        for (int k = 0; k < count; k++)
        {
            final double strike = spot * (0.6 + 0.8 * k / count);
            final long expiry = EXPIRY_BASE_MS + 7L * 86_400_000L * (k % 12);
            out.add(new OptionPosition(coin + "-" + k, coin, OptionModel.INVERSE,
                k % 2 == 0 ? OptionType.CALL : OptionType.PUT, strike, expiry,
                (random.nextInt(21) - 10) * 0.1, 1.0, 0.4 + 0.4 * random.nextDouble()));
        }
    }

    private static long[] stageThreadIds()
    {
        final List<Long> ids = new ArrayList<>();
        ids.add(Thread.currentThread().getId());
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getName().startsWith("hedger-pipeline-"))
            {
                ids.add(t.getId());
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static long allocated(final com.sun.management.ThreadMXBean threads, final long[] ids)
    {
        long sum = 0;
        for (final long b : threads.getThreadAllocatedBytes(ids))
        {
            sum += b;
        }
        return sum;
    }
}
