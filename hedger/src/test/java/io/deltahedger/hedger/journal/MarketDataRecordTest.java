package io.deltahedger.hedger.journal;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MARKET_DATA records: what the fast read path refuses and how it says so, what the verifier checks, the record sizes
 * of typical messages, and the writer config's switch.
 */
class MarketDataRecordTest
{
    private static final long T = JournalWorld.NOW_MS;
    private static final JournalWriterConfig INLINE = new JournalWriterConfig(1_000, 60_000, 1 << 16, false, false);

    @TempDir
    Path dir;

    private final JournalWorld world = new JournalWorld();

    private Path file()
    {
        return dir.resolve(JournalFormat.fileName(JournalFormat.epochDay(T)));
    }

    private static MarketDataEvent ticker(final int instrument)
    {
        return MarketDataSamples.deribitOptionTicker(new MarketDataEvent(), instrument, T - 5);
    }

    /** A journal of one MARKET_DATA (a Deribit ticker of instrument 1) then one MARKET; returns the file. */
    private Path tickerThenMarket()
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), INLINE))
        {
            writer.appendMarketData(T, ticker(1));
            writer.appendMarket(T, 1, JournalEntry.Market.HAS_MARK, 0.01152, 0, 0);
        }
        return file();
    }

    /** The reader positioned on the first record of {@code file}, which must not be damaged. */
    private static JournalReader first(final Path file)
    {
        final JournalReader reader = new JournalReader(List.of(file), new JournalReader.Listener()
        {
            @Override
            public void onDamage(final Path f, final long offset, final String why)
            {
                throw new AssertionError(f + " @" + offset + ": " + why);
            }
        });
        assertTrue(reader.next());
        return reader;
    }

    @Test
    void readMarketDataOnAnotherRecordTypeIsRefusedNamingFileOffsetAndType()
    {
        final Path file = tickerThenMarket();
        try (JournalReader reader = first(file))
        {
            final long firstOffset = reader.offset();
            assertTrue(reader.next());
            assertEquals(RecordType.MARKET, reader.type());
            final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reader.readMarketData(new MarketDataEvent()));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("@" + reader.offset() + " seq 1"), e.getMessage());
            assertTrue(e.getMessage().contains("this one is MARKET"), e.getMessage());
            assertTrue(reader.offset() > firstOffset);
        }
    }

    @Test
    void anUnknownVenueCodeIsAnErrorNamingTheCode() throws IOException
    {
        final Path file = tickerThenMarket();
        patchFirstBody(file, body -> replace(body, text("deribit"), text("derabit")));
        final String why = readFirstFails(file);
        assertTrue(why.contains("unknown venue code 'derabit'"), why);
    }

    @Test
    void anUnknownMarketDataTypeNameIsAnError() throws IOException
    {
        final Path file = tickerThenMarket();
        patchFirstBody(file, body -> replace(body, text("TICKER"), text("TICKET")));
        final String why = readFirstFails(file);
        assertTrue(why.contains("unknown market-data type 'TICKET'"), why);
    }

    @Test
    void bytesAfterThePayloadAreAnError() throws IOException
    {
        final Path file = tickerThenMarket();
        patchFirstBody(file, body -> concat(body, new byte[] {(byte)0xA4, 7})); // one more int8
        final String why = readFirstFails(file);
        assertTrue(why.contains("2 bytes follow the MARKET_DATA payload"), why);
        try (JournalReader reader = first(file))
        {
            final IllegalStateException e = assertThrows(IllegalStateException.class, reader::entry);
            assertTrue(e.getMessage().contains("2 bytes follow the MARKET_DATA payload"), e.getMessage());
        }
    }

    @Test
    void aValueOfAnotherTypeIsAnErrorNamingWhere() throws IOException
    {
        final Path file = tickerThenMarket();
        patchFirstBody(file, body ->
        {
            assertEquals((byte)0xA6, body[20], "the instrument id's int32 right after the prefix");
            body[20] = (byte)0xA7;
            return body;
        });
        final String why = readFirstFails(file);
        assertTrue(why.contains("type code 0xa7 at byte 20 where an int32 (0xa6) was expected"), why);
    }

    @Test
    void aPayloadCutShortIsAnError() throws IOException
    {
        final Path file = tickerThenMarket();
        // without the trade count, the last value
        patchFirstBody(file, body -> Arrays.copyOf(body, body.length - 5));
        final String why = readFirstFails(file);
        assertTrue(why.contains("the record is damaged"), why);
    }

    @Test
    void fieldBitsNoFieldHasAreAnError() throws IOException
    {
        final Path file = tickerThenMarket();
        // prefix: int64 seq (9), int8 type (2), int64 time (9); payload: int32 instrument (5), "deribit" (8),
        // "TICKER" (7), venue time, sequence, previous sequence (3 x 9): the field bits' int64 starts at byte 67
        patchFirstBody(file, body ->
        {
            assertEquals((byte)0xA7, body[67], "an int64 where the layout says the field bits are");
            body[68 + 5] |= 1; // bit 40
            return body;
        });
        final String why = readFirstFails(file);
        assertTrue(why.contains("set unknown bits 0x10000000000"), why);
    }

    @Test
    void aRecordThatIsNotAValidPayloadFailsVerificationWithItsSequence() throws IOException
    {
        final Path file = tickerThenMarket();
        patchFirstBody(file, body -> replace(body, text("TICKER"), text("TICKET")));
        final VerificationReport report = new JournalVerifier(JournalWorld.signer().address()).verify(List.of(file));
        assertFalse(report.ok());
        assertTrue(report.failures().stream().anyMatch(f -> f.seq() == 0
            && f.why().contains("unknown market-data type 'TICKET'")), report.render());
    }

    @Test
    void theVerifierReportsMarketDataForAnInstrumentTheHeaderDoesNotRegister()
    {
        final long seq;
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), INLINE))
        {
            final Session s = new Session(world, writer, T);
            s.fullMarket();
            writer.appendMarketData(T, ticker(JournalWorld.PUT));
            seq = writer.appendMarketData(T, ticker(5));
            writer.appendMarketData(T, ticker(JournalWorld.BYBIT_PERP));
        }
        final VerificationReport report = new JournalVerifier(JournalWorld.signer().address()).verify(List.of(file()));
        assertEquals(3, report.marketDataChecked());
        assertEquals(1, report.failures().size(), report.render());
        final VerificationReport.Failure failure = report.failures().get(0);
        assertEquals(seq, failure.seq());
        assertEquals(file(), failure.file());
        assertTrue(failure.offset() > 0);
        assertTrue(failure.why().contains("MARKET_DATA names instrument 5, which the HEADER does not register (its "
            + "instruments are 0..4)"), failure.why());
        assertTrue(report.render().contains("market-data events checked: 3\n"), report.render());
    }

    @Test
    void theVerifierReportsMarketDataBeforeAnyHeader()
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), INLINE))
        {
            writer.appendMarketData(T, ticker(0));
        }
        final VerificationReport report = new JournalVerifier(JournalWorld.signer().address()).verify(List.of(file()));
        assertEquals(1, report.failures().size(), report.render());
        assertEquals(0, report.failures().get(0).seq());
        assertTrue(report.failures().get(0).why().contains("no HEADER precedes it"), report.render());
    }

    @Test
    void marketDataDoesNotFeedTheReplayedBookAndTheSummaryIgnoresIt()
    {
        // a ticker whose mark would make the hedge blocked were it given to the book: the verdict still re-evaluates
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), INLINE))
        {
            final Session s = new Session(world, writer, T);
            s.fullMarket();
            s.account(JournalWorld.DERIBIT, world.deribitSnapshot(T, 1.0));
            final MarketDataEvent crash = new MarketDataEvent();
            crash.header(Venue.DERIBIT, MarketDataType.TICKER, JournalWorld.PERP, T);
            crash.markPrice(1.0);
            crash.indexPrice(1.0);
            writer.appendMarketData(T, crash);
            assertTrue(s.smallHedge(1));
            writer.appendGroupDone(T, 1, "COMPLETE");
        }
        final VerificationReport report = new JournalVerifier(JournalWorld.signer().address()).verify(List.of(file()));
        assertTrue(report.ok(), report.render());
        assertEquals(1, report.verdictsChecked());
        // the premise: had the book been given that mark and index, the gate would have answered otherwise
        try (JournalWriter other = JournalWriter.open(dir.resolve("premise"), JournalWorld.signer(), INLINE))
        {
            final Session s = new Session(world, other, T);
            s.fullMarket();
            s.account(JournalWorld.DERIBIT, world.deribitSnapshot(T, 1.0));
            s.market(JournalWorld.PERP, 1.0, Double.NaN, 1.0);
            assertFalse(s.smallHedge(1), () -> "approved at a mark of 1: " + s.verdict);
        }
        final JournalSummary summary = JournalSummary.scan(List.of(file()));
        assertEquals(1, summary.maxGroupId());
        assertEquals(List.of(), summary.openGroups());
    }

    @Test
    void aTypicalDeribitOptionTickerAndATenLevelBookChangeTakeAFewHundredBytes() throws IOException
    {
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), INLINE))
        {
            writer.appendMarketData(T, ticker(1));
            writer.appendMarketData(T, MarketDataSamples.bookChange(new MarketDataEvent(), 0, T, 77_000, 10));
            writer.appendMarket(T, 1, JournalEntry.Market.HAS_MARK | JournalEntry.Market.HAS_VOLATILITY
                | JournalEntry.Market.HAS_INDEX, 0.01152, 0.5521, 96_012.37);
        }
        final List<JournalWorld.Frame> frames = JournalWorld.frames(file());
        // body = prefix 20 + instrument 5 + venue 8 + type name (1 + length) + 4 int64 of 9 + 3 counts of 5, then
        // the ticker: 2 x (ticks, lots) 36, last 9, 9 doubles 81, Greeks 45 = 171; the book change: 10 x 18 = 180
        assertEquals(20 + 5 + 8 + 7 + 36 + 15 + 171, frames.get(0).bodyLength(), "Deribit option ticker, 12 fields");
        assertEquals(20 + 5 + 8 + 12 + 36 + 15 + 180, frames.get(1).bodyLength(), "10-level book change");
        assertEquals(20 + 5 + 2 + 27, frames.get(2).bodyLength(), "the MARKET record, for scale");
        System.out.printf("MARKET_DATA on disk (body + %d bytes of frame): option ticker %d B, 10-level book change %d B;"
                + " MARKET %d B%n", JournalFormat.FRAME_OVERHEAD, frames.get(0).bodyLength() + JournalFormat.FRAME_OVERHEAD,
            frames.get(1).bodyLength() + JournalFormat.FRAME_OVERHEAD,
            frames.get(2).bodyLength() + JournalFormat.FRAME_OVERHEAD);
    }

    @Test
    void theWriterConfigJournalsMarketDataUnlessSwitchedOff()
    {
        assertTrue(JournalWriterConfig.defaults().marketData());
        assertTrue(JournalWriterConfig.defaults().inline().marketData());
        assertTrue(new JournalWriterConfig(5, 60_000, 1 << 16, false, true).marketData(), "the 5-argument form");
        final JournalWriterConfig off = JournalWriterConfig.defaults().withMarketData(false);
        assertFalse(off.marketData());
        assertFalse(off.inline().marketData(), "inline keeps the switch");
        assertEquals(JournalWriterConfig.defaults(), off.withMarketData(true));
        try (JournalWriter writer = JournalWriter.open(dir, JournalWorld.signer(), off))
        {
            assertEquals(off, writer.config());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Reads the first record with readMarketData and returns the message it fails with, checking where it names. */
    private static String readFirstFails(final Path file)
    {
        try (JournalReader reader = first(file))
        {
            final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reader.readMarketData(new MarketDataEvent()));
            assertTrue(e.getMessage().startsWith("journal " + file + " @" + JournalFormat.PREAMBLE_LENGTH + " seq 0: "),
                e.getMessage());
            return e.getMessage();
        }
    }

    /** BinaryWire's short text: 0xE0 + length, then the bytes. */
    private static byte[] text(final String s)
    {
        return concat(new byte[] {(byte)(0xE0 + s.length())}, s.getBytes(StandardCharsets.US_ASCII));
    }

    /** Rewrites the first frame's body (its length follows; its hash does not, which the reader does not check). */
    private static void patchFirstBody(final Path file, final java.util.function.UnaryOperator<byte[]> patch)
        throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final JournalWorld.Frame frame = JournalWorld.frames(file).get(0);
        final byte[] body = patch.apply(Arrays.copyOfRange(bytes, frame.offset() + 4, frame.offset() + 4
            + frame.bodyLength()));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, frame.offset());
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array());
        out.write(body);
        out.write(bytes, frame.offset() + 4 + frame.bodyLength(), bytes.length - frame.offset() - 4 - frame.bodyLength());
        Files.write(file, out.toByteArray());
    }

    private static byte[] concat(final byte[] a, final byte[] b)
    {
        final byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** {@code body} with its single occurrence of {@code what} replaced by {@code with} (same length). */
    private static byte[] replace(final byte[] body, final byte[] what, final byte[] with)
    {
        final List<Integer> at = new ArrayList<>();
        for (int k = 0; k + what.length <= body.length; k++)
        {
            if (Arrays.equals(body, k, k + what.length, what, 0, what.length))
            {
                at.add(k);
            }
        }
        assertEquals(1, at.size(), "the bytes to replace occur once");
        final byte[] out = body.clone();
        System.arraycopy(with, 0, out, at.get(0), with.length);
        return out;
    }
}
