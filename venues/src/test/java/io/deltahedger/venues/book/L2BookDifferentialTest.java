package io.deltahedger.venues.book;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.marketdata.Levels;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs seeded random sequences of snapshots and changes (with gaps and crossing prices) through {@link L2Book} and
 * the TreeMap {@link ReferenceBook} and requires identical outcomes, state, ladders and depth walks after every step.
 */
class L2BookDifferentialTest {
    /** One operation: snapshot or change, whether its prev sequence chains, and the levels per side. */
    record Op(boolean snapshot, boolean gap, List<long[]> bids, List<long[]> asks) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        // Bids mostly below 60, asks mostly above 40: overlaps make some changes cross.
        final Arbitrary<long[]> bid = Combinators.combine(Arbitraries.longs().between(1, 60),
            Arbitraries.longs().between(0, 6)).as((p, s) -> new long[] {p, s});
        final Arbitrary<long[]> ask = Combinators.combine(Arbitraries.longs().between(40, 100),
            Arbitraries.longs().between(0, 6)).as((p, s) -> new long[] {p, s});
        final Arbitrary<Op> op = Combinators.combine(
            Arbitraries.integers().between(0, 99),
            Arbitraries.integers().between(0, 99),
            bid.list().ofMaxSize(8),
            ask.list().ofMaxSize(8)).as((kind, gap, bids, asks) -> new Op(kind < 8, gap < 3, bids, asks));
        return op.list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(seed = "20261121", tries = 400)
    void fastBookMatchesTheReferenceBookAfterEveryOperation(@ForAll("operations") final List<Op> ops) {
        final L2Book book = new L2Book(0, 4);
        final ReferenceBook reference = new ReferenceBook();
        final DepthWalk walk = new DepthWalk();
        long sequence = 1000;
        for (final Op op : ops) {
            final Levels bids = toLevels(op.bids());
            final Levels asks = toLevels(op.asks());
            final BookUpdate expected;
            final BookUpdate actual;
            if (op.snapshot()) {
                sequence += 7;
                expected = reference.snapshot(sequence, op.bids(), op.asks());
                actual = book.applySnapshot(sequence, 0, bids, asks);
            } else {
                final long prev = op.gap() ? sequence - 1 : sequence;
                final long next = sequence + 1;
                expected = reference.change(prev, next, op.bids(), op.asks());
                actual = book.applyChange(prev, next, 0, bids, asks);
                if (expected == BookUpdate.APPLIED || expected == BookUpdate.CROSSED) {
                    sequence = next;
                }
            }
            assertEquals(expected, actual);
            assertEquals(reference.state, book.state());
            if (book.state() == BookState.VALID) {
                assertEquals(reference.lastSequence, book.lastSequence());
                for (final Side side : Side.values()) {
                    assertLadderEquals(reference.ladder(side), book, side);
                    for (final long lots : new long[] {1, 5, 17, 1000}) {
                        final long[] r = reference.walk(side, lots);
                        book.walk(side, lots, walk);
                        assertArrayEquals(r, new long[] {walk.filledLots(), walk.notionalTickLots(),
                            walk.worstPriceTicks(), walk.levels()});
                    }
                }
                assertTrue(book.bestBidTicks() == L2Book.NO_PRICE || book.bestAskTicks() == L2Book.NO_PRICE
                    || book.bestBidTicks() < book.bestAskTicks());
            }
        }
    }

    private static void assertLadderEquals(final List<long[]> expected, final L2Book book, final Side side) {
        assertEquals(expected.size(), book.depth(side), side + " depth");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], book.priceAt(side, i), side + " price at " + i);
            assertEquals(expected.get(i)[1], book.sizeAt(side, i), side + " size at " + i);
            assertTrue(book.sizeAt(side, i) > 0);
        }
    }

    private static Levels toLevels(final List<long[]> pairs) {
        final Levels levels = new Levels(4);
        for (final long[] pair : pairs) {
            levels.add(pair[0], pair[1]);
        }
        return levels;
    }
}
