package io.deltahedger.marginmonitor.gate;

import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.marginmonitor.model.MarginModel;

/**
 * The pre-trade margin gate: judges a group of legs against every venue account it touches and writes a
 * {@link GateVerdict} (a reason code and the projected numbers), never throwing for a business refusal.
 *
 * <p><b>Projection</b> (docs/margin.md). For each touched account, each projected subset of legs (all {@code 2^n - 1}
 * non-empty subsets for {@code n <= 6} legs; otherwise each leg alone, all but each leg, and all) and each scenario
 * (no move, and every configured spot move with every vol shift):
 * <pre>
 *   MM'     = reported MM + model MM(positions after the subset's fills, shocked market) - model MM(now)
 *   equity' = reported equity + fill PnL of the subset's legs at their limit prices against the mark
 *             + shock PnL of the positions after the fills
 *   ratio   = MM' / equity'   (0 without margin, +infinity on a non-positive balance)
 * </pre>
 * The group is blocked if any ratio reaches {@link GateConfig#threshold()}. Subsets in which none of an account's legs
 * fill leave that account as it is and are not projected on it.
 *
 * <p><b>Fails closed</b>: an unregistered account or one without a snapshot, a stale snapshot, an unknown instrument or
 * an account holding unmodelled positions, missing market data and malformed legs all block, in that order of
 * checks (invalid legs first). <b>Risk-reducing groups are always allowed</b>, even on a stale snapshot: when every
 * leg reduces its position without flipping it (against the last reported positions) and the model maintenance
 * margin after all fills is strictly lower on every touched account, the verdict is APPROVED with
 * {@link GateVerdict#riskReducing()}, and the executor must send the legs reduce-only so the venue itself refuses any
 * part that would add risk if the positions moved since. Never a missing account: nothing proves a reduction there.
 *
 * <p>Single-threaded, allocation-free in steady state, time passed in.
 */
public final class MarginGate {

    /** The most legs in one group. */
    public static final int MAX_LEGS = 16;
    /** Up to this many legs every subset is projected. */
    public static final int EXHAUSTIVE_LEGS = 6;

    private final MarginBook book;
    private final GateConfig config;
    private final ScenarioMarks marks;
    private final int[] masks = new int[(1 << EXHAUSTIVE_LEGS) + 2 * MAX_LEGS + 1];
    private final int[] legSlot = new int[MAX_LEGS];
    private final int[] slotInstrument = new int[MAX_LEGS];
    private final double[] slotDelta = new double[MAX_LEGS];
    private final double[] legFillPnl = new double[MAX_LEGS];

    public MarginGate(final MarginBook book, final GateConfig config) {
        this.book = book;
        this.config = config;
        this.marks = new ScenarioMarks(book, config, book.maxAccounts(), book.maxInstruments());
    }

    public GateConfig config() {
        return config;
    }

