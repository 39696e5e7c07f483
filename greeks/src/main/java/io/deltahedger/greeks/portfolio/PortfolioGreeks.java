package io.deltahedger.greeks.portfolio;

/**
 * The aggregated value and Greeks of every position on one underlying, filled by {@link Portfolio#revalue}.
 * Reusable and mutable so that revaluation allocates nothing; one holder per owning thread.
 *
 * <p>All sensitivities are with respect to the underlying's spot (index) price S, the price the hedge instruments
 * track. "Coin" amounts are in coins of the underlying; "USD" amounts are coin amounts times S.
 * <ul>
 *   <li>{@code deltaCoin}: d(USD value)/dS of options plus delta-one positions, in coins: the Black-Scholes delta
 *       that a USD-denominated desk hedges.</li>
 *   <li>{@code premiumAdjustedDeltaCoin}: the same less the coin value of coin-settled options (Deribit's
 *       {@code delta_total}): the delta that keeps a coin-margined account flat in coin terms.</li>
 *   <li>{@code gammaPerUsd}: d(deltaCoin)/dS, coins per USD of spot move; {@code gammaUsdPerPercent} is the change of
 *       the USD delta for a 1% spot move: {@code gamma * S^2 / 100}.</li>
 *   <li>{@code vegaUsdPerVolPoint}: USD value change for +1 vol point (0.01) on every option.</li>
 *   <li>{@code thetaUsdPerDay}: change of USD value per calendar day passing, spot held fixed (negative when the
 *       book decays, as for the single-option theta of {@link io.deltahedger.greeks.pricing.OptionGreeks}).</li>
 *   <li>{@code valueUsd}/{@code valueCoin}: mark-to-model value of the options (delta-one positions are carried at
 *       zero value: their profit is measured against an entry, see {@link Portfolio#revalueScenarios}).</li>
 * </ul>
 */
public final class PortfolioGreeks
{
    double spot;
    double valueUsd;
    double valueCoin;
    double deltaCoin;
    double premiumAdjustedDeltaCoin;
    double gammaPerUsd;
    double vegaUsdPerVolPoint;
    double thetaUsdPerDay;
    int options;
    int deltaOnes;

    void reset(final double spot)
    {
        this.spot = spot;
        valueUsd = 0.0;
        valueCoin = 0.0;
        deltaCoin = 0.0;
        premiumAdjustedDeltaCoin = 0.0;
        gammaPerUsd = 0.0;
        vegaUsdPerVolPoint = 0.0;
        thetaUsdPerDay = 0.0;
        options = 0;
        deltaOnes = 0;
    }

    /** The spot the Greeks were computed at, USD per coin. */
    public double spot()
    {
        return spot;
    }

    public double valueUsd()
    {
        return valueUsd;
    }

    public double valueCoin()
    {
        return valueCoin;
    }

    public double deltaCoin()
    {
        return deltaCoin;
    }

    public double deltaUsd()
    {
        return deltaCoin * spot;
    }

    public double premiumAdjustedDeltaCoin()
    {
        return premiumAdjustedDeltaCoin;
    }

    public double premiumAdjustedDeltaUsd()
    {
        return premiumAdjustedDeltaCoin * spot;
    }

    public double gammaPerUsd()
    {
        return gammaPerUsd;
    }

    /** Change of the USD delta for a 1% move of spot: {@code gamma * S^2 / 100}. */
    public double gammaUsdPerPercent()
    {
        return gammaPerUsd * spot * spot / 100.0;
    }

    /** Change of the coin delta for a 1% move of spot: {@code gamma * S / 100}. */
    public double gammaCoinPerPercent()
    {
        return gammaPerUsd * spot / 100.0;
    }

    public double vegaUsdPerVolPoint()
    {
        return vegaUsdPerVolPoint;
    }

    public double vegaCoinPerVolPoint()
    {
        return vegaUsdPerVolPoint / spot;
    }

    public double thetaUsdPerDay()
    {
        return thetaUsdPerDay;
    }

    public double thetaCoinPerDay()
    {
        return thetaUsdPerDay / spot;
    }

    /** Options aggregated (expired ones included, at zero value). */
    public int options()
    {
        return options;
    }

    public int deltaOnes()
    {
        return deltaOnes;
    }

    @Override
    public String toString()
    {
        return "PortfolioGreeks{spot=" + spot + ", valueUsd=" + valueUsd + ", valueCoin=" + valueCoin +
            ", deltaCoin=" + deltaCoin + ", premiumAdjustedDeltaCoin=" + premiumAdjustedDeltaCoin +
            ", gammaPerUsd=" + gammaPerUsd + ", vegaUsdPerVolPoint=" + vegaUsdPerVolPoint +
            ", thetaUsdPerDay=" + thetaUsdPerDay + ", options=" + options + ", deltaOnes=" + deltaOnes + '}';
    }
}
