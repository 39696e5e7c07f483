package io.deltahedger.hedger.policy;

import io.deltahedger.greeks.portfolio.PortfolioGreeks;
import io.deltahedger.venues.instrument.DecimalGrid;

/**
 * Decides, for one underlying, whether and how much delta to trade under a {@link HedgePolicy}: the band, the time
 * schedule, hysteresis, the orders-per-minute cap, the minimum size and lot rounding (docs/hedging.md).
 * <p>
 * <b>State.</b> Whether the band is armed (hysteresis), the next scheduled time, a pending flatten request and the
 * times of the last trading decisions. Each decision that trades assumes it will be executed: the band disarms
 * until delta has come back within the re-arm band (which a filled hedge achieves) or {@code rearmAfterMs} has
 * passed; an execution stage that drops a hedge calls {@link #rearm()}.
 * <p>
 * <b>Threading and time.</b> Owned by one thread. Time is the caller's injected clock in epoch milliseconds; an
 * earlier time than one already seen is taken as the latest seen, so the schedule and the rate cap never run
 * backward. Deterministic: the same inputs give the same decisions. Allocation-free after construction.
 */
public final class HedgeDecider
{
    private static final long UNSCHEDULED = Long.MIN_VALUE;

    private final HedgePolicy policy;
    private final LotRounding lots;
    private final RollingRateCap rateCap;
    private final long minTradeLots;
    private final long intervalMs;
    private final boolean checkBandOnSchedule;
    private final boolean toTarget;
    private final boolean premiumAdjusted;

    private boolean armed = true;
    private boolean flattenRequested;
    private long lastTradeMs = Long.MIN_VALUE;
    private long latestMs = Long.MIN_VALUE;
    private long nextScheduledMs = UNSCHEDULED;

    public HedgeDecider(final HedgePolicy policy)
    {
        if (policy == null)
        {
            throw new IllegalArgumentException("policy is missing: build one with HedgePolicy.builder(...)");
        }
        this.policy = policy;
        this.lots = new LotRounding(policy.lotSizeCoin());
        this.rateCap = new RollingRateCap(policy.maxOrdersPerMinute(), HedgePolicy.RATE_WINDOW_MS);
        this.minTradeLots = lots.grid().toUnits(policy.minTradeSizeCoin());
        this.intervalMs = policy.rebalanceIntervalMs();
        this.checkBandOnSchedule = intervalMs > 0 && policy.scheduleMode() == ScheduleMode.CHECK_BAND;
        this.toTarget = policy.rebalanceTo() == RebalanceTo.TARGET;
        this.premiumAdjusted = policy.deltaMeasure() == DeltaMeasure.PREMIUM_ADJUSTED;
    }

    public HedgePolicy policy()
    {
        return policy;
    }

    /** The lot grid: {@code lotGrid().format(decision.lots())} is the exact decimal quantity in coin. */
    public DecimalGrid lotGrid()
    {
        return lots.grid();
    }

    /** True if a band breach would trade now (false after a band hedge until delta comes back: hysteresis). */
    public boolean armed()
    {
        return armed;
    }

    /** The next scheduled time in epoch ms, or {@link Long#MIN_VALUE} before the first decision or with no schedule. */
    public long nextScheduledMs()
    {
        return nextScheduledMs;
    }

    /**
     * Asks the next decision to trade delta back to the target whatever the band and the hysteresis say (reason
     * {@link HedgeReason#FLATTEN}); it stays pending while the rate cap holds it back.
     */
    public void requestFlatten()
    {
        flattenRequested = true;
    }

    /** Re-arms the band at once: the execution stage reports that the last hedge was not (or only partly) done. */
    public void rearm()
    {
        armed = true;
    }

    /**
     * Decides on an underlying's aggregated Greeks, taking the delta measure the policy names
     * ({@code deltaCoin()} or {@code premiumAdjustedDeltaCoin()}), {@code gammaPerUsd()} and {@code spot()}.
     */
    public void decide(final PortfolioGreeks greeks, final long nowMs, final HedgeDecision out)
    {
        decide(
            premiumAdjusted ? greeks.premiumAdjustedDeltaCoin() : greeks.deltaCoin(),
            greeks.gammaPerUsd(),
            greeks.spot(),
            nowMs,
            out);
    }

