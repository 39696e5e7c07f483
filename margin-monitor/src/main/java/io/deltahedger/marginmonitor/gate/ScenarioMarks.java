package io.deltahedger.marginmonitor.gate;

import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.pricing.Black76OptionPricer;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.marginmonitor.model.MarginModel;

/**
 * Per instrument and scenario: the shocked mark and index, the profit per unit of amount in the settlement currency,
 * and the model maintenance margin of the current position; per account and scenario: the model maintenance margin
 * and shock profit of all its current positions. Everything a subset projection needs beyond the legs themselves.
 *
 * <p>Shocks: the index moves by the scenario's relative spot move; a delta-one mark moves by the same relative amount;
 * an option is fully revalued with the greeks pricers (inverse or Black-76, forward = index, rate 0, ACT/365 from
 * the valuation time) at the shocked index and at its volatility plus the shift (floored at 0), and its shocked mark
 * is its mark plus that change of model value (floored at 0). Profit per unit: inverse delta-one
 * {@code 1/mark - 1/mark'} coin per USD; linear delta-one {@code mark' - mark}; options {@code model' - model}.
 *
 * <p>Kept per account and instrument, recomputed only where the book changed (see {@link #refresh}); allocation-free.
 */
final class ScenarioMarks {

    private final MarginBook book;
    private final GateConfig config;
    private final int scenarios;
    private final double[] shockedMark;
    private final double[] shockedIndex;
    private final double[] unitPnl;
    private final double[] currentMm;
    private final boolean[] ready;
    private final double[] accountModelMm;
    private final double[] accountShockPnl;
    private final boolean[] accountReady;
    private final long[] pricedStamp;
    private final long[] pricedMs;
    private final long[] marginStamp;

    ScenarioMarks(final MarginBook book, final GateConfig config, final int maxAccounts, final int maxInstruments) {
        this.book = book;
        this.config = config;
        this.scenarios = config.scenarioCount();
        shockedMark = new double[maxInstruments * scenarios];
        shockedIndex = new double[maxInstruments * scenarios];
        unitPnl = new double[maxInstruments * scenarios];
        currentMm = new double[maxInstruments * scenarios];
        ready = new boolean[maxInstruments];
        accountModelMm = new double[maxAccounts * scenarios];
        accountShockPnl = new double[maxAccounts * scenarios];
        accountReady = new boolean[maxAccounts];
        pricedStamp = new long[maxInstruments];
        pricedMs = new long[maxInstruments];
        marginStamp = new long[maxInstruments];
        java.util.Arrays.fill(pricedStamp, -1L);
        java.util.Arrays.fill(marginStamp, -1L);
    }

    /**
     * Brings one account's rows up to date: an instrument is repriced when its mark, vol or index changed, or (options)
     * when the revaluation interval has passed; its current margin is recomputed when it was repriced or the
     * account's positions changed; the account sums are rebuilt when any row changed.
     */
    void refresh(final int accountId, final long nowMs) {
        final long interval = config.revaluationIntervalMs();
        final long positions = book.accountStamp(accountId);
        boolean changed = false;
        final int n = book.accountInstrumentCount(accountId);
        for (int k = 0; k < n; k++) {
            final int i = book.accountInstrument(accountId, k);
            final long market = book.marketStamp(i);
            boolean repriced = false;
            if (market != pricedStamp[i] || (book.instrument(i).isOption()
                && (interval == 0 || nowMs < pricedMs[i] || nowMs - pricedMs[i] > interval))) {
                reprice(i, nowMs);
                pricedStamp[i] = market;
                pricedMs[i] = nowMs;
                repriced = true;
            }
            if (repriced || marginStamp[i] != positions) {
                currentMargin(i);
                marginStamp[i] = positions;
                changed = true;
            }
        }
        if (changed) {
            sumAccount(accountId);
        }
    }

