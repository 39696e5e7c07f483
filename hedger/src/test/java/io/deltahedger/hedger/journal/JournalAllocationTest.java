package io.deltahedger.hedger.journal;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The writer's thread allocates nothing per record in steady state, for every record type the pipeline appends per
 * event, flushing every 64 records and signing in the background. Measured with HotSpot's per-thread allocation
 * counter after a warm-up that lets the JIT compile the paths (the interpreter allocates what C2 later removes).
 */
@Timeout(60)
class JournalAllocationTest
{
    private static final int ROUNDS = 20_000;

    @TempDir
    Path dir;

    private final JournalWorld world = new JournalWorld();

    @Test
    void appendingRecordsAllocatesNothingOnTheWritersThread()
    {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
            "needs HotSpot's per-thread allocation counter");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long self = Thread.currentThread().getId();
        final JournalWriterConfig config = new JournalWriterConfig(1_000, Long.MAX_VALUE, 1 << 20, false, true);
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), config))
        {
            final Session s = new Session(world, writer, JournalWorld.NOW_MS);
            s.fullMarket();
            final AccountSnapshot snapshot = world.deribitSnapshot(s.nowMs, 1.0);
            s.account(JournalWorld.DERIBIT, snapshot);
            s.smallHedge(1);
            final ClientOrderId id = new ClientOrderId(1, 0, 0);
            final OrderRequest order = OrderRequest.limit(id, world.perpetual, Side.BUY, 192_020, 100, TimeInForce.IOC);
            final ExecutionReport fill = new ExecutionReport(id, "o1", world.perpetual, ExecType.FILL, 192_020, 100,
                192_010, 100, 100, null, "", s.nowMs);

            round(writer, s, snapshot, order, fill, ROUNDS);
            // let a background signature in flight finish so it is collected, not allocated, during the measurement
            writer.flush();
            final long before = threads.getThreadAllocatedBytes(self);
            round(writer, s, snapshot, order, fill, ROUNDS);
            final long after = threads.getThreadAllocatedBytes(self);

            final double perRecord = (after - before) / (8.0 * ROUNDS);
            assertTrue(perRecord < 0.5, () -> (after - before) + " bytes over " + 8 * ROUNDS + " records = " + perRecord
                + " B/record");
        }
    }

    @Test
    void appendingAndReadingMarketDataAllocatesNothingInSteadyState()
    {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
            "needs HotSpot's per-thread allocation counter");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long self = Thread.currentThread().getId();
        final long t = JournalWorld.NOW_MS;
        final MarketDataEvent[] events = {
            MarketDataSamples.deribitOptionTicker(new MarketDataEvent(), JournalWorld.CALL, t),
            MarketDataSamples.bookChange(new MarketDataEvent(), JournalWorld.PERP, t, 1_000, 10),
            MarketDataSamples.bookChange(new MarketDataEvent(), JournalWorld.PERP, t, 1_001, 40)
                .header(Venue.DERIBIT, MarketDataType.BOOK_SNAPSHOT, JournalWorld.PERP, t),
            new MarketDataEvent().header(Venue.DERIBIT, MarketDataType.TRADES, JournalWorld.PERP, t),
            new MarketDataEvent().header(Venue.BINANCE_USDM, MarketDataType.FUNDING, JournalWorld.BTCUSDT, t)};
        events[3].trades().add(192_000, 10, Side.BUY, 1, t);
        events[3].trades().add(191_999, 20, Side.SELL, 2, t);
        events[4].currentFunding(Double.NaN);
        events[4].nextFundingTimeMs(t + 3_600_000);
        final int perRound = events.length;
        final JournalWriterConfig config = new JournalWriterConfig(1_000, Long.MAX_VALUE, 1 << 20, false, true);
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), config))
        {
            appendMarketData(writer, events, t, ROUNDS / 2);
            writer.flush();
            final long before = threads.getThreadAllocatedBytes(self);
            appendMarketData(writer, events, t, ROUNDS / 2);
            final long after = threads.getThreadAllocatedBytes(self);
            final double perRecord = (after - before) / ((double)perRound * ROUNDS / 2);
            assertTrue(perRecord < 0.5, () -> "append: " + (after - before) + " bytes = " + perRecord + " B/record");
        }

        final MarketDataEvent target = new MarketDataEvent();
        try (JournalReader reader = new JournalReader(List.of(dir.resolve(JournalFormat.fileName(
            JournalFormat.epochDay(t)))), new JournalReader.Listener()
        {
        }))
        {
            final long warm = readMarketData(reader, target, (long)perRound * ROUNDS / 2);
            final long before = threads.getThreadAllocatedBytes(self);
            final long read = readMarketData(reader, target, Long.MAX_VALUE);
            final long after = threads.getThreadAllocatedBytes(self);
            assertEquals((long)perRound * ROUNDS, warm + read, "every record read back");
            final double perRecord = (after - before) / (double)read;
            assertTrue(perRecord < 0.5, () -> "readMarketData: " + (after - before) + " bytes over " + read
                + " records = " + perRecord + " B/record");
        }
    }

    private static void appendMarketData(final JournalWriter writer, final MarketDataEvent[] events, final long t,
                                         final int rounds)
    {
        for (int n = 0; n < rounds; n++)
        {
            for (final MarketDataEvent e : events)
            {
                writer.appendMarketData(t, e);
            }
            if ((n & 7) == 0)
            {
                writer.flush();
            }
        }
    }

    /** Reads up to {@code max} MARKET_DATA records as a replay would; returns how many. */
    private static long readMarketData(final JournalReader reader, final MarketDataEvent target, final long max)
    {
        long n = 0;
        long check = 0;
        while (n < max && reader.next())
        {
            if (reader.type() == RecordType.MARKET_DATA)
            {
                reader.readMarketData(target);
                check += target.bids().count() + target.trades().count();
                n++;
            }
        }
        assertTrue(check > 0);
        return n;
    }

    private static void round(final JournalWriter writer, final Session s, final AccountSnapshot snapshot,
                              final OrderRequest order, final ExecutionReport fill, final int rounds)
    {
        final long t = s.nowMs;
        for (int n = 0; n < rounds; n++)
        {
            writer.appendMarket(t, JournalWorld.PERP, JournalEntry.Market.HAS_MARK | JournalEntry.Market.HAS_INDEX,
                96_000 + (n & 255), 0, 96_000);
            writer.appendAccount(t, JournalWorld.DERIBIT, snapshot);
            writer.appendGroup(t, n, 0, s.legs);
            writer.appendVerdict(t, n, t, s.legs, s.verdict);
            writer.appendOrder(t, JournalWorld.DERIBIT, order);
            writer.appendReport(t, JournalWorld.DERIBIT, fill);
            writer.appendControl(t, "PAUSE", "ops", "");
            writer.appendGroupDone(t, n, "COMPLETED");
            if ((n & 7) == 0)
            {
                writer.flush();
            }
        }
    }
}
