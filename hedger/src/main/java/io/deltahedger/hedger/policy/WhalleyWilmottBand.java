package io.deltahedger.hedger.policy;

/**
 * The Whalley-Wilmott asymptotically optimal no-trade band for proportional transaction costs: A. E. Whalley and
 * P. Wilmott (1997), "An asymptotic analysis of an optimal hedging model for option pricing with transaction costs",
 * Mathematical Finance 7(3), 307-324. Its half-width around the target delta is
 * <pre>
 *   H = ( 3 λ S Γ² / (2 γ) )^(1/3)
 * </pre>
 * with λ the proportional cost (fraction of the traded notional, 0.0005 for 5 bp), S the spot in USD per coin, Γ
 * the portfolio gamma in coin per USD of spot move ({@code PortfolioGreeks.gammaPerUsd()}) and γ the exponential
 * utility's absolute risk aversion per USD. Units: Γ is coin of delta per (USD per coin) of spot, i.e. coin²/USD, so
 * λ S Γ² / γ is (USD/coin) × (coin⁴/USD²) × USD = coin³ and H is in coin. The
 * paper's discount factor {@code e^{-r(T-t)}} is taken as 1 (crypto venues discount at 0; over the life of a hedge it
 * is within a rounding of 1).
 * <p>
 * A book with no gamma (only delta-one positions) would get a zero-width band and trade every lot of drift, so the
 * half-width is floored at {@code minHalfWidthCoin}; it is capped at {@code maxHalfWidthCoin} so that a gamma spike
 * (near expiry) cannot widen the band without limit.
 *
 * @param proportionalCost   λ, the cost of trading as a fraction of notional, in (0, 0.1].
 * @param riskAversionPerUsd γ, absolute risk aversion per USD, finite and &gt; 0.
 * @param minHalfWidthCoin   the floor of the half-width in coin, finite and &gt; 0; the whole band when Γ = 0.
 * @param maxHalfWidthCoin   the cap of the half-width in coin, finite and &gt;= {@code minHalfWidthCoin}.
 */
public record WhalleyWilmottBand(
    double proportionalCost,
    double riskAversionPerUsd,
    double minHalfWidthCoin,
    double maxHalfWidthCoin) implements HedgeBand
{
    public WhalleyWilmottBand
    {
        if (!(proportionalCost > 0.0 && proportionalCost <= 0.1))
        {
            throw new IllegalArgumentException(
                "band.proportionalCost must be in (0, 0.1] (a fraction of notional), was " + proportionalCost
                    + ": give the cost per unit of notional traded (fees plus half the spread), e.g. 0.0005 for 5 bp");
        }
        if (!(riskAversionPerUsd > 0.0 && riskAversionPerUsd < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                "band.riskAversionPerUsd must be finite and > 0 per USD, was " + riskAversionPerUsd
                    + ": larger values give narrower bands (e.g. 0.0001)");
        }
        if (!(minHalfWidthCoin > 0.0 && minHalfWidthCoin < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                "band.minHalfWidthCoin must be finite and > 0 coin, was " + minHalfWidthCoin
                    + ": it is the band used when gamma is 0, e.g. 0.1");
        }
        if (!(maxHalfWidthCoin >= minHalfWidthCoin && maxHalfWidthCoin < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                "band.maxHalfWidthCoin must be finite and >= band.minHalfWidthCoin (" + minHalfWidthCoin
                    + "), was " + maxHalfWidthCoin + ": it caps the band when gamma spikes, e.g. 5.0");
        }
    }

    /** The unclamped Whalley-Wilmott half-width in coin, 0 when Γ = 0. */
    public double rawHalfWidthCoin(final double spot, final double gammaPerUsd)
    {
        return Math.cbrt(1.5 * proportionalCost * spot * gammaPerUsd * gammaPerUsd / riskAversionPerUsd);
    }

    @Override
    public double halfWidthCoin(final double spot, final double gammaPerUsd)
    {
        final double raw = rawHalfWidthCoin(spot, gammaPerUsd);
        // Written so that an infinite raw width (Γ² overflow) falls to the cap, never to NaN.
        return raw >= maxHalfWidthCoin ? maxHalfWidthCoin : Math.max(raw, minHalfWidthCoin);
    }
}
