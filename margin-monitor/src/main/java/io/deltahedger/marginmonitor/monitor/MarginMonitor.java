package io.deltahedger.marginmonitor.monitor;

import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.marginmonitor.model.MarginModel;
import io.deltahedger.venues.Side;

/**
 * Continuous margin monitoring of every account in a {@link MarginBook}: the margin ratio on every update, alert
 * levels with hysteresis, and reduce-only de-risking plans.
 *
 * <p><b>Ratio.</b> On a snapshot the ratio is the venue's own (reported maintenance margin over equity). Between
 * snapshots it is projected from the marks: {@code MM = reported MM + model MM(now) - model MM(at the snapshot's
 * marks)}, {@code equity = reported equity + profit of the positions since the snapshot's marks}. When a held
 * instrument has no usable mark (now or at the snapshot) the reported ratio stands.
 *
 * <p><b>Alerts.</b> A level is entered as soon as the ratio reaches it and left only when the ratio falls
 * {@code hysteresis} below it, so a ratio hovering at a level does not flap. Every change goes to the listener.
 *
 * <p><b>De-risking.</b> From {@code deRiskTrigger}, {@link #planDeRisk} cuts positions, largest model maintenance margin
 * first, each by the fewest lots (at least the instrument's minimum, at most the position) that bring the projected
 * ratio to {@code deRiskTarget}, assuming fills at the mark (equity unchanged). It produces intents, it sends nothing.
 *
 * <p>Single-threaded (the stage that owns the book), allocation-free, time passed in.
 */
public final class MarginMonitor {

    private final MarginBook book;
    private final MonitorConfig config;
    private final AlertListener listener;
    private final AlertLevel[] level;
    private final double[] ratio;
    private final double[] projectedMm;
    private final double[] projectedEquity;
    private final double[] modelMmAtSnapshot;
    private final boolean[] snapshotMarksValid;
    private final double[] markAtSnapshot;
    private final boolean[] cut;

    public MarginMonitor(final MarginBook book, final MonitorConfig config, final AlertListener listener) {
        this.book = book;
        this.config = config;
        this.listener = listener;
        level = new AlertLevel[book.maxAccounts()];
        java.util.Arrays.fill(level, AlertLevel.NORMAL);
        ratio = new double[book.maxAccounts()];
        projectedMm = new double[book.maxAccounts()];
        projectedEquity = new double[book.maxAccounts()];
        modelMmAtSnapshot = new double[book.maxAccounts()];
        snapshotMarksValid = new boolean[book.maxAccounts()];
        markAtSnapshot = new double[book.maxInstruments()];
        cut = new boolean[book.maxInstruments()];
    }

    /** Call after {@link MarginBook#onAccount}: takes the reported ratio and remembers the marks it was reported at. */
    public AlertLevel onAccount(final int accountId, final long nowMs) {
        boolean valid = true;
        double mm = 0.0;
        for (int k = 0; k < book.accountInstrumentCount(accountId); k++) {
            final int i = book.accountInstrument(accountId, k);
            markAtSnapshot[i] = book.mark(i);
            if (book.positionLots(i) != 0) {
                if (book.marketReady(i)) {
                    mm += positionMm(accountId, i, book.positionAmount(i));
                } else {
                    valid = false;
                }
            }
        }
        modelMmAtSnapshot[accountId] = mm;
        snapshotMarksValid[accountId] = valid && !book.hasUnmodelledPositions(accountId);
        projectedMm[accountId] = book.reportedMaintenanceMargin(accountId);
        projectedEquity[accountId] = book.equity(accountId);
        return update(accountId, MarginGate.ratio(projectedMm[accountId], projectedEquity[accountId]), nowMs);
    }

    /** Call after marks, index or volatility of the account's instruments moved: re-projects the ratio. */
    public AlertLevel onMarket(final int accountId, final long nowMs) {
        if (!book.hasSnapshot(accountId)) {
            return level[accountId];
        }
        double mm = book.reportedMaintenanceMargin(accountId) - modelMmAtSnapshot[accountId];
        double equity = book.equity(accountId);
        boolean valid = snapshotMarksValid[accountId];
        for (int k = 0; k < book.accountInstrumentCount(accountId) && valid; k++) {
            final int i = book.accountInstrument(accountId, k);
            if (book.positionLots(i) == 0) {
                continue;
            }
            if (!book.marketReady(i)) {
                valid = false;
                break;
            }
            final double amount = book.positionAmount(i);
            final MarginInstrument inst = book.instrument(i);
            final double before = markAtSnapshot[i];
            final double now = book.mark(i);
            mm += positionMm(accountId, i, amount);
            equity += !inst.isOption() && inst.inverse() ? amount * (1.0 / before - 1.0 / now) : amount * (now - before);
        }
        if (!valid) {
            mm = book.reportedMaintenanceMargin(accountId);
            equity = book.equity(accountId);
        }
        projectedMm[accountId] = Math.max(0.0, mm);
        projectedEquity[accountId] = equity;
        return update(accountId, MarginGate.ratio(projectedMm[accountId], equity), nowMs);
    }

