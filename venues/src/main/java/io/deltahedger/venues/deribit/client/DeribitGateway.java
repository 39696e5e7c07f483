package io.deltahedger.venues.deribit.client;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.order.AmendRequest;
import io.deltahedger.venues.order.CancelRequest;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.VenueGateway;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Deribit behind the unified {@link VenueGateway}: each call only puts a command on a bounded queue that the
 * session's duty cycle drains (so the caller may be the execution stage's thread while another thread polls the
 * session). Results come back as {@link io.deltahedger.venues.order.ExecutionReport}s on the session's
 * {@link io.deltahedger.venues.order.VenueListener}. The client order id travels as Deribit's {@code label}.
 *
 * <p>Returns {@link SendResult#NOT_CONNECTED} unless the session is LIVE (authenticated, subscribed, reconciled), and
 * {@link SendResult#BACK_PRESSURED} when the queue is full (the session is waiting for rate-limit credits); nothing
 * is queued in either case.
 */
public final class DeribitGateway implements VenueGateway {
    /** Cancel all (instrument may be null). */
    record CancelAll(Instrument instrument) {
    }

    /** Open orders query marker. */
    enum Query {
        OPEN_ORDERS, ACCOUNT
    }

    private final ArrayBlockingQueue<Object> commands;
    private final DeribitSession session;

    DeribitGateway(final DeribitSession session, final int capacity) {
        this.session = session;
        this.commands = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public Venue venue() {
        return Venue.DERIBIT;
    }

    @Override
    public SendResult place(final OrderRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.instrument().venue() != Venue.DERIBIT) {
            throw new IllegalArgumentException(request.clientOrderId() + ": instrument " + request.instrument().canonicalId()
                + " is not a Deribit instrument; route it to its own venue's gateway");
        }
        return offer(request);
    }

    @Override
    public SendResult cancel(final CancelRequest request) {
        return offer(Objects.requireNonNull(request, "request"));
    }

    @Override
    public SendResult amend(final AmendRequest request) {
        return offer(Objects.requireNonNull(request, "request"));
    }

    @Override
    public SendResult cancelAll(final Instrument instrument) {
        return offer(new CancelAll(instrument));
    }

    @Override
    public SendResult requestOpenOrders() {
        return offer(Query.OPEN_ORDERS);
    }

    @Override
    public SendResult requestAccount() {
        return offer(Query.ACCOUNT);
    }

    private SendResult offer(final Object command) {
        if (session.connectionState() != ConnectionState.LIVE) {
            return SendResult.NOT_CONNECTED;
        }
        return commands.offer(command) ? SendResult.SENT : SendResult.BACK_PRESSURED;
    }

    /** Session thread: the next command, or null. */
    Object poll() {
        return commands.poll();
    }
}
