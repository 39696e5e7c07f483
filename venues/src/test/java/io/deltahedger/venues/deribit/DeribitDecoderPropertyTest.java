package io.deltahedger.venues.deribit;

import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.instrument.TestInstruments;
import io.deltahedger.venues.marketdata.FrameErrorCounters;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.util.List;

import static io.deltahedger.venues.deribit.DeribitFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitDecoderPropertyTest {
    private final InstrumentRegistry registry = TestInstruments.registry();

    /** A level price in ticks of 0.0005 and an amount in lots of 0.1, each with a way of writing the decimal. */
    record Level(long priceTicks, long lots, int priceStyle, int amountStyle) {
    }

    @Provide
    Arbitrary<List<Level>> levels() {
        return Combinators.combine(Arbitraries.longs().between(1, 2_000_000), Arbitraries.longs().between(0, 100_000),
            Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3))
            .as(Level::new).list().ofMinSize(1).ofMaxSize(30);
    }

    /** Writes value in one of four valid JSON spellings: plain, trailing zeros, exponent, integer-with-.0 when whole. */
    private static String write(final BigDecimal value, final int style) {
        return switch (style) {
            case 0 -> value.stripTrailingZeros().toPlainString();
            case 1 -> value.setScale(value.scale() + 3).toPlainString();
            case 2 -> value.stripTrailingZeros().unscaledValue() + "e" + (-value.stripTrailingZeros().scale());
            default -> value.stripTrailingZeros().scale() <= 0 ? value.setScale(1).toPlainString()
                : value.stripTrailingZeros().toPlainString();
        };
    }

    @Property(seed = "1121", tries = 300)
    void optionSnapshotPricesAndAmountsAreDecodedExactlyInAnySpelling(@ForAll("levels") final List<Level> levels) {
        final BigDecimal tick = new BigDecimal("0.0005");
        final BigDecimal lot = new BigDecimal("0.1");
        final StringBuilder bids = new StringBuilder();
        for (final Level level : levels) {
            bids.append(bids.length() == 0 ? "" : ",").append("[\"new\",")
                .append(write(tick.multiply(BigDecimal.valueOf(level.priceTicks())), level.priceStyle())).append(',')
                .append(write(lot.multiply(BigDecimal.valueOf(level.lots())), level.amountStyle())).append(']');
        }
        final String frame = "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
            + "\"book.BTC-27DEC24-60000-C.100ms\",\"data\":{\"type\":\"snapshot\",\"timestamp\":1,\"change_id\":5,"
            + "\"bids\":[" + bids + "],\"asks\":[]}}}";
        final DeribitMarketDataDecoder decoder = new DeribitMarketDataDecoder(registry, new FrameErrorCounters("p"));
        final MarketDataEvent event = new MarketDataEvent();
        final byte[] b = bytes(frame);
        assertEquals(DeribitMarketDataDecoder.Result.DECODED, decoder.decode(b, 0, b.length, event), frame);
        assertEquals(levels.size(), event.bids().count());
        for (int i = 0; i < levels.size(); i++) {
            assertEquals(levels.get(i).priceTicks(), event.bids().priceTicks(i));
            assertEquals(levels.get(i).lots(), event.bids().sizeLots(i));
        }
    }

    @Property(seed = "424242", tries = 1500)
    void corruptedFramesNeverThrowAndNeverLeaveAnInvalidBookTrusted(
        @ForAll @IntRange(min = 0, max = 3) final int which,
        @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) final long noise) {
        final String[] frames = {DeribitFrames.BOOK_SNAPSHOT, DeribitFrames.BOOK_CHANGE, DeribitFrames.OPTION_TICKER,
            DeribitFrames.TRADES};
        final byte[] frame = bytes(frames[which]);
        // Flip up to three bytes to printable noise.
        long bits = noise;
        for (int k = 0; k < 3; k++) {
            final int at = (int) ((bits & 0xffff) % frame.length);
            frame[at] = (byte) (' ' + ((bits >>> 16) & 0x3f));
            bits >>>= 22;
        }
        final FrameErrorCounters errors = new FrameErrorCounters("fuzz");
        final DeribitMarketDataFeed feed = new DeribitMarketDataFeed(registry,
            new DeribitMarketDataDecoder(registry, errors), 8, (i, r) -> { });
        final byte[] snapshot = bytes(DeribitFrames.BOOK_SNAPSHOT);
        feed.onFrame(snapshot, 0, snapshot.length);
        final DeribitMarketDataDecoder.Result result = feed.onFrame(frame, 0, frame.length);
        if (result == DeribitMarketDataDecoder.Result.DROPPED) {
            assertEquals(1, errors.total());
            assertEquals(MarketDataType.NONE, feed.event().type());
        }
        final L2Book book = feed.book(0);
        if (book.state() == BookState.VALID) {
            for (final Side side : Side.values()) {
                for (int i = 0; i < book.depth(side); i++) {
                    assertTrue(book.sizeAt(side, i) > 0 && book.priceAt(side, i) > 0);
                }
            }
            assertTrue(book.bestBidTicks() == L2Book.NO_PRICE || book.bestAskTicks() == L2Book.NO_PRICE
                || book.bestBidTicks() < book.bestAskTicks());
        }
        final byte[] next = bytes(DeribitFrames.TRADES);
        assertEquals(DeribitMarketDataDecoder.Result.DECODED, feed.onFrame(next, 0, next.length), "decoder goes on");
    }
}
