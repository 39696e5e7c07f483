package io.deltahedger.venues.deribit.client;

import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.marketdata.MarketDataEvent;

/**
 * Market data from a {@link DeribitSession}, called on the session's thread (the one calling
 * {@link DeribitSession#poll(long)}). Implementations copy what they need (e.g. into a ring slot with
 * {@link MarketDataEvent#copyFrom}) and return; the arguments are reused for the next frame.
 */
public interface DeribitMarketDataListener {
    /**
     * A book changed and is valid: built from a snapshot and an unbroken chain of changes. Never called for a book
     * built across a gap.
     *
     * @param book  the book after the update
     * @param event the snapshot or change just applied
     */
    void onBook(L2Book book, MarketDataEvent event);

    /**
     * A book stopped being trustworthy (a change_id gap, a crossed book, or the connection dropped). It stays
     * untrusted until the next {@link #onBook} for the same instrument, which follows the new snapshot.
     */
    void onBookInvalid(int instrumentIndex, BookUpdate reason);

    /** A ticker or trades notification (not a book). */
    void onMarketData(MarketDataEvent event);
}