    /**
     * Decides on primitive Greeks and writes the decision into {@code out}. Never throws on market data: a
     * non-finite delta or gamma, or a spot that is not finite and positive, gives {@link HedgeReason#INVALID_INPUT}
     * and changes no state; a wanted quantity beyond {@link LotRounding#MAX_LOTS} lots also gives
     * {@link HedgeReason#INVALID_INPUT} and trades nothing (the clock, schedule and re-arming have advanced).
     *
     * @param deltaCoin   the delta in the policy's measure, coin.
     * @param gammaPerUsd the gamma, coin per USD of spot move.
     * @param spot        USD per coin.
     * @param nowMs       the injected clock, epoch milliseconds.
     * @param out         receives the decision.
     */
    public void decide(
        final double deltaCoin, final double gammaPerUsd, final double spot, final long nowMs, final HedgeDecision out)
    {
        if (!Double.isFinite(deltaCoin) || !Double.isFinite(gammaPerUsd) || !(spot > 0.0 && spot < Double.POSITIVE_INFINITY))
        {
            out.set(HedgeReason.INVALID_INPUT, 0, 0.0, deltaCoin, Double.NaN, Double.NaN, spot, nowMs);
            return;
        }
        final long now = Math.max(nowMs, latestMs);
        latestMs = now;
        if (intervalMs > 0 && nextScheduledMs == UNSCHEDULED)
        {
            nextScheduledMs = nextBoundary(now);
        }

        final double targetCoin = policy.targetUnit().toCoin(policy.target(), spot);
        final double halfWidthCoin = policy.band().halfWidthCoin(spot, gammaPerUsd);
        final double rearmCoin = halfWidthCoin == Double.POSITIVE_INFINITY ?
            Double.POSITIVE_INFINITY : policy.rearmFraction() * halfWidthCoin;
        final double deviation = deltaCoin - targetCoin;
        final double absDeviation = Math.abs(deviation);
        // One lot of slack: rounding toward less trading leaves a filled hedge up to a lot short of its destination.
        if (!armed && (absDeviation <= rearmCoin + lots.lotCoin() || now - lastTradeMs >= policy.rearmAfterMs()))
        {
            armed = true;
        }

        final boolean due = intervalMs > 0 && now >= nextScheduledMs;
        HedgeReason reason;
        double destinationCoin = targetCoin;
        if (flattenRequested)
        {
            reason = HedgeReason.FLATTEN;
        }
        else if (due && !checkBandOnSchedule)
        {
            reason = HedgeReason.TIME_REBALANCE;
        }
        else if (checkBandOnSchedule && !due)
        {
            reason = HedgeReason.AWAITING_SCHEDULE;
        }
        else if (absDeviation > halfWidthCoin)
        {
            // On a schedule the band is sampled, so it cannot ping-pong: hysteresis guards only continuous bands.
            reason = armed || checkBandOnSchedule ? HedgeReason.BAND_BREACH : HedgeReason.SUPPRESSED_HYSTERESIS;
            if (!toTarget)
            {
                destinationCoin = deviation > 0.0 ? targetCoin + rearmCoin : targetCoin - rearmCoin;
            }
        }
        else
        {
            reason = HedgeReason.INSIDE_BAND;
        }

        long tradeLots = 0;
        if (reason.trades())
        {
            tradeLots = lots.lotsTowardZero(destinationCoin - deltaCoin);
            if (tradeLots == LotRounding.OUT_OF_RANGE)
            {
                out.set(HedgeReason.INVALID_INPUT, 0, 0.0, deltaCoin, targetCoin, halfWidthCoin, spot, now);
                return;
            }
            if (Math.abs(tradeLots) < minTradeLots)
            {
                reason = HedgeReason.BELOW_MIN_SIZE;
                tradeLots = 0;
            }
            else if (!rateCap.allows(now))
            {
                reason = HedgeReason.SUPPRESSED_RATE_CAP;
                tradeLots = 0;
            }
        }

        if (reason != HedgeReason.SUPPRESSED_RATE_CAP)
        {
            // A due slot or a flatten request is used up by any decision the rate cap did not hold back.
            if (due)
            {
                nextScheduledMs = nextBoundary(now);
            }
            flattenRequested = false;
        }
        if (tradeLots != 0)
        {
            rateCap.record(now);
            armed = false;
            lastTradeMs = now;
        }
        out.set(reason, tradeLots, lots.toCoin(tradeLots), deltaCoin, targetCoin, halfWidthCoin, spot, now);
    }

    /** The first whole multiple of the interval since the epoch strictly after {@code nowMs}. */
    private long nextBoundary(final long nowMs)
    {
        return (Math.floorDiv(nowMs, intervalMs) + 1) * intervalMs;
    }
}
