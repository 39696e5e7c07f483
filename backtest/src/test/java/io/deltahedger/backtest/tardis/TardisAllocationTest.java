package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts this thread's allocated bytes while a merge streams gzipped files: after the buffers reach their working
 * size, decoding rows, inflating and merging allocate nothing (JMH's -prof gc confirms, see docs/benchmarks.md).
 */
class TardisAllocationTest
{
    @TempDir
    Path dir;

    @Test
    void streamingGzippedRowsThroughTheMergeAllocatesNothingInSteadyState() throws IOException
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final InstrumentRegistry registry = TardisTestData.registry();
        final Path book = dir.resolve("book.csv.gz");
        TardisTestData.writeIncrementalBook(book, 120_000, 11);
        final Path chain = dir.resolve("chain.csv.gz");
        TardisTestData.writeOptionsChain(chain, 40_000, 12);
        final BadRows badRows = BadRows.strict();

        // A JIT deoptimisation or recompilation can allocate a few hundred bytes while C2 compiles (seen under load:
        // 672 and 704 bytes in a chunk), so the claim tested is the steady state: three consecutive chunks of 20,000
        // events that allocate at most 2 KiB each, 0.1 B/event, where a single allocation per event would be at least
        // 320,000 bytes a chunk.
        final long jitNoiseBytes = 2_048;
        final List<Long> perChunk = new ArrayList<>();
        int zeroChunksInARow = 0;
        try (TardisMerge merge = new TardisMerge(List.of(
            TardisFileReader.open(book, registry, badRows, UnknownSymbols.BAD_ROW),
            TardisFileReader.open(chain, registry, badRows, UnknownSymbols.BAD_ROW))))
        {
            boolean more = true;
            while (more && zeroChunksInARow < 3)
            {
                final long before = threads.getCurrentThreadAllocatedBytes();
                long checksum = 0;
                for (int i = 0; i < 20_000 && (more = merge.next()); i++)
                {
                    final MarketDataEvent e = merge.event();
                    checksum += e.instrumentIndex() + e.bids().count() + e.asks().count() + e.bestBidTicks();
                }
                final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertTrue(checksum > 0);
                if (more)
                {
                    perChunk.add(allocated);
                    zeroChunksInARow = allocated <= jitNoiseBytes ? zeroChunksInARow + 1 : 0;
                }
            }
        }
        assertEquals(0, badRows.total());
        assertEquals(3, zeroChunksInARow, "bytes allocated per chunk of 20,000 merged events: " + perChunk);
    }
}
