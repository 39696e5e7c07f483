package io.deltahedger.venues.marketdata;

/** What a {@link MarketDataEvent} currently holds. */
public enum MarketDataType {
    /** Nothing: a cleared slot. */
    NONE,
    /** A full L2 snapshot: replace the book; {@code sequence} is the venue's change id. */
    BOOK_SNAPSHOT,
    /** Incremental L2 changes: absolute sizes per price, 0 removes; {@code prevSequence} must chain. */
    BOOK_CHANGE,
    /** Best bid/ask, last, mark, index, implied vols, the venue's Greeks and funding (see {@link TickerField}). */
    TICKER,
    /** One or more public trades. */
    TRADES,
    /** A funding-rate update (venues that publish funding on its own channel, e.g. Binance markPrice). */
    FUNDING,
    /** An index price (venues that publish the index on its own channel). */
    INDEX_PRICE
}
