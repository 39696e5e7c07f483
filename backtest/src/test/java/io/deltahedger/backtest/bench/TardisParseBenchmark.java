package io.deltahedger.backtest.bench;

import io.deltahedger.backtest.tardis.BadRows;
import io.deltahedger.backtest.tardis.TardisFileReader;
import io.deltahedger.backtest.tardis.TardisTestData;
import io.deltahedger.backtest.tardis.UnknownSymbols;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Rows per second per core decoding gzipped Tardis CSV into {@link MarketDataEvent}s: each invocation inflates and
 * decodes a whole generated file held in memory (so the disk is out of the figure), on one thread. The score is
 * rows/s (one operation = one CSV row); {@code -prof gc}'s gc.alloc.rate.norm is bytes per row, which includes
 * opening the file (buffers, inflater) once per {@value #ROWS} rows.
 *
 * <p>Run (after the one-time install, see docs/benchmarks.md, which also shows how to run it from the test classpath):
 * {@code mvn -B -Pbench -pl backtest verify -DskipTests
 * -Dbench.args="-prof gc -f 1 -wi 2 -w 1 -i 3 -r 1 TardisParseBenchmark"}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TardisParseBenchmark
{
    /** Data rows per file: about 1/20 of a busy Deribit day of BTC-PERPETUAL incremental_book_L2. */
    static final int ROWS = 500_000;

    private InstrumentRegistry registry;
    private byte[] incrementalBookGz;
    private byte[] optionsChainGz;
    private final MarketDataEvent event = new MarketDataEvent();
    private final byte[] inflated = new byte[64 * 1024];

    @Setup(Level.Trial)
    public void writeFiles() throws IOException
    {
        registry = TardisTestData.registry();
        final Path dir = Files.createTempDirectory("tardis-bench");
        final Path book = dir.resolve("deribit_incremental_book_L2_BTC-PERPETUAL.csv.gz");
        final long rows = TardisTestData.writeIncrementalBook(book, Long.MAX_VALUE, ROWS, 42);
        if (rows != ROWS)
        {
            throw new IllegalStateException("generated " + rows + " rows, expected " + ROWS);
        }
        final Path chain = dir.resolve("deribit_options_chain_OPTIONS.csv.gz");
        TardisTestData.writeOptionsChain(chain, ROWS, 43);
        incrementalBookGz = Files.readAllBytes(book);
        optionsChainGz = Files.readAllBytes(chain);
        Files.delete(book);
        Files.delete(chain);
        Files.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long incrementalBookL2() throws IOException
    {
        return readAll("incremental_book_L2", incrementalBookGz);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long optionsChain() throws IOException
    {
        return readAll("options_chain", optionsChainGz);
    }

    /** The floor under {@link #optionsChain()}: only inflating the same file, no CSV decoding. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long optionsChainInflateOnly() throws IOException
    {
        long total = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(optionsChainGz), 64 * 1024))
        {
            int n;
            while ((n = in.read(inflated, 0, inflated.length)) >= 0)
            {
                total += n;
            }
        }
        return total;
    }

    private long readAll(final String name, final byte[] gz) throws IOException
    {
        long checksum = 0;
        try (TardisFileReader reader = TardisFileReader.open(name, new ByteArrayInputStream(gz), registry,
            BadRows.strict(), UnknownSymbols.BAD_ROW))
        {
            while (reader.next(event))
            {
                checksum += event.bids().count() + event.bestAskTicks() + reader.localTimestampUs();
            }
        }
        return checksum;
    }
}
