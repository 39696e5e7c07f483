package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The k-way merge orders by local timestamp, breaks ties by file order and streams in bounded memory. */
class TardisMergeTest
{
    private static final String TRADE = "deribit,BTC-PERPETUAL,1585699200000000,";

    @TempDir
    Path dir;

    private final InstrumentRegistry registry = TardisTestData.registry();

    @Test
    void mergesTheFixtureFilesOfSeveralTypesAndDaysByLocalTimestamp() throws IOException
    {
        final List<String> fixtures = List.of("deribit_options_chain_2020-06-08_OPTIONS.csv",
            "deribit_incremental_book_L2_2020-04-01_BTC-PERPETUAL.csv",
            "deribit_trades_2020-04-01_BTC-PERPETUAL.csv",
            "deribit_derivative_ticker_2020-04-01_BTC-PERPETUAL.csv",
            "binance-futures_book_snapshot_5_2020-09-01_BTCUSDT.csv");
        // The expectation: every file read alone, then all events sorted stably by (local timestamp, file).
        final List<Tagged> expected = new ArrayList<>();
        for (int f = 0; f < fixtures.size(); f++)
        {
            try (TardisFileReader reader = reader(fixtures.get(f), f % 2 == 0))
            {
                final MarketDataEvent e = new MarketDataEvent();
                while (reader.next(e))
                {
                    expected.add(new Tagged(reader.localTimestampUs(), f, TardisEvents.describe(e, reader.localTimestampUs())));
                }
            }
        }
        expected.sort(Comparator.comparingLong(Tagged::localUs).thenComparingInt(Tagged::file));

        final List<TardisFileReader> readers = new ArrayList<>();
        for (int f = 0; f < fixtures.size(); f++)
        {
            readers.add(reader(fixtures.get(f), f % 2 == 0));
        }
        final List<Tagged> merged = new ArrayList<>();
        try (TardisMerge merge = new TardisMerge(readers))
        {
            while (merge.next())
            {
                merged.add(new Tagged(merge.localTimestampUs(), merge.sourceIndex(),
                    TardisEvents.describe(merge.event(), merge.localTimestampUs())));
                assertEquals(merge.sourceReader(), readers.get(merge.sourceIndex()));
            }
        }
        assertEquals(expected, merged);
        assertEquals(2 + 5 + 2 + 2 + 2, merged.size());
        assertEquals(1585699200355684L, merged.get(0).localUs(), "the L2 snapshot of 2020-04-01 comes first");
        assertEquals(4, merged.get(merged.size() - 1).file(), "the 2020-09-01 Binance snapshots come last");
    }

    @Test
    void equalTimestampsComeOutInTheOrderTheFilesWereGiven() throws IOException
    {
        final Path a = TardisTestData.write(dir.resolve("a.csv"), TardisDataType.TRADES.header() + "\n"
            + TRADE + "100,1,buy,1,10\n" + TRADE + "200,2,buy,2,10\n" + TRADE + "200,3,buy,3,10\n");
        final Path b = TardisTestData.write(dir.resolve("b.csv.gz"), TardisDataType.TRADES.header() + "\n"
            + TRADE + "100,4,buy,4,10\n" + TRADE + "200,5,buy,5,10\n" + TRADE + "300,6,buy,6,10\n");
        final BadRows badRows = BadRows.strict();
        // The later file first in the list: its events win the ties.
        try (TardisMerge merge = new TardisMerge(List.of(
            TardisFileReader.open(b, registry, badRows, UnknownSymbols.BAD_ROW),
            TardisFileReader.open(a, registry, badRows, UnknownSymbols.BAD_ROW))))
        {
            final List<Long> prices = new ArrayList<>();
            while (merge.next())
            {
                prices.add(merge.event().trades().priceTicks(0) / 2);
            }
            assertEquals(List.of(4L, 1L, 5L, 2L, 3L, 6L), prices);
        }
    }

    @Property(seed = "6021", tries = 60)
    void theMergeIsAStableSortOfAllFilesByLocalTimestamp(@ForAll @IntRange(min = 1, max = 6) final int files,
                                                          @ForAll @IntRange(min = 0, max = 40) final int maxRows,
                                                          @ForAll final long seed) throws IOException
    {
        final Path tmp = Files.createTempDirectory("tardis-merge");
        final SplittableRandom random = new SplittableRandom(seed);
        final List<Tagged> expected = new ArrayList<>();
        final List<TardisFileReader> readers = new ArrayList<>();
        final BadRows badRows = BadRows.strict();
        for (int f = 0; f < files; f++)
        {
            final StringBuilder csv = new StringBuilder(TardisDataType.TRADES.header()).append('\n');
            long local = random.nextInt(5);
            final int rows = random.nextInt(maxRows + 1);
            for (int r = 0; r < rows; r++)
            {
                local += random.nextInt(3); // many ties within and across files
                final int id = f * 1000 + r + 1; // the price identifies file and row
                csv.append(TRADE).append(local).append(',').append(id).append(",sell,").append(id).append(",10\n");
                expected.add(new Tagged(local, f, Integer.toString(id)));
            }
            final Path file = TardisTestData.write(tmp.resolve(f + (random.nextBoolean() ? ".csv.gz" : ".csv")),
                csv.toString());
            readers.add(TardisFileReader.open(file, registry, badRows, UnknownSymbols.BAD_ROW));
        }
        expected.sort(Comparator.comparingLong(Tagged::localUs).thenComparingInt(Tagged::file));
        final List<Tagged> merged = new ArrayList<>();
        try (TardisMerge merge = new TardisMerge(readers))
        {
            while (merge.next())
            {
                merged.add(new Tagged(merge.localTimestampUs(), merge.sourceIndex(),
                    Long.toString(merge.event().trades().priceTicks(0) / 2)));
            }
            assertFalse(merge.next(), "an exhausted merge stays exhausted");
        }
        assertEquals(expected, merged);
    }

