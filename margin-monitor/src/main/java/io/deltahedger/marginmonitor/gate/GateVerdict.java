package io.deltahedger.marginmonitor.gate;

/**
 * The gate's answer for one group, written into this pre-allocated, reusable holder (exchange-core style: a result
 * code on the event, not an exception).
 *
 * <p>Per touched account (in order of first appearance in the group) it carries the reported ratio and the worst
 * projected one: maintenance margin over margin balance, with the subset of legs (bit i = leg i filled) and the
 * scenario that produced it, and that projection's maintenance margin and equity in the account currency. Ratios are
 * 0 with no margin, +infinity when margin is held against a non-positive balance, never NaN. When a block happens
 * before projection (stale, unknown, invalid) the projected fields are NaN-free zeros and {@link #projected()} is false.
 */
public final class GateVerdict {

    private GateReason reason = GateReason.BLOCKED_INVALID_LEG;
    private int offendingLeg = -1;
    private int offendingAccount = -1;
    private boolean riskReducing;
    private boolean projected;
    private int subsetCount;
    private int accountCount;
    private final int[] accountId = new int[MarginGate.MAX_LEGS];
    private final double[] reportedRatio = new double[MarginGate.MAX_LEGS];
    private final double[] worstRatio = new double[MarginGate.MAX_LEGS];
    private final int[] worstSubset = new int[MarginGate.MAX_LEGS];
    private final int[] worstScenario = new int[MarginGate.MAX_LEGS];
    private final double[] worstSpotMove = new double[MarginGate.MAX_LEGS];
    private final double[] worstVolShift = new double[MarginGate.MAX_LEGS];
    private final double[] projectedMm = new double[MarginGate.MAX_LEGS];
    private final double[] projectedEquity = new double[MarginGate.MAX_LEGS];

    void reset() {
        reason = GateReason.BLOCKED_INVALID_LEG;
        offendingLeg = -1;
        offendingAccount = -1;
        riskReducing = false;
        projected = false;
        subsetCount = 0;
        accountCount = 0;
    }

    void block(final GateReason why, final int leg, final int account) {
        reason = why;
        offendingLeg = leg;
        offendingAccount = account;
    }

    void approve(final boolean reducing) {
        reason = GateReason.APPROVED;
        riskReducing = reducing;
    }

    int addAccount(final int account, final double reported) {
        final int k = accountCount++;
        accountId[k] = account;
        reportedRatio[k] = reported;
        worstRatio[k] = 0.0;
        worstSubset[k] = 0;
        worstScenario[k] = 0;
        worstSpotMove[k] = 0.0;
        worstVolShift[k] = 0.0;
        projectedMm[k] = 0.0;
        projectedEquity[k] = 0.0;
        return k;
    }

    void setReportedRatio(final int k, final double ratio) {
        reportedRatio[k] = ratio;
    }

    void offer(final int k, final double ratio, final int subset, final int scenario, final double spotMove,
               final double volShift, final double mm, final double equity) {
        if (!projected(k) || ratio > worstRatio[k]) {
            worstRatio[k] = ratio;
            worstSubset[k] = subset;
            worstScenario[k] = scenario;
            worstSpotMove[k] = spotMove;
            worstVolShift[k] = volShift;
            projectedMm[k] = mm;
            projectedEquity[k] = equity;
        }
    }

    private boolean projected(final int k) {
        return worstSubset[k] != 0;
    }

    void markProjected(final int subsets) {
        projected = true;
        subsetCount = subsets;
    }

    public GateReason reason() {
        return reason;
    }

    public boolean approved() {
        return reason == GateReason.APPROVED;
    }

    /** The leg that caused an invalid-leg or unknown block, else -1. */
    public int offendingLeg() {
        return offendingLeg;
    }

    /** The account (book id) that caused the block, else -1. */
    public int offendingAccount() {
        return offendingAccount;
    }

    /**
     * True when approved because the group strictly reduces maintenance margin on every account it touches; the
     * executor must then send every leg reduce-only, so the venue refuses any part that would add risk.
     */
    public boolean riskReducing() {
        return riskReducing;
    }

    /** Whether the subset/scenario projection ran (false for blocks found before it). */
    public boolean projected() {
        return projected;
    }

    /** How many leg subsets were projected. */
    public int subsetCount() {
        return subsetCount;
    }

    public int accountCount() {
        return accountCount;
    }

    public int accountId(final int k) {
        return accountId[k];
    }

    public double reportedRatio(final int k) {
        return reportedRatio[k];
    }

    public double worstRatio(final int k) {
        return worstRatio[k];
    }

    /** Bit i set = leg i filled in the worst projection. */
    public int worstSubset(final int k) {
        return worstSubset[k];
    }

    public int worstScenario(final int k) {
        return worstScenario[k];
    }

    public double worstSpotMove(final int k) {
        return worstSpotMove[k];
    }

    public double worstVolShift(final int k) {
        return worstVolShift[k];
    }

    public double projectedMaintenanceMargin(final int k) {
        return projectedMm[k];
    }

    public double projectedEquity(final int k) {
        return projectedEquity[k];
    }

    /** For logs and tests only: allocates. */
    @Override
    public String toString() {
        final StringBuilder b = new StringBuilder("GateVerdict{").append(reason);
        if (offendingLeg >= 0) {
            b.append(", leg ").append(offendingLeg);
        }
        if (offendingAccount >= 0) {
            b.append(", account ").append(offendingAccount);
        }
        if (riskReducing) {
            b.append(", risk-reducing");
        }
        for (int k = 0; k < accountCount; k++) {
            b.append(", [account ").append(accountId[k]).append(" reported ").append(reportedRatio[k])
                .append(" worst ").append(worstRatio[k]).append(" subset ").append(Integer.toBinaryString(worstSubset[k]))
                .append(" spot ").append(worstSpotMove[k]).append(" vol ").append(worstVolShift[k])
                .append(" mm ").append(projectedMm[k]).append(" equity ").append(projectedEquity[k]).append(']');
        }
        return b.append('}').toString();
    }
}
