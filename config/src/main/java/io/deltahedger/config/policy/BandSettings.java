package io.deltahedger.config.policy;

/**
 * The no-trade band around the delta target ({@code policy.band}); mirrors the hedger's {@code HedgeBand} kinds
 * (docs/hedging.md gives each formula).
 */
public sealed interface BandSettings permits BandSettings.None, BandSettings.Fixed, BandSettings.WhalleyWilmott
{
    /** {@code band: none}: only time rebalancing (and flatten) trades. */
    BandSettings NONE = new None();

    /** No band. */
    record None() implements BandSettings
    {
    }

    /**
     * A fixed half-width.
     *
     * @param halfWidth finite and &gt; 0, in {@code unit}.
     * @param unit      coin or USD (a USD band narrows in coin as spot rises).
     */
    record Fixed(double halfWidth, PolicySettings.DeltaUnit unit) implements BandSettings
    {
        public Fixed
        {
            if (unit == null)
            {
                throw new IllegalArgumentException("band.unit is missing: use coin or usd");
            }
            if (!(halfWidth > 0 && Double.isFinite(halfWidth)))
            {
                throw new IllegalArgumentException("band.half-width must be finite and > 0, was " + halfWidth);
            }
        }
    }

    /**
     * The Whalley-Wilmott band {@code H = (3 λ S Γ² / (2 γ))^(1/3)}, clamped to [min, max] half-width.
     *
     * @param cost               λ, proportional cost as a fraction of notional, in (0, 0.1] (0.0005 for 5 bp).
     * @param riskAversionPerUsd γ, absolute risk aversion per USD, finite and &gt; 0.
     * @param minHalfWidthCoin   the floor (the whole band when gamma is 0), coin, &gt; 0.
     * @param maxHalfWidthCoin   the cap when gamma spikes, coin, &gt;= the floor.
     */
    record WhalleyWilmott(double cost, double riskAversionPerUsd, double minHalfWidthCoin, double maxHalfWidthCoin)
        implements BandSettings
    {
        public WhalleyWilmott
        {
            if (!(cost > 0 && cost <= 0.1))
            {
                throw new IllegalArgumentException("band.cost must be in (0, 0.1], was " + cost);
            }
            if (!(riskAversionPerUsd > 0 && Double.isFinite(riskAversionPerUsd)))
            {
                throw new IllegalArgumentException("band.risk-aversion must be finite and > 0, was " + riskAversionPerUsd);
            }
            if (!(minHalfWidthCoin > 0 && Double.isFinite(minHalfWidthCoin)))
            {
                throw new IllegalArgumentException("band.min-half-width-coin must be finite and > 0, was " + minHalfWidthCoin);
            }
            if (!(maxHalfWidthCoin >= minHalfWidthCoin && Double.isFinite(maxHalfWidthCoin)))
            {
                throw new IllegalArgumentException("band.max-half-width-coin must be finite and >= min-half-width-coin ("
                    + minHalfWidthCoin + "), was " + maxHalfWidthCoin);
            }
        }
    }
}
