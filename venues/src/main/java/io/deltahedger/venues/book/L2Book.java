package io.deltahedger.venues.book;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

/**
 * A price-level (L2) order book for one instrument on its tick grid: prices are long ticks, sizes long lots of the
 * instrument's amount step (both positive).
 *
 * <p>Semantics (Deribit's, which Binance and Bybit share): a snapshot replaces the book; a change carries absolute
 * sizes per price ("new", "change" and "delete" all set the size, delete sets 0, and 0 removes the level); each
 * change's previous sequence must equal the last applied sequence. Invariants while {@link BookState#VALID}: both
 * sides strictly sorted, all sizes positive, best bid &lt; best ask. A gap or a crossed book makes it
 * {@link BookState#INVALID}; changes are then ignored until a new snapshot resyncs it. Whoever drives the book
 * asks the venue for a fresh snapshot on {@link BookUpdate#GAP} or {@link BookUpdate#CROSSED}.
 *
 * <p>Allocation-free in steady state (sorted primitive arrays; they grow only past their largest size so far).
 * Single writer; not thread-safe.
 */
public final class L2Book {
    /** Returned by best-price queries when the side is empty. */
    public static final long NO_PRICE = Long.MIN_VALUE;

    private final int instrumentIndex;
    private final BookSide bids;
    private final BookSide asks;
    private BookState state = BookState.AWAITING_SNAPSHOT;
    private BookUpdate lastProblem;
    private long lastSequence = MarketDataEvent.NO_SEQUENCE;
    private long lastUpdateMs;

    /**
     * @param instrumentIndex the instrument's registry index (for the owner's bookkeeping)
     * @param initialLevels   levels per side to pre-allocate (e.g. 128 for a 100-level book)
     */
    public L2Book(final int instrumentIndex, final int initialLevels) {
        this.instrumentIndex = instrumentIndex;
        bids = new BookSide(true, initialLevels);
        asks = new BookSide(false, initialLevels);
    }

    public int instrumentIndex() {
        return instrumentIndex;
    }

    public BookState state() {
        return state;
    }

    /** Why the book is invalid ({@link BookUpdate#GAP}, {@link BookUpdate#CROSSED} or {@link BookUpdate#STALE}), or null. */
    public BookUpdate invalidReason() {
        return state == BookState.INVALID ? lastProblem : null;
    }

    /** The sequence of the last applied snapshot or change, or {@link MarketDataEvent#NO_SEQUENCE}. */
    public long lastSequence() {
        return lastSequence;
    }

    /** The venue timestamp (ms) of the last applied message. */
    public long lastUpdateMs() {
        return lastUpdateMs;
    }

    /** Applies a {@link MarketDataType#BOOK_SNAPSHOT} or {@link MarketDataType#BOOK_CHANGE} event. */
    public BookUpdate apply(final MarketDataEvent event) {
        if (event.type() == MarketDataType.BOOK_SNAPSHOT) {
            return applySnapshot(event.sequence(), event.venueTimestampMs(), event.bids(), event.asks());
        }
        if (event.type() == MarketDataType.BOOK_CHANGE) {
            return applyChange(event.prevSequence(), event.sequence(), event.venueTimestampMs(), event.bids(), event.asks());
        }
        throw new IllegalArgumentException("L2Book.apply takes BOOK_SNAPSHOT or BOOK_CHANGE events, got " + event.type());
    }

    /** Replaces the book with a snapshot (levels with size 0 are skipped) and makes it valid unless crossed. */
    public BookUpdate applySnapshot(final long sequence, final long timestampMs, final Levels bidLevels,
                                    final Levels askLevels) {
        bids.clear();
        asks.clear();
        setAll(bids, bidLevels);
        setAll(asks, askLevels);
        lastSequence = sequence;
        lastUpdateMs = timestampMs;
        state = BookState.VALID;
        return checkCrossed();
    }

    /**
     * Applies incremental changes if the book is valid and {@code prevSequence} chains on the last sequence.
     * Nothing is applied on a gap.
     */
    public BookUpdate applyChange(final long prevSequence, final long sequence, final long timestampMs,
                                  final Levels bidLevels, final Levels askLevels) {
        if (state != BookState.VALID) {
            return BookUpdate.IGNORED_NOT_VALID;
        }
        if (prevSequence != lastSequence) {
            return invalidate(BookUpdate.GAP);
        }
        setAll(bids, bidLevels);
        setAll(asks, askLevels);
        lastSequence = sequence;
        lastUpdateMs = timestampMs;
        return checkCrossed();
    }

