package io.deltahedger.hedger.bench;

import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.hedger.pipeline.DecisionSink;
import io.deltahedger.config.time.EpochClock;
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
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency and throughput of the whole pipeline: 500 options on two underlyings (250 BTC, 250 ETH, Binance USD-M
 * perpetual hedges), a seeded cycle of index moves, book changes and perpetual tickers.
 *
 * <ul>
 *   <li>Latency: one event at a time (the next is published once the previous has been released), measured from
 *   {@code publishMarketData} to the release stage's sink call, i.e. after the margin gate; HdrHistogram in µs.</li>
 *   <li>Throughput: events published back to back, the ring full, until the last is released.</li>
 *   <li>Allocation: HotSpot's per-thread allocated bytes of the publisher and the five stage threads over the
 *   measured run, per event.</li>
 * </ul>
 * Args: {@code [waitStrategy] [latencyEvents] [throughputEvents] [warmupEvents]} (defaults SLEEPING 200000 1000000 100000).
 */
public final class PipelineLatencyHarness
{
    private static final long T0 = 1_795_154_400_000L;
    private static final long EXPIRY_BASE_MS = 1_798_185_600_000L;
    private static final int OPTIONS_PER_UNDERLYING = 250;
    private static final int CYCLE = 4096;

    private final AtomicLong released = new AtomicLong();
    private final Histogram latencyNs = new Histogram(10_000_000_000L, 3);
    private final long[] results = new long[PipelineResult.values().length];
    private volatile boolean recording;
    private long nowMs = T0;
    private long published;

    private final MarketDataEvent[] events = new MarketDataEvent[CYCLE];
    private final AccountSnapshot[] snapshots;
    private final HedgingPipeline pipeline;
    private final MarginBook book;
    private final int account;

