package io.deltahedger.hedger.journal;

import io.deltahedger.venues.marketdata.MarketDataEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Format versions: a journal written by the version-1 build (a fixture, see src/test/resources/journal-v1) reads,
 * verifies and is continued by this build; a MARKET_DATA in a version-1 file and any version above this build's are
 * refused with a clear message.
 */
class JournalVersionTest
{
    private static final String FIXTURE = "journal-20261120.dhj";

    @TempDir
    Path dir;

    private Path fixture() throws IOException
    {
        final Path file = dir.resolve(FIXTURE);
        try (InputStream in = JournalVersionTest.class.getResourceAsStream("/journal-v1/" + FIXTURE))
        {
            Files.copy(in, file);
        }
        return file;
    }

    private static int preambleVersion(final Path file) throws IOException
    {
        return ByteBuffer.wrap(Files.readAllBytes(file), 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static void setPreambleVersion(final Path file, final int version) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, version);
        Files.write(file, bytes);
    }

    private static VerificationReport verify(final List<Path> files)
    {
        return new JournalVerifier(JournalWorld.signer().address()).verify(files);
    }

    @Test
    void aVersionOneJournalStillReadsVerifiesAndSummarises() throws IOException
    {
        final Path file = fixture();
        assertEquals(1, preambleVersion(file));
        final List<RecordType> types = new ArrayList<>();
        try (JournalReader reader = new JournalReader(List.of(file), new JournalReader.Listener()
        {
            @Override
            public void onDamage(final Path f, final long offset, final String why)
            {
                throw new AssertionError(why);
            }
        }))
        {
            while (reader.next())
            {
                assertEquals(1, reader.formatVersion());
                final JournalEntry entry = reader.entry();
                types.add(entry.type());
                if (entry instanceof JournalEntry.Header h)
                {
                    assertEquals(1, h.formatVersion());
                }
            }
        }
        assertEquals(List.of(RecordType.HEADER, RecordType.MARKET, RecordType.MARKET, RecordType.MARKET),
            types.subList(0, 4));
        assertFalse(types.contains(RecordType.MARKET_DATA));
        assertEquals(2, types.stream().filter(t -> t == RecordType.VERDICT).count());

        final VerificationReport report = verify(List.of(file));
        assertTrue(report.ok(), report.render());
        assertEquals(2, report.verdictsChecked());
        assertEquals(0, report.marketDataChecked());
        assertTrue(report.signaturesChecked() >= 4, report.render());

        final JournalSummary summary = JournalSummary.scan(List.of(file));
        assertEquals(8, summary.maxGroupId());
        assertEquals(List.of(), summary.openGroups());
    }

    @Test
    void aWriterContinuingAVersionOneFileRaisesItsPreambleAndTheWholeVerifies() throws IOException
    {
        final Path file = fixture();
        final long nextSeq;
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(),
            new JournalWriterConfig(1_000, 60_000, 1 << 16, false, false)))
        {
            assertEquals(2, preambleVersion(file), "raised on open: the file may now hold version-2 records");
            nextSeq = writer.nextSeq();
            assertTrue(nextSeq > 10);
            final Session s = new Session(new JournalWorld(), writer, JournalWorld.NOW_MS + 60_000);
            s.fullMarket();
            writer.appendMarketData(s.nowMs, MarketDataSamples.deribitOptionTicker(new MarketDataEvent(),
                JournalWorld.CALL, s.nowMs));
            s.account(JournalWorld.DERIBIT, new JournalWorld().deribitSnapshot(s.nowMs, 1.0));
            assertTrue(s.smallHedge(9));
        }
        assertEquals(List.of(file), JournalFormat.filesIn(dir), "the same day's file continued");
        final VerificationReport report = verify(List.of(file));
        assertTrue(report.ok(), report.render());
        assertEquals(3, report.verdictsChecked());
        assertEquals(1, report.marketDataChecked());
    }

    @Test
    void aMarketDataRecordInAVersionOneFileIsRefused() throws IOException
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(),
            new JournalWriterConfig(1_000, 60_000, 1 << 16, false, false)))
        {
            new Session(new JournalWorld(), writer, JournalWorld.NOW_MS);
            writer.appendMarketData(JournalWorld.NOW_MS, MarketDataSamples.deribitOptionTicker(new MarketDataEvent(),
                JournalWorld.CALL, JournalWorld.NOW_MS));
        }
        final Path file = dir.resolve(FIXTURE);
        setPreambleVersion(file, 1);
        final VerificationReport report = verify(List.of(file));
        assertFalse(report.ok());
        assertEquals(1, report.failures().size(), report.render());
        assertTrue(report.failures().get(0).why().contains("a MARKET_DATA record (type code 11) in a format version 1 "
            + "file, which cannot hold one"), report.render());
        assertEquals(1, report.failures().get(0).seq(), "the HEADER is record 0");
    }

    @Test
    void aVersionAboveThisBuildsIsRefusedWithAClearMessage() throws IOException
    {
        final Path file = fixture();
        setPreambleVersion(file, JournalFormat.FORMAT_VERSION + 1);
        final String expected = "format version 3 is newer than this build reads (1..2): read it with a newer deltahedger";

        final List<String> damage = new ArrayList<>();
        try (JournalReader reader = new JournalReader(List.of(file), new JournalReader.Listener()
        {
            @Override
            public void onDamage(final Path f, final long offset, final String why)
            {
                damage.add(offset + " " + why);
            }
        }))
        {
            assertFalse(reader.next());
        }
        assertEquals(List.of("0 " + expected), damage);

        final VerificationReport report = verify(List.of(file));
        assertFalse(report.ok());
        assertTrue(report.render().contains(expected), report.render());

        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> JournalWriter.open(dir,
            JournalWorld.signer(), JournalWriterConfig.defaults()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(JournalFormat.FORMAT_VERSION + 1, preambleVersion(file), "a newer file is never rewritten");
    }
}