    /** Sets one level directly (absolute size, 0 removes); for venues whose changes are not batched. */
    public void setLevel(final Side side, final long priceTicks, final long sizeLots) {
        requireLevel(priceTicks, sizeLots);
        (side == Side.BUY ? bids : asks).set(priceTicks, sizeLots);
    }

    /**
     * Marks the book invalid (e.g. the connection dropped: data may have been missed). Returns {@code reason}.
     */
    public BookUpdate invalidate(final BookUpdate reason) {
        state = BookState.INVALID;
        lastProblem = reason;
        return reason;
    }

    private BookUpdate checkCrossed() {
        if (bids.count() > 0 && asks.count() > 0 && bids.priceAt(0) >= asks.priceAt(0)) {
            return invalidate(BookUpdate.CROSSED);
        }
        return BookUpdate.APPLIED;
    }

    private static void setAll(final BookSide side, final Levels levels) {
        for (int i = 0, n = levels.count(); i < n; i++) {
            final long price = levels.priceTicks(i);
            final long size = levels.sizeLots(i);
            requireLevel(price, size);
            side.set(price, size);
        }
    }

    private static void requireLevel(final long priceTicks, final long sizeLots) {
        if (priceTicks <= 0 || sizeLots < 0) {
            throw new IllegalArgumentException("book level needs price ticks > 0 and size lots >= 0, got "
                + priceTicks + " / " + sizeLots + ": decoders must drop such levels before applying");
        }
    }

    /** Best bid price in ticks, or {@link #NO_PRICE}. */
    public long bestBidTicks() {
        return bids.count() == 0 ? NO_PRICE : bids.priceAt(0);
    }

    /** Best ask price in ticks, or {@link #NO_PRICE}. */
    public long bestAskTicks() {
        return asks.count() == 0 ? NO_PRICE : asks.priceAt(0);
    }

    /** Size at the best bid in lots, 0 if empty. */
    public long bestBidLots() {
        return bids.count() == 0 ? 0 : bids.sizeAt(0);
    }

    /** Size at the best ask in lots, 0 if empty. */
    public long bestAskLots() {
        return asks.count() == 0 ? 0 : asks.sizeAt(0);
    }

    /** Number of levels on a side ({@link Side#BUY} = bids). */
    public int depth(final Side side) {
        return (side == Side.BUY ? bids : asks).count();
    }

    /** Price in ticks of the level {@code level} places from the best (0 = best) on a side. */
    public long priceAt(final Side side, final int level) {
        final BookSide s = side == Side.BUY ? bids : asks;
        checkLevel(s, level);
        return s.priceAt(level);
    }

    /** Size in lots of the level {@code level} places from the best on a side. */
    public long sizeAt(final Side side, final int level) {
        final BookSide s = side == Side.BUY ? bids : asks;
        checkLevel(s, level);
        return s.sizeAt(level);
    }

    /** Size in lots resting at a price on a side, 0 if none. */
    public long sizeAtPrice(final Side side, final long priceTicks) {
        return (side == Side.BUY ? bids : asks).sizeAtPrice(priceTicks);
    }

    private static void checkLevel(final BookSide side, final int level) {
        if (level < 0 || level >= side.count()) {
            throw new IndexOutOfBoundsException("level " + level + " outside 0.." + (side.count() - 1));
        }
    }

    /**
     * Walks the book as an aggressive order of {@code lots} on {@code aggressor} side would ({@link Side#BUY} takes
     * the asks from the lowest), writing what it would fill, at what exact cost and worst price into {@code out}.
     * Allocation-free. Does not check the book's state: callers that trade on it check {@link #state()} first.
     *
     * @return {@code out}
     * @throws ArithmeticException if the notional overflows a long (a nonsensical request)
     */
    public DepthWalk walk(final Side aggressor, final long lots, final DepthWalk out) {
        if (lots < 0) {
            throw new IllegalArgumentException("walk needs lots >= 0, got " + lots);
        }
        out.reset(lots);
        final BookSide side = aggressor == Side.BUY ? asks : bids;
        long remaining = lots;
        for (int level = 0, n = side.count(); level < n && remaining > 0; level++) {
            final long take = Math.min(remaining, side.sizeAt(level));
            final long price = side.priceAt(level);
            out.notionalTickLots = Math.addExact(out.notionalTickLots, Math.multiplyExact(price, take));
            out.filledLots += take;
            out.worstPriceTicks = price;
            out.levels++;
            remaining -= take;
        }
        return out;
    }
}