    private PipelineLatencyHarness(final PipelineWaitStrategy waitStrategy, final int maxEvents)
    {
        book = new MarginBook(2, 16);
        account = book.addAccount(Venue.BINANCE_USDM, "USDT", new TieredMarginModel(List.of(
            new MarginBracket(0, 50_000, 0.004, 0, 0.008),
            new MarginBracket(50_000, 250_000, 0.005, 50, 0.01),
            new MarginBracket(250_000, Double.POSITIVE_INFINITY, 0.01, 1_300, 0.02))));
        final int btcPerp = book.addInstrument(account, perp("BTC", "0.1"));
        final int ethPerp = book.addInstrument(account, perp("ETH", "0.01"));

        final SplittableRandom random = new SplittableRandom(42);
        final List<OptionPosition> options = new ArrayList<>();
        addOptions(options, "BTC", 90_000, random);
        addOptions(options, "ETH", 3_000, random);
        final Portfolio portfolio = Portfolio.of(options, List.of(
            new DeltaOnePosition("binance-usdm:BTCUSDT", "BTC", false, 0.0, 1.0),
            new DeltaOnePosition("binance-usdm:ETHUSDT", "ETH", false, 0.0, 1.0)));

        // one account snapshot per simulated second, built before the run (snapshots are immutable edge values)
        snapshots = new AccountSnapshot[maxEvents / 50 + 10];
        for (int s = 0; s < snapshots.length; s++)
        {
            snapshots[s] = new AccountSnapshot(Venue.BINANCE_USDM, "USDT", T0 + 1_000L * s, 1e8, 1e8, 1e8, 0, 0, List.of());
        }

        // the seeded input cycle: per underlying an index move, a two-level book change and a ticker
        double btc = 90_000;
        double eth = 3_000;
        for (int k = 0; k < CYCLE; k++)
        {
            final MarketDataEvent e = new MarketDataEvent();
            final boolean isBtc = (k / 3) % 2 == 0;
            final int perpId = isBtc ? btcPerp : ethPerp;
            final double move = 1 + 0.0004 * (random.nextDouble() - 0.5);
            final double spot = isBtc ? (btc *= move) : (eth *= move);
            final double tick = isBtc ? 0.1 : 0.01;
            switch (k % 3)
            {
                case 0 -> e.header(Venue.BINANCE_USDM, MarketDataType.INDEX_PRICE, perpId, 0).indexPrice(spot);
                case 1 ->
                {
                    e.header(Venue.BINANCE_USDM, MarketDataType.BOOK_CHANGE, perpId, 0);
                    e.bids().add(Math.round(spot / tick) - 1, 1_000 + random.nextInt(5_000));
                    e.asks().add(Math.round(spot / tick) + 1, 1_000 + random.nextInt(5_000));
                }
                default ->
                {
                    e.header(Venue.BINANCE_USDM, MarketDataType.TICKER, perpId, 0);
                    e.markPrice(spot * 1.0001);
                    e.bestBid(Math.round(spot / tick) - 1, 2_000);
                    e.bestAsk(Math.round(spot / tick) + 1, 2_000);
                }
            }
            events[k] = e;
        }

        final List<HedgeRoute> routes = List.of(
            new HedgeRoute(HedgePolicy.builder("BTC", "0.001").band(new FixedBand(0.05, DeltaUnit.COIN))
                .rearm(0.5, 200).maxOrdersPerMinute(600).build(),
                "binance-usdm:BTCUSDT"),
            new HedgeRoute(HedgePolicy.builder("ETH", "0.001").band(new FixedBand(100.0, DeltaUnit.COIN)).build(),
                "binance-usdm:ETHUSDT"));
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
            PipelineConfig.defaults(routes).withWaitStrategy(waitStrategy), portfolio, book,
            new GateConfig(0.8, 5_000, new double[] {-0.1, 0.1}, new double[] {-0.1, 0.1}, 1_000),
            clock, sink, (stage, sequence, error) -> error.printStackTrace()).start();
    }

    private void onReleased(final PipelineEvent event)
    {
        if (recording && event.kind() == EventKind.MARKET_DATA)
        {
            latencyNs.recordValue(System.nanoTime() - event.publishedNanos());
            results[event.result().ordinal()]++;
        }
        released.lazySet(released.get() + 1);
    }

    private static Instrument perp(final String coin, final String tick)
    {
        return new Instrument(Venue.BINANCE_USDM, coin + "USDT", InstrumentKind.PERPETUAL, coin, "USDT", "USDT", coin,
            ContractStyle.LINEAR, BigDecimal.ONE, DecimalGrid.of(tick), DecimalGrid.of("0.001"),
            new BigDecimal("0.001"), 0, null, null);
    }

    private static void addOptions(
        final List<OptionPosition> out, final String coin, final double spot, final SplittableRandom random)
    {
        for (int k = 0; k < OPTIONS_PER_UNDERLYING; k++)
        {
            final double strike = Math.round(spot * (0.6 + 0.8 * k / OPTIONS_PER_UNDERLYING));
            final long expiry = EXPIRY_BASE_MS + 7L * 86_400_000L * (k % 12);
            out.add(new OptionPosition(coin + "-" + k + "-" + (long)strike, coin, OptionModel.INVERSE,
                k % 2 == 0 ? OptionType.CALL : OptionType.PUT, strike, expiry,
                (random.nextInt(21) - 10) * 0.1, 1.0, 0.4 + 0.4 * random.nextDouble()));
        }
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

    public static void main(final String[] args)
    {
        final PipelineWaitStrategy strategy = args.length > 0 ? PipelineWaitStrategy.valueOf(args[0]) : PipelineWaitStrategy.SLEEPING;
        final int latencyEvents = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        final int throughputEvents = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        final int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        final PipelineLatencyHarness h = new PipelineLatencyHarness(strategy, warmup + latencyEvents + throughputEvents);
        h.pipeline.publishConnectionState(Venue.BINANCE_USDM, ConnectionState.LIVE);
        h.published++;
        long n = 0;
        // warm-up, paced
        for (; n < warmup; n++)
        {
            h.publish(n);
            h.awaitReleased();
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long[] ids = stageThreadIds();
        final long before = allocated(threads, ids);
        h.recording = true;
        final long latencyStart = n;
        for (; n < latencyStart + latencyEvents; n++)
        {
            h.publish(n);
            h.awaitReleased();
        }
        h.recording = false;
        final long after = allocated(threads, ids);

        final long throughputStart = n;
        final long startNs = System.nanoTime();
        for (; n < throughputStart + throughputEvents; n++)
        {
            h.publish(n);
        }
        h.awaitReleased();
        final double seconds = (System.nanoTime() - startNs) / 1e9;
        h.pipeline.close();

        final Histogram l = h.latencyNs;
        System.out.printf("wait strategy %s, %d options on 2 underlyings, JDK %s, %d CPUs%n", strategy,
            2 * OPTIONS_PER_UNDERLYING, Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.printf("latency publish -> released after the gate (%d events, one at a time): p50 %.2f us, "
            + "p90 %.2f us, p99 %.2f us, p99.9 %.2f us, max %.2f us%n", l.getTotalCount(),
            l.getValueAtPercentile(50) / 1e3, l.getValueAtPercentile(90) / 1e3, l.getValueAtPercentile(99) / 1e3,
            l.getValueAtPercentile(99.9) / 1e3, l.getMaxValue() / 1e3);
        System.out.printf("throughput: %,d events in %.3f s = %,.0f events/s%n", throughputEvents, seconds,
            throughputEvents / seconds);
        System.out.printf("allocation over the latency run (publisher + %d stage threads): %,d bytes = %.3f B/event%n",
            ids.length - 1, after - before, (after - before) / (double)latencyEvents);
        final StringBuilder outcomes = new StringBuilder("outcomes in the latency run:");
        for (final PipelineResult r : PipelineResult.values())
        {
            outcomes.append(' ').append(r).append('=').append(h.results[r.ordinal()]);
        }
        System.out.println(outcomes);
        System.out.println("halted: " + h.pipeline.halted());
    }

    /** Spins until every event published so far has been released. */
    private void awaitReleased()
    {
        while (released.get() < published)
        {
            Thread.onSpinWait();
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
