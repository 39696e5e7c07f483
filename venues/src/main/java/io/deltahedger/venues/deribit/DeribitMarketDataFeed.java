package io.deltahedger.venues.deribit;

import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

import java.nio.ByteBuffer;

/**
 * The client side of one Deribit market-data connection: decodes each text frame into its scratch
 * {@link MarketDataEvent} and applies book frames to the instrument's {@link L2Book}. A frame that fails to decode is
 * never applied. On a sequence gap or a crossed book it tells the {@link ResyncListener} (the session then
 * re-subscribes the channel, which makes Deribit start again with a snapshot).
 *
 * <p>Allocation-free per frame once the books and the event have grown to their working size. Single-threaded:
 * the connection's I/O thread owns it. A consumer that publishes to a ring copies {@link #event()} after
 * {@link #onFrame} returns.
 */
public final class DeribitMarketDataFeed {
    /** Told when a book needs a fresh snapshot. */
    @FunctionalInterface
    public interface ResyncListener {
        /**
         * @param instrumentIndex the instrument whose book became invalid
         * @param reason          {@link BookUpdate#GAP} or {@link BookUpdate#CROSSED}
         */
        void onResyncRequired(int instrumentIndex, BookUpdate reason);
    }

    private final DeribitMarketDataDecoder decoder;
    private final L2Book[] books;
    private final MarketDataEvent event = new MarketDataEvent();
    private final ResyncListener resyncListener;
    private BookUpdate lastBookUpdate;
    private byte[] scratch = new byte[4096];

    /**
     * @param registry       the instruments; one book per instrument is created up front
     * @param decoder        the decoder (owns the error counters)
     * @param levelsPerSide  levels per side to pre-allocate in each book
     * @param resyncListener told when a book needs a snapshot
     */
    public DeribitMarketDataFeed(final InstrumentRegistry registry, final DeribitMarketDataDecoder decoder,
                                 final int levelsPerSide, final ResyncListener resyncListener) {
        this.decoder = decoder;
        this.resyncListener = resyncListener;
        books = new L2Book[registry.size()];
        for (int i = 0; i < books.length; i++) {
            books[i] = new L2Book(i, levelsPerSide);
        }
    }

    /**
     * Handles one WebSocket text frame.
     *
     * @return the decoder's result; for a decoded book frame {@link #lastBookUpdate()} tells what the book did
     */
    public DeribitMarketDataDecoder.Result onFrame(final byte[] buf, final int offset, final int length) {
        lastBookUpdate = null;
        final DeribitMarketDataDecoder.Result result = decoder.decode(buf, offset, length, event);
        if (result == DeribitMarketDataDecoder.Result.DECODED) {
            final MarketDataType type = event.type();
            if (type == MarketDataType.BOOK_SNAPSHOT || type == MarketDataType.BOOK_CHANGE) {
                final BookUpdate update = books[event.instrumentIndex()].apply(event);
                lastBookUpdate = update;
                if (update == BookUpdate.GAP || update == BookUpdate.CROSSED) {
                    resyncListener.onResyncRequired(event.instrumentIndex(), update);
                }
            }
        }
        return result;
    }

    /**
     * Handles one text frame held in a {@link ByteBuffer} (position to limit; the position is not moved). A heap
     * buffer is read in place; a direct buffer (e.g. from Netty: {@code byteBuf.nioBuffer()}, or copy with
     * {@code byteBuf.getBytes(index, scratch, 0, length)} into {@link #scratch(int)} and call
     * {@link #onFrame(byte[], int, int)}) is copied into a reusable scratch array first.
     */
    public DeribitMarketDataDecoder.Result onFrame(final ByteBuffer frame) {
        final int length = frame.remaining();
        if (frame.hasArray()) {
            return onFrame(frame.array(), frame.arrayOffset() + frame.position(), length);
        }
        final byte[] bytes = scratch(length);
        frame.get(frame.position(), bytes, 0, length);
        return onFrame(bytes, 0, length);
    }

    /**
     * A reusable array of at least {@code length} bytes for copying a frame out of an off-heap buffer. It grows only
     * when a larger frame than any before arrives. Valid until the next call; I/O thread only.
     */
    public byte[] scratch(final int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        return scratch;
    }

    /** Marks every book {@link BookUpdate#STALE} (call when the connection drops). */
    public void onDisconnected() {
        for (final L2Book book : books) {
            book.invalidate(BookUpdate.STALE);
        }
    }

    /** The event decoded from the last frame (cleared if it was not market data). */
    public MarketDataEvent event() {
        return event;
    }

    /** What the last book frame did to its book, or null if the last frame was not an applied book frame. */
    public BookUpdate lastBookUpdate() {
        return lastBookUpdate;
    }

    /** The book of an instrument index. */
    public L2Book book(final int instrumentIndex) {
        return books[instrumentIndex];
    }

    public DeribitMarketDataDecoder decoder() {
        return decoder;
    }
}
