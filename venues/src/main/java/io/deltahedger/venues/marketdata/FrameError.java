package io.deltahedger.venues.marketdata;

/**
 * Why a decoder dropped a market-data frame. A dropped frame is never applied, not even in part; the decoder goes on
 * with the next frame. Counted per kind by {@link FrameErrorCounters}.
 */
public enum FrameError {
    /** Not valid JSON (or not the venue's envelope). */
    MALFORMED_JSON,
    /** The frame ended inside a value. */
    TRUNCATED,
    /** A number was expected and NaN, Infinity, null or a string came. */
    NOT_A_NUMBER,
    /** A number with more than 18 significant digits, or one too large for its grid. */
    NUMBER_OUT_OF_RANGE,
    /** An amount below zero (or a trade of zero size). */
    INVALID_AMOUNT,
    /** A price below zero, or a book price of zero; also a negative mark, index or implied volatility. */
    INVALID_PRICE,
    /** A price that is not a whole number of the instrument's ticks. */
    OFF_TICK_PRICE,
    /** An amount that is not a whole number of the instrument's amount steps. */
    OFF_LOT_AMOUNT,
    /** The instrument is not in the registry. */
    UNKNOWN_INSTRUMENT,
    /** A market-data channel this decoder does not decode (e.g. Deribit's grouped book). */
    UNSUPPORTED_CHANNEL,
    /** A required field is absent. */
    MISSING_FIELD,
    /** A field has a value outside its vocabulary (unknown book type, level action or direction, instrument mismatch). */
    INVALID_FIELD,
    /** More levels or trades than {@link Levels#MAX_LEVELS} / {@link Trades#MAX_TRADES}. */
    TOO_MANY_ENTRIES
}
