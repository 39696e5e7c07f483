package io.deltahedger.hedger.journal;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.account.AccountSnapshot;
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
