package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad row is counted, reported with file and line, and skipped; strict mode stops at the first. */
class TardisBadRowsTest
{
    private static final String L2 = "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n";
    private static final String P = "deribit,BTC-PERPETUAL,1585699200245000,";

    /** One bad row of each kind a book file can have, between a good snapshot and a good change. */
    private static final String BAD_BOOK = L2
        + P + "1585699200300000,true,ask,6421.5,100\n"                 // 2 snapshot
        + P + "1585699200300000,true,bid,6421,100\n"                   // 3 snapshot
        + P + "1585699200400000,false,bid,6421.5,10\n"                 // 4 crosses the ask
        + P + "1585699200400001,false,bid,NaN,10\n"                    // 5
        + P + "1585699200400002,false,bid,6420,\n"                     // 6
        + P + "1585699200400003,false,middle,6420,10\n"                // 7
        + P + "1585699200400004,false,bid,6420.25,10\n"                // 8 off the 0.5 tick
        + "deribit,ETH-PERPETUAL,1585699200245000,1585699200400005,false,bid,130,10\n" // 9
        + P + "1585699200100000,false,bid,6420,10\n"                   // 10 backwards
        + P + "1585699200400006,false,bid,6420\n"                      // 11 a column short
        + P + "1585699200400007,false,bid,6420,50\n"                   // 12 good
        + "okex,BTC-PERPETUAL,1585699200245000,1585699200400008,false,bid,6420,10\n"   // 13
        + P + "1585699200400009,false,bid,6419,-10\n"                  // 14
        + P + "1585699200400010,false,bid,6419,15\n";                  // 15 off the 10 USD lot

    @TempDir
    Path dir;

    private final InstrumentRegistry registry = TardisTestData.registry();

    @Test
    void everyKindOfBadBookRowIsCountedWithFileAndLineAndSkipped() throws IOException
    {
        final Path file = TardisTestData.write(dir.resolve("bad_book.csv.gz"), BAD_BOOK);
        final BadRows badRows = BadRows.lenient();
        final List<MarketDataEvent> events = new ArrayList<>();
        final L2Book book = new L2Book(0, 8);
        try (TardisFileReader reader = TardisFileReader.open(file, registry, badRows, UnknownSymbols.BAD_ROW))
        {
            final MarketDataEvent e = new MarketDataEvent();
            while (reader.next(e))
            {
                assertEquals(BookUpdate.APPLIED, book.apply(e), "events stay applicable after skipped rows");
                final MarketDataEvent copy = new MarketDataEvent();
                copy.copyFrom(e);
                events.add(copy);
            }
        }
        assertEquals(2, events.size());
        assertEquals(MarketDataType.BOOK_SNAPSHOT, events.get(0).type());
        assertEquals(MarketDataType.BOOK_CHANGE, events.get(1).type());
        assertEquals(12840, events.get(1).bids().priceTicks(0));
        assertEquals(BookState.VALID, book.state());
        assertEquals(12842, book.bestBidTicks(), "the crossing bid was never applied");
        assertEquals(2, book.depth(Side.BUY));

        assertEquals(List.of(
            "bad_book.csv.gz:4: CROSSED_BOOK: the book of deribit:BTC-PERPETUAL would have best bid 6421.5 at or above"
                + " best ask 6421.5 after the group at local_timestamp 1585699200400000; the group is skipped",
            "bad_book.csv.gz:5: NOT_A_NUMBER: price 'NaN' is not a finite decimal number",
            "bad_book.csv.gz:6: MISSING_FIELD: amount '' is empty",
            "bad_book.csv.gz:7: INVALID_VALUE: side 'middle' is not bid or ask",
            "bad_book.csv.gz:8: INVALID_VALUE: price '6420.25' is not a whole number of deribit:BTC-PERPETUAL's tick"
                + " step 0.5",
            "bad_book.csv.gz:9: UNKNOWN_SYMBOL: symbol 'ETH-PERPETUAL' of deribit is not in the instrument registry:"
                + " register it (from the venue's instrument list) before reading",
            "bad_book.csv.gz:10: TIMESTAMP_BACKWARDS: local_timestamp 1585699200100000 is earlier than"
                + " 1585699200400005 on an earlier row; the file must be ordered by local_timestamp",
            "bad_book.csv.gz:11: MALFORMED_ROW: row has 7 columns, the incremental_book_l2 header has 8:"
                + " 'deribit,BTC-PERPETUAL,1585699200245000,1585699200400006,false,bid,6420'",
            "bad_book.csv.gz:13: INVALID_VALUE: exchange 'okex' is not a Tardis exchange id this reader maps to a"
                + " venue: use one of deribit, binance-futures, bybit, bybit-options, hyperliquid",
            "bad_book.csv.gz:14: INVALID_VALUE: amount '-10' must not be negative",
            "bad_book.csv.gz:15: INVALID_VALUE: amount '15' is not a whole number of deribit:BTC-PERPETUAL's amount"
                + " step 10"), badRows.messages());
        assertEquals(1, badRows.count(BadRowKind.CROSSED_BOOK));
        assertEquals(1, badRows.count(BadRowKind.NOT_A_NUMBER));
        assertEquals(1, badRows.count(BadRowKind.MISSING_FIELD));
        assertEquals(5, badRows.count(BadRowKind.INVALID_VALUE));
        assertEquals(1, badRows.count(BadRowKind.UNKNOWN_SYMBOL));
        assertEquals(1, badRows.count(BadRowKind.TIMESTAMP_BACKWARDS));
        assertEquals(1, badRows.count(BadRowKind.MALFORMED_ROW));
        assertEquals(11, badRows.total());
        assertEquals("11 bad rows: MALFORMED_ROW=1 MISSING_FIELD=1 NOT_A_NUMBER=1 INVALID_VALUE=5 TIMESTAMP_BACKWARDS=1"
            + " UNKNOWN_SYMBOL=1 CROSSED_BOOK=1", badRows.summary());
    }

