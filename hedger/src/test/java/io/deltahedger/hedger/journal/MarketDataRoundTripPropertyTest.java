package io.deltahedger.hedger.journal;

import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a market-data event holds (every type, any subset of ticker fields with NaN of any payload, infinities and
 * signed zeros, 0..40 levels a side, 0..10 trades, a next funding time or not), MARKET_DATA reads back equal in every
 * field, doubles bit for bit, through both {@link JournalReader#entry()} and {@link JournalReader#readMarketData}
 * into an event reused from the previous try (so nothing of an earlier event survives the decode).
 */
class MarketDataRoundTripPropertyTest
{
    private static final JournalWriterConfig CONFIG = new JournalWriterConfig(1_000_000, Long.MAX_VALUE, 1 << 16, false,
        false);
    private static Path root;
    private static int run;
    /** Reused across tries, as a replay reuses its event. */
    private static final MarketDataEvent TARGET = new MarketDataEvent(2, 2);

    @BeforeContainer
    static void makeRoot() throws IOException
    {
        root = Files.createTempDirectory("journal-md");
    }

    @AfterContainer
    static void removeRoot() throws IOException
    {
        try (Stream<Path> files = Files.walk(root))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Whatever bytes of a MARKET_DATA body are changed, and wherever it is cut, reading it either decodes or refuses
     * it with an IllegalStateException; nothing else escapes (the decoder reads raw bytes, so this is its bounds check).
     */
    @Property(tries = 300, seed = "20261123")
    void aDamagedBodyIsDecodedOrRefusedNeverAnythingElse(
        @ForAll @IntRange(min = 0, max = 10_000) final int at,
        @ForAll final byte value,
        @ForAll @IntRange(min = 0, max = 3) final int cut,
        @ForAll final long valueSeed) throws IOException
    {
        final Random random = new Random(valueSeed);
        final MarketDataEvent event = MarketDataSamples.random(random, new MarketDataEvent(),
            MarketDataType.values()[random.nextInt(MarketDataType.values().length)], random.nextInt(1 << 15),
            random.nextInt(5), random.nextInt(5), random.nextInt(3), random.nextBoolean());
        final Path dir = root.resolve("damage-" + run++);
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), CONFIG))
        {
            writer.appendMarketData(JournalWorld.NOW_MS, event);
        }
        final Path file = JournalFormat.filesIn(dir).get(0);
        final byte[] bytes = Files.readAllBytes(file);
        final JournalWorld.Frame frame = JournalWorld.frames(file).get(0);
        final int bodyStart = frame.offset() + 4;
        // change one byte after the prefix, and maybe cut the body short (its length field says so)
        bytes[bodyStart + 20 + at % (frame.bodyLength() - 20)] = value;
        final int shorter = cut == 0 ? 0 : 1 + at % (frame.bodyLength() - 20);
        final java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(frame.offset(), frame.bodyLength() - shorter);
        final byte[] damaged = new byte[bytes.length - shorter];
        System.arraycopy(bytes, 0, damaged, 0, bodyStart + frame.bodyLength() - shorter);
        System.arraycopy(bytes, bodyStart + frame.bodyLength(), damaged, bodyStart + frame.bodyLength() - shorter,
            bytes.length - bodyStart - frame.bodyLength());
        Files.write(file, damaged);

        try (JournalReader reader = new JournalReader(List.of(file), new JournalReader.Listener()
        {
        }))
        {
            assertTrue(reader.next());
            assertEquals(RecordType.MARKET_DATA, reader.type());
            try
            {
                reader.readMarketData(TARGET);
            }
            catch (final IllegalStateException refused)
            {
                assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
                assertFalse(refused.getMessage().contains("cannot be decoded ("),
                    () -> "caught by the decoder's own checks, not by the safety net: " + refused.getMessage());
            }
            try
            {
                reader.entry();
            }
            catch (final IllegalStateException refused)
            {
                assertFalse(refused.getMessage().isEmpty());
            }
        }
        new JournalVerifier(JournalWorld.signer().address()).verify(List.of(file));
    }

    @Property(tries = 250, seed = "20261122")
    void anEventReadsBackExactlyThroughBothReadPaths(
        @ForAll final MarketDataType type,
        @ForAll @LongRange(min = 0, max = (1 << 15) - 1) final long fields,
        @ForAll @IntRange(min = 0, max = 40) final int bids,
        @ForAll @IntRange(min = 0, max = 40) final int asks,
        @ForAll @IntRange(min = 0, max = 10) final int trades,
        @ForAll final boolean nextFunding,
        @ForAll final long valueSeed) throws IOException
    {
        final Random random = new Random(valueSeed);
        final MarketDataEvent first = MarketDataSamples.random(random, new MarketDataEvent(), type, fields, bids, asks,
            trades, nextFunding);
        // a second, different event right after: records are read one after the other
        final MarketDataEvent second = MarketDataSamples.random(random, new MarketDataEvent(), type, ~fields & 0x7fff,
            asks, bids, 10 - trades, !nextFunding);
        final Path dir = root.resolve("run-" + run++);
        final long t = JournalWorld.NOW_MS;
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), CONFIG))
        {
            assertEquals(0, writer.appendMarketData(t, first));
            assertEquals(1, writer.appendMarketData(t + 1, second));
        }
        final List<Path> files = JournalFormat.filesIn(dir);
        try (JournalReader reader = new JournalReader(files, new JournalReader.Listener()
        {
            @Override
            public void onDamage(final Path file, final long offset, final String why)
            {
                throw new AssertionError(file + " @" + offset + ": " + why);
            }
        }))
        {
            for (final MarketDataEvent expected : new MarketDataEvent[] {first, second})
            {
                assertTrue(reader.next());
                assertEquals(RecordType.MARKET_DATA, reader.type());
                assertEquals(JournalFormat.FORMAT_VERSION, reader.formatVersion());
                reader.readMarketData(TARGET);
                MarketDataSamples.assertSameEvent(expected, TARGET);

                final JournalEntry.MarketData entry = assertInstanceOf(JournalEntry.MarketData.class, reader.entry());
                MarketDataSamples.assertSameEvent(expected, entry.event());
                assertEquals(expected.instrumentIndex(), entry.instrumentId());
                assertEquals(new JournalEntry.MarketData(expected), entry);
            }
            assertTrue(reader.next());
            assertEquals(RecordType.CHAIN_SIGNATURE, reader.type());
            assertFalse(reader.next());
        }
    }
}
