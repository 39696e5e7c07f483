package io.deltahedger.venues.marketdata;

/**
 * The optional fields of a ticker; an event records which ones the venue sent in a bit mask, so a missing field is
 * never confused with zero and no NaN is used as a marker.
 */
public enum TickerField {
    BEST_BID,
    BEST_ASK,
    LAST_PRICE,
    MARK_PRICE,
    INDEX_PRICE,
    SETTLEMENT_PRICE,
    UNDERLYING_PRICE,
    MARK_IV,
    BID_IV,
    ASK_IV,
    GREEKS,
    OPEN_INTEREST,
    CURRENT_FUNDING,
    FUNDING_8H,
    INTEREST_RATE;

    final long bit = 1L << ordinal();
}
