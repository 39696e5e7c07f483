package io.deltahedger.backtest.tardis;

/** Why a Tardis CSV row was skipped. Counted per kind by {@link BadRows}. */
public enum BadRowKind
{
    /** The row has the wrong number of columns for its file's header, or is longer than the reader accepts. */
    MALFORMED_ROW,
    /** A required cell is empty (exchange, symbol, timestamps, book side, price or amount...). */
    MISSING_FIELD,
    /** A numeric cell holds NaN, Infinity or text. */
    NOT_A_NUMBER,
    /**
     * A cell's value is outside its vocabulary or range: an unknown exchange, side or is_snapshot value, a negative
     * price or amount, a price or amount off the instrument's tick or lot grid, an option row that contradicts the
     * registered option.
     */
    INVALID_VALUE,
    /** {@code local_timestamp} is earlier than an earlier row's of the same file (Tardis files are ordered by it). */
    TIMESTAMP_BACKWARDS,
    /** The symbol is not in the instrument registry (when unknown symbols are bad rows, the default). */
    UNKNOWN_SYMBOL,
    /** The row (a book snapshot row, or an incremental book group) would leave the best bid at or above the best ask. */
    CROSSED_BOOK
}
