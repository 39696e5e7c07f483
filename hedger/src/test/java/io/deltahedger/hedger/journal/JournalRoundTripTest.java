package io.deltahedger.hedger.journal;

import io.deltahedger.marginmonitor.gate.GateReason;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalRoundTripTest
{
    @TempDir
    Path dir;

    private final JournalWorld world = new JournalWorld();

    @Test
    void everyRecordTypeReadsBackAsWritten()
    {
        final long t = JournalWorld.NOW_MS;
        final ChainSigner signer = JournalWorld.signer();
        final OrderRequest order = OrderRequest.limit(new ClientOrderId(77, 1, 2), world.perpetual, Side.SELL, 192_020, 30,
            TimeInForce.IOC);
        final ExecutionReport fill = new ExecutionReport(new ClientOrderId(77, 1, 2), "ORD-9", world.perpetual,
            ExecType.PARTIAL_FILL, 192_020, 30, 192_010, 10, 10, null, "", t + 5);
        final ExecutionReport reject = new ExecutionReport(new ClientOrderId(77, 0, 0), null, world.call,
            ExecType.REJECTED, 22, 5, 0, 0, 0, RejectReason.INSUFFICIENT_MARGIN, "not enough funds", t + 6);
        final Session s;
        try (JournalWriter writer = JournalWriter.open(dir, signer, JournalWriterConfig.defaults()))
        {
            s = new Session(world, writer, t);
            s.fullMarket();
            s.account(JournalWorld.DERIBIT, world.deribitSnapshot(t, 1.0));
            assertTrue(s.smallHedge(77));
            writer.appendOrder(t + 1, JournalWorld.DERIBIT, order);
            writer.appendReport(t + 5, JournalWorld.DERIBIT, fill);
            writer.appendReport(t + 6, JournalWorld.DERIBIT, reject);
            writer.appendControl(t + 7, "PAUSE", "api:ops-token-1", "maintenance window");
            writer.appendGroupDone(t + 8, 77, "COMPLETED");
        }

        final List<JournalEntry> entries = JournalWorld.entries(List.of(dir.resolve(JournalFormat.fileName(
            JournalFormat.epochDay(t)))));
        // header, 5 market, account, group, verdict, order, 2 reports, control, done, closing signature
        assertEquals(15, entries.size());

        final JournalEntry.Header header = assertInstanceOf(JournalEntry.Header.class, entries.get(0));
        assertEquals(JournalFormat.FORMAT_VERSION, header.formatVersion());
        assertEquals(signer.address(), header.signerAddress());
        final JournalHeader expected = world.header(world.newBook());
        assertEquals(expected.agentId(), header.header().agentId());
        assertEquals(expected.instruments(), header.header().instruments());
        assertEquals(expected.gate().toString(), header.header().gate().toString());
        for (int a = 0; a < expected.accounts().size(); a++)
        {
            final var want = expected.accounts().get(a);
            final var got = header.header().accounts().get(a);
            assertEquals(want.venue(), got.venue());
            assertEquals(want.currency(), got.currency());
            assertEquals(MarginModels.kind(want.model()), MarginModels.kind(got.model()));
            assertArrayEquals(MarginModels.parameters(want.model()), MarginModels.parameters(got.model()));
        }

        assertEquals(new JournalEntry.Market(JournalWorld.CALL, 7, 0.011, 0.55, 96_000), entries.get(2));
        final JournalEntry.Market perp = assertInstanceOf(JournalEntry.Market.class, entries.get(1));
        assertFalse(perp.has(JournalEntry.Market.HAS_VOLATILITY));
        assertTrue(Double.isNaN(perp.volatility()));

        final JournalEntry.Account account = assertInstanceOf(JournalEntry.Account.class, entries.get(6));
        assertEquals(JournalWorld.DERIBIT, account.accountId());
        assertEquals(t, account.snapshotMs());
        assertEquals(0.8, account.availableFunds());
        assertEquals(new JournalEntry.PositionEntry("deribit", "BTC-25DEC26-100000-C", -20, 0.012, 0.011, 0.3, 0.16,
            0.002, 0), account.positions().get(0));
        assertEquals(2, account.positions().size());

        final List<JournalEntry.Leg> legs = List.of(new JournalEntry.Leg(JournalWorld.DERIBIT, JournalWorld.PERP, Side.BUY,
            100, 96_010));
        assertEquals(new JournalEntry.Group(77, 0, legs), entries.get(7));
        final JournalEntry.Verdict verdict = assertInstanceOf(JournalEntry.Verdict.class, entries.get(8));
        assertEquals(77, verdict.groupId());
        assertEquals(t, verdict.evaluatedAtMs());
        assertEquals(legs, verdict.legs());
        assertTrue(verdict.approved());
        assertEquals(GateReason.APPROVED, verdict.reason());
        assertEquals(s.verdict.projected(), verdict.projected());
        assertEquals(s.verdict.subsetCount(), verdict.subsetCount());
        assertEquals(1, verdict.accounts().size());
        assertEquals(s.verdict.worstRatio(0), verdict.accounts().get(0).worstRatio());
        assertEquals(s.verdict.projectedEquity(0), verdict.accounts().get(0).projectedEquity());

        assertEquals(new JournalEntry.Order(JournalWorld.DERIBIT, new ClientOrderId(77, 1, 2), "deribit", "BTC-PERPETUAL",
            Side.SELL, OrderType.LIMIT, TimeInForce.IOC, 192_020, 30, false, false), entries.get(9));
        assertEquals(new JournalEntry.Report(JournalWorld.DERIBIT, new ClientOrderId(77, 1, 2), "ORD-9", "deribit",
            "BTC-PERPETUAL", ExecType.PARTIAL_FILL, 192_020, 30, 192_010, 10, 10, null, "", t + 5), entries.get(10));
        final JournalEntry.Report rejected = assertInstanceOf(JournalEntry.Report.class, entries.get(11));
        assertNull(rejected.venueOrderId());
        assertEquals(RejectReason.INSUFFICIENT_MARGIN, rejected.rejectReason());
        assertEquals("not enough funds", rejected.text());
        assertEquals(new JournalEntry.Control("PAUSE", "api:ops-token-1", "maintenance window"), entries.get(12));
        assertEquals(new JournalEntry.GroupDone(77, "COMPLETED"), entries.get(13));

        final JournalEntry.ChainSignature signature = assertInstanceOf(JournalEntry.ChainSignature.class, entries.get(14));
        assertEquals(13, signature.coversSeq());
        assertEquals(signer.address(), signature.signerAddress());
        assertEquals(signer.address(), ChainSigner.recoverAddress(signature.headHash(), signature.signature()));
    }

    @Test
    void theReaderExposesSequenceTypeAndTimeOfEachFrame()
    {
        final long t = JournalWorld.NOW_MS;
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), JournalWriterConfig.defaults()))
        {
            assertEquals(0, writer.appendControl(t, "RESUME", "cli", ""));
            assertEquals(1, writer.appendGroupDone(t + 3, 9, "BLOCKED"));
            assertEquals(2, writer.nextSeq());
        }
        try (JournalReader reader = new JournalReader(List.of(dir.resolve(JournalFormat.fileName(JournalFormat.epochDay(t)))),
            new JournalReader.Listener()
            {
            }))
        {
            assertTrue(reader.next());
            assertEquals(0, reader.seq());
            assertEquals(RecordType.CONTROL, reader.type());
            assertEquals(t, reader.timeMs());
            assertEquals(JournalFormat.PREAMBLE_LENGTH, reader.offset());
            assertTrue(reader.next());
            assertEquals(1, reader.seq());
            assertEquals(t + 3, reader.timeMs());
            assertTrue(reader.next());
            assertEquals(RecordType.CHAIN_SIGNATURE, reader.type());
            assertFalse(reader.next());
        }
    }
}