    @Test
    void strictModeStopsAtTheFirstBadRowWithTheSameMessage() throws IOException
    {
        final Path file = TardisTestData.write(dir.resolve("bad_book.csv"), BAD_BOOK);
        final BadRows badRows = BadRows.strict();
        final MarketDataEvent e = new MarketDataEvent();
        try (TardisFileReader reader = TardisFileReader.open(file, registry, badRows, UnknownSymbols.BAD_ROW))
        {
            final TardisDataException thrown = assertThrows(TardisDataException.class, () ->
            {
                while (reader.next(e))
                {
                    assertEquals(MarketDataType.BOOK_SNAPSHOT, e.type());
                }
            });
            assertTrue(thrown.getMessage().startsWith("bad_book.csv:4: CROSSED_BOOK: the book of deribit:BTC-PERPETUAL"
                + " would have best bid 6421.5"), thrown.getMessage());
        }
        assertEquals(1, badRows.total());
    }

    @Test
    void unregisteredSymbolsCanBeSkippedSilentlyAndCounted() throws IOException
    {
        final Path file = TardisTestData.write(dir.resolve("two_symbols.csv"), L2
            + "deribit,ETH-PERPETUAL,1585699200245000,1585699200300000,true,bid,130,10\n"
            + P + "1585699200300001,true,bid,6421,10\n"
            + "deribit,ETH-PERPETUAL,1585699200245000,1585699200300002,false,bid,131,10\n");
        final BadRows badRows = BadRows.strict();
        try (TardisFileReader reader = TardisFileReader.open(file, registry, badRows, UnknownSymbols.SKIP))
        {
            final MarketDataEvent e = new MarketDataEvent();
            assertTrue(reader.next(e));
            assertEquals(registry.indexOf(TardisTestData.PERPETUAL), e.instrumentIndex());
            assertFalse(reader.next(e));
            assertEquals(2, reader.rowsOfUnregisteredSymbols());
        }
        assertEquals(0, badRows.total());
    }

