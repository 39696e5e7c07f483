package io.deltahedger.hedger.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalRollingTest
{
    /** 2026-11-21T23:59:59.900Z. */
    private static final long BEFORE_MIDNIGHT = 1_795_305_599_900L;
    private static final JournalWriterConfig CONFIG = new JournalWriterConfig(1_000, 60_000, 1 << 16, false, false);

    @TempDir
    Path dir;

    private final JournalWorld world = new JournalWorld();

    private void writeAcrossMidnight()
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), CONFIG))
        {
            final Session s = new Session(world, writer, BEFORE_MIDNIGHT);
            s.fullMarket();
            s.account(JournalWorld.DERIBIT, world.deribitSnapshot(s.nowMs, 1.0));
            assertTrue(s.smallHedge(1));
            s.nowMs += 200; // 00:00:00.100 the next day
            s.market(JournalWorld.PERP, 96_100, Double.NaN, 96_100);
            assertTrue(s.smallHedge(2));
            assertFalse(s.hugeShortCalls(3));
        }
    }

    @Test
    void recordsRollIntoOneFilePerUtcDayWithTheChainIntact() throws IOException
    {
        writeAcrossMidnight();
        final List<Path> files = JournalFormat.filesIn(dir);
        assertEquals(List.of(dir.resolve("journal-20261121.dhj"), dir.resolve("journal-20261122.dhj")), files);

        final List<JournalEntry> first = JournalWorld.entries(List.of(files.get(0)));
        assertInstanceOf(JournalEntry.ChainSignature.class, first.get(first.size() - 1), "a file ends signed before rolling");
        final List<JournalEntry> second = JournalWorld.entries(List.of(files.get(1)));
        assertInstanceOf(JournalEntry.Market.class, second.get(0));

        final VerificationReport report = new JournalVerifier(JournalWorld.signer().address()).verify(files);
        assertTrue(report.ok(), report.render());
        assertEquals(2, report.files());
        assertEquals(3, report.verdictsChecked());
        assertEquals(2, report.signaturesChecked());
    }

    @Test
    void filesGivenOutOfOrderOrWithAGapAreReported() throws IOException
    {
        writeAcrossMidnight();
        final List<Path> files = JournalFormat.filesIn(dir);
        final VerificationReport swapped = new JournalVerifier(null).verify(List.of(files.get(1), files.get(0)));
        assertFalse(swapped.ok());
        assertTrue(swapped.failures().stream().anyMatch(f -> f.why().contains("a file is missing, out of order or altered")),
            swapped.render());

        final VerificationReport secondOnly = new JournalVerifier(JournalWorld.signer().address()).verify(List.of(files.get(1)));
        assertTrue(secondOnly.notes().stream().anyMatch(n -> n.startsWith("the chain starts at sequence")), secondOnly.render());
        assertTrue(secondOnly.failures().stream().anyMatch(f -> f.why().contains("no HEADER precedes it")),
            secondOnly.render());
    }

    @Test
    void reopeningTheDirectoryContinuesTheChain() throws IOException
    {
        final long next;
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), CONFIG))
        {
            final Session s = new Session(world, writer, JournalWorld.NOW_MS);
            s.fullMarket();
            next = writer.nextSeq() + 1; // + the closing signature
        }
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), CONFIG))
        {
            assertEquals(next, writer.nextSeq());
            final Session s = new Session(world, writer, JournalWorld.NOW_MS + 1_000);
            s.fullMarket();
            s.account(JournalWorld.DERIBIT, world.deribitSnapshot(s.nowMs, 1.0));
            assertTrue(s.smallHedge(5));
        }
        final List<Path> files = JournalFormat.filesIn(dir);
        assertEquals(1, files.size());
        final VerificationReport report = new JournalVerifier(JournalWorld.signer().address()).verify(files);
        assertTrue(report.ok(), report.render());
        assertEquals(1, report.verdictsChecked());
    }

    @Test
    void aTornLastFrameFromACrashIsCutOffOnReopen() throws IOException
    {
        final JournalWriter crashed = JournalWriter.open(dir, JournalWorld.signer(), CONFIG);
        final Session s = new Session(world, crashed, JournalWorld.NOW_MS);
        s.fullMarket();
        crashed.flush();
        final long next = crashed.nextSeq();
        final Path file = crashed.currentFile();
        // a frame that was being written when the process died: a length and a few body bytes
        Files.write(file, new byte[] {40, 0, 0, 0, 1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), CONFIG))
        {
            assertEquals(next, writer.nextSeq());
            writer.appendControl(JournalWorld.NOW_MS + 5, "RESUME", "recovery", "");
        }
        final VerificationReport report = new JournalVerifier(JournalWorld.signer().address()).verify(List.of(file));
        assertTrue(report.ok(), report.render());
    }

    @Test
    void aDayFileWhosePreambleWasTornIsDroppedOnReopen() throws IOException
    {
        writeAcrossMidnight();
        final Path second = JournalFormat.filesIn(dir).get(1);
        Files.delete(second);
        Files.write(second, new byte[] {0x44, 0x48, 0x4A}); // "DHJ" and then the crash
        final long next;
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), CONFIG))
        {
            assertEquals(List.of(dir.resolve("journal-20261121.dhj")), JournalFormat.filesIn(dir));
            next = writer.nextSeq();
            writer.appendControl(BEFORE_MIDNIGHT + 300, "RESUME", "recovery", "");
        }
        assertEquals(List.of(dir.resolve("journal-20261121.dhj"), second), JournalFormat.filesIn(dir));
        final VerificationReport report = new JournalVerifier(JournalWorld.signer().address())
            .verify(JournalFormat.filesIn(dir));
        assertTrue(report.ok(), report.render());
        assertTrue(next > 0);
    }

    @Test
    void damageBeforeTheLastFrameRefusesToOpen() throws IOException
    {
        writeAcrossMidnight();
        final Path first = JournalFormat.filesIn(dir).get(0);
        final byte[] bytes = Files.readAllBytes(first);
        bytes[JournalFormat.PREAMBLE_LENGTH + 2] = 0x7F; // the first frame's length
        Files.write(first, bytes);

        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> JournalWriter.open(dir, JournalWorld.signer(), CONFIG));
        assertTrue(e.getMessage().contains("journal-20261121.dhj is damaged at offset 48"), e.getMessage());
        assertTrue(e.getMessage().contains("deltahedger verify"), e.getMessage());
    }

    @Test
    void aRecordWhoseTimeWentBackStaysInTheCurrentFile() throws IOException
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), CONFIG))
        {
            writer.appendControl(BEFORE_MIDNIGHT + 200, "PAUSE", "ops", "");
            writer.appendControl(BEFORE_MIDNIGHT, "RESUME", "ops", "");
        }
        assertEquals(List.of(dir.resolve("journal-20261122.dhj")), JournalFormat.filesIn(dir));
    }
}
