package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;


import static io.deltahedger.backtest.tardis.TardisRowCursor.ABSENT;
import static io.deltahedger.backtest.tardis.TardisRowCursor.BAD;

/**
 * {@code book_snapshot_25} / {@code book_snapshot_5} rows to {@link MarketDataType#BOOK_SNAPSHOT} events: level
 * {@code i} of each side from {@code asks[i].price, asks[i].amount, bids[i].price, bids[i].amount}, best first. A
 * side with fewer levels has empty cells from some index on; a level with only one of its two cells, a level
 * after an empty one, or a best bid at or above the best ask is a bad row. Tardis gives no sequence numbers: the
 * event's sequence counts the instrument's snapshots in this file (1, 2, ...).
 */
final class BookSnapshotDecoder extends RowEventDecoder
{
    private static final int FIRST_LEVEL = 4;

    private final int levels;
    private long[] sequences = new long[16];

    BookSnapshotDecoder(final TardisRowCursor row, final int levels)
    {
        super(row);
        this.levels = levels;
    }

    @Override
    boolean decode(final MarketDataEvent out)
    {
        start(out, MarketDataType.BOOK_SNAPSHOT);
        if (!side(out.asks(), 0) || !side(out.bids(), 2))
        {
            return false;
        }
        final Levels bids = out.bids();
        final Levels asks = out.asks();
        if (bids.count() > 0 && asks.count() > 0 && bids.priceTicks(0) >= asks.priceTicks(0))
        {
            row.bad(BadRowKind.CROSSED_BOOK, "best bid " + row.instrument().priceGrid().format(bids.priceTicks(0))
                + " is at or above best ask " + row.instrument().priceGrid().format(asks.priceTicks(0)));
            return false;
        }
        final int index = row.instrumentIndex();
        if (index >= sequences.length)
        {
            sequences = java.util.Arrays.copyOf(sequences, Math.max(index + 1, sequences.length * 2));
        }
        out.sequence(++sequences[index]);
        return true;
    }

    /** Reads one side's levels; {@code offset} is 0 for asks and 2 for bids within each level's four columns. */
    private boolean side(final Levels out, final int offset)
    {
        boolean ended = false;
        long previous = 0;
        for (int i = 0; i < levels; i++)
        {
            final int priceColumn = FIRST_LEVEL + 4 * i + offset;
            final int price = row.ticks(priceColumn, false, true);
            if (price == BAD)
            {
                return false;
            }
            final long ticks = row.units;
            final int amount = row.lots(priceColumn + 1, price != ABSENT, true);
            if (amount == BAD)
            {
                return false;
            }
            if (price == ABSENT)
            {
                if (amount != ABSENT)
                {
                    row.badCell(BadRowKind.MISSING_FIELD, priceColumn, "is empty while the amount is given");
                    return false;
                }
                ended = true;
                continue;
            }
            if (ended)
            {
                row.badCell(BadRowKind.MALFORMED_ROW, priceColumn, "follows an empty level");
                return false;
            }
            if (i > 0 && (offset == 0 ? ticks <= previous : ticks >= previous))
            {
                row.badCell(BadRowKind.INVALID_VALUE, priceColumn, "is not worse than the level before it");
                return false;
            }
            previous = ticks;
            out.add(ticks, row.units);
        }
        return true;
    }
}
