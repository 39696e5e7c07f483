package io.deltahedger.venues.book;

import io.deltahedger.venues.Side;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The obvious, slow L2 book (TreeMaps) with the same semantics as {@link L2Book}: the oracle for differential tests. */
final class ReferenceBook {
    final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    final TreeMap<Long, Long> asks = new TreeMap<>();
    BookState state = BookState.AWAITING_SNAPSHOT;
    long lastSequence = Long.MIN_VALUE;

    BookUpdate snapshot(final long sequence, final List<long[]> bidLevels, final List<long[]> askLevels) {
        bids.clear();
        asks.clear();
        put(bids, bidLevels);
        put(asks, askLevels);
        lastSequence = sequence;
        state = BookState.VALID;
        return crossedCheck();
    }

    BookUpdate change(final long prev, final long sequence, final List<long[]> bidLevels, final List<long[]> askLevels) {
        if (state != BookState.VALID) {
            return BookUpdate.IGNORED_NOT_VALID;
        }
        if (prev != lastSequence) {
            state = BookState.INVALID;
            return BookUpdate.GAP;
        }
        put(bids, bidLevels);
        put(asks, askLevels);
        lastSequence = sequence;
        return crossedCheck();
    }

    private BookUpdate crossedCheck() {
        if (!bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey()) {
            state = BookState.INVALID;
            return BookUpdate.CROSSED;
        }
        return BookUpdate.APPLIED;
    }

    private static void put(final TreeMap<Long, Long> side, final List<long[]> levels) {
        for (final long[] level : levels) {
            if (level[1] == 0) {
                side.remove(level[0]);
            } else {
                side.put(level[0], level[1]);
            }
        }
    }

    /** Levels from the best, as [price, size] pairs. */
    List<long[]> ladder(final Side side) {
        final List<long[]> out = new ArrayList<>();
        for (final Map.Entry<Long, Long> e : (side == Side.BUY ? bids : asks).entrySet()) {
            out.add(new long[] {e.getKey(), e.getValue()});
        }
        return out;
    }

    /** [filled, notional, worst, levels] of an aggressive order. */
    long[] walk(final Side aggressor, final long lots) {
        long remaining = lots;
        long filled = 0;
        long notional = 0;
        long worst = 0;
        long levels = 0;
        for (final Map.Entry<Long, Long> e : (aggressor == Side.BUY ? asks : bids).entrySet()) {
            if (remaining == 0) {
                break;
            }
            final long take = Math.min(remaining, e.getValue());
            notional += e.getKey() * take;
            filled += take;
            worst = e.getKey();
            levels++;
            remaining -= take;
        }
        return new long[] {filled, notional, worst, levels};
    }
}
