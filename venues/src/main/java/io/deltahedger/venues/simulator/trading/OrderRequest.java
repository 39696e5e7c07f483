package io.deltahedger.venues.simulator.trading;

/**
 * A validated order as {@code private/buy} or {@code private/sell} asks for it, in the engine's units.
 *
 * @param priceTicks limit price in ticks; ignored for market orders.
 * @param lots       amount in contracts, >= 1.
 */
public record OrderRequest(
    int instrumentIndex,
    boolean buy,
    boolean market,
    long lots,
    long priceTicks,
    String timeInForce,
    boolean postOnly,
    boolean rejectPostOnly,
    boolean reduceOnly,
    String label)
{
    public OrderRequest
    {
        if (lots < 1)
        {
            throw new IllegalArgumentException("lots must be >= 1 but was " + lots);
        }
        if (!market && priceTicks <= 0)
        {
            throw new IllegalArgumentException("a limit order needs a price > 0 but had " + priceTicks + " ticks");
        }
    }
}
