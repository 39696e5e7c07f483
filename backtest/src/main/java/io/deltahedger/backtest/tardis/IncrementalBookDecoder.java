package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.deltahedger.backtest.tardis.TardisRowCursor.PRESENT;

/**
 * {@code incremental_book_L2} rows to book events, following Tardis's documented semantics:
 * <ul>
 *   <li>Consecutive rows of one symbol with the same {@code local_timestamp} and {@code is_snapshot} came in one
 *       exchange message: they form one event, levels in file order, amounts absolute (0 removes the level; removing
 *       an absent level is a no-op). A bad row ends the group (the rest of the message is a second event), so
 *       every report comes in line order.</li>
 *   <li>A group of {@code is_snapshot=true} rows after non-snapshot rows (or first in the file) starts a new book:
 *       a {@link MarketDataType#BOOK_SNAPSHOT} (the book is discarded first). Snapshot groups that directly follow
 *       it (a snapshot spread over several messages) are {@link MarketDataType#BOOK_CHANGE}s adding to it.</li>
 *   <li>Non-snapshot rows of a symbol before its first snapshot are buffered updates from before the exchange's
 *       snapshot: skipped and counted ({@link #rowsBeforeFirstSnapshot()}), not bad rows.</li>
 *   <li>Tardis has no change ids, so sequences are synthesised per instrument: each event's
 *       {@link MarketDataEvent#prevSequence()} is the previous event's {@link MarketDataEvent#sequence()}, and an
 *       {@link L2Book} applies them in order.</li>
 *   <li>The decoder keeps its own book per instrument: a group that would leave the best bid at or above the best
 *       ask is a CROSSED_BOOK bad row (reported at the group's first line) and is skipped whole, so the book
 *       downstream stays what it was before the group. A crossed snapshot is skipped and the instrument's changes
 *       are skipped until its next snapshot.</li>
 * </ul>
 * One row of look-ahead is held as primitives, so memory is one line buffer, one event and a book per instrument.
 */
final class IncrementalBookDecoder extends RowDecoder
{
    private static final int IS_SNAPSHOT = 4;
    private static final int SIDE = 5;
    private static final int PRICE = 6;
    private static final int AMOUNT = 7;

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BID = "bid".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ASK = "ask".getBytes(StandardCharsets.US_ASCII);

    /** Levels per side pre-allocated in each instrument's book (Deribit's full depth is a few hundred). */
    private static final int BOOK_LEVELS = 256;

    // The look-ahead row.
    private boolean pending;
    private Venue pendingVenue;
    private int pendingInstrument;
    private long pendingTimestampUs;
    private long pendingLocalTimestampUs;
    private boolean pendingSnapshot;
    private boolean pendingBid;
    private long pendingTicks;
    private long pendingLots;
    private long pendingLine;

    // Per instrument index.
    private L2Book[] books = new L2Book[16];
    private long[] sequences = new long[16];
    private boolean[] seenSnapshot = new boolean[16];
    private boolean[] inSnapshot = new boolean[16];

    private long[] previousBidLots = new long[64];
    private long[] previousAskLots = new long[64];
    private long rowsBeforeFirstSnapshot;

    IncrementalBookDecoder(final TardisRowCursor row)
    {
        super(row);
    }

    /** Non-snapshot rows skipped because their symbol had no snapshot yet in this file. */
    long rowsBeforeFirstSnapshot()
    {
        return rowsBeforeFirstSnapshot;
    }

