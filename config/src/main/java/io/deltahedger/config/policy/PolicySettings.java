package io.deltahedger.config.policy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One underlying's hedging policy ({@code underlyings.<coin>.policy}); the agent maps it onto the hedger's
 * {@code HedgePolicy} builder (the lot comes from the hedge instrument). Enum constants carry the hedger's names.
 *
 * @param deltaMeasure       which delta is hedged.
 * @param target             the delta to hold in {@code targetUnit}, finite (0: neutral).
 * @param targetUnit         unit of the target.
 * @param band               the no-trade band.
 * @param rebalanceTo        where a band breach trades to.
 * @param rebalanceEveryMs   time rebalancing interval, whole minutes in ms up to one day; 0 for none.
 * @param schedule           what happens at each scheduled time.
 * @param minTradeCoin       the smallest trade worth making, coin, &gt;= 0; 0 means one lot of the hedge instrument.
 * @param hysteresis         the band re-arms once delta is back within this fraction of its half-width, [0, 1).
 * @param rearmAfterMs       the longest a band stays disarmed after a hedge, ms &gt; 0.
 * @param maxOrdersPerMinute the most hedging decisions in any rolling minute, [1, 600].
 */
public record PolicySettings(
    DeltaMeasure deltaMeasure,
    double target,
    DeltaUnit targetUnit,
    BandSettings band,
    RebalanceTo rebalanceTo,
    long rebalanceEveryMs,
    ScheduleMode schedule,
    BigDecimal minTradeCoin,
    double hysteresis,
    long rearmAfterMs,
    int maxOrdersPerMinute)
{
    /** One day, the hedger's longest time rebalancing interval. */
    public static final long MAX_REBALANCE_EVERY_MS = 86_400_000L;
    /** 0.5: after a band hedge the band re-arms once delta is back within half its half-width. */
    public static final double DEFAULT_HYSTERESIS = 0.5;
    /** 60 s: fail-safe re-arm when a hedge was not executed. */
    public static final long DEFAULT_REARM_AFTER_MS = 60_000L;
    /** 6 a minute: one hedge every 10 s at most on average. */
    public static final int DEFAULT_MAX_ORDERS_PER_MINUTE = 6;

    /** Which delta is hedged. */
    public enum DeltaMeasure
    {
        PLAIN, PREMIUM_ADJUSTED;

        public String word()
        {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Unit of a target or fixed band. */
    public enum DeltaUnit
    {
        COIN, USD;

        public String word()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a band breach trades back to: the target, or the edge of the re-arm band ({@code edge} in YAML). */
    public enum RebalanceTo
    {
        TARGET, BAND_EDGE;

        public String word()
        {
            return this == TARGET ? "target" : "edge";
        }
    }

    /** At each scheduled time: rebalance to target, or only look at the band ({@code check-band}). */
    public enum ScheduleMode
    {
        REBALANCE, CHECK_BAND;

        public String word()
        {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public PolicySettings
    {
        Objects.requireNonNull(deltaMeasure, "policy.delta-measure");
        Objects.requireNonNull(targetUnit, "policy.target-unit");
        Objects.requireNonNull(band, "policy.band");
        Objects.requireNonNull(rebalanceTo, "policy.rebalance-to");
        Objects.requireNonNull(schedule, "policy.schedule");
        Objects.requireNonNull(minTradeCoin, "policy.min-trade");
        if (!Double.isFinite(target))
        {
            throw new IllegalArgumentException("policy.target must be finite, was " + target);
        }
        if (rebalanceEveryMs < 0 || rebalanceEveryMs > MAX_REBALANCE_EVERY_MS || rebalanceEveryMs % 60_000L != 0)
        {
            throw new IllegalArgumentException(
                "policy.rebalance-every must be whole minutes up to 1d, was " + rebalanceEveryMs + " ms");
        }
        final boolean hasBand = !(band instanceof BandSettings.None);
        if (!hasBand && rebalanceEveryMs == 0)
        {
            throw new IllegalArgumentException("policy has no band and no rebalance-every, so it would never hedge");
        }
        if (!hasBand && schedule == ScheduleMode.CHECK_BAND)
        {
            throw new IllegalArgumentException("policy.schedule check-band needs a band");
        }
        if (minTradeCoin.signum() < 0)
        {
            throw new IllegalArgumentException("policy.min-trade must be >= 0 coin, was " + minTradeCoin);
        }
        if (!(hysteresis >= 0 && hysteresis < 1))
        {
            throw new IllegalArgumentException("policy.hysteresis must be in [0, 1), was " + hysteresis);
        }
        if (rearmAfterMs <= 0)
        {
            throw new IllegalArgumentException("policy.rearm-after must be > 0, was " + rearmAfterMs + " ms");
        }
        if (maxOrdersPerMinute < 1 || maxOrdersPerMinute > 600)
        {
            throw new IllegalArgumentException("policy.max-orders-per-minute must be in [1, 600], was " + maxOrdersPerMinute);
        }
    }

    /** Time rebalancing interval in whole minutes (the hedger's unit), 0 for none. */
    public int rebalanceEveryMinutes()
    {
        return (int) (rebalanceEveryMs / 60_000L);
    }
}
