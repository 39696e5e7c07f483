package io.deltahedger.backtest.replay;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.order.AmendRequest;
import io.deltahedger.venues.order.CancelRequest;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.VenueGateway;

/**
 * The simulated venue as the execution stage sees it, counting the orders it is sent. Single-threaded: the pipeline's
 * stages run on the replay thread (see {@link ReplaySegment}).
 */
final class CountingGateway implements VenueGateway
{
    private final VenueGateway venue;
    long orders;

    CountingGateway(final VenueGateway venue)
    {
        this.venue = venue;
    }

    @Override
    public Venue venue()
    {
        return venue.venue();
    }

    @Override
    public SendResult place(final OrderRequest request)
    {
        orders = orders + 1;
        return venue.place(request);
    }

    @Override
    public SendResult cancel(final CancelRequest request)
    {
        return venue.cancel(request);
    }

    @Override
    public SendResult amend(final AmendRequest request)
    {
        return venue.amend(request);
    }

    @Override
    public SendResult cancelAll(final Instrument instrument)
    {
        return venue.cancelAll(instrument);
    }

    @Override
    public SendResult requestOpenOrders()
    {
        return venue.requestOpenOrders();
    }

    @Override
    public SendResult requestAccount()
    {
        return venue.requestAccount();
    }
}
