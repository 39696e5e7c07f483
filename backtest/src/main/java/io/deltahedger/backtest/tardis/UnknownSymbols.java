package io.deltahedger.backtest.tardis;

/**
 * What a reader does with a row whose symbol is not in the instrument registry. Instruments are never registered
 * from a file: a name such as {@code BTC-27DEC24-60000-C} does not carry the tick size, amount step or contract
 * size, which only the venue's instrument list (e.g. Deribit's {@code get_instruments}, parsed by
 * {@link io.deltahedger.venues.deribit.DeribitInstruments}) or the backtest's configuration gives.
 */
public enum UnknownSymbols
{
    /** A bad row of kind {@link BadRowKind#UNKNOWN_SYMBOL} (fatal in strict mode). The default. */
    BAD_ROW,
    /**
     * Skipped silently and only counted ({@link TardisFileReader#rowsOfUnregisteredSymbols()}): for files holding
     * many instruments of which a backtest registers a few (an options_chain file lists every option of the day).
     */
    SKIP
}
