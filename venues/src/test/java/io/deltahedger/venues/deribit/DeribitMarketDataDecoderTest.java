package io.deltahedger.venues.deribit;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.instrument.TestInstruments;
import io.deltahedger.venues.marketdata.FrameError;
import io.deltahedger.venues.marketdata.FrameErrorCounters;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.deltahedger.venues.deribit.DeribitFrames.bytes;
import static io.deltahedger.venues.deribit.DeribitMarketDataDecoder.Result.DECODED;
import static io.deltahedger.venues.deribit.DeribitMarketDataDecoder.Result.DROPPED;
import static io.deltahedger.venues.deribit.DeribitMarketDataDecoder.Result.NOT_MARKET_DATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitMarketDataDecoderTest {
    private FrameErrorCounters errors;
    private DeribitMarketDataFeed feed;
    private final List<String> resyncs = new ArrayList<>();

    @BeforeEach
    void setUp() {
        errors = new FrameErrorCounters("deribit test");
        final var registry = TestInstruments.registry();
        feed = new DeribitMarketDataFeed(registry, new DeribitMarketDataDecoder(registry, errors), 16,
            (index, reason) -> resyncs.add(index + ":" + reason));
    }

    private DeribitMarketDataDecoder.Result feed(final String frame) {
        final byte[] b = bytes(frame);
        return feed.onFrame(b, 0, b.length);
    }

    @Test
    void decodesABookSnapshotIntoTicksAndLotsAndBuildsTheBook() {
        assertEquals(DECODED, feed(DeribitFrames.BOOK_SNAPSHOT));
        final MarketDataEvent e = feed.event();
        assertEquals(MarketDataType.BOOK_SNAPSHOT, e.type());
        assertEquals(0, e.instrumentIndex());
        assertEquals(297217, e.sequence());
        assertEquals(MarketDataEvent.NO_SEQUENCE, e.prevSequence());
        assertEquals(1554373962454L, e.venueTimestampMs());
        assertEquals(3, e.bids().count());
        assertEquals(120_001, e.bids().priceTicks(0));
        assertEquals(3, e.bids().sizeLots(0));
        assertEquals(1234, e.asks().sizeLots(2));
        final L2Book book = feed.book(0);
        assertEquals(BookState.VALID, book.state());
        assertEquals(120_001, book.bestBidTicks());
        assertEquals(120_002, book.bestAskTicks());
    }

    @Test
    void decodesTheDocumentedChangeLayoutWithDataBeforeChannel() {
        feed(DeribitFrames.BOOK_SNAPSHOT);
        assertEquals(DECODED, feed(DeribitFrames.BOOK_CHANGE));
        assertEquals(BookUpdate.APPLIED, feed.lastBookUpdate());
        final L2Book book = feed.book(0);
        assertEquals(297218, book.lastSequence());
        assertEquals(120_000, book.bestBidTicks());
        assertEquals(5, book.bestBidLots());
        assertEquals(120_001, book.bestAskTicks());
        assertEquals(1, book.bestAskLots());
    }

    @Test
    void aChangeIdGapInvalidatesTheBookAndAsksForAResync() {
        feed(DeribitFrames.BOOK_SNAPSHOT);
        assertEquals(DECODED, feed(DeribitFrames.change(297300, 297301, "[\"new\",59000.0,10]")));
        assertEquals(BookUpdate.GAP, feed.lastBookUpdate());
        assertEquals(BookState.INVALID, feed.book(0).state());
        assertEquals(List.of("0:GAP"), resyncs);
        assertEquals(DECODED, feed(DeribitFrames.BOOK_SNAPSHOT));
        assertEquals(BookState.VALID, feed.book(0).state());
    }

    @Test
    void aCrossingChangeInvalidatesTheBookAndAsksForAResync() {
        feed(DeribitFrames.BOOK_SNAPSHOT);
        feed(DeribitFrames.change(297217, 297218, "[\"new\",60005.0,10]"));
        assertEquals(BookUpdate.CROSSED, feed.lastBookUpdate());
        assertEquals(List.of("0:CROSSED"), resyncs);
    }

    @Test
    void decodesAnOptionTickerWithIvAsFractionAndTheVenueGreeks() {
        assertEquals(DECODED, feed(DeribitFrames.OPTION_TICKER));
        final MarketDataEvent e = feed.event();
        assertEquals(MarketDataType.TICKER, e.type());
        assertEquals(1, e.instrumentIndex());
        assertEquals(1623060194301L, e.venueTimestampMs());
        assertEquals(110, e.bestBidTicks());
        assertEquals(123, e.bestBidLots());
        assertEquals(112, e.bestAskTicks());
        assertEquals(80, e.bestAskLots());
        assertEquals(111, e.lastPriceTicks());
        assertEquals(0.05560436, e.markPrice());
        assertEquals(0.6289, e.markIv(), 1e-15);
        assertEquals(0.615, e.bidIv(), 1e-15);
        assertEquals(61234.56, e.indexPrice());
        assertEquals(61800.12, e.underlyingPrice());
        assertEquals(0.56321, e.delta());
        assertEquals(0.00002, e.gamma());
        assertEquals(120.5034, e.vega());
        assertEquals(-45.8623, e.theta());
        assertEquals(30.1, e.rho());
        assertTrue(e.has(TickerField.GREEKS));
        assertFalse(e.has(TickerField.CURRENT_FUNDING));
    }

    @Test
    void decodesAPerpetualTickerWithFundingAndTreatsNullAsAbsent() {
        assertEquals(DECODED, feed(DeribitFrames.PERPETUAL_TICKER));
        final MarketDataEvent e = feed.event();
        assertEquals(-1.5e-05, e.currentFunding());
        assertEquals(0.00011, e.funding8h());
        assertEquals(120_001, e.bestBidTicks());
        assertEquals(3, e.bestBidLots());
        assertEquals(120_002, e.bestAskTicks());
        assertEquals(60000.71, e.markPrice());
        assertTrue(e.has(TickerField.LAST_PRICE), "the first last_price was sent");
        assertFalse(e.has(TickerField.MARK_IV));
        assertFalse(e.has(TickerField.GREEKS));
    }

    @Test
    void decodesTradesWithTakerSideAndSequence() {
        assertEquals(DECODED, feed(DeribitFrames.TRADES));
        final MarketDataEvent e = feed.event();
        assertEquals(MarketDataType.TRADES, e.type());
        assertEquals(2, e.trades().count());
        assertEquals(120_001, e.trades().priceTicks(0));
        assertEquals(1, e.trades().sizeLots(0));
        assertEquals(Side.SELL, e.trades().takerSide(0));
        assertEquals(30289433, e.trades().tradeSeq(1));
        assertEquals(12, e.trades().sizeLots(1));
        assertEquals(Side.BUY, e.trades().takerSide(1));
        assertEquals(1590484156351L, e.venueTimestampMs());
    }

    @Test
    void otherJsonRpcMessagesAreNotMarketDataAndNotErrors() {
        assertEquals(NOT_MARKET_DATA, feed(DeribitFrames.HEARTBEAT));
        assertEquals(NOT_MARKET_DATA, feed(DeribitFrames.SUBSCRIBE_RESPONSE));
        assertEquals(NOT_MARKET_DATA, feed("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
            + "\"user.orders.BTC-PERPETUAL.raw\",\"data\":{}}}"));
        assertEquals(MarketDataType.NONE, feed.event().type());
        assertEquals(0, errors.total());
    }

    static Stream<Arguments> malformedFrames() {
        final String snapshot = DeribitFrames.BOOK_SNAPSHOT;
        return Stream.of(
            Arguments.of("truncated", snapshot.substring(0, snapshot.length() - 20), FrameError.TRUNCATED),
            Arguments.of("not json", "<html>502 Bad Gateway</html>", FrameError.MALFORMED_JSON),
            Arguments.of("trailing garbage", snapshot + "}", FrameError.MALFORMED_JSON),
            Arguments.of("bare NaN price", DeribitFrames.change(297217, 297218, "[\"new\",NaN,10]"), FrameError.NOT_A_NUMBER),
            Arguments.of("quoted NaN amount", DeribitFrames.change(297217, 297218, "[\"new\",59000.0,\"NaN\"]"),
                FrameError.NOT_A_NUMBER),
            Arguments.of("null amount", DeribitFrames.change(297217, 297218, "[\"new\",59000.0,null]"), FrameError.NOT_A_NUMBER),
            Arguments.of("negative size", DeribitFrames.change(297217, 297218, "[\"new\",59000.0,-10]"),
                FrameError.INVALID_AMOUNT),
            Arguments.of("zero price", DeribitFrames.change(297217, 297218, "[\"new\",0,10]"), FrameError.INVALID_PRICE),
            Arguments.of("price off the tick grid", DeribitFrames.change(297217, 297218, "[\"new\",59000.25,10]"),
                FrameError.OFF_TICK_PRICE),
            Arguments.of("amount off the lot grid", DeribitFrames.change(297217, 297218, "[\"new\",59000.0,15]"),
                FrameError.OFF_LOT_AMOUNT),
            Arguments.of("25-digit price", DeribitFrames.change(297217, 297218, "[\"new\",1234567890123456789012345,10]"),
                FrameError.NUMBER_OUT_OF_RANGE),
            Arguments.of("unknown action", DeribitFrames.change(297217, 297218, "[\"upsert\",59000.0,10]"),
                FrameError.INVALID_FIELD),
            Arguments.of("unknown instrument", snapshot.replace("BTC-PERPETUAL", "SOL-PERPETUAL"),
                FrameError.UNKNOWN_INSTRUMENT),
            Arguments.of("instrument mismatch", snapshot.replace("\"instrument_name\":\"BTC-PERPETUAL\"",
                "\"instrument_name\":\"ETH-PERPETUAL\""), FrameError.INVALID_FIELD),
            Arguments.of("grouped book", snapshot.replace("book.BTC-PERPETUAL.100ms", "book.BTC-PERPETUAL.none.10.100ms"),
                FrameError.UNSUPPORTED_CHANNEL),
            Arguments.of("missing change_id", snapshot.replace("\"change_id\":297217,", ""), FrameError.MISSING_FIELD),
            Arguments.of("missing prev_change_id", DeribitFrames.change(297217, 297218, "[\"new\",59000.0,10]")
                .replace("\"prev_change_id\":297217,", ""), FrameError.MISSING_FIELD),
            Arguments.of("no data", "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
                + "\"book.BTC-PERPETUAL.100ms\"}}", FrameError.MISSING_FIELD),
            Arguments.of("negative mark iv", DeribitFrames.OPTION_TICKER.replace("\"mark_iv\":62.89", "\"mark_iv\":-1"),
                FrameError.INVALID_PRICE),
            Arguments.of("trade without direction", DeribitFrames.TRADES.replace("\"direction\":\"sell\",", ""),
                FrameError.MISSING_FIELD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFrames")
    void aBadFrameIsCountedAndDroppedWithoutTouchingTheBookAndTheNextValidFrameApplies(
        final String name, final String frame, final FrameError expected) {
        feed(DeribitFrames.BOOK_SNAPSHOT);
        final long bestBid = feed.book(0).bestBidTicks();
        assertEquals(DROPPED, feed(frame), name);
        assertEquals(expected, feed.decoder().lastError(), name);
        assertEquals(1, errors.count(expected), name);
        assertEquals(1, errors.total(), name);
        assertEquals(MarketDataType.NONE, feed.event().type(), "a dropped frame leaves no half-filled event");
        assertEquals(BookState.VALID, feed.book(0).state(), name);
        assertEquals(297217, feed.book(0).lastSequence(), name);
        assertEquals(bestBid, feed.book(0).bestBidTicks(), name);

        assertEquals(DECODED, feed(DeribitFrames.change(297217, 297218, "[\"new\",59000.0,10]")), name);
        assertEquals(BookUpdate.APPLIED, feed.lastBookUpdate(), name);
        assertEquals(1, feed.book(0).sizeAtPrice(Side.BUY, 118_000), name);
    }

    @Test
    void aFrameWhoseSecondLevelIsBadLeavesTheBookExactlyAsItWas() {
        feed(DeribitFrames.BOOK_SNAPSHOT);
        assertEquals(DROPPED, feed(DeribitFrames.change(297217, 297218,
            "[\"delete\",60000.5,0],[\"new\",59000.25,10]")));
        assertEquals(120_001, feed.book(0).bestBidTicks(), "the valid first level was not applied");
        assertEquals(297217, feed.book(0).lastSequence());
    }

    @Test
    void everyTruncationOfAValidFrameIsDropped() {
        for (final String frame : new String[] {DeribitFrames.BOOK_SNAPSHOT, DeribitFrames.BOOK_CHANGE,
            DeribitFrames.OPTION_TICKER, DeribitFrames.TRADES}) {
            final byte[] b = bytes(frame);
            for (int length = 0; length < b.length; length++) {
                assertEquals(DROPPED, feed.onFrame(b, 0, length), frame.substring(0, length));
            }
            assertEquals(DECODED, feed.onFrame(b, 0, b.length));
        }
    }

    @Test
    void readsFramesFromHeapAndDirectByteBuffersWithoutMovingThem() {
        final byte[] snapshot = bytes(DeribitFrames.BOOK_SNAPSHOT);
        final java.nio.ByteBuffer heap = java.nio.ByteBuffer.allocate(snapshot.length + 10);
        heap.position(10);
        heap.put(snapshot).position(10);
        assertEquals(DECODED, feed.onFrame(heap.slice()));
        final byte[] change = bytes(DeribitFrames.BOOK_CHANGE);
        final java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(change.length).put(change).flip();
        assertEquals(DECODED, feed.onFrame(direct));
        assertEquals(0, direct.position());
        assertEquals(297218, feed.book(0).lastSequence());
    }

    @Test
    void anEventCopiesIntoARingSlotExactly() {
        feed(DeribitFrames.OPTION_TICKER);
        final MarketDataEvent slot = new MarketDataEvent(4, 4);
        slot.copyFrom(feed.event());
        assertEquals(MarketDataType.TICKER, slot.type());
        assertEquals(0.6289, slot.markIv(), 1e-15);
        assertTrue(slot.has(TickerField.GREEKS));
        feed(DeribitFrames.BOOK_SNAPSHOT);
        slot.copyFrom(feed.event());
        assertEquals(3, slot.asks().count());
        assertEquals(1234, slot.asks().sizeLots(2));
        assertFalse(slot.has(TickerField.GREEKS));
        feed(DeribitFrames.TRADES);
        slot.copyFrom(feed.event());
        assertEquals(Side.BUY, slot.trades().takerSide(1));
    }

    @Test
    void repeatedErrorsOfOneKindAreAllCounted() {
        for (int i = 0; i < 25; i++) {
            feed("{");
        }
        assertEquals(25, errors.count(FrameError.TRUNCATED));
    }
}
