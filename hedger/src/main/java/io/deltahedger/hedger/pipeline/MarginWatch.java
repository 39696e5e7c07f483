package io.deltahedger.hedger.pipeline;

import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.monitor.AlertLevel;
import io.deltahedger.marginmonitor.monitor.AlertListener;
import io.deltahedger.marginmonitor.monitor.DeRiskPlan;
import io.deltahedger.marginmonitor.monitor.MarginMonitor;
import io.deltahedger.marginmonitor.monitor.MonitorConfig;
import io.deltahedger.venues.Side;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Stage 4's continuous margin monitoring (docs/margin.md "Continuous monitoring in the engine"): runs a
 * {@link MarginMonitor} over the stage's {@link MarginBook} on every account snapshot and on every mark, index or
 * volatility the book was given (for each account holding an instrument of that underlying), publishes each account's
 * ratio and alert level for any thread, writes alert changes on the event, and, when de-risking is enabled, turns
 * {@link MarginMonitor#planDeRisk} into a reduce-only group on the event for stage 5.
 *
 * <p>De-risking per account: IDLE, a plan is made when the ratio reaches the trigger; IN_FLIGHT from the event that
 * carries the plan until that group's GROUP_DONE passes this stage; then WAITING for the account's next snapshot (the
 * positions the cut changed are only known from the venue's report, which the executor requests at the group's end);
 * EXHAUSTED when nothing the engine may cut is left (only options, or no tradable instrument): no plan until the next
 * snapshot. A cuttable position whose mark or index the book does not have yet (a snapshot before the first ticker)
 * defers the plan to the market data that brings it. One plan per event (another account past the trigger plans on a later event).
 *
 * <p>Owned by stage 4's thread; allocation-free (the plan and the per-account arrays are pre-allocated; the published
 * ratio and level are atomic array slots).
 */
final class MarginWatch implements AlertListener
{
    private static final byte IDLE = 0;
    private static final byte IN_FLIGHT = 1;
    private static final byte WAITING = 2;
    private static final byte EXHAUSTED = 3;

    private final MarginBook book;
    private final MarginMonitor monitor;
    private final boolean deRisk;
    private final boolean[] cuttable;
    private final double slippage;
    private final DeRiskPlan plan = new DeRiskPlan(io.deltahedger.marginmonitor.gate.MarginGate.MAX_LEGS);
    private final byte[] state;
    /** [underlying][account]: the account has an instrument registered on the underlying. */
    private final boolean[][] onUnderlying;
    private final AtomicLongArray ratioBits;
    private final AtomicIntegerArray levels;
    private PipelineEvent current;

    /**
     * @param book     the stage's margin book (instruments and accounts registered)
     * @param config   alert and de-risking levels
     * @param deRisk   whether to plan de-risking groups
     * @param cuttable per instrument id: a delta-one instrument the execution stage can trade (null when not deRisk)
     * @param slippage a de-risking leg's limit is the mark × (1 ± this): the execution's compensation slippage
     */
    MarginWatch(final MarginBook book, final MonitorConfig config, final boolean deRisk, final boolean[] cuttable,
                final double slippage)
    {
        this.book = book;
        this.monitor = new MarginMonitor(book, config, this);
        this.deRisk = deRisk;
        this.cuttable = cuttable;
        this.slippage = slippage;
        this.state = new byte[book.maxAccounts()];
        int underlyings = 0;
        for (int i = 0; i < book.instrumentCount(); i++)
        {
            underlyings = Math.max(underlyings, book.underlyingOf(i) + 1);
        }
        onUnderlying = new boolean[underlyings][book.maxAccounts()];
        for (int a = 0; a < book.accountCount(); a++)
        {
            for (int k = 0; k < book.accountInstrumentCount(a); k++)
            {
                onUnderlying[book.underlyingOf(book.accountInstrument(a, k))][a] = true;
            }
        }
        ratioBits = new AtomicLongArray(book.maxAccounts());
        levels = new AtomicIntegerArray(book.maxAccounts());
        for (int a = 0; a < book.maxAccounts(); a++)
        {
            ratioBits.set(a, Double.doubleToRawLongBits(Double.NaN));
        }
    }