    @Test
    void badOptionsChainRowsNameTheColumnAndTheRegisteredOption() throws IOException
    {
        final String header = TardisDataType.OPTIONS_CHAIN.header() + "\n";
        final String put = "deribit,BTC-9JUN20-9875-P,1591574399413000,";
        final String tail = "SYN.BTC-9JUN20,9756.36,-0.61752,0.00103,2.24964,-53.05655,-0.22796\n";
        final Path file = TardisTestData.write(dir.resolve("bad_chain.csv"), header
            + put + "1591574400000001,call,9875,1591689600000000,0.1,0.0295,0.0205,15.0,55.91,0.0235,15.0,68.94,0.0221,62.89," + tail
            + put + "1591574400000002,put,9875,1591776000000000,0.1,0.0295,0.0205,15.0,55.91,0.0235,15.0,68.94,0.0221,62.89," + tail
            + put + "1591574400000003,put,9875,1591689600000000,0.1,0.0295,,15.0,55.91,0.0235,15.0,68.94,0.0221,62.89," + tail
            + put + "1591574400000004,put,9875,1591689600000000,0.1,0.0295,0.0205,15.0,55.91,0.0235,15.0,68.94,0.0221,-62.89," + tail
            + put + "1591574400000005,put,9875,1591689600000000,0.1,0.0295,0.0205,15.0,55.91,0.0235,15.0,68.94,0.0221,62.89,"
                + "SYN.BTC-9JUN20,9756.36,-0.61752,,2.24964,-53.05655,-0.22796\n"
            + put + "1591574400000006,put,9875,1591689600000000,0.1,0.0295,0.0205,15.0,55.91,0.0235,15.0,68.94,Infinity,62.89," + tail
            + "deribit,BTC-PERPETUAL,1591574399413000,1591574400000007,put,9875,1591689600000000,0.1,0.0295,0.0205,15.0,"
                + "55.91,0.0235,15.0,68.94,0.0221,62.89," + tail
            + put + "1591574400000008,put,9875,1591689600000000,0.1,0.0295,0.0205,15.0,55.91,0.0235,15.0,68.94,0.0221,62.89," + tail);
        final BadRows badRows = BadRows.lenient();
        int events = 0;
        try (TardisFileReader reader = TardisFileReader.open(file, registry, badRows, UnknownSymbols.BAD_ROW))
        {
            final MarketDataEvent e = new MarketDataEvent();
            while (reader.next(e))
            {
                events++;
                assertEquals(1591574400000008L, reader.localTimestampUs());
            }
        }
        assertEquals(1, events);
        assertEquals(List.of(
            "bad_chain.csv:2: INVALID_VALUE: type 'call' contradicts the registered deribit:BTC-9JUN20-9875-P, a put",
            "bad_chain.csv:3: INVALID_VALUE: expiration '1591776000000000' contradicts the registered expiry"
                + " 1591689600000 ms of deribit:BTC-9JUN20-9875-P",
            "bad_chain.csv:4: MISSING_FIELD: bid_price '' is empty while the amount is given",
            "bad_chain.csv:5: INVALID_VALUE: mark_iv '-62.89' must not be negative",
            "bad_chain.csv:6: MISSING_FIELD: gamma '' is empty while other Greeks are given",
            "bad_chain.csv:7: NOT_A_NUMBER: mark_price 'Infinity' is not a finite decimal number",
            "bad_chain.csv:8: INVALID_VALUE: symbol 'BTC-PERPETUAL' is a PERPETUAL in the registry, not an option"),
            badRows.messages());
    }