    private void reprice(final int i, final long nowMs) {
        ready[i] = book.marketReady(i);
        if (!ready[i]) {
            return;
        }
        final MarginInstrument inst = book.instrument(i);
        final double mark = book.mark(i);
        final double index = book.index(book.underlyingOf(i));
        final int base = i * scenarios;
        double modelBase = 0.0;
        double years = 0.0;
        double vol = 0.0;
        if (inst.isOption()) {
            years = (inst.expiryEpochMs() - nowMs) / Portfolio.MILLIS_PER_YEAR;
            vol = book.volatility(i);
            modelBase = optionValue(inst, index, years, vol);
        }
        for (int s = 0; s < scenarios; s++) {
            final double move = config.scenarioSpotMove(s);
            final double sIndex = index * (1.0 + move);
            final double sMark;
            final double pnl;
            if (inst.isOption()) {
                final double change = s == 0 ? 0.0
                    : optionValue(inst, sIndex, years, Math.max(0.0, vol + config.scenarioVolShift(s))) - modelBase;
                sMark = Math.max(0.0, mark + change);
                pnl = sMark - mark;
            } else {
                sMark = mark * (1.0 + move);
                pnl = inst.inverse() ? 1.0 / mark - 1.0 / sMark : sMark - mark;
            }
            shockedIndex[base + s] = sIndex;
            shockedMark[base + s] = sMark;
            unitPnl[base + s] = pnl;
        }
    }

    private void currentMargin(final int i) {
        if (!ready[i]) {
            return;
        }
        final MarginInstrument inst = book.instrument(i);
        final MarginModel model = book.model(book.accountOf(i));
        final double amount = book.positionAmount(i);
        final int base = i * scenarios;
        for (int s = 0; s < scenarios; s++) {
            currentMm[base + s] = model.maintenanceMargin(inst, amount, shockedMark[base + s], shockedIndex[base + s]);
        }
    }

    private static double optionValue(final MarginInstrument inst, final double index, final double years, final double vol) {
        return inst.inverse()
            ? InverseOptionPricer.DEFAULT.presentValue(inst.optionType(), index, inst.strike(), years, vol, 0.0)
            : Black76OptionPricer.DEFAULT.presentValue(inst.optionType(), index, inst.strike(), years, vol, 0.0);
    }

    private void sumAccount(final int a) {
        boolean ok = true;
        final int base = a * scenarios;
        for (int s = 0; s < scenarios; s++) {
            accountModelMm[base + s] = 0.0;
            accountShockPnl[base + s] = 0.0;
        }
        final int n = book.accountInstrumentCount(a);
        for (int k = 0; k < n; k++) {
            final int i = book.accountInstrument(a, k);
            final double amount = book.positionAmount(i);
            if (amount == 0.0) {
                continue;
            }
            if (!ready[i]) {
                ok = false;
                continue;
            }
            final int ib = i * scenarios;
            for (int s = 0; s < scenarios; s++) {
                accountModelMm[base + s] += currentMm[ib + s];
                accountShockPnl[base + s] += amount * unitPnl[ib + s];
            }
        }
        accountReady[a] = ok;
    }

    int scenarios() {
        return scenarios;
    }

    boolean ready(final int instrumentId) {
        return ready[instrumentId];
    }

    /** Every instrument the account holds a position in has usable market data. */
    boolean accountReady(final int accountId) {
        return accountReady[accountId];
    }

    double shockedMark(final int instrumentId, final int scenario) {
        return shockedMark[instrumentId * scenarios + scenario];
    }

    double shockedIndex(final int instrumentId, final int scenario) {
        return shockedIndex[instrumentId * scenarios + scenario];
    }

    double unitPnl(final int instrumentId, final int scenario) {
        return unitPnl[instrumentId * scenarios + scenario];
    }

    double currentMm(final int instrumentId, final int scenario) {
        return currentMm[instrumentId * scenarios + scenario];
    }

    double accountModelMm(final int accountId, final int scenario) {
        return accountModelMm[accountId * scenarios + scenario];
    }

    double accountShockPnl(final int accountId, final int scenario) {
        return accountShockPnl[accountId * scenarios + scenario];
    }
}
