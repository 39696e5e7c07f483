package io.deltahedger.hedger.routing;

import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;

import java.util.Arrays;

/**
 * What the planner sees of the market, kept by the stage that plans (its single writer and only reader, so the books
 * it walks are exactly the state after the event being decided, whatever the stage threading): an {@link L2Book} and
 * the last mark of every tracked (candidate) instrument, and per margin-book account the last reported equity,
 * maintenance margin and the positions of its tracked instruments.
 *
 * <p>Books: {@code BOOK_SNAPSHOT} and {@code BOOK_CHANGE} events drive the book with the venue's sequence checks (a gap
 * or a crossed book makes it invalid until the next snapshot). An instrument whose adapter subscribes only to the
 * ticker gets a one-level book from each ticker's best bid and ask (the only depth such a feed shows); once a depth
 * snapshot has arrived for it, tickers no longer touch its book. A session that is not {@link ConnectionState#LIVE}
 * invalidates the books of its account (changes may have been missed).
 *
 * <p>Instrument and account ids are the margin book's. Allocation-free in steady state; not thread-safe.
 */
public final class PlanningMarket
{
    private static final int INITIAL_LEVELS = 64;

    private final MarginBook book;
    private final L2Book[] books;
    private final boolean[] depthFeed;
    private final double[] mark;
    private final long[] positionLots;
    private final boolean[] hasSnapshot;
    private final double[] equity;
    private final double[] maintenanceMargin;
    private final Levels topBid = new Levels(1);
    private final Levels topAsk = new Levels(1);

    /** @param book the margin book, read only for its static registry (instruments, accounts, price grids) */
    public PlanningMarket(final MarginBook book)
    {
        this.book = book;
        books = new L2Book[book.maxInstruments()];
        depthFeed = new boolean[book.maxInstruments()];
        mark = new double[book.maxInstruments()];
        positionLots = new long[book.maxInstruments()];
        hasSnapshot = new boolean[book.maxAccounts()];
        equity = new double[book.maxAccounts()];
        maintenanceMargin = new double[book.maxAccounts()];
        Arrays.fill(mark, Double.NaN);
    }

    /** Starts keeping a book and a mark for a registered instrument (at construction, before any event). */
    public void track(final int instrumentId)
    {
        if (!book.isInstrument(instrumentId))
        {
            throw new IllegalArgumentException("cannot track instrument id " + instrumentId
                + ": not registered in the margin book (0.." + (book.instrumentCount() - 1) + ")");
        }
        if (books[instrumentId] == null)
        {
            books[instrumentId] = new L2Book(instrumentId, INITIAL_LEVELS);
        }
    }

    public boolean tracked(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < books.length && books[instrumentId] != null;
    }

    /** Applies a market-data event whose {@code instrumentIndex} is a margin-book id; untracked instruments are ignored. */
    public void onMarketData(final MarketDataEvent md)
    {
        final int i = md.instrumentIndex();
        if (!tracked(i))
        {
            return;
        }
        final MarketDataType type = md.type();
        if (type == MarketDataType.BOOK_SNAPSHOT)
        {
            depthFeed[i] = true;
            books[i].apply(md);
        }
        else if (type == MarketDataType.BOOK_CHANGE && depthFeed[i])
        {
            // a change chains on a depth snapshot only; on a ticker-built book it would mix two feeds
            books[i].apply(md);
        }
        else if (type == MarketDataType.TICKER)
        {
            if (md.has(TickerField.MARK_PRICE))
            {
                mark[i] = md.markPrice();
            }
            if (!depthFeed[i] && (md.has(TickerField.BEST_BID) || md.has(TickerField.BEST_ASK)))
            {
                topOfBook(i, md);
            }
        }
    }

    private void topOfBook(final int i, final MarketDataEvent md)
    {
        topBid.clear();
        topAsk.clear();
        if (md.has(TickerField.BEST_BID) && md.bestBidTicks() > 0 && md.bestBidLots() > 0)
        {
            topBid.add(md.bestBidTicks(), md.bestBidLots());
        }
        if (md.has(TickerField.BEST_ASK) && md.bestAskTicks() > 0 && md.bestAskLots() > 0)
        {
            topAsk.add(md.bestAskTicks(), md.bestAskLots());
        }
        books[i].applySnapshot(MarketDataEvent.NO_SEQUENCE, md.venueTimestampMs(), topBid, topAsk);
    }

    /** A session's state: anything but LIVE invalidates the books of the account's tracked instruments. */
    public void onConnectionState(final int accountId, final ConnectionState state)
    {
        if (state == ConnectionState.LIVE || !book.isAccount(accountId))
        {
            return;
        }
        for (int k = 0, n = book.accountInstrumentCount(accountId); k < n; k++)
        {
            final int i = book.accountInstrument(accountId, k);
            if (books[i] != null)
            {
                books[i].invalidate(BookUpdate.STALE);
            }
        }
    }

    /** An account report: equity, maintenance margin and the positions of its tracked instruments (absent = flat). */
    public void onAccount(final int accountId, final AccountSnapshot snapshot)
    {
        if (!book.isAccount(accountId))
        {
            throw new IllegalArgumentException("account snapshot for unknown margin-book account id " + accountId);
        }
        hasSnapshot[accountId] = true;
        equity[accountId] = snapshot.equity();
        maintenanceMargin[accountId] = snapshot.maintenanceMargin();
        final int n = snapshot.positions().size();
        for (int k = 0, count = book.accountInstrumentCount(accountId); k < count; k++)
        {
            final int i = book.accountInstrument(accountId, k);
            if (books[i] == null)
            {
                continue;
            }
            final Instrument registered = book.venueInstrument(i);
            long lots = 0;
            for (int p = 0; p < n; p++)
            {
                final Position position = snapshot.positions().get(p);
                if (position.instrument().venue() == registered.venue()
                    && position.instrument().nativeName().equals(registered.nativeName()))
                {
                    lots = position.sizeLots();
                }
            }
            positionLots[i] = lots;
        }
    }

    /** The instrument's book (tracked instruments only). */
    public L2Book book(final int instrumentId)
    {
        return books[instrumentId];
    }

    /** Whether the instrument's book is valid and its mark a finite positive price. */
    public boolean usable(final int instrumentId)
    {
        final double m = mark[instrumentId];
        return books[instrumentId] != null && books[instrumentId].state() == BookState.VALID
            && m > 0.0 && m < Double.POSITIVE_INFINITY;
    }

    /** The last mark in the instrument's quote currency, NaN before the first. */
    public double mark(final int instrumentId)
    {
        return mark[instrumentId];
    }

    /** The last reported signed position in lots (0 before the first snapshot). */
    public long positionLots(final int instrumentId)
    {
        return positionLots[instrumentId];
    }

    public boolean hasSnapshot(final int accountId)
    {
        return hasSnapshot[accountId];
    }

    /** Reported equity (margin balance) in the account currency. */
    public double equity(final int accountId)
    {
        return equity[accountId];
    }

    /** Reported maintenance margin in the account currency. */
    public double maintenanceMargin(final int accountId)
    {
        return maintenanceMargin[accountId];
    }
}
