package io.deltahedger.venues.marketdata;

/**
 * A reusable list of L2 levels for one side: (price ticks, size lots) pairs in the order the venue sent them.
 * A size of 0 means "remove the level". Grows by doubling up to {@link #MAX_LEVELS} (allocation happens only when a
 * frame larger than any seen before arrives, so steady state allocates nothing). Not thread-safe.
 */
public final class Levels {
    /** The most levels one side of one message may carry; larger frames are refused by decoders. */
    public static final int MAX_LEVELS = 1 << 16;

    private long[] priceTicks;
    private long[] sizeLots;
    private int count;

    public Levels(final int initialCapacity) {
        final int capacity = Math.max(4, initialCapacity);
        priceTicks = new long[capacity];
        sizeLots = new long[capacity];
    }

    /**
     * Appends a level.
     *
     * @return false (and nothing is added) if {@link #MAX_LEVELS} levels are already held
     */
    public boolean add(final long priceTicks, final long sizeLots) {
        if (count == this.priceTicks.length) {
            if (count >= MAX_LEVELS) {
                return false;
            }
            final int capacity = Math.min(MAX_LEVELS, count * 2);
            this.priceTicks = java.util.Arrays.copyOf(this.priceTicks, capacity);
            this.sizeLots = java.util.Arrays.copyOf(this.sizeLots, capacity);
        }
        this.priceTicks[count] = priceTicks;
        this.sizeLots[count] = sizeLots;
        count++;
        return true;
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

    /** Copies another list into this one (used to publish a decoded frame into a ring slot). */
    public void copyFrom(final Levels other) {
        clear();
        for (int i = 0; i < other.count; i++) {
            add(other.priceTicks[i], other.sizeLots[i]);
        }
    }
}
