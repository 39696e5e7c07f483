package io.deltahedger.hedger.engine;

import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.order.CancelRequest;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.VenueGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start-up reconciliation of one venue session (docs/journal.md "Recovery"): before the engine hedges, every open
 * order on the venue whose label is a {@link ClientOrderId} (the agent's, left by a previous run that crashed or was
 * killed) is cancelled and its end confirmed, so no leg of an earlier session can still trade while the new one
 * hedges on its own view. Orders without our ids (the desk's) are left alone; the venue adapter logs each.
 *
 * <p>Rounds: ask for the open orders; cancel each of ours; wait until each has ended (CANCELED, or FILL/REJECTED if it
 * ended on its own first, or a cancel refused because the order is no longer open); ask again. The reconciliation is
 * {@link #done()} when an answer holds none of ours. An answer or a confirmation that does not come within
 * {@value #RETRY_MS} ms of the injected clock is asked again (a reply lost with a connection). A session that drops
 * starts over when it is LIVE again. Positions are not reconciled here: the engine takes them from the first account
 * snapshot requested after this is done (so the fills of the cancelled orders are in it).
 *
 * <p>Duty-cycle thread only; not a hot path (runs once per start, allocates).
 */
final class OpenOrderReconciliation
{
    private static final Logger LOG = LoggerFactory.getLogger(OpenOrderReconciliation.class);
    /** Injected-clock wait for an open-orders answer or a cancel confirmation before asking again. */
    static final long RETRY_MS = 10_000;

    private enum Phase
    {
        /** The session is not LIVE: nothing can be asked. */
        WAITING_FOR_LIVE,
        /** The open-orders query is to be sent. */
        QUERY,
        /** The query was sent; its answer is awaited. */
        AWAITING_ANSWER,
        /** Our open orders are being cancelled; their ends are awaited. */
        CANCELLING,
        /** An answer held none of ours. */
        DONE
    }

    private final String connection;
    private final VenueGateway gateway;
    /** Our open orders not yet ended -> the injected time their cancel was sent (Long.MIN_VALUE: not yet sent). */
    private final Map<ClientOrderId, Long> cancelling = new LinkedHashMap<>();
    private final Map<ClientOrderId, ExecutionReport> found = new LinkedHashMap<>();
    private Phase phase = Phase.WAITING_FOR_LIVE;
    private long askedAtMs;
    private int rounds;
    private long cancelled;
    private long endedOtherwise;

    OpenOrderReconciliation(final String connection, final VenueGateway gateway)
    {
        this.connection = connection;
        this.gateway = gateway;
    }

    /**
     * Advances the reconciliation at {@code nowMs}: sends the query or the cancels that are due.
     *
     * @return work done
     */
    int advance(final long nowMs, final ConnectionState state)
    {
        if (phase == Phase.DONE)
        {
            return 0;
        }
        if (state != ConnectionState.LIVE)
        {
            if (phase != Phase.WAITING_FOR_LIVE)
            {
                LOG.info("{}: start-up reconciliation starts over: the session is {}", connection, state);
                phase = Phase.WAITING_FOR_LIVE;
                cancelling.clear();
            }
            return 0;
        }
        switch (phase)
        {
            case WAITING_FOR_LIVE, QUERY ->
            {
                if (gateway.requestOpenOrders() == SendResult.SENT)
                {
                    phase = Phase.AWAITING_ANSWER;
                    askedAtMs = nowMs;
                    rounds++;
                    return 1;
                }
                phase = Phase.QUERY;
                return 0;
            }
            case AWAITING_ANSWER ->
            {
                if (nowMs - askedAtMs >= RETRY_MS)
                {
                    LOG.warn("{}: no answer to the open-orders query within {} ms: asking again", connection, RETRY_MS);
                    phase = Phase.QUERY;
                }
                return 0;
            }
            case CANCELLING ->
            {
                int work = 0;
                for (final Map.Entry<ClientOrderId, Long> e : cancelling.entrySet())
                {
                    if (e.getValue() == Long.MIN_VALUE || nowMs - e.getValue() >= RETRY_MS)
                    {
                        final ExecutionReport order = found.get(e.getKey());
                        if (gateway.cancel(new CancelRequest(e.getKey(), order.instrument())) == SendResult.SENT)
                        {
                            e.setValue(nowMs);
                            work++;
                        }
                    }
                }
                return work;
            }
            default -> throw new IllegalStateException("unexpected phase " + phase);
        }
    }

    /** The venue's open orders of the agent (each a STATUS report; the desk's are not among them). */
    void onOpenOrders(final List<ExecutionReport> openOrders)
    {
        if (phase != Phase.AWAITING_ANSWER)
        {
            return; // an answer to a query asked before the session dropped; the next round asks again
        }
        if (openOrders.isEmpty())
        {
            phase = Phase.DONE;
            LOG.info("{}: start-up reconciliation done after {} round(s): no open order of the agent ({} cancelled, {} "
                + "ended on their own)", connection, rounds, cancelled, endedOtherwise);
            return;
        }
        for (final ExecutionReport order : openOrders)
        {
            LOG.warn("{}: open order {} ({} {} lots at {} ticks, {} filled) is left from a previous run: cancelling it",
                connection, order.clientOrderId(), order.instrument().nativeName(), order.amountLots(),
                order.priceTicks(), order.cumFilledLots());
            found.put(order.clientOrderId(), order);
            cancelling.putIfAbsent(order.clientOrderId(), Long.MIN_VALUE);
        }
        phase = Phase.CANCELLING;
    }

    /** A report from the session (any order): ends the wait for an order being cancelled. */
    void onReport(final ExecutionReport report)
    {
        if (phase != Phase.CANCELLING || !cancelling.containsKey(report.clientOrderId()))
        {
            return;
        }
        switch (report.type())
        {
            case CANCELED -> cancelled++;
            case FILL, REJECTED -> endedOtherwise++;
            case CANCEL_REJECTED ->
            {
                if (report.rejectReason() != RejectReason.ORDER_NOT_OPEN
                    && report.rejectReason() != RejectReason.ORDER_NOT_FOUND)
                {
                    LOG.warn("{}: cancel of {} refused ({} {}): sending it again", connection, report.clientOrderId(),
                        report.rejectReason(), report.text());
                    cancelling.put(report.clientOrderId(), Long.MIN_VALUE);
                    return;
                }
                endedOtherwise++;
            }
            default ->
            {
                return; // a fill or an amend on the way: the order is still open
            }
        }
        LOG.info("{}: {} of a previous run ended: {}", connection, report.clientOrderId(), report.type());
        cancelling.remove(report.clientOrderId());
        if (cancelling.isEmpty())
        {
            phase = Phase.QUERY; // confirm: the next answer must hold none of ours
        }
    }

    /** True once an open-orders answer held no order of the agent. */
    boolean done()
    {
        return phase == Phase.DONE;
    }

    /** Orders of previous runs this reconciliation saw cancelled. */
    long cancelled()
    {
        return cancelled;
    }

    /** Orders of previous runs that ended otherwise (filled, rejected, already gone) while being cancelled. */
    long endedOtherwise()
    {
        return endedOtherwise;
    }

    /** What is still awaited, for the engine's start-up message. */
    String waitingFor()
    {
        return switch (phase)
        {
            case WAITING_FOR_LIVE -> "the session to be LIVE";
            case QUERY, AWAITING_ANSWER -> "the answer to the open-orders query";
            case CANCELLING -> "the cancels of " + cancelling.keySet() + " (orders of a previous run)";
            case DONE -> "nothing";
        };
    }
}
