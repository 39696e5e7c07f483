package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Differential test: books rebuilt downstream from the reader's events equal books rebuilt naively from the CSV rows
 * with Tardis's rules (group by symbol, local timestamp and is_snapshot; a snapshot after non-snapshot rows resets;
 * rows before a symbol's first snapshot are skipped; a group that would cross the book is skipped whole), on seeded
 * random files of two symbols with frequent ties, snapshots in mid-file and crossing updates.
 */
class IncrementalBookDifferentialTest
{
    private static final String[] EXCHANGE = {"deribit", "binance-futures"};
    private static final String[] SYMBOL = {"BTC-PERPETUAL", "BTCUSDT"};
    /** Ticks per price unit and lots per amount unit of each symbol (0.5 USD tick, 10 USD lot; 0.01 tick, 0.001 lot). */
    private static final long[] TICKS_PER_UNIT = {2, 100};
    private static final long[] UNITS_PER_LOT = {10, 1};
    private static final long[] LOTS_PER_UNIT = {1, 1000};

    @Property(seed = "424242", tries = 150)
    void booksFromTheEventsEqualBooksRebuiltNaivelyFromTheRows(@ForAll @IntRange(min = 1, max = 300) final int rows,
                                                               @ForAll final long seed) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<String[]> csv = new ArrayList<>();
        final StringBuilder text = new StringBuilder(TardisDataType.INCREMENTAL_BOOK_L2.header()).append('\n');
        long local = 1_000_000;
        int symbol = 0;
        boolean snapshot = random.nextBoolean();
        for (int r = 0; r < rows; r++)
        {
            if (random.nextInt(3) != 0)
            {
                local += 1 + random.nextInt(2);
            }
            if (random.nextInt(6) == 0)
            {
                symbol = 1 - symbol;
            }
            if (random.nextInt(snapshot ? 3 : 12) == 0)
            {
                snapshot = !snapshot;
            }
            final boolean bid = random.nextBoolean();
            // Overlapping bid and ask ranges, so that some groups cross the book.
            final long price = bid ? 100 + random.nextInt(10) : 106 + random.nextInt(10);
            final long amountUnits = random.nextInt(4) * UNITS_PER_LOT[symbol];
            final String[] row = {EXCHANGE[symbol], SYMBOL[symbol], Long.toString(local - 5), Long.toString(local),
                Boolean.toString(snapshot), bid ? "bid" : "ask", Long.toString(price), Long.toString(amountUnits)};
            csv.add(row);
            text.append(String.join(",", row)).append('\n');
        }
        final Path file = Files.createTempFile("l2-differential", ".csv.gz");
        TardisTestData.write(file, text.toString());

        final InstrumentRegistry registry = TardisTestData.registry();
        final int[] index = {registry.indexOf(TardisTestData.PERPETUAL), registry.indexOf(TardisTestData.BINANCE)};
        final List<String> fromEvents = new ArrayList<>();
        final Map<Integer, L2Book> books = new HashMap<>();
        final BadRows badRows = BadRows.lenient();
        try (TardisFileReader reader = TardisFileReader.open(file, registry, badRows, UnknownSymbols.BAD_ROW))
        {
            final MarketDataEvent e = new MarketDataEvent();
            while (reader.next(e))
            {
                final L2Book book = books.computeIfAbsent(e.instrumentIndex(), i -> new L2Book(i, 8));
                assertEquals(BookUpdate.APPLIED, book.apply(e));
                fromEvents.add(describe(e.instrumentIndex(), book));
            }
        }
        finally
        {
            Files.delete(file);
        }
        final Reference reference = new Reference();
        final List<String> fromRows = reference.rebuild(csv, index);
        assertEquals(fromRows, fromEvents);
        assertEquals(reference.crossedGroups, badRows.count(BadRowKind.CROSSED_BOOK));
        assertEquals(badRows.total(), badRows.count(BadRowKind.CROSSED_BOOK));
    }

    private static String describe(final int instrument, final L2Book book)
    {
        final StringBuilder sb = new StringBuilder().append(instrument).append(" bids");
        for (int i = 0; i < book.depth(Side.BUY); i++)
        {
            sb.append(' ').append(book.priceAt(Side.BUY, i)).append('x').append(book.sizeAt(Side.BUY, i));
        }
        sb.append(" asks");
        for (int i = 0; i < book.depth(Side.SELL); i++)
        {
            sb.append(' ').append(book.priceAt(Side.SELL, i)).append('x').append(book.sizeAt(Side.SELL, i));
        }
        return sb.toString();
    }

    /** The naive rebuild: sorted maps per side, whole groups applied to copies and kept unless crossed. */
    private static final class Reference
    {
        private final Map<Integer, TreeMap<Long, Long>> bids = new HashMap<>();
        private final Map<Integer, TreeMap<Long, Long>> asks = new HashMap<>();
        private final Map<Integer, Boolean> seen = new HashMap<>();
        private final Map<Integer, Boolean> inSnapshot = new HashMap<>();
        long crossedGroups;

        List<String> rebuild(final List<String[]> rows, final int[] index)
        {
            final List<String> out = new ArrayList<>();
            int r = 0;
            while (r < rows.size())
            {
                final String[] first = rows.get(r);
                int end = r + 1;
                while (end < rows.size() && rows.get(end)[1].equals(first[1]) && rows.get(end)[3].equals(first[3])
                    && rows.get(end)[4].equals(first[4]))
                {
                    end++;
                }
                final int s = first[1].equals(SYMBOL[0]) ? 0 : 1;
                final int instrument = index[s];
                final boolean snapshot = Boolean.parseBoolean(first[4]);
                final boolean reset = snapshot && !inSnapshot.getOrDefault(instrument, false);
                if (!reset && !seen.getOrDefault(instrument, false))
                {
                    inSnapshot.put(instrument, snapshot);
                    r = end;
                    continue;
                }
                final TreeMap<Long, Long> newBids = reset ? new TreeMap<>(Collections.reverseOrder())
                    : new TreeMap<>(bids.get(instrument));
                final TreeMap<Long, Long> newAsks = reset ? new TreeMap<>() : new TreeMap<>(asks.get(instrument));
                for (int k = r; k < end; k++)
                {
                    final String[] row = rows.get(k);
                    final long ticks = Long.parseLong(row[6]) * TICKS_PER_UNIT[s];
                    final long lots = Long.parseLong(row[7]) * LOTS_PER_UNIT[s] / UNITS_PER_LOT[s];
                    final TreeMap<Long, Long> side = row[5].equals("bid") ? newBids : newAsks;
                    if (lots == 0)
                    {
                        side.remove(ticks);
                    }
                    else
                    {
                        side.put(ticks, lots);
                    }
                }
                inSnapshot.put(instrument, snapshot);
                r = end;
                if (!newBids.isEmpty() && !newAsks.isEmpty() && newBids.firstKey() >= newAsks.firstKey())
                {
                    crossedGroups++;
                    if (reset)
                    {
                        seen.put(instrument, false);
                    }
                    continue;
                }
                bids.put(instrument, newBids);
                asks.put(instrument, newAsks);
                seen.put(instrument, true);
                final StringBuilder sb = new StringBuilder().append(instrument).append(" bids");
                newBids.forEach((p, q) -> sb.append(' ').append(p).append('x').append(q));
                sb.append(" asks");
                newAsks.forEach((p, q) -> sb.append(' ').append(p).append('x').append(q));
                out.add(sb.toString());
            }
            return out;
        }
    }
}
