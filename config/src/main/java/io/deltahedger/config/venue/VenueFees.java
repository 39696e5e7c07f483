package io.deltahedger.config.venue;

/**
 * Trading fees used to plan hedges by expected cost, in basis points of traded notional.
 *
 * @param takerBps fee of an order that takes liquidity, in [0, 100] bp.
 * @param makerBps fee of an order that rests, in [-10, 100] bp (negative: a rebate).
 */
public record VenueFees(double takerBps, double makerBps)
{
    /** Deribit's perpetual fees: 5 bp taker, 0 bp maker. */
    public static final VenueFees DEFAULT = new VenueFees(5.0, 0.0);

    public VenueFees
    {
        if (!(takerBps >= 0 && takerBps <= 100))
        {
            throw new IllegalArgumentException("fees.taker-bps must be in [0, 100] bp, was " + takerBps + ": e.g. 5");
        }
        if (!(makerBps >= -10 && makerBps <= 100))
        {
            throw new IllegalArgumentException("fees.maker-bps must be in [-10, 100] bp, was " + makerBps + ": e.g. 0");
        }
    }
}
