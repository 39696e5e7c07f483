package io.deltahedger.marginmonitor.gate;

import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.portfolio.ScenarioGrid;
import io.deltahedger.greeks.portfolio.ScenarioValues;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.marginmonitor.model.MarginModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference implementation for differential tests: for every account, subset and scenario it rebuilds the whole
 * account from scratch (positions after fills, every position's margin at shocked marks) and takes the options' shock
 * profit from the greeks {@link Portfolio#revalueScenarios} on the post-fill book. Slow, allocating, obvious. Covers
 * fresh, known, valid inputs and the risk-reducing rule (the fail-closed checks are unit-tested separately).
 */
final class NaiveMarginGate {

    record Result(GateReason reason, boolean riskReducing, Map<Integer, Double> worstRatio, List<Double> allRatios) {
    }

    private final MarginBook book;
    private final GateConfig config;

    NaiveMarginGate(final MarginBook book, final GateConfig config) {
        this.book = book;
        this.config = config;
    }

    Result evaluate(final LegGroup group, final long nowMs) {
        final int n = group.size();
        final Map<Integer, Double> worst = new LinkedHashMap<>();
        final List<Double> all = new ArrayList<>();
        for (int leg = 0; leg < n; leg++) {
            worst.putIfAbsent(group.account(leg), 0.0);
        }
        if (reducing(group)) {
            return new Result(GateReason.APPROVED, true, worst, all);
        }
        for (final int account : worst.keySet()) {
            if (nowMs - book.snapshotMs(account) > config.maxSnapshotAgeMs()) {
                return new Result(GateReason.BLOCKED_STALE_ACCOUNT, false, worst, all);
            }
        }
        final double[] spotMoves = config.spotMoves();
        final double[] volShifts = config.volShifts();
        final ScenarioGrid grid = new ScenarioGrid(spotMoves, volShifts);
        for (final int account : worst.keySet()) {
            final double modelNow = accountMm(account, amountsAfter(group, 0), 0.0, 0.0, nowMs);
            for (int mask = 1; mask < 1 << n; mask++) {
                if (!touches(group, mask, account)) {
                    continue;
                }
                final double[] after = amountsAfter(group, mask);
                double fill = 0.0;
                for (int leg = 0; leg < n; leg++) {
                    if ((mask & (1 << leg)) != 0 && group.account(leg) == account) {
                        final MarginInstrument inst = book.instrument(group.instrument(leg));
                        final double q = group.signedLots(leg) * inst.lotSize();
                        final double m = book.mark(group.instrument(leg));
                        final double l = group.limitPrice(leg);
                        fill += !inst.isOption() && inst.inverse() ? q / l - q / m : q * m - q * l;
                    }
                }
                final ScenarioValues options = optionScenarios(account, after, grid, nowMs);
                for (int s = 0; s < config.scenarioCount(); s++) {
                    final double move = s == 0 ? 0.0 : spotMoves[(s - 1) / volShifts.length];
                    final double shift = s == 0 ? 0.0 : volShifts[(s - 1) % volShifts.length];
                    double pnl = s == 0 || options == null ? 0.0
                        : options.pnlCoin((s - 1) / volShifts.length, (s - 1) % volShifts.length);
                    for (int i = 0; i < book.instrumentCount(); i++) {
                        if (book.accountOf(i) != account || book.instrument(i).isOption()) {
                            continue;
                        }
                        final double m = book.mark(i);
                        pnl += book.instrument(i).inverse() ? after[i] * (1 / m - 1 / (m * (1 + move))) : after[i] * m * move;
                    }
                    final double mm = Math.max(0.0, book.reportedMaintenanceMargin(account)
                        + accountMm(account, after, move, shift, nowMs) - modelNow);
                    final double ratio = MarginGate.ratio(mm, book.equity(account) + fill + pnl);
                    all.add(ratio);
                    worst.put(account, Math.max(worst.get(account), ratio));
                }
            }
        }
        for (final double ratio : worst.values()) {
            if (ratio >= config.threshold()) {
                return new Result(GateReason.BLOCKED_THRESHOLD, false, worst, all);
            }
        }
        return new Result(GateReason.APPROVED, false, worst, all);
    }

    private boolean touches(final LegGroup group, final int mask, final int account) {
        for (int leg = 0; leg < group.size(); leg++) {
            if ((mask & (1 << leg)) != 0 && group.account(leg) == account) {
                return true;
            }
        }
        return false;
    }

    /** Every instrument's amount after the legs in mask fill. */
    double[] amountsAfter(final LegGroup group, final int mask) {
        final double[] amounts = new double[book.instrumentCount()];
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = book.positionLots(i) * book.instrument(i).lotSize();
        }
        for (int leg = 0; leg < group.size(); leg++) {
            if ((mask & (1 << leg)) != 0) {
                final int i = group.instrument(leg);
                amounts[i] += group.signedLots(leg) * book.instrument(i).lotSize();
            }
        }
        return amounts;
    }

    double accountMm(final int account, final double[] amounts, final double move, final double shift, final long nowMs) {
        final MarginModel model = book.model(account);
        double mm = 0.0;
        for (int i = 0; i < book.instrumentCount(); i++) {
            if (book.accountOf(i) != account) {
                continue;
            }
            final MarginInstrument inst = book.instrument(i);
            final double index = book.index(book.underlyingOf(i));
            final double shockedIndex = index * (1 + move);
            final double mark = book.mark(i);
            final double shockedMark;
            if (inst.isOption()) {
                final double years = (inst.expiryEpochMs() - nowMs) / Portfolio.MILLIS_PER_YEAR;
                final double vol = book.volatility(i);
                shockedMark = move == 0.0 && shift == 0.0 ? mark : Math.max(0.0, mark
                    + InverseOptionPricer.DEFAULT.presentValue(inst.optionType(), shockedIndex, inst.strike(), years, Math.max(0, vol + shift), 0)
                    - InverseOptionPricer.DEFAULT.presentValue(inst.optionType(), index, inst.strike(), years, vol, 0));
            } else {
                shockedMark = mark * (1 + move);
            }
            mm += model.maintenanceMargin(inst, amounts[i], shockedMark, shockedIndex);
        }
        return mm;
    }

    private ScenarioValues optionScenarios(final int account, final double[] amounts, final ScenarioGrid grid, final long nowMs) {
        final List<OptionPosition> options = new ArrayList<>();
        double index = Double.NaN;
        for (int i = 0; i < book.instrumentCount(); i++) {
            final MarginInstrument inst = book.instrument(i);
            if (book.accountOf(i) == account && inst.isOption() && amounts[i] != 0.0) {
                options.add(new OptionPosition(inst.canonicalId(), inst.underlying(), OptionModel.INVERSE, inst.optionType(),
                    inst.strike(), inst.expiryEpochMs(), amounts[i], 1.0, book.volatility(i)));
                index = book.index(book.underlyingOf(i));
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        final Portfolio portfolio = Portfolio.of(options, List.<DeltaOnePosition>of());
        final ScenarioValues values = new ScenarioValues(grid);
        portfolio.revalueScenarios(0, index, nowMs, values);
        return values;
    }

    /** Every leg shrinks its position without flipping (cumulated) and all-fill model MM is strictly lower per account. */
    boolean reducing(final LegGroup group) {
        final Map<Integer, Long> total = new LinkedHashMap<>();
        for (int leg = 0; leg < group.size(); leg++) {
            final long position = book.positionLots(group.instrument(leg));
            if (position == 0 || Long.signum(group.signedLots(leg)) == Long.signum(position)) {
                return false;
            }
            total.merge(group.instrument(leg), group.signedLots(leg), Long::sum);
        }
        for (final Map.Entry<Integer, Long> e : total.entrySet()) {
            if (Math.abs(e.getValue()) > Math.abs(book.positionLots(e.getKey()))) {
                return false;
            }
        }
        final double[] after = amountsAfter(group, (1 << group.size()) - 1);
        final double[] now = amountsAfter(group, 0);
        for (int leg = 0; leg < group.size(); leg++) {
            final int account = group.account(leg);
            if (!(accountMm(account, after, 0, 0, 0) < accountMm(account, now, 0, 0, 0))) {
                return false;
            }
        }
        return true;
    }
}
