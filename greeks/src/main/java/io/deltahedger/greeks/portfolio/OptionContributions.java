package io.deltahedger.greeks.portfolio;

import io.deltahedger.greeks.pricing.OptionGreeks;

import java.util.Arrays;

/**
 * What {@link Portfolio#revalueOption} builds on: each option's last contribution to its underlying's aggregate, and
 * the spot, log spot and holder of each underlying's last full revaluation. Owned by one {@link Portfolio} (single
 * writer); allocation-free after construction.
 */
final class OptionContributions
{
    static final int VALUE_USD = 0;
    static final int VALUE_COIN = 1;
    static final int DELTA = 2;
    static final int PREMIUM_ADJUSTED_DELTA = 3;
    static final int GAMMA = 4;
    static final int VEGA = 5;
    static final int THETA = 6;
    /** Doubles per option in {@link #terms}. */
    static final int FIELDS = 7;

    /**
     * Per option, {@link #FIELDS} doubles at {@code i × FIELDS}: quantity times its USD value, coin value, delta,
     * premium-adjusted delta, gamma, vega per 1.00 of vol and theta per year, all with respect to spot. Interleaved so
     * that one option's terms share a cache line or two; written by the portfolio's pricing loop.
     */
    final double[] terms;
    /** Spot of each underlying's last full revaluation that one-option revaluations may build on; NaN if none. */
    private final double[] lastSpot;
    private final double[] lastLogSpot;
    /** The holder that last full revaluation filled (identity), null if none. */
    private final PortfolioGreeks[] lastHolder;
    /** One option's terms before it is priced again. */
    private final double[] old = new double[FIELDS];

    OptionContributions(final int options, final int underlyings)
    {
        terms = new double[options * FIELDS];
        lastSpot = new double[underlyings];
        Arrays.fill(lastSpot, Double.NaN);
        lastLogSpot = new double[underlyings];
        lastHolder = new PortfolioGreeks[underlyings];
    }

    /** The stored terms no longer match an underlying's holder: one-option revaluations refuse until a full one. */
    void forget(final int underlyingIndex)
    {
        lastSpot[underlyingIndex] = Double.NaN;
        lastHolder[underlyingIndex] = null;
    }

    /** A full revaluation of the underlying at {@code spot} filled {@code out} from the stored terms. */
    void remember(final int underlyingIndex, final double spot, final double logSpot, final PortfolioGreeks out)
    {
        for (int u = 0; u < lastHolder.length; u++)
        {
            if (lastHolder[u] == out)
            {
                lastHolder[u] = null;   // refilled for this underlying: no longer the holder of another's
            }
        }
        lastSpot[underlyingIndex] = spot;
        lastLogSpot[underlyingIndex] = logSpot;
        lastHolder[underlyingIndex] = out;
    }

    /** True when {@code out} is the holder the underlying's last full revaluation filled, still at its spot. */
    boolean filled(final int underlyingIndex, final PortfolioGreeks out)
    {
        return out == lastHolder[underlyingIndex] && out.spot == lastSpot[underlyingIndex];
    }

    /** Spot of the underlying's last full revaluation, NaN if one-option revaluations may not build on it. */
    double spot(final int underlyingIndex)
    {
        return lastSpot[underlyingIndex];
    }

    double logSpot(final int underlyingIndex)
    {
        return lastLogSpot[underlyingIndex];
    }

    /** Keeps an option's terms before they are priced again, for {@link #addChange}. */
    void keepOld(final int optionIndex)
    {
        System.arraycopy(terms, optionIndex * FIELDS, old, 0, FIELDS);
    }

    /** Adds {@code new - old} of the option's terms to the aggregate in {@code out} (vega per point, theta per day). */
    void addChange(final int optionIndex, final PortfolioGreeks out)
    {
        final double[] t = terms;
        final int at = optionIndex * FIELDS;
        out.valueUsd += t[at + VALUE_USD] - old[VALUE_USD];
        out.valueCoin += t[at + VALUE_COIN] - old[VALUE_COIN];
        out.deltaCoin += t[at + DELTA] - old[DELTA];
        out.premiumAdjustedDeltaCoin += t[at + PREMIUM_ADJUSTED_DELTA] - old[PREMIUM_ADJUSTED_DELTA];
        out.gammaPerUsd += t[at + GAMMA] - old[GAMMA];
        out.vegaUsdPerVolPoint += (t[at + VEGA] - old[VEGA]) / OptionGreeks.VOL_POINTS_PER_UNIT;
        out.thetaUsdPerDay += (t[at + THETA] - old[THETA]) / OptionGreeks.DAYS_PER_YEAR;
    }
}
