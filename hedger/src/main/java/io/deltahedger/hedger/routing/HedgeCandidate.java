package io.deltahedger.hedger.routing;

/**
 * One instrument a hedge may be placed on: a delta-one instrument (perpetual, future or spot) registered in the margin
 * book, on the account that holds it there, with that account's fee rates for it.
 *
 * @param instrument   the margin-book canonical id, e.g. {@code deribit:BTC-PERPETUAL}
 * @param takerFeeBps  the taker fee in basis points of the traded notional (5 for 0.05%), in [0, 100); hedges are sent
 *                     as IOC limit orders, so this is the rate the planner charges
 * @param makerFeeBps  the maker fee in basis points (negative for a rebate), in (-100, 100); recorded for passive
 *                     slicing, not used by the taker-only planner
 */
public record HedgeCandidate(String instrument, double takerFeeBps, double makerFeeBps)
{
    public HedgeCandidate
    {
        if (instrument == null || instrument.isBlank())
        {
            throw new IllegalArgumentException("hedge candidate needs a margin-book canonical instrument id, was '"
                + instrument + "': e.g. deribit:BTC-PERPETUAL");
        }
        if (!(takerFeeBps >= 0.0 && takerFeeBps < 100.0))
        {
            throw new IllegalArgumentException("hedge candidate " + instrument + " takerFeeBps must be in [0, 100) basis "
                + "points, was " + takerFeeBps + ": e.g. 5 for a 0.05% taker fee");
        }
        if (!(makerFeeBps > -100.0 && makerFeeBps < 100.0))
        {
            throw new IllegalArgumentException("hedge candidate " + instrument + " makerFeeBps must be in (-100, 100) "
                + "basis points, was " + makerFeeBps + ": e.g. -1 for a 0.01% rebate, 2 for a 0.02% fee");
        }
    }

    /** A candidate without fees (the one-instrument route's: nothing to compare it with). */
    public static HedgeCandidate feeless(final String instrument)
    {
        return new HedgeCandidate(instrument, 0.0, 0.0);
    }

    /** The taker fee as a fraction of notional. */
    public double takerFeeRate()
    {
        return takerFeeBps * 1e-4;
    }
}
