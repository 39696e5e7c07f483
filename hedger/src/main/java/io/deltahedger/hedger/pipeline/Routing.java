package io.deltahedger.hedger.pipeline;

import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.InstrumentKind;

import java.util.Arrays;

/**
 * The pipeline's static tables, resolved once at construction and read-only afterwards (safe to share between stage
 * threads, which start after it is built). Instrument ids are the margin book's: a market-data event's
 * {@code instrumentIndex} is the margin-book id of its instrument.
 */
final class Routing
{
    final int instrumentCount;
    /** Per instrument: the hedged portfolio underlying it belongs to, or -1. */
    final int[] instrumentUnderlying;
    /** Per instrument: its venue. */
    final Venue[] instrumentVenue;
    /** Per instrument: its portfolio option index (same canonical id), or -1. */
    final int[] portfolioOption;
    /** Per instrument: true for options (mark IVs are volatilities). */
    final boolean[] isOption;

    final int underlyingCount;
    /** Per portfolio underlying: its route, or null if not hedged. */
    final HedgeRoute[] route;
    /** Per portfolio underlying: the margin-book id of its hedge instrument, or -1. */
    final int[] hedgeInstrument;
    /** Per portfolio underlying: the margin-book account of its hedge instrument, or -1. */
    final int[] hedgeAccount;
    /** Per portfolio underlying: the margin-book ids of its route's candidates in route order (empty if not hedged). */
    final int[][] candidateInstrument;
    /** Per portfolio underlying: the margin-book accounts of its route's candidates in route order. */
    final int[][] candidateAccount;
    /** Per instrument: its index among its underlying's candidates, or -1. */
    final int[] candidateIndex;
    /** Per instrument: the margin-book account it is registered on. */
    final int[] instrumentAccount;
    /** Book capacity in accounts (account ids are below it). */
    final int accountCount;
    /** Per registered account: its venue. */
    final Venue[] accountVenue;

    Routing(final PipelineConfig config, final Portfolio portfolio, final MarginBook book)
    {
        instrumentCount = book.instrumentCount();
        underlyingCount = portfolio.underlyingCount();
        accountCount = book.maxAccounts();
        route = new HedgeRoute[underlyingCount];
        hedgeInstrument = new int[underlyingCount];
        hedgeAccount = new int[underlyingCount];
        Arrays.fill(hedgeInstrument, -1);
        Arrays.fill(hedgeAccount, -1);
        candidateInstrument = new int[underlyingCount][0];
        candidateAccount = new int[underlyingCount][0];
        candidateIndex = new int[instrumentCount];
        Arrays.fill(candidateIndex, -1);
        for (final HedgeRoute r : config.routes())
        {
            final String name = r.policy().underlying();
            final int u = portfolio.underlyingIndex(name);
            final int n = r.candidates().size();
            candidateInstrument[u] = new int[n];
            candidateAccount[u] = new int[n];
            for (int c = 0; c < n; c++)
            {
                final String id = r.candidates().get(c).instrument();
                final int h = book.instrumentId(id);
                if (h < 0)
                {
                    throw new IllegalArgumentException("hedge instrument '" + id + "' of " + name
                        + " is not registered in the margin book: register it with MarginBook.addInstrument first");
                }
                final MarginInstrument instrument = book.instrument(h);
                if (instrument.kind() == InstrumentKind.OPTION || !instrument.underlying().equals(name))
                {
                    throw new IllegalArgumentException("hedge instrument '" + id + "' of " + name
                        + " must be a delta-one instrument on " + name + ", was a " + instrument.kind() + " on "
                        + instrument.underlying() + ": e.g. a perpetual of " + name);
                }
                candidateInstrument[u][c] = h;
                candidateAccount[u][c] = book.accountOf(h);
                candidateIndex[h] = c;
            }
            route[u] = r;
            hedgeInstrument[u] = candidateInstrument[u][0];
            hedgeAccount[u] = candidateAccount[u][0];
        }
        accountVenue = new Venue[book.accountCount()];
        for (int a = 0; a < accountVenue.length; a++)
        {
            accountVenue[a] = book.venue(a);
        }
        instrumentAccount = new int[instrumentCount];

        instrumentUnderlying = new int[instrumentCount];
        instrumentVenue = new Venue[instrumentCount];
        portfolioOption = new int[instrumentCount];
        isOption = new boolean[instrumentCount];
        Arrays.fill(portfolioOption, -1);
        for (int i = 0; i < instrumentCount; i++)
        {
            final MarginInstrument instrument = book.instrument(i);
            instrumentVenue[i] = book.venue(book.accountOf(i));
            instrumentAccount[i] = book.accountOf(i);
            isOption[i] = instrument.isOption();
            instrumentUnderlying[i] = -1;
            for (int u = 0; u < underlyingCount; u++)
            {
                if (route[u] != null && portfolio.underlying(u).equals(instrument.underlying()))
                {
                    instrumentUnderlying[i] = u;
                }
            }
        }
        for (int o = 0; o < portfolio.optionCount(); o++)
        {
            final int i = book.instrumentId(portfolio.optionInstrument(o));
            if (i >= 0)
            {
                portfolioOption[i] = o;
            }
        }
    }

    /**
     * The one margin-book account on a venue, for callers that only know the venue (a connection tracker).
     *
     * @throws IllegalArgumentException when no account or several accounts are on that venue: publish per account id
     */
    int soleAccountOn(final Venue venue)
    {
        int found = -1;
        for (int a = 0; a < accountVenue.length; a++)
        {
            if (accountVenue[a] == venue)
            {
                if (found >= 0)
                {
                    throw new IllegalArgumentException("connection state for venue " + venue.code() + " is ambiguous: "
                        + "margin-book accounts " + found + " and " + a + " are both on it; publish it per account id");
                }
                found = a;
            }
        }
        if (found < 0)
        {
            throw new IllegalArgumentException("connection state for venue " + venue.code() + " which has no account "
                + "in the margin book: register the account first, or publish per account id");
        }
        return found;
    }

    /** The instrument id of a market-data event, checked: an unregistered id is a wiring error of the adapter. */
    int checkedInstrument(final int instrumentIndex)
    {
        if (instrumentIndex < 0 || instrumentIndex >= instrumentCount)
        {
            throw new IllegalArgumentException("market data for instrument index " + instrumentIndex
                + " which is not a margin-book instrument id (0.." + (instrumentCount - 1)
                + "): adapters must publish the margin book's ids");
        }
        return instrumentIndex;
    }

    /** The portfolio index of a hedged underlying by name, or -1 if it is not hedged. */
    int routedUnderlying(final String name)
    {
        for (int u = 0; u < underlyingCount; u++)
        {
            if (route[u] != null && route[u].policy().underlying().equals(name))
            {
                return u;
            }
        }
        return -1;
    }

    /** The names of the hedged underlyings, for messages. */
    java.util.List<String> routedUnderlyings()
    {
        final java.util.List<String> names = new java.util.ArrayList<>();
        for (int u = 0; u < underlyingCount; u++)
        {
            if (route[u] != null)
            {
                names.add(route[u].policy().underlying());
            }
        }
        return names;
    }
}