    @Override
    boolean next(final MarketDataEvent out) throws IOException
    {
        while (true)
        {
            // A bad row that closed the previous group is reported after that group's own problems.
            row.flushHeld();
            if (!pending && !readRow())
            {
                return false;
            }
            final int instrument = pendingInstrument;
            final long localTimestampUs = pendingLocalTimestampUs;
            final boolean snapshot = pendingSnapshot;
            out.clear();
            out.header(pendingVenue, MarketDataType.BOOK_CHANGE, instrument, Math.floorDiv(pendingTimestampUs, 1000L));
            eventTimestampUs = pendingTimestampUs;
            eventLocalTimestampUs = localTimestampUs;
            firstLine = pendingLine;
            boolean overflow = false;
            int rows = 0;
            row.hold(true);
            try
            {
                do
                {
                    overflow |= !(pendingBid ? out.bids() : out.asks()).add(pendingTicks, pendingLots);
                    rows++;
                    pending = false;
                }
                while (readOne() == TardisRowCursor.ROW && pendingInstrument == instrument
                    && pendingLocalTimestampUs == localTimestampUs && pendingSnapshot == snapshot);
            }
            finally
            {
                row.hold(false);
            }

            if (overflow)
            {
                row.badAt(firstLine, BadRowKind.MALFORMED_ROW, "more than " + Levels.MAX_LEVELS
                    + " levels on one side at local_timestamp " + localTimestampUs + "; the group is skipped");
                continue;
            }
            ensureCapacity(instrument);
            if (snapshot && !inSnapshot[instrument])
            {
                if (applySnapshot(out, instrument))
                {
                    return true;
                }
            }
            else if (!seenSnapshot[instrument])
            {
                rowsBeforeFirstSnapshot += rows;
                inSnapshot[instrument] = snapshot;
            }
            else if (applyChange(out, instrument, snapshot))
            {
                return true;
            }
        }
    }

    private boolean applySnapshot(final MarketDataEvent out, final int instrument)
    {
        final long bestBid = best(out.bids(), true);
        final long bestAsk = best(out.asks(), false);
        inSnapshot[instrument] = true;
        if (bestBid != L2Book.NO_PRICE && bestAsk != L2Book.NO_PRICE && bestBid >= bestAsk)
        {
            seenSnapshot[instrument] = false;
            reportCrossed(instrument, bestBid, bestAsk);
            return false;
        }
        final long sequence = ++sequences[instrument];
        book(instrument).applySnapshot(sequence, out.venueTimestampMs(), out.bids(), out.asks());
        seenSnapshot[instrument] = true;
        out.type(MarketDataType.BOOK_SNAPSHOT);
        out.sequence(sequence);
        return true;
    }

    private boolean applyChange(final MarketDataEvent out, final int instrument, final boolean snapshot)
    {
        // Whether a later snapshot resets the book depends on the file's rows, accepted or not (Tardis: "if the last
        // update was not a snapshot and the current one is"), so this is recorded before the crossed check.
        inSnapshot[instrument] = snapshot;
        final L2Book book = book(instrument);
        final Levels bids = out.bids();
        final Levels asks = out.asks();
        previousBidLots = remember(book, Side.BUY, bids, previousBidLots);
        previousAskLots = remember(book, Side.SELL, asks, previousAskLots);
        set(book, Side.BUY, bids);
        set(book, Side.SELL, asks);
        final long bestBid = book.bestBidTicks();
        final long bestAsk = book.bestAskTicks();
        if (bestBid != L2Book.NO_PRICE && bestAsk != L2Book.NO_PRICE && bestBid >= bestAsk)
        {
            // Undo in reverse order so a price repeated within the group gets its size from before the group.
            revert(book, Side.SELL, asks, previousAskLots);
            revert(book, Side.BUY, bids, previousBidLots);
            reportCrossed(instrument, bestBid, bestAsk);
            return false;
        }
        out.prevSequence(sequences[instrument]);
        out.sequence(++sequences[instrument]);
        return true;
    }

    private void reportCrossed(final int instrument, final long bestBid, final long bestAsk)
    {
        final Instrument spec = row.instrumentAt(instrument);
        final DecimalGrid grid = spec.priceGrid();
        row.badAt(firstLine, BadRowKind.CROSSED_BOOK, "the book of " + spec.canonicalId()
            + " would have best bid " + grid.format(bestBid) + " at or above best ask " + grid.format(bestAsk)
            + " after the group at local_timestamp " + eventLocalTimestampUs + "; the group is skipped");
    }

