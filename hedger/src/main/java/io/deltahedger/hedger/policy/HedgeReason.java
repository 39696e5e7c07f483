package io.deltahedger.hedger.policy;

/**
 * Why a {@link HedgeDecider} decided what it did. Only {@link #BAND_BREACH}, {@link #TIME_REBALANCE} and
 * {@link #FLATTEN} carry a quantity to trade; every other reason is a decision not to trade.
 */
public enum HedgeReason
{
    /** Delta is inside the band (or no band is configured) and no time rebalance is due. */
    INSIDE_BAND(false),
    /** {@link ScheduleMode#CHECK_BAND}: the band is looked at only at scheduled times and none is due. */
    AWAITING_SCHEDULE(false),
    /** Delta left the band while the band was armed: trade back to the target or the band's edge. */
    BAND_BREACH(true),
    /** A scheduled time rebalance was due: trade back to the target. */
    TIME_REBALANCE(true),
    /** An operator asked to flatten to the target ({@link HedgeDecider#requestFlatten()}). */
    FLATTEN(true),
    /** Delta is outside the band but the band has not re-armed since the last hedge (delta has not come back). */
    SUPPRESSED_HYSTERESIS(false),
    /** A trade was wanted but the rolling orders-per-minute cap is reached. */
    SUPPRESSED_RATE_CAP(false),
    /** A trade was wanted but, rounded toward less trading to whole lots, it is below the minimum trade size. */
    BELOW_MIN_SIZE(false),
    /** Delta, gamma or spot was not finite (or spot not positive): no decision is taken on bad data. */
    INVALID_INPUT(false);

    private final boolean trades;

    HedgeReason(final boolean trades)
    {
        this.trades = trades;
    }

    /** True if a decision with this reason carries a non-zero quantity to trade. */
    public boolean trades()
    {
        return trades;
    }
}
