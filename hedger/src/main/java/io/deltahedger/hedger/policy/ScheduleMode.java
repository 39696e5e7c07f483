package io.deltahedger.hedger.policy;

/**
 * What a policy with {@code rebalanceIntervalMinutes > 0} does at each scheduled time (docs/hedging.md, "Time").
 */
public enum ScheduleMode
{
    /**
     * Every interval, trade delta back to the target whatever the band says; a configured band also triggers
     * continuously in between.
     */
    REBALANCE,
    /** The band is looked at only at the scheduled times (discrete monitoring); a band is required. */
    CHECK_BAND
}
