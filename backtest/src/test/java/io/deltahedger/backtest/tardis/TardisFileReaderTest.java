package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each data type decodes the fixture rows (hand-written in Tardis's exact format) to the exact values. */
class TardisFileReaderTest
{
    private static final double EXACT = 0.0;

    @TempDir
    Path dir;

    private final InstrumentRegistry registry = TardisTestData.registry();
    private final BadRows badRows = BadRows.strict();

    private TardisFileReader open(final String fixture, final boolean gzip) throws IOException
    {
        return TardisFileReader.open(TardisTestData.fixture(fixture, dir, gzip), registry, badRows,
            UnknownSymbols.BAD_ROW);
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void optionsChainRowsBecomeTickersWithQuotesIvsInFractionsAndTheVenuesGreeks(final boolean gzip) throws IOException
    {
        try (TardisFileReader reader = open("deribit_options_chain_2020-06-08_OPTIONS.csv", gzip))
        {
            assertEquals(TardisDataType.OPTIONS_CHAIN, reader.dataType());
            final MarketDataEvent e = new MarketDataEvent();

            assertTrue(reader.next(e));
            assertEquals(MarketDataType.TICKER, e.type());
            assertEquals(Venue.DERIBIT, e.venue());
            assertEquals(registry.indexOf(TardisTestData.PUT), e.instrumentIndex());
            assertEquals(1591574399413L, e.venueTimestampMs());
            assertEquals(1591574400196008L, reader.localTimestampUs());
            assertEquals(1591574399413000L, reader.timestampUs());
            assertEquals(2, reader.eventLine());
            assertEquals(0.1, e.openInterest(), EXACT);
            assertEquals(59, e.lastPriceTicks()); // 0.0295 BTC on the 0.0005 tick
            assertEquals(41, e.bestBidTicks()); // 0.0205
            assertEquals(150, e.bestBidLots()); // 15.0 BTC in 0.1 lots
            assertEquals(0.5591, e.bidIv(), 1e-15);
            assertEquals(47, e.bestAskTicks()); // 0.0235
            assertEquals(150, e.bestAskLots());
            assertEquals(0.6894, e.askIv(), 1e-15);
            assertEquals(0.02210436, e.markPrice(), EXACT);
            assertEquals(0.6289, e.markIv(), 1e-15);
            assertEquals(9756.36, e.underlyingPrice(), EXACT);
            assertEquals(-0.61752, e.delta(), EXACT);
            assertEquals(0.00103, e.gamma(), EXACT);
            assertEquals(2.24964, e.vega(), EXACT);
            assertEquals(-53.05655, e.theta(), EXACT);
            assertEquals(-0.22796, e.rho(), EXACT);
            assertFalse(e.has(TickerField.INDEX_PRICE));

            assertTrue(reader.next(e));
            assertEquals(registry.indexOf(TardisTestData.CALL), e.instrumentIndex());
            assertFalse(e.has(TickerField.BEST_BID), "an empty bid is no bid, not a bid at zero");
            assertFalse(e.has(TickerField.BID_IV));
            assertFalse(e.has(TickerField.LAST_PRICE));
            assertEquals(25, e.bestAskTicks());
            assertEquals(25, e.bestAskLots());
            assertEquals(1.5e-7, e.gamma(), EXACT);

            assertFalse(reader.next(e));
            assertEquals(2, reader.events());
        }
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void incrementalL2RowsOfOneTimestampFormOneEventAndSnapshotsFollowTardisSemantics(final boolean gzip)
        throws IOException
    {
        final int perpetual = registry.indexOf(TardisTestData.PERPETUAL);
        try (TardisFileReader reader = open("deribit_incremental_book_L2_2020-04-01_BTC-PERPETUAL.csv", gzip))
        {
            final MarketDataEvent e = new MarketDataEvent();
            final L2Book book = new L2Book(perpetual, 16);

            // The non-snapshot row before the first snapshot is a buffered update: skipped, not an event.
            assertTrue(reader.next(e));
            assertEquals(MarketDataType.BOOK_SNAPSHOT, e.type());
            assertEquals(perpetual, e.instrumentIndex());
            assertEquals(1585699200355684L, reader.localTimestampUs());
            assertEquals(1585699200245L, e.venueTimestampMs());
            assertEquals(3, reader.eventLine());
            assertEquals(1, e.sequence());
            assertLevels(e.asks(), 12843, 1864, 12844, 119, 12845, 108);
            assertLevels(e.bids(), 12842, 313, 12841, 2, 12840, 1005);
            assertEquals(1, reader.rowsBeforeFirstSnapshot());
            assertEquals(BookUpdate.APPLIED, book.apply(e));

            assertTrue(reader.next(e));
            assertEquals(MarketDataType.BOOK_CHANGE, e.type());
            assertEquals(1, e.prevSequence());
            assertEquals(2, e.sequence());
            assertLevels(e.bids(), 12842, 0);
            assertLevels(e.asks(), 12843, 1764);
            assertEquals(BookUpdate.APPLIED, book.apply(e));
            assertEquals(12841, book.bestBidTicks());

            assertTrue(reader.next(e));
            assertEquals(MarketDataType.BOOK_CHANGE, e.type());
            assertLevels(e.bids());
            assertLevels(e.asks(), 12846, 200);
            assertEquals(BookUpdate.APPLIED, book.apply(e));
            assertEquals(4, book.depth(Side.SELL));

            // A snapshot after changes starts a new book...
            assertTrue(reader.next(e));
            assertEquals(MarketDataType.BOOK_SNAPSHOT, e.type());
            assertEquals(4, e.sequence());
            assertLevels(e.asks(), 12860, 10);
            assertLevels(e.bids(), 12859, 20);
            assertEquals(BookUpdate.APPLIED, book.apply(e));
            assertEquals(1, book.depth(Side.SELL));
            assertEquals(1, book.depth(Side.BUY));

            // ...and the snapshot message right after it adds to that book instead of discarding it.
            assertTrue(reader.next(e));
            assertEquals(MarketDataType.BOOK_CHANGE, e.type());
            assertEquals(4, e.prevSequence());
            assertLevels(e.bids(), 12858, 30);
            assertEquals(BookUpdate.APPLIED, book.apply(e));
            assertEquals(2, book.depth(Side.BUY));
            assertEquals(BookState.VALID, book.state());

            assertFalse(reader.next(e));
            assertEquals(0, badRows.total());
        }
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void bookSnapshot5RowsBecomeSnapshotsBestLevelFirstWithShortSidesEndingAtEmptyCells(final boolean gzip)
        throws IOException
    {
        try (TardisFileReader reader = open("binance-futures_book_snapshot_5_2020-09-01_BTCUSDT.csv", gzip))
        {
            assertEquals(TardisDataType.BOOK_SNAPSHOT_5, reader.dataType());
            final MarketDataEvent e = new MarketDataEvent();
            assertTrue(reader.next(e));
            assertEquals(MarketDataType.BOOK_SNAPSHOT, e.type());
            assertEquals(Venue.BINANCE_USDM, e.venue());
            assertEquals(registry.indexOf(TardisTestData.BINANCE), e.instrumentIndex());
            assertEquals(1598918403810979L, reader.localTimestampUs());
            assertEquals(1, e.sequence());
            assertLevels(e.asks(), 1170215, 1204, 1170230, 500, 1170288, 31, 1170301, 2600, 1170350, 918);
            assertLevels(e.bids(), 1170214, 8512, 1170190, 250, 1170150, 1100, 1170122, 4, 1170000, 12500);

            assertTrue(reader.next(e));
            assertEquals(2, e.sequence());
            assertLevels(e.asks(), 1170215, 977, 1170230, 500, 1170288, 31);
            assertLevels(e.bids(), 1170214, 8512, 1170190, 250, 1170150, 1100);
            assertFalse(reader.next(e));
        }
    }

    @Test
    void bookSnapshot25RowsReadAllTwentyFiveLevels() throws IOException
    {
        final StringBuilder csv = new StringBuilder(TardisDataType.BOOK_SNAPSHOT_25.header()).append('\n');
        csv.append("deribit,BTC-PERPETUAL,1585699200245000,1585699200359431");
        for (int i = 0; i < 25; i++)
        {
            csv.append(',').append(6421.5 + i * 0.5).append(',').append(10 * (i + 1))
                .append(',').append(6421 - i).append(',').append(20 * (i + 1));
        }
        csv.append('\n');
        final Path file = TardisTestData.write(dir.resolve("deribit_book_snapshot_25_2020-04-01_BTC-PERPETUAL.csv.gz"),
            csv.toString());
        try (TardisFileReader reader = TardisFileReader.open(file, registry, badRows, UnknownSymbols.BAD_ROW))
        {
            assertEquals(TardisDataType.BOOK_SNAPSHOT_25, reader.dataType());
            final MarketDataEvent e = new MarketDataEvent();
            assertTrue(reader.next(e));
            assertEquals(25, e.asks().count());
            assertEquals(25, e.bids().count());
            assertEquals(12843 + 24, e.asks().priceTicks(24));
            assertEquals(25, e.asks().sizeLots(24));
            assertEquals(12842 - 48, e.bids().priceTicks(24));
            assertEquals(50, e.bids().sizeLots(24));
            assertFalse(reader.next(e));
        }
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void tradeRowsBecomeOneTradeEachWithTheTakersSide(final boolean gzip) throws IOException
    {
        try (TardisFileReader reader = open("deribit_trades_2020-04-01_BTC-PERPETUAL.csv", gzip))
        {
            final MarketDataEvent e = new MarketDataEvent();
            assertTrue(reader.next(e));
            assertEquals(MarketDataType.TRADES, e.type());
            assertEquals(1, e.trades().count());
            assertEquals(12842, e.trades().priceTicks(0));
            assertEquals(1, e.trades().sizeLots(0));
            assertEquals(Side.SELL, e.trades().takerSide(0));
            assertEquals(MarketDataEvent.NO_SEQUENCE, e.trades().tradeSeq(0));
            assertEquals(1585699200372L, e.trades().timestampMs(0));
            assertEquals(1585699200380311L, reader.localTimestampUs());

            assertTrue(reader.next(e));
            assertEquals(1, e.trades().count());
            assertEquals(12843, e.trades().priceTicks(0));
            assertEquals(150, e.trades().sizeLots(0));
            assertEquals(Side.BUY, e.trades().takerSide(0));
            assertFalse(reader.next(e));
        }
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void derivativeTickerRowsCarryFundingIndexMarkAndOpenInterest(final boolean gzip) throws IOException
    {
        try (TardisFileReader reader = open("deribit_derivative_ticker_2020-04-01_BTC-PERPETUAL.csv", gzip))
        {
            final MarketDataEvent e = new MarketDataEvent();
            assertTrue(reader.next(e));
            assertEquals(MarketDataType.TICKER, e.type());
            assertEquals(0.00005017, e.currentFunding(), EXACT);
            assertFalse(e.has(TickerField.FUNDING_8H));
            assertEquals(0, e.nextFundingTimeMs(), "Deribit rows leave funding_timestamp empty");
            assertEquals(95314880.0, e.openInterest(), EXACT);
            assertEquals(12843, e.lastPriceTicks());
            assertEquals(6419.88, e.indexPrice(), EXACT);
            assertEquals(6421.66, e.markPrice(), EXACT);
            assertFalse(e.has(TickerField.GREEKS));

            assertTrue(reader.next(e));
            assertEquals(-1.23e-7, e.currentFunding(), EXACT);
            assertEquals(12844, e.lastPriceTicks());
            assertFalse(reader.next(e));
        }
    }

    @Test
    void fundingTimestampBecomesTheNextFundingTimeInMilliseconds() throws IOException
    {
        final Path file = TardisTestData.write(dir.resolve("binance-futures_derivative_ticker.csv"),
            TardisDataType.DERIVATIVE_TICKER.header() + "\n"
                + "binance-futures,BTCUSDT,1598918400000000,1598918400100000,1598947200000000,0.0001,0.00012,"
                + "23105.5,11702.15,11700.1,11702.2\n");
        try (TardisFileReader reader = TardisFileReader.open(file, registry, badRows, UnknownSymbols.BAD_ROW))
        {
            final MarketDataEvent e = new MarketDataEvent();
            assertTrue(reader.next(e));
            assertEquals(1598947200000L, e.nextFundingTimeMs());
            assertEquals(0.0001, e.currentFunding(), EXACT);
            assertEquals(1170215, e.lastPriceTicks());
        }
    }

    @Test
    void gzippedAndPlainFilesDecodeToTheSameEvents() throws IOException
    {
        for (final String fixture : List.of("deribit_options_chain_2020-06-08_OPTIONS.csv",
            "deribit_incremental_book_L2_2020-04-01_BTC-PERPETUAL.csv",
            "binance-futures_book_snapshot_5_2020-09-01_BTCUSDT.csv",
            "deribit_trades_2020-04-01_BTC-PERPETUAL.csv",
            "deribit_derivative_ticker_2020-04-01_BTC-PERPETUAL.csv"))
        {
            assertEquals(describeAll(fixture, false), describeAll(fixture, true), fixture);
        }
    }

    @Test
    void anEmptyFileHasNoTypeAndNoEvents() throws IOException
    {
        for (final String name : List.of("empty.csv", "empty.csv.gz"))
        {
            final Path file = TardisTestData.write(dir.resolve(name), "");
            try (TardisFileReader reader = TardisFileReader.open(file, registry, badRows, UnknownSymbols.BAD_ROW))
            {
                assertNull(reader.dataType());
                assertFalse(reader.next(new MarketDataEvent()));
            }
        }
    }

    @Test
    void anUnknownHeaderIsRefusedNamingTheFileAndTheKnownTypes()
    {
        final TardisDataException e = assertThrows(TardisDataException.class,
            () -> open("unknown_header.csv", true).close());
        assertTrue(e.getMessage().startsWith("unknown_header.csv.gz:1: the header 'exchange,symbol,timestamp,"
            + "local_timestamp,ask_amount"), e.getMessage());
        assertTrue(e.getMessage().contains("incremental_book_L2"), e.getMessage());
    }

    @Test
    void aTruncatedGzipFileFailsNamingTheFileAndTheLine() throws IOException
    {
        final Path whole = dir.resolve("whole.csv.gz");
        TardisTestData.writeIncrementalBook(whole, 20_000, 3);
        final byte[] bytes = java.nio.file.Files.readAllBytes(whole);
        final Path truncated = dir.resolve("truncated.csv.gz");
        java.nio.file.Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (TardisFileReader reader = TardisFileReader.open(truncated, registry, badRows, UnknownSymbols.BAD_ROW))
        {
            final MarketDataEvent e = new MarketDataEvent();
            final IOException thrown = assertThrows(IOException.class, () ->
            {
                while (reader.next(e))
                {
                    assertEquals(0, badRows.total());
                }
            });
            assertTrue(thrown.getMessage().startsWith("truncated.csv.gz:"), thrown.getMessage());
            assertTrue(thrown.getMessage().contains("a truncated download or a corrupt gzip file"), thrown.getMessage());
            assertTrue(reader.events() > 1000, "the events before the cut were read: " + reader.events());
        }
    }

    @Test
    void aLastLineWithoutNewlineAndCrLfLineEndsAreRead() throws IOException
    {
        final Path file = TardisTestData.write(dir.resolve("trades_crlf.csv"),
            TardisDataType.TRADES.header() + "\r\n"
                + "deribit,BTC-PERPETUAL,1585699200372000,1585699200380311,1,sell,6421,10\r\n"
                + "deribit,BTC-PERPETUAL,1585699200372000,1585699200380312,2,buy,6421.5,20");
        try (TardisFileReader reader = TardisFileReader.open(file, registry, badRows, UnknownSymbols.BAD_ROW))
        {
            final MarketDataEvent e = new MarketDataEvent();
            assertTrue(reader.next(e));
            assertTrue(reader.next(e));
            assertEquals(2, e.trades().sizeLots(0));
            assertFalse(reader.next(e));
        }
    }

    private List<String> describeAll(final String fixture, final boolean gzip) throws IOException
    {
        final List<String> out = new ArrayList<>();
        try (TardisFileReader reader = open(fixture, gzip))
        {
            final MarketDataEvent e = new MarketDataEvent();
            while (reader.next(e))
            {
                out.add(TardisEvents.describe(e, reader.localTimestampUs()));
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }

    static void assertLevels(final Levels levels, final long... priceLotPairs)
    {
        final List<Long> actual = new ArrayList<>();
        for (int i = 0; i < levels.count(); i++)
        {
            actual.add(levels.priceTicks(i));
            actual.add(levels.sizeLots(i));
        }
        final List<Long> expected = new ArrayList<>();
        for (final long v : priceLotPairs)
        {
            expected.add(v);
        }
        assertEquals(expected, actual, "levels as (price ticks, lots) pairs");
    }
}
