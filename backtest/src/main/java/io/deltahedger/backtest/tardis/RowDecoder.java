package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

import java.io.IOException;

/** Decodes the rows of one data type into events; one subclass per type. Single-threaded. */
abstract class RowDecoder
{
    final TardisRowCursor row;
    long eventTimestampUs;
    long eventLocalTimestampUs;
    long firstLine;

    RowDecoder(final TardisRowCursor row)
    {
        this.row = row;
    }

    /**
     * Decodes the next event into {@code out}, skipping (and reporting) bad rows.
     *
     * @return false at the end of the file
     */
    abstract boolean next(MarketDataEvent out) throws IOException;

    /** Clears {@code out} and sets its header from the current row. */
    final void start(final MarketDataEvent out, final MarketDataType type)
    {
        out.clear();
        out.header(row.venue(), type, row.instrumentIndex(), Math.floorDiv(row.timestampUs(), 1000L));
        eventTimestampUs = row.timestampUs();
        eventLocalTimestampUs = row.localTimestampUs();
        firstLine = row.lineNumber();
    }
}
