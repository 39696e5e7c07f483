package io.deltahedger.hedger.execution;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.order.AmendRequest;
import io.deltahedger.venues.order.CancelRequest;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.VenueGateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A venue gateway that records what it is asked and answers with scripted results (SENT when the script is empty).
 * Thread-safe: the pipeline calls it from its stage thread while the test reads it.
 */
public final class RecordingGateway implements VenueGateway
{
    private final Venue venue;
    private final List<OrderRequest> placed = new ArrayList<>();
    private final List<SendResult> results = new ArrayList<>();
    private final Deque<SendResult> script = new ArrayDeque<>();
    private int cancelAlls;
    private int accountRequests;

    public RecordingGateway(final Venue venue)
    {
        this.venue = venue;
    }

    /** The next place() calls answer these, in order. */
    public synchronized RecordingGateway answer(final SendResult... results)
    {
        script.addAll(List.of(results));
        return this;
    }

    public synchronized List<OrderRequest> placed()
    {
        return List.copyOf(placed);
    }

    /** What each {@link #placed()} call was answered. */
    public synchronized List<SendResult> results()
    {
        return List.copyOf(results);
    }

    public synchronized OrderRequest last()
    {
        return placed.get(placed.size() - 1);
    }

    public synchronized int cancelAlls()
    {
        return cancelAlls;
    }

    public synchronized int accountRequests()
    {
        return accountRequests;
    }

    @Override
    public Venue venue()
    {
        return venue;
    }

    @Override
    public synchronized SendResult place(final OrderRequest request)
    {
        placed.add(request);
        final SendResult result = script.isEmpty() ? SendResult.SENT : script.removeFirst();
        results.add(result);
        return result;
    }

    @Override
    public SendResult cancel(final CancelRequest request)
    {
        throw new UnsupportedOperationException("the execution stage sends IOC orders only; it never cancels one");
    }

    @Override
    public SendResult amend(final AmendRequest request)
    {
        throw new UnsupportedOperationException("the execution stage never amends");
    }

    @Override
    public synchronized SendResult cancelAll(final Instrument instrument)
    {
        cancelAlls++;
        return SendResult.SENT;
    }

    @Override
    public SendResult requestOpenOrders()
    {
        return SendResult.SENT;
    }

    @Override
    public synchronized SendResult requestAccount()
    {
        accountRequests++;
        return SendResult.SENT;
    }
}