    /**
     * Judges {@code group} at {@code nowMs} (the injected clock, same as snapshot timestamps) into {@code out}.
     *
     * @return whether the group is approved (also {@code out.approved()})
     */
    public boolean evaluate(final LegGroup group, final long nowMs, final GateVerdict out) {
        out.reset();
        final int n = group.size();
        if (n == 0) {
            out.block(GateReason.BLOCKED_INVALID_LEG, -1, -1);
            return false;
        }
        for (int leg = 0; leg < n; leg++) {
            final int a = group.account(leg);
            final int i = group.instrument(leg);
            final double limit = group.limitPrice(leg);
            if (group.side(leg) == null || group.lots(leg) <= 0 || !(limit > 0 && limit < Double.POSITIVE_INFINITY)) {
                out.block(GateReason.BLOCKED_INVALID_LEG, leg, -1);
                return false;
            }
            if (!book.isAccount(a)) {
                out.block(GateReason.BLOCKED_UNKNOWN_ACCOUNT, leg, -1);
                return false;
            }
            if (!book.isInstrument(i) || book.accountOf(i) != a) {
                out.block(GateReason.BLOCKED_UNKNOWN_INSTRUMENT, leg, a);
                return false;
            }
            if (slotOf(out, a) < 0) {
                out.addAccount(a, 0.0);
            }
        }
        for (int k = 0; k < out.accountCount(); k++) {
            final int a = out.accountId(k);
            if (!book.hasSnapshot(a)) {
                out.block(GateReason.BLOCKED_UNKNOWN_ACCOUNT, -1, a);
                return false;
            }
            out.setReportedRatio(k, ratio(book.reportedMaintenanceMargin(a), book.equity(a)));
        }
        for (int k = 0; k < out.accountCount(); k++) {
            marks.refresh(out.accountId(k), nowMs);
        }
        if (riskReducing(group)) {
            out.approve(true);
            return true;
        }
        for (int k = 0; k < out.accountCount(); k++) {
            final int a = out.accountId(k);
            if (nowMs - book.snapshotMs(a) > config.maxSnapshotAgeMs()) {
                out.block(GateReason.BLOCKED_STALE_ACCOUNT, -1, a);
                return false;
            }
            if (book.hasUnmodelledPositions(a)) {
                out.block(GateReason.BLOCKED_UNKNOWN_INSTRUMENT, -1, a);
                return false;
            }
            if (!marks.accountReady(a)) {
                out.block(GateReason.BLOCKED_NO_MARKET_DATA, -1, a);
                return false;
            }
        }
        for (int leg = 0; leg < n; leg++) {
            if (!marks.ready(group.instrument(leg))) {
                out.block(GateReason.BLOCKED_NO_MARKET_DATA, leg, group.account(leg));
                return false;
            }
            legFillPnl[leg] = fillPnl(group, leg);
        }
        final int maskCount = subsets(n);
        for (int k = 0; k < out.accountCount(); k++) {
            project(group, k, maskCount, out);
        }
        out.markProjected(maskCount);
        for (int k = 0; k < out.accountCount(); k++) {
            if (out.worstRatio(k) >= config.threshold()) {
                out.block(GateReason.BLOCKED_THRESHOLD, -1, out.accountId(k));
                return false;
            }
        }
        out.approve(false);
        return true;
    }

    private static int slotOf(final GateVerdict out, final int account) {
        for (int k = 0; k < out.accountCount(); k++) {
            if (out.accountId(k) == account) {
                return k;
            }
        }
        return -1;
    }

    /** Fills {@link #masks} with the projected subsets; returns how many. */
    private int subsets(final int n) {
        final int full = (1 << n) - 1;
        int count = 0;
        if (n <= EXHAUSTIVE_LEGS) {
            for (int mask = 1; mask <= full; mask++) {
                masks[count++] = mask;
            }
            return count;
        }
        for (int leg = 0; leg < n; leg++) {
            masks[count++] = 1 << leg;
            masks[count++] = full ^ (1 << leg);
        }
        masks[count++] = full;
        return count;
    }

    /** Groups the account's legs into distinct instrument slots; returns the slot count and sets legSlot (-1 elsewhere). */
    private int slots(final LegGroup group, final int account) {
        int slots = 0;
        for (int leg = 0; leg < group.size(); leg++) {
            legSlot[leg] = -1;
            if (group.account(leg) != account) {
                continue;
            }
            final int i = group.instrument(leg);
            int slot = -1;
            for (int s = 0; s < slots; s++) {
                if (slotInstrument[s] == i) {
                    slot = s;
                    break;
                }
            }
            if (slot < 0) {
                slot = slots++;
                slotInstrument[slot] = i;
            }
            legSlot[leg] = slot;
        }
        return slots;
    }

