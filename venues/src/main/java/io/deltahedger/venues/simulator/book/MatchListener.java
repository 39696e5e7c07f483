package io.deltahedger.venues.simulator.book;

/**
 * Told about each execution while {@link OrderBook#match} runs. Implementations account fills; they must not touch
 * the book being matched.
 */
public interface MatchListener
{
    /**
     * One execution of {@code lots} at the resting order's price. Both orders' filled amounts are already updated.
     */
    void onMatch(SimOrder maker, SimOrder taker, long priceTicks, long lots);

    /**
     * A resting order of the taker's own owner was cancelled instead of trading with it (self-trade prevention,
     * Deribit's "cancel maker" behaviour).
     */
    void onSelfTradeCancelled(SimOrder maker);
}