    /** Reads the next good row into the look-ahead, reporting bad rows; false at the end of the file. */
    private boolean readRow() throws IOException
    {
        int status;
        while ((status = readOne()) == TardisRowCursor.SKIPPED)
        {
            row.flushHeld();
        }
        return status == TardisRowCursor.ROW;
    }

    /** Reads one line into the look-ahead: {@code ROW}, {@code SKIPPED} (a bad row) or {@code END}. */
    private int readOne() throws IOException
    {
        final int status = row.nextLine();
        if (status != TardisRowCursor.ROW)
        {
            return status;
        }
        final boolean snapshot;
        if (row.is(IS_SNAPSHOT, TRUE))
        {
            snapshot = true;
        }
        else if (row.is(IS_SNAPSHOT, FALSE))
        {
            snapshot = false;
        }
        else
        {
            badVocabulary(IS_SNAPSHOT, "is not true or false");
            return TardisRowCursor.SKIPPED;
        }
        final boolean bid;
        if (row.is(SIDE, BID))
        {
            bid = true;
        }
        else if (row.is(SIDE, ASK))
        {
            bid = false;
        }
        else
        {
            badVocabulary(SIDE, "is not bid or ask");
            return TardisRowCursor.SKIPPED;
        }
        if (row.ticks(PRICE, true, true) != PRESENT)
        {
            return TardisRowCursor.SKIPPED;
        }
        final long ticks = row.units;
        if (row.lots(AMOUNT, true, false) != PRESENT)
        {
            return TardisRowCursor.SKIPPED;
        }
        pending = true;
        pendingVenue = row.venue();
        pendingInstrument = row.instrumentIndex();
        pendingTimestampUs = row.timestampUs();
        pendingLocalTimestampUs = row.localTimestampUs();
        pendingSnapshot = snapshot;
        pendingBid = bid;
        pendingTicks = ticks;
        pendingLots = row.units;
        pendingLine = row.lineNumber();
        return TardisRowCursor.ROW;
    }

    private void badVocabulary(final int column, final String problem)
    {
        if (row.isEmpty(column))
        {
            row.badCell(BadRowKind.MISSING_FIELD, column, "is empty");
        }
        else
        {
            row.badCell(BadRowKind.INVALID_VALUE, column, problem);
        }
    }

    private static long best(final Levels levels, final boolean bids)
    {
        long best = L2Book.NO_PRICE;
        for (int i = 0, n = levels.count(); i < n; i++)
        {
            if (levels.sizeLots(i) > 0)
            {
                final long price = levels.priceTicks(i);
                if (best == L2Book.NO_PRICE || (bids ? price > best : price < best))
                {
                    best = price;
                }
            }
        }
        return best;
    }

    private static long[] remember(final L2Book book, final Side side, final Levels levels, final long[] into)
    {
        final long[] out = into.length >= levels.count() ? into : new long[Math.max(levels.count(), into.length * 2)];
        for (int i = 0, n = levels.count(); i < n; i++)
        {
            out[i] = book.sizeAtPrice(side, levels.priceTicks(i));
        }
        return out;
    }

    private static void set(final L2Book book, final Side side, final Levels levels)
    {
        for (int i = 0, n = levels.count(); i < n; i++)
        {
            book.setLevel(side, levels.priceTicks(i), levels.sizeLots(i));
        }
    }

    private static void revert(final L2Book book, final Side side, final Levels levels, final long[] previous)
    {
        for (int i = levels.count() - 1; i >= 0; i--)
        {
            book.setLevel(side, levels.priceTicks(i), previous[i]);
        }
    }

    private L2Book book(final int instrument)
    {
        L2Book book = books[instrument];
        if (book == null)
        {
            book = new L2Book(instrument, BOOK_LEVELS);
            books[instrument] = book;
        }
        return book;
    }

    private void ensureCapacity(final int instrument)
    {
        if (instrument >= books.length)
        {
            final int capacity = Math.max(instrument + 1, books.length * 2);
            books = Arrays.copyOf(books, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            seenSnapshot = Arrays.copyOf(seenSnapshot, capacity);
            inSnapshot = Arrays.copyOf(inSnapshot, capacity);
        }
    }
}
