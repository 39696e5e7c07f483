package io.deltahedger.hedger.journal;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalSummaryTest
{
    @TempDir
    Path dir;

    private final JournalWorld world = new JournalWorld();

    @Test
    void aCrashedJournalTellsTheNextGroupIdAndTheGroupsLeftOpenWithTheirOrders() throws IOException
    {
        final JournalWriter crashed = JournalWriter.open(dir, JournalWorld.signer(),
            new JournalWriterConfig(1_000, 60_000, 1 << 16, false, false));
        final Session s = new Session(world, crashed, JournalWorld.NOW_MS);
        s.fullMarket();
        s.account(JournalWorld.DERIBIT, world.deribitSnapshot(s.nowMs, 1.0));
        s.smallHedge(10);
        crashed.appendOrder(s.nowMs, JournalWorld.DERIBIT, OrderRequest.limit(new ClientOrderId(10, 0, 0), world.perpetual,
            Side.BUY, 192_020, 100, TimeInForce.IOC));
        crashed.appendGroupDone(s.nowMs, 10, "COMPLETED");
        s.smallHedge(11);
        final OrderRequest pending = OrderRequest.limit(new ClientOrderId(11, 0, 1), world.perpetual, Side.BUY, 192_020,
            100, TimeInForce.IOC);
        crashed.appendOrder(s.nowMs, JournalWorld.DERIBIT, pending);
        crashed.flush();
        final long lastSeq = crashed.nextSeq() - 1;
        Files.write(crashed.currentFile(), new byte[] {9, 0}, StandardOpenOption.APPEND); // torn frame

        final JournalSummary summary = JournalSummary.scan(JournalFormat.filesIn(dir));
        assertEquals(lastSeq, summary.lastSeq());
        assertEquals(lastSeq + 1, summary.records());
        assertEquals(11, summary.maxGroupId());
        assertEquals(1, summary.openGroups().size());
        assertEquals(11, summary.openGroups().get(0).groupId());
        assertEquals(List.of(new ClientOrderId(11, 0, 1)),
            summary.openOrders().stream().map(JournalEntry.Order::clientOrderId).toList());
    }

    @Test
    void anEmptyDirectorySummarisesToNothing() throws IOException
    {
        final JournalSummary summary = JournalSummary.scan(JournalFormat.filesIn(dir));
        assertEquals(-1, summary.lastSeq());
        assertEquals(-1, summary.maxGroupId());
        assertTrue(summary.openGroups().isEmpty());
    }

    @Test
    void damageBeforeTheTailRefusesToSummarise() throws IOException
    {
        final Path file;
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), JournalWriterConfig.defaults()))
        {
            writer.appendGroupDone(JournalWorld.NOW_MS, 3, "BLOCKED");
            file = writer.currentFile();
        }
        final byte[] bytes = Files.readAllBytes(file);
        bytes[1] = 0;
        Files.write(file, bytes);
        assertTrue(assertThrows(IllegalStateException.class, () -> JournalSummary.scan(List.of(file))).getMessage()
            .contains("is damaged at offset 0"));
    }
}
