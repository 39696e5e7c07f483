package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.EventHandler;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;

import java.util.Arrays;

/**
 * Stage 1: market state. Keeps, per instrument, the last mark and the time of its last mark and book update; per
 * hedged underlying, the index and which account's feed sent it; per margin-book account, the connection state of its
 * session and its snapshot time. Writes on each event the underlying it moved, the spot and primary hedge mark after
 * it, the route's candidates that may be traded ({@link PipelineEvent#usableCandidates()}) and the stale-data guard's
 * finding for that underlying at the event's time. Owns its state on its own thread; allocation-free.
 *
 * <p>Guard (docs/hedging.md "Routing and admission"): a candidate is usable when its account's session is LIVE and
 * its mark, its book (a book event or a ticker best bid/ask) and its account's snapshot are each at most
 * {@code maxInputAgeMs} old, with a finite positive mark. The finding is {@link PipelineResult#CONNECTION_NOT_LIVE}
 * when the account of the last index is not LIVE or no candidate's account is (an account never heard from is not);
 * else {@link PipelineResult#STALE_INPUT} when the index is missing or too old or no candidate is usable. The book's
 * own validity (sequence gaps, crossed) is judged where it is walked, by the planning stage.
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
    private final int[] indexAccount;
    private final long[] accountMs;
    private final ConnectionState[] connection;

    MarketStateStage(final Routing routing, final long maxAgeMs)
    {
        this.routing = routing;
        this.maxAgeMs = maxAgeMs;
        mark = new double[routing.instrumentCount];
        markMs = new long[routing.instrumentCount];
        bookMs = new long[routing.instrumentCount];
        index = new double[routing.underlyingCount];
        indexMs = new long[routing.underlyingCount];
        indexAccount = new int[routing.underlyingCount];
        accountMs = new long[routing.accountCount];
        connection = new ConnectionState[routing.accountCount];
        Arrays.fill(mark, Double.NaN);
        Arrays.fill(markMs, NEVER);
        Arrays.fill(bookMs, NEVER);
        Arrays.fill(index, Double.NaN);
        Arrays.fill(indexMs, NEVER);
        Arrays.fill(indexAccount, -1);
        Arrays.fill(accountMs, NEVER);
        Arrays.fill(connection, ConnectionState.CONNECTING);
    }

    @Override
    public void onEvent(final PipelineEvent event, final long sequence, final boolean endOfBatch)
    {
        switch (event.kind)
        {
            case MARKET_DATA -> onMarketData(event);
            case CONNECTION_STATE -> connection[event.accountId] = event.connectionState;
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
            event.underlying = u;
            event.spot = index[u];
            event.hedgeMark = mark[routing.hedgeInstrument[u]];
            event.guard = guard(event, u, now);
        }
    }

    private void setIndex(final int u, final double price, final int instrument, final long now)
    {
        // A non-finite or non-positive index is not a price: keep the last one, which then ages into STALE_INPUT.
        if (price > 0.0 && price < Double.POSITIVE_INFINITY)
        {
            index[u] = price;
            indexMs[u] = now;
            indexAccount[u] = routing.instrumentAccount[instrument];
        }
    }

    private PipelineResult guard(final PipelineEvent event, final int u, final long now)
    {
        if (indexAccount[u] >= 0 && connection[indexAccount[u]] != ConnectionState.LIVE)
        {
            return PipelineResult.CONNECTION_NOT_LIVE;
        }
        final int[] instruments = routing.candidateInstrument[u];
        final int[] accounts = routing.candidateAccount[u];
        boolean anyLive = false;
        int usable = 0;
        for (int c = 0; c < instruments.length; c++)
        {
            final int i = instruments[c];
            final int a = accounts[c];
            if (connection[a] != ConnectionState.LIVE)
            {
                continue;
            }
            anyLive = true;
            if (!stale(markMs[i], now) && !stale(bookMs[i], now) && !stale(accountMs[a], now)
                && mark[i] > 0.0 && mark[i] < Double.POSITIVE_INFINITY)
            {
                usable |= 1 << c;
            }
        }
        if (!anyLive)
        {
            return PipelineResult.CONNECTION_NOT_LIVE;
        }
        if (stale(indexMs[u], now) || usable == 0)
        {
            return PipelineResult.STALE_INPUT;
        }
        event.usableCandidates = usable;
        return null;
    }

    private boolean stale(final long atMs, final long now)
    {
        return atMs == NEVER || now - atMs > maxAgeMs;
    }
}
