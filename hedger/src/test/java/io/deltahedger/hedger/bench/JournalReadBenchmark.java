package io.deltahedger.hedger.bench;

import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.hedger.journal.MarketDataSamples;
import io.deltahedger.hedger.journal.RecordType;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The cost of reading MARKET_DATA back as a replay does. {@code decode*} decodes the same record again and again
 * ({@link JournalReader#readMarketData} alone: Chronicle Wire reads and the copy into the caller's event);
 * {@code nextAndDecode} streams a journal of alternating option tickers and 10-level book changes from the page cache
 * ({@code next()} reads the frame, then {@code type()} and {@code readMarketData}), reopening the file when it is
 * read to the end: the reopen's 64 KiB stream buffer, once per 200,000 records, is the only allocation (about
 * 0.3 B/op). Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {"--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED", "-Dchronicle.analytics.disable=true"})
public class JournalReadBenchmark
{
    /** 2026-11-20T06:00:00Z: one file. */
    private static final long NOW_MS = 1_795_154_400_000L;
    private static final int RECORDS = 200_000;
    private static final JournalReader.Listener QUIET = new JournalReader.Listener()
    {
    };

    private final MarketDataEvent target = new MarketDataEvent();
    private Path directory;
    private List<Path> files;
    private JournalReader stream;
    private JournalReader onTicker;
    private JournalReader onBookChange;

    @Setup(Level.Trial)
    public void write() throws IOException
    {
        directory = Files.createTempDirectory("journal-read-bench");
        final MarketDataEvent ticker = MarketDataSamples.deribitOptionTicker(new MarketDataEvent(), 1, NOW_MS);
        final MarketDataEvent change = MarketDataSamples.bookChange(new MarketDataEvent(), 0, NOW_MS, 1_000, 10);
        try (JournalWriter writer = JournalWriter.open(directory, ChainSigner.generate(new Random(42)),
            new JournalWriterConfig(Integer.MAX_VALUE, Long.MAX_VALUE, 1 << 20, false, false)))
        {
            for (int n = 0; n < RECORDS; n += 2)
            {
                writer.appendMarketData(NOW_MS, ticker);
                writer.appendMarketData(NOW_MS, change);
            }
        }
        files = JournalFormat.filesIn(directory);
        stream = new JournalReader(files, QUIET);
        onTicker = new JournalReader(files, QUIET);
        onTicker.next();
        onBookChange = new JournalReader(files, QUIET);
        onBookChange.next();
        onBookChange.next();
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException
    {
        stream.close();
        onTicker.close();
        onBookChange.close();
        try (Stream<Path> paths = Files.walk(directory))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public MarketDataEvent decodeOptionTicker()
    {
        onTicker.readMarketData(target);
        return target;
    }

    @Benchmark
    public MarketDataEvent decodeBookChange10()
    {
        onBookChange.readMarketData(target);
        return target;
    }

    @Benchmark
    public MarketDataEvent nextAndDecode()
    {
        if (!stream.next())
        {
            stream.close();
            stream = new JournalReader(files, QUIET);
            stream.next();
        }
        if (stream.type() == RecordType.MARKET_DATA)
        {
            stream.readMarketData(target);
        }
        return target;
    }
}
