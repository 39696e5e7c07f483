package io.deltahedger.backtest.venue;

import java.util.ArrayDeque;

/**
 * Requests in flight to the simulated venue, in arrival order. With one latency per account and a replay clock that
 * never goes back, arrival order is send order, so a FIFO is sorted; {@link #add} checks it.
 */
final class PendingQueue
{
    static final int PLACE = 0;
    static final int CANCEL = 1;
    static final int AMEND = 2;
    static final int CANCEL_ALL = 3;
    static final int OPEN_ORDERS = 4;
    static final int ACCOUNT = 5;

    private record Entry(int kind, long arrivalMs, Object payload)
    {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long lastArrivalMs = Long.MIN_VALUE;

    void add(final int kind, final long arrivalMs, final Object payload)
    {
        if (arrivalMs < lastArrivalMs)
        {
            throw new IllegalStateException("a request would arrive at " + arrivalMs + " ms, before one sent earlier ("
                + lastArrivalMs + " ms): the replay clock went back; it must be monotonic");
        }
        lastArrivalMs = arrivalMs;
        entries.addLast(new Entry(kind, arrivalMs, payload));
    }

    boolean isEmpty()
    {
        return entries.isEmpty();
    }

    int size()
    {
        return entries.size();
    }

    long peekTime()
    {
        return entries.peekFirst().arrivalMs();
    }

    int peekKind()
    {
        return entries.peekFirst().kind();
    }

    Object peekPayload()
    {
        return entries.peekFirst().payload();
    }

    void remove()
    {
        entries.removeFirst();
    }
}
