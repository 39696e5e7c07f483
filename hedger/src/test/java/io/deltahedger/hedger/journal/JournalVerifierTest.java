package io.deltahedger.hedger.journal;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalVerifierTest
{
    private static final JournalWriterConfig SIGN_EVERY_5 = new JournalWriterConfig(5, 60_000, 1 << 16, false, false);

    @TempDir
    Path dir;

    private final JournalWorld world = new JournalWorld();

    /** A session: header, market, snapshots, four decisions (two approved, two blocked), orders and fills. */
    private Path writeSession(final ChainSigner signer)
    {
        try (JournalWriter writer = JournalWriter.open(dir, signer, SIGN_EVERY_5))
        {
            final Session s = new Session(world, writer, JournalWorld.NOW_MS);
            s.fullMarket();
            s.account(JournalWorld.DERIBIT, world.deribitSnapshot(s.nowMs, 1.0));
            s.account(JournalWorld.BINANCE, world.binanceSnapshot(s.nowMs, 50_000));
            for (int g = 0; g < 4; g++)
            {
                s.nowMs += 250;
                final boolean approved = g % 2 == 0 ? s.smallHedge(g) : s.hugeShortCalls(g);
                assertEquals(g % 2 == 0, approved, "the live gate's answer for group " + g);
                if (approved)
                {
                    final ClientOrderId id = new ClientOrderId(g, 0, 0);
                    writer.appendOrder(s.nowMs, JournalWorld.DERIBIT, OrderRequest.limit(id, world.perpetual, Side.BUY,
                        192_020, 100, TimeInForce.IOC));
                    writer.appendReport(s.nowMs + 3, JournalWorld.DERIBIT, new ExecutionReport(id, "o" + g,
                        world.perpetual, ExecType.FILL, 192_020, 100, 192_010, 100, 100, null, "", s.nowMs + 2));
                }
                writer.appendGroupDone(s.nowMs + 4, g, approved ? "COMPLETED" : "BLOCKED");
                s.market(JournalWorld.CALL, 0.011 + g * 0.0005, 0.55, 96_000 + g * 100);
            }
            return writer.currentFile();
        }
    }

    private VerificationReport verify(final Path file)
    {
        return new JournalVerifier(JournalWorld.signer().address()).verify(List.of(file));
    }

    private static boolean mentions(final VerificationReport report, final long seq, final String text)
    {
        return report.failures().stream().anyMatch(f -> f.seq() == seq && f.why().contains(text));
    }

    @Test
    void aCleanJournalVerifiesWithEveryVerdictReEvaluated()
    {
        final Path file = writeSession(JournalWorld.signer());
        final VerificationReport report = verify(file);
        assertTrue(report.ok(), report.render());
        assertEquals(0, report.exitCode());
        assertEquals(4, report.verdictsChecked());
        assertTrue(report.signaturesChecked() >= 6, report.render());
        assertTrue(report.render().contains("OK:"), report.render());
    }

    @Test
    void aFlippedByteIsReportedAtItsRecord() throws IOException
    {
        final Path file = writeSession(JournalWorld.signer());
        final List<JournalWorld.Frame> frames = JournalWorld.frames(file);
        final int seq = firstOf(file, RecordType.ORDER);
        final JournalWorld.Frame order = frames.get(seq);
        final byte[] bytes = Files.readAllBytes(file);
        bytes[order.offset() + 4 + order.bodyLength() - 3] ^= 0x01;
        Files.write(file, bytes);

        final VerificationReport report = verify(file);
        assertFalse(report.ok());
        assertEquals(1, report.exitCode());
        assertTrue(mentions(report, seq, "hash mismatch"), report.render());
        assertEquals(1, report.failures().size(), "re-synchronised after the damaged record: " + report.render());
    }

    @Test
    void aRemovedRecordIsReportedWhereTheChainBreaks() throws IOException
    {
        final Path file = writeSession(JournalWorld.signer());
        final int seq = firstOf(file, RecordType.REPORT);
        remove(file, seq);

        final VerificationReport report = verify(file);
        assertFalse(report.ok());
        assertTrue(mentions(report, seq + 1, "hash mismatch"), report.render());
        assertTrue(mentions(report, seq + 1, "sequence " + (seq + 1) + " where " + seq + " was expected: a record was removed"),
            report.render());
    }

    @Test
    void reorderedRecordsAreReported() throws IOException
    {
        final Path file = writeSession(JournalWorld.signer());
        final int seq = firstOf(file, RecordType.ORDER);
        final List<JournalWorld.Frame> frames = JournalWorld.frames(file);
        final byte[] bytes = Files.readAllBytes(file);
        final JournalWorld.Frame a = frames.get(seq);
        final JournalWorld.Frame b = frames.get(seq + 1);
        final byte[] swapped = bytes.clone();
        System.arraycopy(bytes, b.offset(), swapped, a.offset(), b.end() - b.offset());
        System.arraycopy(bytes, a.offset(), swapped, a.offset() + b.end() - b.offset(), a.end() - a.offset());
        Files.write(file, swapped);

        final VerificationReport report = verify(file);
        assertFalse(report.ok());
        assertTrue(mentions(report, seq, "duplicated or reordered"), report.render());
        assertTrue(mentions(report, seq + 1, "hash mismatch"), report.render());
    }

    @Test
    void aFileCutInsideAFrameIsReportedTruncated() throws IOException
    {
        final Path file = writeSession(JournalWorld.signer());
        final List<JournalWorld.Frame> frames = JournalWorld.frames(file);
        final JournalWorld.Frame last = frames.get(frames.size() - 1);
        cut(file, last.offset() + 10);

        final VerificationReport report = verify(file);
        assertFalse(report.ok());
        assertTrue(report.failures().stream().anyMatch(f -> f.offset() == last.offset() && f.why().startsWith("truncated")),
            report.render());
        assertTrue(report.render().contains("are not signed"), report.render());
    }

    @Test
    void aTailCutAtAFrameBoundaryIsReportedUnsigned() throws IOException
    {
        final Path file = writeSession(JournalWorld.signer());
        final List<JournalWorld.Frame> frames = JournalWorld.frames(file);
        cut(file, frames.get(frames.size() - 1).offset());

        final VerificationReport report = verify(file);
        assertFalse(report.ok());
        assertEquals(1, report.failures().size(), report.render());
        assertTrue(report.failures().get(0).why().contains("after the last chain signature are not signed"),
            report.render());
    }

    @Test
    void aJournalSignedByAnotherKeyIsRejected()
    {
        final Path file = writeSession(JournalWorld.otherSigner());
        final VerificationReport report = verify(file);
        assertFalse(report.ok());
        assertTrue(report.failures().stream().anyMatch(f -> f.why().contains("not by the expected signer "
            + JournalWorld.signer().address())), report.render());
        assertTrue(report.failures().stream().anyMatch(f -> f.why().contains("the HEADER names signer")), report.render());
    }

    @Test
    void anEditWhoseChainWasRecomputedIsCaughtByTheSignatures() throws IOException
    {
        final Path file = writeSession(JournalWorld.signer());
        final int seq = firstOf(file, RecordType.ORDER);
        final JournalWorld.Frame order = JournalWorld.frames(file).get(seq);
        final byte[] bytes = Files.readAllBytes(file);
        bytes[order.offset() + 4 + order.bodyLength() - 3] ^= 0x01;
        rechain(bytes);
        Files.write(file, bytes);

        final VerificationReport report = verify(file);
        assertFalse(report.ok());
        assertTrue(report.failures().stream().noneMatch(f -> f.why().contains("hash mismatch")), report.render());
        assertTrue(report.failures().stream().anyMatch(f -> f.why().startsWith("the signature covers sequence")),
            report.render());
    }

    @Test
    void aDamagedSignatureIsRejected() throws IOException
    {
        final Path file = writeSession(JournalWorld.signer());
        final int seq = firstOf(file, RecordType.CHAIN_SIGNATURE);
        final JournalWorld.Frame signature = JournalWorld.frames(file).get(seq);
        final byte[] bytes = Files.readAllBytes(file);
        // the last bytes of the body are the signature's s and v; change s and re-hash so only the signature is wrong
        bytes[signature.offset() + 4 + signature.bodyLength() - 5] ^= 0x10;
        rechain(bytes);
        Files.write(file, bytes);

        final VerificationReport report = verify(file);
        assertFalse(report.ok());
        assertTrue(report.failures().stream().anyMatch(f -> f.seq() == seq && (f.why().contains("not by the expected signer")
            || f.why().contains("recovers no public key"))), report.render());
    }

    @Test
    void aVerdictThatDisagreesWithItsRecordedInputsIsCaughtByReEvaluation()
    {
        final long groupId = 41;
        final Path file;
        final long verdictSeq;
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), SIGN_EVERY_5))
        {
            final Session s = new Session(world, writer, JournalWorld.NOW_MS);
            s.fullMarket();
            // the live gate sees 100 BTC of equity, the journal records 1 BTC: the chain and signatures are valid
            s.accountLying(JournalWorld.DERIBIT, world.deribitSnapshot(s.nowMs, 100.0), world.deribitSnapshot(s.nowMs, 1.0));
            assertTrue(s.hugeShortCalls(groupId), "approved on the live book");
            verdictSeq = writer.nextSeq() - 1;
            file = writer.currentFile();
        }

        final VerificationReport report = verify(file);
        assertFalse(report.ok());
        assertEquals(1, report.failures().size(), report.render());
        final VerificationReport.Failure failure = report.failures().get(0);
        assertEquals(verdictSeq, failure.seq(), report.render());
        assertTrue(failure.why().contains("records approved (APPROVED)"), failure.why());
        assertTrue(failure.why().contains("gives blocked (BLOCKED_THRESHOLD)"), failure.why());
    }

    @Test
    void backgroundSignaturesCoverEarlierHeadsAndVerify()
    {
        final JournalWriterConfig background = new JournalWriterConfig(3, 60_000, 1 << 16, false, true);
        final Path file;
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), background))
        {
            final Session s = new Session(world, writer, JournalWorld.NOW_MS);
            for (int i = 0; i < 200; i++)
            {
                s.nowMs++;
                s.market(JournalWorld.PERP, 96_000 + i, Double.NaN, 96_000 + i);
                if (i % 50 == 0)
                {
                    Thread.onSpinWait();
                    writer.flush();
                }
            }
            file = writer.currentFile();
        }
        final VerificationReport report = verify(file);
        assertTrue(report.ok(), report.render());
        assertTrue(report.signaturesChecked() >= 1, report.render());
        boolean coversAnEarlierHead = false;
        try (JournalReader reader = new JournalReader(List.of(file), new JournalReader.Listener()
        {
        }))
        {
            while (reader.next())
            {
                if (reader.type() == RecordType.CHAIN_SIGNATURE)
                {
                    coversAnEarlierHead |= ((JournalEntry.ChainSignature)reader.entry()).coversSeq() < reader.seq() - 1;
                }
            }
        }
        assertTrue(coversAnEarlierHead, "a background signature lands after the head it signed");
    }

    @Test
    void verdictsBeforeAnyHeaderCannotBeTrusted() throws IOException
    {
        final Path file = writeSession(JournalWorld.signer());
        remove(file, 0);
        final VerificationReport report = verify(file);
        assertTrue(report.failures().stream().anyMatch(f -> f.why().contains("no HEADER precedes it")), report.render());
    }

    // ---------------------------------------------------------------- helpers

    private static int firstOf(final Path file, final RecordType type)
    {
        try (JournalReader reader = new JournalReader(List.of(file), new JournalReader.Listener()
        {
        }))
        {
            while (reader.next())
            {
                if (reader.type() == type && reader.seq() > 0)
                {
                    return (int)reader.seq();
                }
            }
        }
        throw new AssertionError("no " + type + " in " + file);
    }

    private static void remove(final Path file, final int index) throws IOException
    {
        final JournalWorld.Frame frame = JournalWorld.frames(file).get(index);
        final byte[] bytes = Files.readAllBytes(file);
        final byte[] out = new byte[bytes.length - (frame.end() - frame.offset())];
        System.arraycopy(bytes, 0, out, 0, frame.offset());
        System.arraycopy(bytes, frame.end(), out, frame.offset(), bytes.length - frame.end());
        Files.write(file, out);
    }

    private static void cut(final Path file, final int length) throws IOException
    {
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), length));
    }

    /** What an attacker without the key can do: recompute every stored hash from the preamble on. */
    private static void rechain(final byte[] bytes)
    {
        final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        final HashChain chain = new HashChain();
        chain.reset(Arrays.copyOfRange(bytes, 16, 48));
        int at = JournalFormat.PREAMBLE_LENGTH;
        while (at < bytes.length)
        {
            final int length = b.getInt(at);
            chain.advance(bytes, at + 4, length, bytes, at + 4 + length);
            at += JournalFormat.FRAME_OVERHEAD + length;
        }
    }
}
