package io.deltahedger.hedger.policy;

import java.math.BigDecimal;

/**
 * One underlying's hedging policy: an immutable value validated on construction; each field's meaning and formula
 * is in docs/hedging.md. All delta amounts are converted to coin at each decision's spot.
 *
 * @param underlying               the underlying coin this policy hedges, e.g. {@code BTC}.
 * @param deltaMeasure             which delta is hedged: plain or premium-adjusted.
 * @param target                   the delta to hold, in {@code targetUnit} (0 for delta-neutral); finite.
 * @param targetUnit               the unit of {@code target}.
 * @param band                     the no-trade band, or {@link HedgeBand#NONE}.
 * @param rebalanceTo              where a band breach trades to.
 * @param rebalanceIntervalMinutes time rebalancing every this many minutes on the UTC clock (boundaries are whole
 *                                 multiples of the interval since the epoch), 0 for none; at most 1440.
 * @param scheduleMode             what happens at each scheduled time (ignored when the interval is 0).
 * @param rearmFraction            the re-arm band as a fraction of the band's half-width, in [0, 1): after a band
 *                                 hedge the band triggers again only once {@code |delta - target|} has come back
 *                                 within {@code rearmFraction × halfWidth} (plus one lot).
 * @param rearmAfterMs             the longest a band stays disarmed after a hedge, &gt; 0: a fail-safe when a hedge
 *                                 was not executed and the caller did not call {@link HedgeDecider#rearm()}.
 * @param maxOrdersPerMinute       the most trading decisions in any rolling 60 000 ms window, in [1, 600].
 * @param lotSizeCoin              the hedge quantity's lot in coin, &gt; 0 with at most 18 decimals; quantities are
 *                                 whole multiples of it.
 * @param minTradeSizeCoin         the smallest quantity worth trading, a whole multiple of the lot (at least one).
 */
