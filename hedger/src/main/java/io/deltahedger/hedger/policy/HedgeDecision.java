package io.deltahedger.hedger.policy;

/**
 * The reusable result of {@link HedgeDecider#decide}: whether to trade, how much delta in coin (signed: positive buys
 * the underlying's delta, negative sells it), why, and the figures the decision was taken on, for the journal.
 * It says how much delta to trade, not where: routing to venues is a later stage. Mutable and pre-allocated; owned
 * by the thread that owns the decider.
 */
public final class HedgeDecision
{
    private HedgeReason reason = HedgeReason.INSIDE_BAND;
    private long lots;
    private double quantityCoin;
    private double deltaCoin;
    private double targetCoin;
    private double halfWidthCoin;
    private double spot;
    private long decidedAtMs;

    void set(
        final HedgeReason reason,
        final long lots,
        final double quantityCoin,
        final double deltaCoin,
        final double targetCoin,
        final double halfWidthCoin,
        final double spot,
        final long decidedAtMs)
    {
        this.reason = reason;
        this.lots = lots;
        this.quantityCoin = quantityCoin;
        this.deltaCoin = deltaCoin;
        this.targetCoin = targetCoin;
        this.halfWidthCoin = halfWidthCoin;
        this.spot = spot;
        this.decidedAtMs = decidedAtMs;
    }

    /** Why: a trading reason ({@link HedgeReason#trades()}) or why not. */
    public HedgeReason reason()
    {
        return reason;
    }

    /** True if this decision trades: {@link #lots()} is then non-zero and at least the minimum trade size. */
    public boolean trades()
    {
        return reason.trades();
    }

    /** Signed whole lots of delta to trade; 0 when the decision does not trade. Exact: {@code lots × lotSize}. */
    public long lots()
    {
        return lots;
    }

    /** Signed quantity in coin, the nearest double to {@code lots × lotSize}; 0 when not trading. */
    public double quantityCoin()
    {
        return quantityCoin;
    }

    /** The delta the decision was taken on, in coin, in the policy's measure (NaN only for INVALID_INPUT). */
    public double deltaCoin()
    {
        return deltaCoin;
    }

    /** The target in coin at the decision's spot (NaN only for INVALID_INPUT). */
    public double targetCoin()
    {
        return targetCoin;
    }

    /** The band's half-width in coin at the decision, infinite with no band (NaN only for INVALID_INPUT). */
    public double halfWidthCoin()
    {
        return halfWidthCoin;
    }

    /** The spot the decision was taken at, USD per coin. */
    public double spot()
    {
        return spot;
    }

    /** The decision time, epoch milliseconds of the injected clock. */
    public long decidedAtMs()
    {
        return decidedAtMs;
    }

    @Override
    public String toString()
    {
        return "HedgeDecision{" + reason + ", lots=" + lots + ", quantityCoin=" + quantityCoin + ", deltaCoin="
            + deltaCoin + ", targetCoin=" + targetCoin + ", halfWidthCoin=" + halfWidthCoin + ", spot=" + spot
            + ", at=" + decidedAtMs + '}';
    }
}
