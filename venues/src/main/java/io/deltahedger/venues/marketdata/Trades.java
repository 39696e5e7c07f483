package io.deltahedger.venues.marketdata;

import io.deltahedger.venues.Side;

/**
 * A reusable list of public trades: price ticks, size lots, taker side, the venue's per-instrument trade sequence
 * and the venue timestamp. Grows like {@link Levels}; not thread-safe.
 */
public final class Trades {
    /** The most trades one message may carry. */
    public static final int MAX_TRADES = 1 << 14;

    private long[] priceTicks;
    private long[] sizeLots;
    private long[] tradeSeq;
    private long[] timestampMs;
    private boolean[] buy;
    private int count;

    public Trades(final int initialCapacity) {
        final int capacity = Math.max(4, initialCapacity);
        priceTicks = new long[capacity];
        sizeLots = new long[capacity];
        tradeSeq = new long[capacity];
        timestampMs = new long[capacity];
        buy = new boolean[capacity];
    }

    /** Appends a trade; false if {@link #MAX_TRADES} are already held. */
    public boolean add(final long priceTicks, final long sizeLots, final Side takerSide, final long tradeSeq,
                       final long timestampMs) {
        if (count == this.priceTicks.length) {
            if (count >= MAX_TRADES) {
                return false;
            }
            final int capacity = Math.min(MAX_TRADES, count * 2);
            this.priceTicks = java.util.Arrays.copyOf(this.priceTicks, capacity);
            this.sizeLots = java.util.Arrays.copyOf(this.sizeLots, capacity);
            this.tradeSeq = java.util.Arrays.copyOf(this.tradeSeq, capacity);
            this.timestampMs = java.util.Arrays.copyOf(this.timestampMs, capacity);
            this.buy = java.util.Arrays.copyOf(this.buy, capacity);
        }
        this.priceTicks[count] = priceTicks;
        this.sizeLots[count] = sizeLots;
        this.tradeSeq[count] = tradeSeq;
        this.timestampMs[count] = timestampMs;
        this.buy[count] = takerSide == Side.BUY;
        count++;
        return true;
    }

    /** Copies another list into this one. */
    public void copyFrom(final Trades other) {
        clear();
        for (int i = 0; i < other.count; i++) {
            add(other.priceTicks[i], other.sizeLots[i], other.takerSide(i), other.tradeSeq[i], other.timestampMs[i]);
        }
    }

    public void clear() {
        count = 0;
    }

    public int count() {
        return count;
    }

    public long priceTicks(final int i) {
        return priceTicks[i];
    }

    public long sizeLots(final int i) {
        return sizeLots[i];
    }

    /** The venue's per-instrument trade sequence number (Deribit {@code trade_seq}). */
    public long tradeSeq(final int i) {
        return tradeSeq[i];
    }

    public long timestampMs(final int i) {
        return timestampMs[i];
    }

    /** The taker's (aggressor's) side. */
    public Side takerSide(final int i) {
        return buy[i] ? Side.BUY : Side.SELL;
    }
}
