package io.deltahedger.marginmonitor.monitor;

import io.deltahedger.venues.Side;

/**
 * Reduce-only order intents that bring an account back under the de-risking target, written into this pre-allocated
 * holder by {@link MarginMonitor#planDeRisk}. Intents are not orders: the execution stage prices and sends them, always
 * with {@code reduceOnly=true}. Amounts are lots of the instrument, never more than the position.
 */
public final class DeRiskPlan {

    private final int[] instrument;
    private final Side[] side;
    private final long[] lots;
    private int count;
    private int accountId = -1;
    private double ratioBefore;
    private double ratioAfter;
    private boolean reachesTarget;

    public DeRiskPlan(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("de-risk plan capacity must be >= 1, got " + capacity);
        }
        instrument = new int[capacity];
        side = new Side[capacity];
        lots = new long[capacity];
    }

    void reset(final int account, final double ratio) {
        count = 0;
        accountId = account;
        ratioBefore = ratio;
        ratioAfter = ratio;
        reachesTarget = false;
    }

    boolean add(final int instrumentId, final Side cutSide, final long cutLots) {
        if (count == instrument.length) {
            return false;
        }
        instrument[count] = instrumentId;
        side[count] = cutSide;
        lots[count] = cutLots;
        count++;
        return true;
    }

    void finish(final double ratio, final boolean reached) {
        ratioAfter = ratio;
        reachesTarget = reached;
    }

    public int count() {
        return count;
    }

    public int accountId() {
        return accountId;
    }

    public int instrument(final int k) {
        return instrument[k];
    }

    /** The side that reduces the position (opposite to it). */
    public Side side(final int k) {
        return side[k];
    }

    public long lots(final int k) {
        return lots[k];
    }

    /** Always true: every intent may only reduce a position. */
    public boolean reduceOnly(final int k) {
        return true;
    }

    public double ratioBefore() {
        return ratioBefore;
    }

    /** The projected ratio once every intent fills at the mark. */
    public double ratioAfter() {
        return ratioAfter;
    }

    /** False when even cutting every margin-carrying position (or the plan's capacity) cannot reach the target. */
    public boolean reachesTarget() {
        return reachesTarget;
    }
}
