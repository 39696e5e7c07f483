package io.deltahedger.hedger.journal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever byte of a journal file is flipped, in whatever bit, verification fails (and never throws). */
class FlippedBytePropertyTest
{
    private static Path dir;
    private static byte[] clean;

    @BeforeContainer
    static void writeJournal() throws IOException
    {
        dir = Files.createTempDirectory("journal-flip");
        final Path file;
        try (JournalWriter writer = JournalWriter.open(dir.resolve("source"), JournalWorld.signer(),
            new JournalWriterConfig(7, 60_000, 1 << 16, false, false)))
        {
            final JournalWorld world = new JournalWorld();
            final Session s = new Session(world, writer, JournalWorld.NOW_MS);
            s.fullMarket();
            writer.appendMarketData(s.nowMs, MarketDataSamples.deribitOptionTicker(
                new io.deltahedger.venues.marketdata.MarketDataEvent(), JournalWorld.CALL, s.nowMs));
            writer.appendMarketData(s.nowMs, MarketDataSamples.bookChange(
                new io.deltahedger.venues.marketdata.MarketDataEvent(), JournalWorld.PERP, s.nowMs, 5, 4));
            s.account(JournalWorld.DERIBIT, world.deribitSnapshot(s.nowMs, 1.0));
            s.smallHedge(1);
            s.hugeShortCalls(2);
            writer.appendGroupDone(s.nowMs, 1, "COMPLETED");
            file = writer.currentFile();
        }
        clean = Files.readAllBytes(file);
        assertTrue(new JournalVerifier(JournalWorld.signer().address()).verify(List.of(file)).ok());
    }

    @AfterContainer
    static void removeJournal() throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 300, seed = "20261121")
    void anyFlippedBitAnywhereFailsVerification(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int position,
                                                @ForAll @IntRange(min = 0, max = 7) final int bit) throws IOException
    {
        final byte[] bytes = clean.clone();
        final int at = position % bytes.length;
        bytes[at] ^= (byte)(1 << bit);
        final Path file = dir.resolve(JournalFormat.fileName(JournalFormat.epochDay(JournalWorld.NOW_MS)));
        Files.write(file, bytes);

        final VerificationReport report = new JournalVerifier(JournalWorld.signer().address()).verify(List.of(file));
        assertFalse(report.ok(), () -> "flipping bit " + bit + " of byte " + at + " went unnoticed");
    }
}
