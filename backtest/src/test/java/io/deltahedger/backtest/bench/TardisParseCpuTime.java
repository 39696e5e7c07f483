package io.deltahedger.backtest.bench;

import io.deltahedger.backtest.tardis.BadRows;
import io.deltahedger.backtest.tardis.TardisFileReader;
import io.deltahedger.backtest.tardis.TardisTestData;
import io.deltahedger.backtest.tardis.UnknownSymbols;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rows per CPU-second of one thread decoding the benchmark's gzipped files: the per-core figure, measured by the
 * thread's own CPU time so that a machine loaded by other work does not dilute it as it dilutes JMH's wall-clock
 * throughput. Not a JMH benchmark (no fork control): a cross-check of {@link TardisParseBenchmark}.
 *
 * <p>Run after {@code test-compile}: {@code java -cp <test classpath> io.deltahedger.backtest.bench.TardisParseCpuTime}
 */
public final class TardisParseCpuTime
{
    private TardisParseCpuTime()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        final InstrumentRegistry registry = TardisTestData.registry();
        final Path dir = Files.createTempDirectory("tardis-cpu");
        final Path book = dir.resolve("book.csv.gz");
        final Path chain = dir.resolve("chain.csv.gz");
        TardisTestData.writeIncrementalBook(book, Long.MAX_VALUE, TardisParseBenchmark.ROWS, 42);
        TardisTestData.writeOptionsChain(chain, TardisParseBenchmark.ROWS, 43);
        final byte[] bookGz = Files.readAllBytes(book);
        final byte[] chainGz = Files.readAllBytes(chain);
        Files.delete(book);
        Files.delete(chain);
        Files.delete(dir);
        measure("incremental_book_L2", bookGz, registry, rounds);
        measure("options_chain", chainGz, registry, rounds);
    }

    private static void measure(final String name, final byte[] gz, final InstrumentRegistry registry,
                                final int rounds) throws IOException
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final MarketDataEvent event = new MarketDataEvent();
        double best = 0;
        for (int round = 0; round < rounds; round++)
        {
            final long cpuBefore = threads.getCurrentThreadCpuTime();
            final long wallBefore = System.nanoTime();
            long rows = 0;
            try (TardisFileReader reader = TardisFileReader.open(name, new ByteArrayInputStream(gz), registry,
                BadRows.strict(), UnknownSymbols.BAD_ROW))
            {
                while (reader.next(event))
                {
                    // counted below from the lines read
                }
                rows = reader.linesRead() - 1;
            }
            final double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
            final double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
            final double perCpuSecond = rows / cpuSeconds;
            best = Math.max(best, perCpuSecond);
            System.out.printf("%s round %d: %,d rows, %.0f rows per CPU-second, %.0f rows per wall-second%n",
                name, round + 1, rows, perCpuSecond, rows / wallSeconds);
        }
        System.out.printf("%s: best %.0f rows per CPU-second over %d rounds%n", name, best, rounds);
    }
}