public record HedgePolicy(
    String underlying,
    DeltaMeasure deltaMeasure,
    double target,
    DeltaUnit targetUnit,
    HedgeBand band,
    RebalanceTo rebalanceTo,
    int rebalanceIntervalMinutes,
    ScheduleMode scheduleMode,
    double rearmFraction,
    long rearmAfterMs,
    int maxOrdersPerMinute,
    BigDecimal lotSizeCoin,
    BigDecimal minTradeSizeCoin)
{
    /** The length of the rate cap's rolling window. */
    public static final long RATE_WINDOW_MS = 60_000L;
    /** The most decisions per minute a policy may allow: one every 100 ms. */
    public static final int MAX_ORDERS_PER_MINUTE_LIMIT = 600;
    /** The longest time rebalancing interval: one day. */
    public static final int MAX_INTERVAL_MINUTES = 1440;

    public HedgePolicy
    {
        if (underlying == null || underlying.isBlank())
        {
            throw new IllegalArgumentException("policy.underlying is missing: name the coin it hedges, e.g. BTC");
        }
        final String p = "policy[" + underlying + "].";
        if (deltaMeasure == null)
        {
            throw new IllegalArgumentException(p + "deltaMeasure is missing: use PLAIN or PREMIUM_ADJUSTED");
        }
        if (targetUnit == null)
        {
            throw new IllegalArgumentException(p + "targetUnit is missing: use COIN or USD");
        }
        if (!Double.isFinite(target))
        {
            throw new IllegalArgumentException(
                p + "target must be a finite delta in " + targetUnit + ", was " + target + ": use 0 for neutral");
        }
        if (band == null)
        {
            throw new IllegalArgumentException(p + "band is missing: use HedgeBand.NONE for time rebalancing only");
        }
        if (rebalanceTo == null)
        {
            throw new IllegalArgumentException(p + "rebalanceTo is missing: use TARGET or BAND_EDGE");
        }
        if (rebalanceIntervalMinutes < 0 || rebalanceIntervalMinutes > MAX_INTERVAL_MINUTES)
        {
            throw new IllegalArgumentException(
                p + "rebalanceIntervalMinutes must be in [0, " + MAX_INTERVAL_MINUTES + "], was "
                    + rebalanceIntervalMinutes + ": use 0 for no time rebalancing");
        }
        if (scheduleMode == null)
        {
            throw new IllegalArgumentException(p + "scheduleMode is missing: use REBALANCE or CHECK_BAND");
        }
        final boolean hasBand = !(band instanceof HedgeBand.None);
        if (!hasBand && rebalanceIntervalMinutes == 0)
        {
            throw new IllegalArgumentException(
                p + "band is NONE and rebalanceIntervalMinutes is 0, so the policy would never hedge:"
                    + " configure a band, a time interval, or both");
        }
        if (!hasBand && rebalanceIntervalMinutes > 0 && scheduleMode == ScheduleMode.CHECK_BAND)
        {
            throw new IllegalArgumentException(
                p + "scheduleMode CHECK_BAND needs a band, but band is NONE: configure a band or use REBALANCE");
        }
        if (!(rearmFraction >= 0.0 && rearmFraction < 1.0))
        {
            throw new IllegalArgumentException(
                p + "rearmFraction must be in [0, 1), was " + rearmFraction
                    + ": the band re-arms once delta is back within this fraction of its half-width (e.g. 0.5)");
        }
        if (rearmAfterMs <= 0)
        {
            throw new IllegalArgumentException(
                p + "rearmAfterMs must be > 0 ms, was " + rearmAfterMs
                    + ": the longest a band stays disarmed after a hedge (e.g. 60000)");
        }
        if (maxOrdersPerMinute < 1 || maxOrdersPerMinute > MAX_ORDERS_PER_MINUTE_LIMIT)
        {
            throw new IllegalArgumentException(
                p + "maxOrdersPerMinute must be in [1, " + MAX_ORDERS_PER_MINUTE_LIMIT + "], was "
                    + maxOrdersPerMinute + ": the most hedges in any rolling minute (e.g. 6)");
        }
        if (lotSizeCoin == null || lotSizeCoin.signum() <= 0 || lotSizeCoin.stripTrailingZeros().scale() > 18)
        {
            throw new IllegalArgumentException(
                p + "lotSizeCoin must be > 0 coin with at most 18 decimals, was " + lotSizeCoin
                    + ": give the hedge instrument's amount step in coin, e.g. 0.0001");
        }
        if (minTradeSizeCoin == null || minTradeSizeCoin.compareTo(lotSizeCoin) < 0
            || minTradeSizeCoin.remainder(lotSizeCoin).signum() != 0)
        {
            throw new IllegalArgumentException(
                p + "minTradeSizeCoin must be a whole multiple of lotSizeCoin (" + lotSizeCoin.toPlainString()
                    + ") of at least one lot, was " + (minTradeSizeCoin == null ? null : minTradeSizeCoin.toPlainString())
                    + ": e.g. " + lotSizeCoin.multiply(BigDecimal.TEN).stripTrailingZeros().toPlainString());
        }
    }

    /** A builder with the defaults listed on each setter; the underlying and the lot must be given. */
    public static Builder builder(final String underlying, final String lotSizeCoin)
    {
        return new Builder(underlying, decimal("lotSizeCoin", underlying, lotSizeCoin));
    }

    private static BigDecimal decimal(final String field, final String underlying, final String text)
    {
        try
        {
            return new BigDecimal(text);
        }
        catch (final NumberFormatException | NullPointerException e)
        {
            throw new IllegalArgumentException(
                "policy[" + underlying + "]." + field + " must be a decimal number of coin, was '" + text
                    + "': e.g. 0.0001");
        }
    }

    /** The time rebalancing interval in milliseconds, 0 for none. */
    public long rebalanceIntervalMs()
    {
        return rebalanceIntervalMinutes * 60_000L;
    }

    /** A mutable builder for tests and configuration loading; {@link #build()} validates. */
    public static final class Builder
    {
        private final String underlying;
        private final BigDecimal lotSizeCoin;
        private DeltaMeasure deltaMeasure = DeltaMeasure.PLAIN;
        private double target;
        private DeltaUnit targetUnit = DeltaUnit.COIN;
        private HedgeBand band = HedgeBand.NONE;
        private RebalanceTo rebalanceTo = RebalanceTo.TARGET;
        private int rebalanceIntervalMinutes;
        private ScheduleMode scheduleMode = ScheduleMode.REBALANCE;
        private double rearmFraction = 0.5;
        private long rearmAfterMs = 60_000L;
        private int maxOrdersPerMinute = 6;
        private BigDecimal minTradeSizeCoin;

        private Builder(final String underlying, final BigDecimal lotSizeCoin)
        {
            this.underlying = underlying;
            this.lotSizeCoin = lotSizeCoin;
        }

        /** Default {@link DeltaMeasure#PLAIN}. */
        public Builder deltaMeasure(final DeltaMeasure measure)
        {
            this.deltaMeasure = measure;
            return this;
        }

        /** Default 0 coin. */
        public Builder target(final double target, final DeltaUnit unit)
        {
            this.target = target;
            this.targetUnit = unit;
            return this;
        }

        /** Default {@link HedgeBand#NONE}. */
        public Builder band(final HedgeBand band)
        {
            this.band = band;
            return this;
        }

        /** Default {@link RebalanceTo#TARGET}. */
        public Builder rebalanceTo(final RebalanceTo rebalanceTo)
        {
            this.rebalanceTo = rebalanceTo;
            return this;
        }

        /** Default 0 (none) and {@link ScheduleMode#REBALANCE}. */
        public Builder every(final int minutes, final ScheduleMode mode)
        {
            this.rebalanceIntervalMinutes = minutes;
            this.scheduleMode = mode;
            return this;
        }

        /** Default 0.5 and 60 000 ms. */
        public Builder rearm(final double fraction, final long afterMs)
        {
            this.rearmFraction = fraction;
            this.rearmAfterMs = afterMs;
            return this;
        }

        /** Default 6. */
        public Builder maxOrdersPerMinute(final int max)
        {
            this.maxOrdersPerMinute = max;
            return this;
        }

        /** Default one lot. */
        public Builder minTradeSizeCoin(final String minTradeSizeCoin)
        {
            this.minTradeSizeCoin = decimal("minTradeSizeCoin", underlying, minTradeSizeCoin);
            return this;
        }

        public HedgePolicy build()
        {
            return new HedgePolicy(
                underlying, deltaMeasure, target, targetUnit, band, rebalanceTo, rebalanceIntervalMinutes,
                scheduleMode, rearmFraction, rearmAfterMs, maxOrdersPerMinute, lotSizeCoin,
                minTradeSizeCoin == null ? lotSizeCoin : minTradeSizeCoin);
        }
    }
}
