package io.deltahedger.hedger.bench;

import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.hedger.journal.MarketDataSamples;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.TimeInForce;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The cost of appending one journal record: Chronicle Wire encoding into the heap buffer, the SHA-256 chain step,
 * and (flushed every 64 records, as a Disruptor batch end would) the write to the page cache. {@code signEvery}
 * "never" isolates the append; "inline-1000" signs every 1000 records on the writer's thread (one secp256k1 signature
 * amortised over 1000 records); "background-1000" is the default, signing on the signer thread.
 * Each trial writes a fresh temporary journal (about 100 MB a second of page cache) that is deleted afterwards; one
 * writer per trial, so its 1 MiB buffer is not counted per iteration. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {"--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED", "-Dchronicle.analytics.disable=true"})
public class JournalAppendBenchmark
{
    /** 2026-11-20T06:00:00Z: a fixed time, so no file roll and no time-triggered signature during a run. */
    private static final long NOW_MS = 1_795_154_400_000L;
    private static final int BATCH = 64;

    @Param({"never", "inline-1000", "background-1000"})
    public String signEvery;

    private final ChainSigner signer = ChainSigner.generate(new Random(42));
    private final LegGroup legs = new LegGroup(MarginGate.MAX_LEGS);
    private final GateVerdict verdict = new GateVerdict();
    private final MarketDataEvent ticker = MarketDataSamples.deribitOptionTicker(new MarketDataEvent(), 1, NOW_MS);
    private final MarketDataEvent bookChange = MarketDataSamples.bookChange(new MarketDataEvent(), 0, NOW_MS, 1_000, 10);
    private OrderRequest order;
    private AccountSnapshot snapshot;
    private Path directory;
    private JournalWriter writer;
    private long n;

    @Setup(Level.Trial)
    public void world()
    {
        final Instrument perpetual = new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD",
            "BTC", "USD", ContractStyle.INVERSE, new BigDecimal("10"), DecimalGrid.of("0.5"), DecimalGrid.of("10"),
            new BigDecimal("10"), 0, null, null);
        final MarginBook book = new MarginBook(1, 4);
        final int account = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        final int perp = book.addInstrument(account, perpetual);
        book.onMark(perp, 96_000);
        book.onIndex(book.underlyingOf(perp), 96_000);
        snapshot = new AccountSnapshot(Venue.DERIBIT, "BTC", NOW_MS, 1.0, 1.0, 0.9, 0.1, 0.05, List.of());
        book.onAccount(account, snapshot);
        legs.add(account, perp, Side.BUY, 100, 96_010).add(account, perp, Side.SELL, 50, 95_990);
        new MarginGate(book, GateConfig.defaults()).evaluate(legs, NOW_MS, verdict);
        order = OrderRequest.limit(new ClientOrderId(12_345, 1, 0), perpetual, Side.BUY, 192_020, 100, TimeInForce.IOC);
    }

    @Setup(Level.Trial)
    public void open() throws IOException
    {
        directory = Files.createTempDirectory("journal-bench");
        final JournalWriterConfig config = switch (signEvery)
        {
            case "never" -> new JournalWriterConfig(Integer.MAX_VALUE, Long.MAX_VALUE, 1 << 20, false, false);
            case "inline-1000" -> new JournalWriterConfig(1_000, Long.MAX_VALUE, 1 << 20, false, false);
            default -> new JournalWriterConfig(1_000, Long.MAX_VALUE, 1 << 20, false, true);
        };
        writer = JournalWriter.open(directory, signer, config);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException
    {
        writer.close();
        try (Stream<Path> files = Files.walk(directory))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void batchEnd()
    {
        if ((++n & (BATCH - 1)) == 0)
        {
            writer.flush();
        }
    }

    private final io.deltahedger.hedger.journal.HashChain chain = new io.deltahedger.hedger.journal.HashChain();
    private final byte[] record = new byte[72];
    private final byte[] hashOut = new byte[32];

    /** The SHA-256 chain step alone over a MARKET-sized body (72 bytes), for the breakdown. */
    @Benchmark
    public byte[] chainStepOnly()
    {
        record[0]++;
        chain.advance(record, 0, record.length, hashOut, 0);
        return hashOut;
    }

    @Benchmark
    public long appendMarket()
    {
        final long seq = writer.appendMarket(NOW_MS, 3, JournalEntry.Market.HAS_MARK | JournalEntry.Market.HAS_INDEX,
            96_000.5, 0, 96_001.25);
        batchEnd();
        return seq;
    }

    /** MARKET_DATA of a Deribit option ticker (12 fields and the Greeks): 298 bytes on disk. */
    @Benchmark
    public long appendMarketDataOptionTicker()
    {
        final long seq = writer.appendMarketData(NOW_MS, ticker);
        batchEnd();
        return seq;
    }

    /** MARKET_DATA of a 10-level book change: 312 bytes on disk. */
    @Benchmark
    public long appendMarketDataBookChange10()
    {
        final long seq = writer.appendMarketData(NOW_MS, bookChange);
        batchEnd();
        return seq;
    }

    @Benchmark
    public long appendVerdictOfTwoLegs()
    {
        final long seq = writer.appendVerdict(NOW_MS, 12_345, NOW_MS, legs, verdict);
        batchEnd();
        return seq;
    }

    @Benchmark
    public long appendOrder()
    {
        final long seq = writer.appendOrder(NOW_MS, 0, order);
        batchEnd();
        return seq;
    }
}
