package io.deltahedger.venues.simulator.trading;

import io.deltahedger.venues.simulator.book.SimOrder;

/**
 * What the trading engine reports as it works, on the exchange thread: the publisher turns these into
 * notifications at the end of each event.
 */
public interface EngineListener
{
    /** A user order was created, filled, edited, cancelled or rejected. Not called for market-maker orders. */
    void onOrderUpdated(SimOrder order);

    /** A trade happened. */
    void onExecution(Execution execution);
}