    @Test
    void badSnapshotTradeAndTickerRowsAreReported() throws IOException
    {
        final StringBuilder snapshot = new StringBuilder(TardisDataType.BOOK_SNAPSHOT_5.header()).append('\n');
        final String b = "binance-futures,BTCUSDT,1598918403696000,";
        snapshot.append(b).append("1598918403800001,11702.15,1,11702.15,1,,,,,,,,,,,,,,,,\n");       // crossed
        snapshot.append(b).append("1598918403800002,11702.15,1,11702.14,1,,,,,11702.5,1,,,,,,,,,,\n"); // gap
        snapshot.append(b).append("1598918403800003,11702.15,1,11702.14,1,11702.1,1,,,,,,,,,,,,,,\n"); // ask worse?
        snapshot.append(b).append("1598918403800004,11702.15,1,11702.14,1,,,,,,,,,,,,,,,,\n");       // good
        final Path snapshotFile = TardisTestData.write(dir.resolve("bad_snapshot.csv"), snapshot.toString());

        final String t = "deribit,BTC-PERPETUAL,1585699200372000,";
        final Path tradesFile = TardisTestData.write(dir.resolve("bad_trades.csv"), TardisDataType.TRADES.header() + "\n"
            + t + "1585699200380001,1,unknown,6421,10\n"
            + t + "1585699200380002,2,buy,6421,0\n"
            + t + "1585699200380003,3,buy,0,10\n"
            + t + "1585699200380004,,buy,6421,10\n");
        final Path tickerFile = TardisTestData.write(dir.resolve("bad_ticker.csv"),
            TardisDataType.DERIVATIVE_TICKER.header() + "\n"
                + t + "1585699200380001,,NaN,,95314880,6421.5,6419.88,6421.66\n"
                + t + "1585699200380002,,0.00005017,abc,95314880,6421.5,6419.88,6421.66\n"
                + t + "NaN,,0.00005017,,95314880,6421.5,6419.88,6421.66\n"
                + t + "1585699200380004,,0.00005017,,95314880,6421.5,6419.88,6421.66\n");
        final BadRows badRows = BadRows.lenient();
        assertEquals(1, countEvents(snapshotFile, badRows));
        assertEquals(1, countEvents(tradesFile, badRows));
        assertEquals(1, countEvents(tickerFile, badRows));
        assertEquals(List.of(
            "bad_snapshot.csv:2: CROSSED_BOOK: best bid 11702.15 is at or above best ask 11702.15",
            "bad_snapshot.csv:3: MALFORMED_ROW: asks[2].price '11702.5' follows an empty level",
            "bad_snapshot.csv:4: INVALID_VALUE: asks[1].price '11702.1' is not worse than the level before it",
            "bad_trades.csv:2: INVALID_VALUE: side 'unknown' is not buy or sell (the taker's side is needed)",
            "bad_trades.csv:3: INVALID_VALUE: amount '0' must be above zero",
            "bad_trades.csv:4: INVALID_VALUE: price '0' must be above zero",
            "bad_ticker.csv:2: NOT_A_NUMBER: funding_rate 'NaN' is not a finite decimal number",
            "bad_ticker.csv:3: NOT_A_NUMBER: predicted_funding_rate 'abc' is not a finite decimal number",
            "bad_ticker.csv:4: NOT_A_NUMBER: local_timestamp 'NaN' is not a whole number of microseconds since the epoch"),
            badRows.messages());
    }

    @Test
    void aLineLongerThanTheLimitIsOneMalformedRowAndReadingGoesOn() throws IOException
    {
        final String huge = "x".repeat(CsvLineReader.MAX_LINE_BYTES + 10);
        final Path file = TardisTestData.write(dir.resolve("long_line.csv.gz"), TardisDataType.TRADES.header() + "\n"
            + huge + "\n"
            + "deribit,BTC-PERPETUAL,1585699200372000,1585699200380311,1,sell,6421,10\n");
        final BadRows badRows = BadRows.lenient();
        try (TardisFileReader reader = TardisFileReader.open(file, registry, badRows, UnknownSymbols.BAD_ROW))
        {
            final MarketDataEvent e = new MarketDataEvent();
            assertTrue(reader.next(e));
            assertEquals(3, reader.eventLine());
            assertEquals(CsvLineReader.MAX_LINE_BYTES, reader.lineBufferBytes());
            assertFalse(reader.next(e));
        }
        assertEquals(List.of("long_line.csv.gz:2: MALFORMED_ROW: line longer than 1048576 bytes; a Tardis row is a few"
            + " KiB at most"), badRows.messages());
    }

    @Test
    void lenientModeKeepsOnlyTheFirstMessagesButCountsAll()
    {
        final BadRows badRows = new BadRows(false, 2);
        for (int i = 1; i <= 5; i++)
        {
            badRows.report(BadRowKind.MISSING_FIELD, "f.csv", i, "price '' is empty");
        }
        assertEquals(5, badRows.count(BadRowKind.MISSING_FIELD));
        assertEquals(List.of("f.csv:1: MISSING_FIELD: price '' is empty", "f.csv:2: MISSING_FIELD: price '' is empty"),
            badRows.messages());
    }

    private int countEvents(final Path file, final BadRows badRows) throws IOException
    {
        int n = 0;
        try (TardisFileReader reader = TardisFileReader.open(file, registry, badRows, UnknownSymbols.BAD_ROW))
        {
            final MarketDataEvent e = new MarketDataEvent();
            while (reader.next(e))
            {
                n++;
            }
        }
        return n;
    }
}
