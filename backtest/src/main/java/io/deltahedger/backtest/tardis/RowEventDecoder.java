package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.marketdata.MarketDataEvent;

import java.io.IOException;

/**
 * A decoder whose every good row is one event (options_chain, book snapshots, trades, derivative_ticker): it reads
 * rows until {@link #decode} accepts one; a row it refuses has been reported as bad and is skipped.
 */
abstract class RowEventDecoder extends RowDecoder
{
    RowEventDecoder(final TardisRowCursor row)
    {
        super(row);
    }

    @Override
    final boolean next(final MarketDataEvent out) throws IOException
    {
        while (row.nextRow())
        {
            if (decode(out))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes the current row into {@code out}.
     *
     * @return false if the row was bad (already reported) and is to be skipped
     */
    abstract boolean decode(MarketDataEvent out);
}