    private AlertLevel update(final int accountId, final double r, final long nowMs) {
        ratio[accountId] = r;
        final AlertLevel from = level[accountId];
        final AlertLevel to;
        if (r >= config.criticalLevel()) {
            to = AlertLevel.CRITICAL;
        } else if (r >= config.warnLevel()) {
            to = from == AlertLevel.CRITICAL && r >= config.criticalLevel() - config.hysteresis()
                ? AlertLevel.CRITICAL : AlertLevel.WARN;
        } else if (from == AlertLevel.NORMAL || r < config.warnLevel() - config.hysteresis()) {
            to = AlertLevel.NORMAL;
        } else {
            to = AlertLevel.WARN;
        }
        if (to != from) {
            level[accountId] = to;
            listener.onAlertChange(accountId, from, to, r, nowMs);
        }
        return to;
    }

    /**
     * Fills {@code out} with reduce-only intents for the account when its ratio has reached the de-risking trigger.
     *
     * @return whether a plan was produced (false, with an empty plan, below the trigger)
     */
    public boolean planDeRisk(final int accountId, final DeRiskPlan out) {
        return planDeRisk(accountId, out, null);
    }

    /**
     * As {@link #planDeRisk(int, DeRiskPlan)}, cutting only the instruments marked in {@code cuttable} (indexed by
     * instrument id; null: every instrument), e.g. the delta-one instruments an execution stage can trade. The others
     * keep their margin, so the plan may then not reach the target ({@link DeRiskPlan#reachesTarget()} false).
     */
    public boolean planDeRisk(final int accountId, final DeRiskPlan out, final boolean[] cuttable) {
        final double before = ratio[accountId];
        out.reset(accountId, before);
        if (before < config.deRiskTrigger() || !book.hasSnapshot(accountId)) {
            return false;
        }
        final double equity = projectedEquity[accountId];
        final double targetMm = config.deRiskTarget() * equity;
        double mm = projectedMm[accountId];
        final int n = book.accountInstrumentCount(accountId);
        for (int k = 0; k < n; k++) {
            cut[book.accountInstrument(accountId, k)] = false;
        }
        boolean reached = equity > 0 && mm <= targetMm;
        while (!reached) {
            int best = -1;
            double bestMm = 0.0;
            for (int k = 0; k < n; k++) {
                final int i = book.accountInstrument(accountId, k);
                if (cut[i] || book.positionLots(i) == 0 || !book.marketReady(i)
                    || (cuttable != null && !cuttable[i])) {
                    continue;
                }
                final double positionMm = positionMm(accountId, i, book.positionAmount(i));
                if (positionMm > bestMm) {
                    best = i;
                    bestMm = positionMm;
                }
            }
            if (best < 0) {
                break;
            }
            cut[best] = true;
            final long position = book.positionLots(best);
            final long size = Math.abs(position);
            final double rest = mm - bestMm;
            long lots = size;
            if (equity > 0 && rest <= targetMm) {
                // The fewest lots whose cut leaves the position's margin within what the target allows.
                long lo = 1;
                long hi = size;
                while (lo < hi) {
                    final long mid = lo + (hi - lo) / 2;
                    if (rest + remainingMm(accountId, best, position, mid) <= targetMm) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                lots = Math.min(size, Math.max(lo, book.instrument(best).minLots()));
            }
            if (!out.add(best, position > 0 ? Side.SELL : Side.BUY, lots)) {
                break;
            }
            mm = rest + remainingMm(accountId, best, position, lots);
            reached = equity > 0 && mm <= targetMm;
        }
        out.finish(MarginGate.ratio(mm, equity), reached);
        return true;
    }

    private double remainingMm(final int accountId, final int i, final long position, final long cutLots) {
        final long remaining = position > 0 ? position - cutLots : position + cutLots;
        return positionMm(accountId, i, remaining * book.instrument(i).lotSize());
    }

    private double positionMm(final int accountId, final int i, final double amount) {
        final MarginModel model = book.model(accountId);
        return model.maintenanceMargin(book.instrument(i), amount, book.mark(i), book.index(book.underlyingOf(i)));
    }

    /** The last margin ratio (reported or projected), 0 before any update. */
    public double ratio(final int accountId) {
        return ratio[accountId];
    }

    public AlertLevel level(final int accountId) {
        return level[accountId];
    }

    public double projectedMaintenanceMargin(final int accountId) {
        return projectedMm[accountId];
    }

    public double projectedEquity(final int accountId) {
        return projectedEquity[accountId];
    }
}