    private void project(final LegGroup group, final int k, final int maskCount, final GateVerdict out) {
        final int a = out.accountId(k);
        final MarginModel model = book.model(a);
        final int slots = slots(group, a);
        int accountLegs = 0;
        for (int leg = 0; leg < group.size(); leg++) {
            if (legSlot[leg] >= 0) {
                accountLegs |= 1 << leg;
            }
        }
        final double reportedMm = book.reportedMaintenanceMargin(a);
        final double equity = book.equity(a);
        final double modelNow = marks.accountModelMm(a, 0);
        final int scenarios = marks.scenarios();
        for (int m = 0; m < maskCount; m++) {
            final int mask = masks[m] & accountLegs;
            if (mask == 0) {
                continue;
            }
            for (int s = 0; s < slots; s++) {
                slotDelta[s] = 0.0;
            }
            double fill = 0.0;
            for (int leg = 0; leg < group.size(); leg++) {
                if ((mask & (1 << leg)) != 0) {
                    final int i = group.instrument(leg);
                    slotDelta[legSlot[leg]] += group.signedLots(leg) * book.instrument(i).lotSize();
                    fill += legFillPnl[leg];
                }
            }
            for (int sc = 0; sc < scenarios; sc++) {
                double mm = marks.accountModelMm(a, sc);
                double pnl = marks.accountShockPnl(a, sc);
                for (int s = 0; s < slots; s++) {
                    final double delta = slotDelta[s];
                    if (delta == 0.0) {
                        continue;
                    }
                    final int i = slotInstrument[s];
                    mm += model.maintenanceMargin(book.instrument(i), book.positionAmount(i) + delta,
                        marks.shockedMark(i, sc), marks.shockedIndex(i, sc)) - marks.currentMm(i, sc);
                    pnl += delta * marks.unitPnl(i, sc);
                }
                final double projectedMm = Math.max(0.0, reportedMm + mm - modelNow);
                final double projectedEquity = equity + fill + pnl;
                out.offer(k, ratio(projectedMm, projectedEquity), masks[m], sc, config.scenarioSpotMove(sc),
                    config.scenarioVolShift(sc), projectedMm, projectedEquity);
            }
        }
    }

    /**
     * True when every leg shrinks its instrument's position without flipping it (cumulated over the group's legs on
     * that instrument) and the model MM after all fills at today's market is strictly lower on every touched account.
     */
    private boolean riskReducing(final LegGroup group) {
        final int n = group.size();
        for (int leg = 0; leg < n; leg++) {
            final int i = group.instrument(leg);
            final long position = book.positionLots(i);
            if (position == 0 || Long.signum(group.signedLots(leg)) == Long.signum(position) || !marks.ready(i)) {
                return false;
            }
        }
        for (int leg = 0; leg < n; leg++) {
            final int a = group.account(leg);
            if (!accountFirstLeg(group, leg)) {
                continue;
            }
            final int slots = slots(group, a);
            for (int s = 0; s < slots; s++) {
                slotDelta[s] = 0.0;
            }
            for (int l = 0; l < n; l++) {
                if (legSlot[l] >= 0) {
                    slotDelta[legSlot[l]] += group.signedLots(l);
                }
            }
            final MarginModel model = book.model(a);
            double change = 0.0;
            for (int s = 0; s < slots; s++) {
                final int i = slotInstrument[s];
                final long position = book.positionLots(i);
                if (Math.abs(slotDelta[s]) > Math.abs(position)) {
                    return false;
                }
                final MarginInstrument inst = book.instrument(i);
                final double after = (position + slotDelta[s]) * inst.lotSize();
                change += model.maintenanceMargin(inst, after, marks.shockedMark(i, 0), marks.shockedIndex(i, 0))
                    - marks.currentMm(i, 0);
            }
            if (!(change < 0.0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean accountFirstLeg(final LegGroup group, final int leg) {
        for (int l = 0; l < leg; l++) {
            if (group.account(l) == group.account(leg)) {
                return false;
            }
        }
        return true;
    }

    /** Profit of filling a leg at its limit price, marked at the instrument's mark, in the settlement currency. */
    private double fillPnl(final LegGroup group, final int leg) {
        final int i = group.instrument(leg);
        final MarginInstrument inst = book.instrument(i);
        final double amount = group.signedLots(leg) * inst.lotSize();
        final double mark = book.mark(i);
        final double limit = group.limitPrice(leg);
        return !inst.isOption() && inst.inverse() ? amount * (1.0 / limit - 1.0 / mark) : amount * (mark - limit);
    }

    /** Maintenance margin over margin balance: 0 without margin, +infinity on a non-positive balance, never NaN. */
    public static double ratio(final double maintenanceMargin, final double equity) {
        if (maintenanceMargin <= 0.0) {
            return 0.0;
        }
        return equity <= 0.0 ? Double.POSITIVE_INFINITY : maintenanceMargin / equity;
    }
}
