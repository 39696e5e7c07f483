package io.deltahedger.venues.book;

import java.util.Arrays;

/**
 * One side of an L2 book as two parallel primitive arrays sorted from worst to best price, so the best level is at
 * {@code count - 1} and the frequent changes near the top shift few elements. Bids are kept by ascending price, asks
 * by descending price (internally: by ascending "rank", rank = price for bids and -price for asks).
 */
final class BookSide {
    private final boolean bids;
    private long[] ranks;
    private long[] sizes;
    private int count;

    BookSide(final boolean bids, final int initialCapacity) {
        this.bids = bids;
        final int capacity = Math.max(8, initialCapacity);
        ranks = new long[capacity];
        sizes = new long[capacity];
    }

    int count() {
        return count;
    }

    void clear() {
        count = 0;
    }

    /** Price of the level {@code depth} places from the best (0 = best). */
    long priceAt(final int depth) {
        final long rank = ranks[count - 1 - depth];
        return bids ? rank : -rank;
    }

    long sizeAt(final int depth) {
        return sizes[count - 1 - depth];
    }

    /**
     * Sets the absolute size at a price; 0 removes the level (removing an absent level is a no-op, as venues send
     * such deletes). Allocates only when the side outgrows its arrays.
     */
    void set(final long priceTicks, final long sizeLots) {
        final long rank = bids ? priceTicks : -priceTicks;
        final int index = search(rank);
        if (index >= 0) {
            if (sizeLots == 0) {
                System.arraycopy(ranks, index + 1, ranks, index, count - index - 1);
                System.arraycopy(sizes, index + 1, sizes, index, count - index - 1);
                count--;
            } else {
                sizes[index] = sizeLots;
            }
        } else if (sizeLots != 0) {
            final int insertAt = -index - 1;
            if (count == ranks.length) {
                ranks = Arrays.copyOf(ranks, count * 2);
                sizes = Arrays.copyOf(sizes, count * 2);
            }
            System.arraycopy(ranks, insertAt, ranks, insertAt + 1, count - insertAt);
            System.arraycopy(sizes, insertAt, sizes, insertAt + 1, count - insertAt);
            ranks[insertAt] = rank;
            sizes[insertAt] = sizeLots;
            count++;
        }
    }

    /** Size at a price, 0 if absent. */
    long sizeAtPrice(final long priceTicks) {
        final int index = search(bids ? priceTicks : -priceTicks);
        return index >= 0 ? sizes[index] : 0;
    }

    private int search(final long rank) {
        final int n = count;
        // Fast path: most changes touch the top of the book, which sits at the end.
        if (n == 0 || rank > ranks[n - 1]) {
            return -(n + 1);
        }
        return Arrays.binarySearch(ranks, 0, n, rank);
    }
}
