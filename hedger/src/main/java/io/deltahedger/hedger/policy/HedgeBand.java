package io.deltahedger.hedger.policy;

/**
 * A no-trade band around the delta target: while {@code |delta - target| <= halfWidth} no band hedge is made. The
 * half-width is always computed in coin at the decision's spot (docs/hedging.md gives each formula).
 * Implementations are immutable values validated on construction.
 */
public sealed interface HedgeBand permits HedgeBand.None, FixedBand, WhalleyWilmottBand
{
    /** No band: only time rebalances (and flatten requests) trade. */
    HedgeBand NONE = new None();

    /**
     * The band's half-width in coin.
     *
     * @param spot        USD per coin, finite and &gt; 0 (checked by the caller).
     * @param gammaPerUsd the portfolio gamma, coin per USD of spot move, finite (checked by the caller).
     * @return a half-width &gt; 0, or {@link Double#POSITIVE_INFINITY} for {@link #NONE}.
     */
    double halfWidthCoin(double spot, double gammaPerUsd);

    /** The absence of a band. */
    record None() implements HedgeBand
    {
        @Override
        public double halfWidthCoin(final double spot, final double gammaPerUsd)
        {
            return Double.POSITIVE_INFINITY;
        }
    }
}