    @Test
    void streamsAFileManyTimesItsBuffersWithoutGrowingThem() throws IOException
    {
        final Path big = dir.resolve("deribit_incremental_book_L2_big.csv.gz");
        final long rows = TardisTestData.writeIncrementalBook(big, 400_000, 7);
        final Path chain = dir.resolve("deribit_options_chain_big.csv.gz");
        TardisTestData.writeOptionsChain(chain, 100_000, 8);
        final long uncompressedBytes = rows * 60;
        final BadRows badRows = BadRows.strict();
        final TardisFileReader book = TardisFileReader.open(big, registry, badRows, UnknownSymbols.BAD_ROW);
        final TardisFileReader options = TardisFileReader.open(chain, registry, badRows, UnknownSymbols.BAD_ROW);

        final long heapBefore = usedHeapAfterGc();
        long maxHeapGrowth = 0;
        long events = 0;
        try (TardisMerge merge = new TardisMerge(List.of(book, options)))
        {
            while (merge.next())
            {
                events++;
                assertEquals(CsvLineReader.INITIAL_BUFFER_BYTES, merge.sourceReader().lineBufferBytes());
                if (events % 200_000 == 0)
                {
                    maxHeapGrowth = Math.max(maxHeapGrowth, usedHeapAfterGc() - heapBefore);
                }
            }
        }
        assertEquals(rows + 1, book.linesRead(), "the header and every row read");
        assertEquals(100_001, options.linesRead());
        assertEquals(400_001 + 100_000, events, "one snapshot, 400,000 changes and 100,000 tickers");
        assertTrue(uncompressedBytes > 20_000_000, "the file must dwarf the buffers: " + uncompressedBytes);
        assertTrue(maxHeapGrowth < 8_000_000, "retained heap grew by " + maxHeapGrowth + " bytes while streaming "
            + uncompressedBytes + " bytes of CSV");
    }

    @Test
    void aMergeNeedsReadersAndAnEventOnlyWhileNextReturnedTrue() throws IOException
    {
        assertThrows(IllegalArgumentException.class, () -> new TardisMerge(List.of()));
        final Path empty = TardisTestData.write(dir.resolve("empty.csv.gz"), "");
        try (TardisMerge merge = new TardisMerge(List.of(
            TardisFileReader.open(empty, registry, BadRows.strict(), UnknownSymbols.BAD_ROW))))
        {
            assertThrows(IllegalStateException.class, merge::event);
            assertFalse(merge.next());
            assertThrows(IllegalStateException.class, merge::localTimestampUs);
        }
    }

    @Test
    void opensFilesByPathAndRefusesAListWithAFileOfUnknownHeader() throws IOException
    {
        final Path trades = TardisTestData.fixture("deribit_trades_2020-04-01_BTC-PERPETUAL.csv", dir, true);
        final Path ticker = TardisTestData.fixture("deribit_derivative_ticker_2020-04-01_BTC-PERPETUAL.csv", dir, false);
        int events = 0;
        try (TardisMerge merge = TardisMerge.open(List.of(trades, ticker), registry, BadRows.strict(),
            UnknownSymbols.BAD_ROW))
        {
            while (merge.next())
            {
                events++;
            }
        }
        assertEquals(4, events);
        final Path unknown = TardisTestData.fixture("unknown_header.csv", dir, false);
        final TardisDataException e = assertThrows(TardisDataException.class, () -> TardisMerge.open(
            List.of(trades, unknown), registry, BadRows.strict(), UnknownSymbols.BAD_ROW));
        assertTrue(e.getMessage().startsWith("unknown_header.csv:1:"), e.getMessage());
    }

    private TardisFileReader reader(final String fixture, final boolean gzip) throws IOException
    {
        return TardisFileReader.open(TardisTestData.fixture(fixture, dir, gzip), registry, BadRows.strict(),
            UnknownSymbols.BAD_ROW);
    }

    private static long usedHeapAfterGc()
    {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private record Tagged(long localUs, int file, String event)
    {
    }
}
