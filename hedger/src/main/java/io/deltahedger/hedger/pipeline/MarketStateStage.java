package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.EventHandler;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;

import java.util.Arrays;

/**
 * Stage 1: market state. Keeps, per instrument, the last mark and the time of its last mark and book update; per
 * hedged underlying, the index and which venue sent it; per venue, the connection state; per account, the snapshot
 * time. Writes on each event the underlying it moved, the spot and hedge mark after it, and the stale-data guard's
 * finding for that underlying at the event's time. Owns its state on its own thread; allocation-free.
 *
 * <p>Guard (docs/hedging.md "Pipeline"): {@link PipelineResult#CONNECTION_NOT_LIVE} unless the hedge instrument's venue
 * and the venue of the last index are LIVE (a venue never heard from is not); else {@link PipelineResult#STALE_INPUT}
 * if the hedge instrument's mark, its book (a book event or a ticker best bid/ask), the index or the hedge account's
 * snapshot is missing or older than {@code maxInputAgeMs}.
 */
final class MarketStateStage implements EventHandler<PipelineEvent>
{
    private static final long NEVER = Long.MIN_VALUE;

    private final Routing routing;
    private final long maxAgeMs;
    private final double[] mark;
    private final long[] markMs;
    private final long[] bookMs;
    private final double[] index;
    private final long[] indexMs;
    private final Venue[] indexVenue;
    private final long[] accountMs;
    private final ConnectionState[] connection = new ConnectionState[Venue.values().length];

    MarketStateStage(final Routing routing, final long maxAgeMs)
    {
        this.routing = routing;
        this.maxAgeMs = maxAgeMs;
        mark = new double[routing.instrumentCount];
        markMs = new long[routing.instrumentCount];
        bookMs = new long[routing.instrumentCount];
        index = new double[routing.underlyingCount];
        indexMs = new long[routing.underlyingCount];
        indexVenue = new Venue[routing.underlyingCount];
        accountMs = new long[routing.accountCount];
        Arrays.fill(mark, Double.NaN);
        Arrays.fill(markMs, NEVER);
        Arrays.fill(bookMs, NEVER);
        Arrays.fill(index, Double.NaN);
        Arrays.fill(indexMs, NEVER);
        Arrays.fill(accountMs, NEVER);
        Arrays.fill(connection, ConnectionState.CONNECTING);
    }

    @Override
    public void onEvent(final PipelineEvent event, final long sequence, final boolean endOfBatch)
    {
        switch (event.kind)
        {
            case MARKET_DATA -> onMarketData(event);
            case CONNECTION_STATE -> connection[event.connectionVenue.ordinal()] = event.connectionState;
            case ACCOUNT -> accountMs[event.accountId] = event.account.timestampMs();
            default ->
            {
            }
        }
    }

    private void onMarketData(final PipelineEvent event)
    {
        final MarketDataEvent md = event.marketData();
        final int i = routing.checkedInstrument(md.instrumentIndex());
        final int u = routing.instrumentUnderlying[i];
        final long now = event.nowMs;
        final MarketDataType type = md.type();
        boolean moved = false;
        if (type == MarketDataType.TICKER)
        {
            if (md.has(TickerField.MARK_PRICE))
            {
                mark[i] = md.markPrice();
                markMs[i] = now;
            }
            if (md.has(TickerField.BEST_BID) || md.has(TickerField.BEST_ASK))
            {
                bookMs[i] = now;
            }
            if (md.has(TickerField.INDEX_PRICE) && u >= 0)
            {
                setIndex(u, md.indexPrice(), i, now);
            }
            moved = true;
        }
        else if (type == MarketDataType.BOOK_SNAPSHOT || type == MarketDataType.BOOK_CHANGE)
        {
            bookMs[i] = now;
            moved = true;
        }
        else if (type == MarketDataType.INDEX_PRICE && u >= 0)
        {
            setIndex(u, md.indexPrice(), i, now);
            moved = true;
        }
        if (moved && u >= 0)
        {
            final int h = routing.hedgeInstrument[u];
            event.underlying = u;
            event.spot = index[u];
            event.hedgeMark = mark[h];
            event.guard = guard(u, h, now);
        }
    }

    private void setIndex(final int u, final double price, final int instrument, final long now)
    {
        // A non-finite or non-positive index is not a price: keep the last one, which then ages into STALE_INPUT.
        if (price > 0.0 && price < Double.POSITIVE_INFINITY)
        {
            index[u] = price;
            indexMs[u] = now;
            indexVenue[u] = routing.instrumentVenue[instrument];
        }
    }

    private PipelineResult guard(final int u, final int h, final long now)
    {
        if (connection[routing.instrumentVenue[h].ordinal()] != ConnectionState.LIVE
            || (indexVenue[u] != null && connection[indexVenue[u].ordinal()] != ConnectionState.LIVE))
        {
            return PipelineResult.CONNECTION_NOT_LIVE;
        }
        if (stale(markMs[h], now) || stale(bookMs[h], now) || stale(indexMs[u], now)
            || stale(accountMs[routing.hedgeAccount[u]], now) || !(mark[h] > 0.0 && mark[h] < Double.POSITIVE_INFINITY))
        {
            return PipelineResult.STALE_INPUT;
        }
        return null;
    }

    private boolean stale(final long atMs, final long now)
    {
        return atMs == NEVER || now - atMs > maxAgeMs;
    }
}
