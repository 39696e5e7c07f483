package io.deltahedger.backtest.venue;

import io.deltahedger.venues.order.OrderRequest;

/** A passive order resting on the simulated venue. Owned and mutated by its {@link SimulatedVenue}. */
final class RestingOrder
{
    final OrderRequest request;
    final String venueOrderId;
    final SimInstrument instrument;
    long priceTicks;
    long amountLots;
    long cumLots;
    /** Lots at this price that must trade before this order (queue position); 0 without queue modelling. */
    long aheadLots;
    /** The last replayed trade this order had its turn in (see {@link Matcher#onTrades}). */
    long tradeStamp;

    RestingOrder(final OrderRequest request, final String venueOrderId, final SimInstrument instrument,
                 final long priceTicks, final long amountLots, final long cumLots, final long aheadLots)
    {
        this.request = request;
        this.venueOrderId = venueOrderId;
        this.instrument = instrument;
        this.priceTicks = priceTicks;
        this.amountLots = amountLots;
        this.cumLots = cumLots;
        this.aheadLots = aheadLots;
    }

    long leavesLots()
    {
        return amountLots - cumLots;
    }
}
