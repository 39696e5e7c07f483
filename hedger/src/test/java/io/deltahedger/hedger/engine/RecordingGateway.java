package io.deltahedger.hedger.engine;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.order.AmendRequest;
import io.deltahedger.venues.order.CancelRequest;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.VenueGateway;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A replay's gateway (a test double: in a replay the venue's answers come from the recording, so nothing may be sent):
 * records every order the replayed execution stage places and accepts every request.
 */
final class RecordingGateway implements VenueGateway
{
    final List<OrderRequest> placed = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Venue venue()
    {
        return Venue.DERIBIT;
    }

    @Override
    public SendResult place(final OrderRequest request)
    {
        placed.add(request);
        return SendResult.SENT;
    }

    @Override
    public SendResult cancel(final CancelRequest request)
    {
        return SendResult.SENT;
    }

    @Override
    public SendResult amend(final AmendRequest request)
    {
        return SendResult.SENT;
    }

    @Override
    public SendResult cancelAll(final Instrument instrument)
    {
        return SendResult.SENT;
    }

    @Override
    public SendResult requestOpenOrders()
    {
        return SendResult.SENT;
    }

    @Override
    public SendResult requestAccount()
    {
        return SendResult.SENT;
    }
}