    /** After the book took an account snapshot. */
    void onAccount(final PipelineEvent event, final int accountId)
    {
        current = event;
        if (state[accountId] == WAITING || state[accountId] == EXHAUSTED)
        {
            state[accountId] = IDLE;
        }
        monitor.onAccount(accountId, event.nowMs);
        after(event, accountId);
    }

    /** After the book took a mark, volatility or index of an instrument of {@code underlyingId}. */
    void onMarket(final PipelineEvent event, final int underlyingId)
    {
        if (underlyingId < 0 || underlyingId >= onUnderlying.length)
        {
            return;
        }
        current = event;
        final boolean[] accounts = onUnderlying[underlyingId];
        for (int a = 0; a < book.accountCount(); a++)
        {
            if (accounts[a] && book.hasSnapshot(a))
            {
                monitor.onMarket(a, event.nowMs);
                after(event, a);
            }
        }
    }

    /** A GROUP_DONE passed: a de-risking group's account now waits for its next snapshot. */
    void onGroupDone(final PipelineEvent event)
    {
        final int a = event.groupAccount;
        if (event.groupDeRisk && a >= 0 && a < state.length && state[a] == IN_FLIGHT)
        {
            state[a] = WAITING;
        }
    }

    private void after(final PipelineEvent event, final int accountId)
    {
        ratioBits.setRelease(accountId, Double.doubleToRawLongBits(monitor.ratio(accountId)));
        levels.setRelease(accountId, monitor.level(accountId).ordinal());
        if (!deRisk || state[accountId] != IDLE || event.deRiskAccount >= 0)
        {
            return;
        }
        if (!monitor.planDeRisk(accountId, plan, cuttable))
        {
            return;
        }
        if (plan.count() == 0 && awaitingMarks(accountId))
        {
            // a cuttable position without a usable mark or index yet (a snapshot before the first ticker): plan again
            // on the market data that brings it, rather than reporting an account with nothing to cut
            return;
        }
        event.deRiskAccount = accountId;
        event.deRiskRatioBefore = plan.ratioBefore();
        event.deRiskRatioAfter = plan.ratioAfter();
        event.deRiskReachesTarget = plan.reachesTarget();
        for (int k = 0; k < plan.count(); k++)
        {
            final int i = plan.instrument(k);
            final Side side = plan.side(k);
            final double mark = book.mark(i);
            final double limit = side == Side.BUY ? mark * (1.0 + slippage) : mark * (1.0 - slippage);
            event.deRiskLegs.add(accountId, i, side, plan.lots(k), limit);
        }
        state[accountId] = plan.count() > 0 ? IN_FLIGHT : EXHAUSTED;
    }

    /** True if the account holds a cuttable position whose market (mark, index) the book does not have yet. */
    private boolean awaitingMarks(final int accountId)
    {
        for (int k = 0; k < book.accountInstrumentCount(accountId); k++)
        {
            final int i = book.accountInstrument(accountId, k);
            if (cuttable[i] && book.positionLots(i) != 0 && !book.marketReady(i))
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onAlertChange(final int accountId, final AlertLevel from, final AlertLevel to, final double ratio,
                              final long nowMs)
    {
        current.addAlert(accountId, to, ratio);
    }

    /** The last ratio of an account (any thread), NaN before its first snapshot. */
    double ratio(final int accountId)
    {
        return Double.longBitsToDouble(ratioBits.getAcquire(accountId));
    }

    /** The alert level of an account (any thread). */
    AlertLevel level(final int accountId)
    {
        return ALERT_LEVELS[levels.getAcquire(accountId)];
    }

    private static final AlertLevel[] ALERT_LEVELS = AlertLevel.values();
}
