package io.deltahedger.backtest.bench;

import io.deltahedger.backtest.replay.Backtest;
import io.deltahedger.backtest.replay.BacktestConfig;
import io.deltahedger.backtest.replay.BacktestResult;
import io.deltahedger.backtest.replay.BookSource;
import io.deltahedger.backtest.replay.LiveLikeJournal;
import io.deltahedger.backtest.replay.ReplayData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Replay from the binary journal, end to end (docs/benchmarks.md "Journal replay"): one operation is a whole
 * {@code backtest --journal} run over a journal written at Deribit's live cadence ({@link LiveLikeJournal}: a
 * BTC-PERPETUAL book change and ticker every 100 ms, each option's ticker every second, the MARKET and ACCOUNT records
 * the live pipeline writes besides), from opening the files to the report: frames read and decoded ahead on the
 * reading thread, the simulated Deribit account, the five pipeline stages on the replay thread (CALLER_RUNS), the
 * P&amp;L ledger. Events per second = market-data events replayed / time per operation; the setup prints the count.
 *
 * <p>{@code -XX:+UseSerialGC} as the README runs the agent; one journal per trial, written to a temporary directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
public class JournalReplayBenchmark
{
    /** Options in the book (each ticks once a second): 50 is a desk's book; 2 a single strangle. */
    @Param({"50"})
    public int options;

    /** Journal length in seconds of live time: 4 hours of a 50-option book is about 1,000,000 events. */
    @Param({"14400"})
    public long seconds;

    /** Levels per side in each 100 ms perpetual book change, besides the ones a move crosses. */
    @Param({"5"})
    public int levels;

    private Path directory;
    private BacktestConfig config;
    private long events;

    @Setup(Level.Trial)
    public void writeJournal() throws IOException
    {
        directory = Files.createTempDirectory("journal-replay-bench");
        events = LiveLikeJournal.write(directory, options, seconds, levels, 20_261_121L).marketDataRecords();
        config = BacktestConfig.of(new ReplayData.AgentJournal(directory), new BookSource.JournalAccounts(), "BTC", 0.5,
            50, true);
        long bytes = 0;
        try (Stream<Path> files = Files.list(directory))
        {
            for (final Path f : (Iterable<Path>)files::iterator)
            {
                bytes += Files.size(f);
            }
        }
        System.out.printf("%njournal: %d market-data events, %.1f MB%n", events, bytes / 1e6);
    }

    @Benchmark
    public BacktestResult replayJournal() throws IOException
    {
        final BacktestResult result = Backtest.run(config);
        if (result.events() != events || !result.halts().isEmpty())
        {
            throw new IllegalStateException("replayed " + result.events() + " of " + events + " events, halts "
                + result.halts());
        }
        return result;
    }

    @TearDown(Level.Trial)
    public void deleteJournal() throws IOException
    {
        try (Stream<Path> files = Files.walk(directory))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p ->
            {
                try
                {
                    Files.delete(p);
                }
                catch (final IOException e)
                {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
