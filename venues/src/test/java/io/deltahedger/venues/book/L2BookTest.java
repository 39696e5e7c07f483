package io.deltahedger.venues.book;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.marketdata.Levels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class L2BookTest {
    private static Levels levels(final long... priceSizePairs) {
        final Levels levels = new Levels(4);
        for (int i = 0; i < priceSizePairs.length; i += 2) {
            levels.add(priceSizePairs[i], priceSizePairs[i + 1]);
        }
        return levels;
    }

    private static L2Book validBook() {
        final L2Book book = new L2Book(0, 8);
        assertEquals(BookUpdate.APPLIED, book.applySnapshot(100, 1, levels(99, 5, 98, 7, 97, 1), levels(101, 2, 102, 3)));
        return book;
    }

    @Test
    void aNewBookIsNotValidAndIgnoresChangesUntilASnapshot() {
        final L2Book book = new L2Book(3, 8);
        assertEquals(BookState.AWAITING_SNAPSHOT, book.state());
        assertEquals(BookUpdate.IGNORED_NOT_VALID, book.applyChange(1, 2, 0, levels(99, 1), levels()));
        assertEquals(L2Book.NO_PRICE, book.bestBidTicks());
        assertEquals(0, book.depth(Side.BUY));
    }

    @Test
    void snapshotGivesBestPricesAndLaddersFromTheBest() {
        final L2Book book = validBook();
        assertEquals(BookState.VALID, book.state());
        assertEquals(99, book.bestBidTicks());
        assertEquals(5, book.bestBidLots());
        assertEquals(101, book.bestAskTicks());
        assertEquals(2, book.bestAskLots());
        assertEquals(97, book.priceAt(Side.BUY, 2));
        assertEquals(102, book.priceAt(Side.SELL, 1));
        assertEquals(3, book.sizeAt(Side.SELL, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> book.priceAt(Side.SELL, 2));
    }

    @Test
    void changesSetAbsoluteSizesAndZeroRemovesTheLevel() {
        final L2Book book = validBook();
        assertEquals(BookUpdate.APPLIED, book.applyChange(100, 101, 2, levels(99, 0, 100, 4), levels(101, 9, 150, 1)));
        assertEquals(100, book.bestBidTicks());
        assertEquals(4, book.bestBidLots());
        assertEquals(0, book.sizeAtPrice(Side.BUY, 99));
        assertEquals(9, book.bestAskLots());
        assertEquals(3, book.depth(Side.SELL));
        assertEquals(101, book.lastSequence());
        assertEquals(BookUpdate.APPLIED, book.applyChange(101, 102, 3, levels(42, 0), levels()));
    }

    @Test
    void aSequenceGapInvalidatesTheBookWithoutApplyingTheChange() {
        final L2Book book = validBook();
        assertEquals(BookUpdate.GAP, book.applyChange(99, 101, 2, levels(100, 4), levels()));
        assertEquals(BookState.INVALID, book.state());
        assertEquals(BookUpdate.GAP, book.invalidReason());
        assertEquals(99, book.bestBidTicks());
        assertEquals(BookUpdate.IGNORED_NOT_VALID, book.applyChange(100, 101, 2, levels(100, 4), levels()));
    }

    @Test
    void aCrossedBookIsInvalidUntilANewSnapshotResyncsIt() {
        final L2Book book = validBook();
        assertEquals(BookUpdate.CROSSED, book.applyChange(100, 101, 2, levels(101, 1), levels()));
        assertEquals(BookState.INVALID, book.state());
        assertEquals(BookUpdate.CROSSED, book.invalidReason());
        assertEquals(BookUpdate.APPLIED, book.applySnapshot(500, 3, levels(10, 1), levels(11, 1)));
        assertEquals(BookState.VALID, book.state());
        assertNull(book.invalidReason());
        assertEquals(BookUpdate.APPLIED, book.applyChange(500, 501, 4, levels(9, 2), levels()));
    }

    @Test
    void aLockedBookCountsAsCrossed() {
        final L2Book book = new L2Book(0, 4);
        assertEquals(BookUpdate.CROSSED, book.applySnapshot(1, 1, levels(10, 1), levels(10, 1)));
    }

    @Test
    void walkGivesExactCostVwapAndWorstPrice() {
        final L2Book book = validBook();
        final DepthWalk walk = book.walk(Side.BUY, 4, new DepthWalk());
        assertEquals(4, walk.filledLots());
        assertEquals(2 * 101 + 2 * 102, walk.notionalTickLots());
        assertEquals(102, walk.worstPriceTicks());
        assertEquals(2, walk.levels());
        assertEquals(101.5, walk.vwapTicks(), 1e-12);
        book.walk(Side.SELL, 100, walk);
        assertEquals(13, walk.filledLots());
        assertEquals(false, walk.complete());
        assertEquals(97, walk.worstPriceTicks());
    }

    @Test
    void refusesNonsenseLevels() {
        final L2Book book = validBook();
        assertThrows(IllegalArgumentException.class, () -> book.setLevel(Side.BUY, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> book.setLevel(Side.BUY, 5, -1));
    }

    @Test
    void aSideGrowsPastItsInitialCapacityAndStaysSorted() {
        final L2Book book = new L2Book(0, 2);
        final Levels bids = new Levels(4);
        for (int p = 1; p <= 1000; p++) {
            bids.add(p * 7 % 1000 + 1, p);
        }
        book.applySnapshot(1, 1, bids, new Levels(4));
        assertEquals(1000, book.depth(Side.BUY));
        for (int i = 1; i < 1000; i++) {
            assertEquals(book.priceAt(Side.BUY, i - 1) - 1, book.priceAt(Side.BUY, i));
        }
    }
}
