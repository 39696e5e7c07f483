package io.deltahedger.hedger.routing;

import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.session.CreditLimiter;

/**
 * Admission of a planned group, all or nothing, in this order: the {@link ExecutionLimits} (every leg's order size;
 * every touched account's net position per underlying after the group and its notional over the rolling minute),
 * then the rate budget (every touched account must have a credit for each of its legs), then the
 * {@link MarginGate} on the whole group. The first refusal decides; nothing is charged unless the group is approved,
 * and then the notional windows and rate budgets of every touched account are charged together.
 *
 * <p>Amount conversions: a leg's coin is {@code lots × lotSize} (linear) or {@code lots × lotSize / mark} (inverse,
 * at the margin book's mark); its USD notional is {@code lots × lotSize} (inverse) or {@code lots × lotSize × limit
 * price} (linear, quoted in USD or a USD stablecoin). A leg naming an unknown instrument or account skips the limits
 * and reaches the gate, which blocks it with its own reason.
 *
 * <p>Single writer: the margin-gate stage, which owns the {@link MarginBook}. Allocation-free; time passed in.
 */
public final class GroupAdmission
{
    /** Admission's answer for one group. */
    public enum Outcome
    {
        APPROVED,
        LIMIT_BLOCKED,
        RATE_LIMITED,
        GATE_BLOCKED
    }

    private final MarginBook book;
    private final MarginGate gate;
    private final ExecutionLimits limits;
    private final long[] maxOrderLots;
    private final CreditLimiter[] rateBudget;
    private final RollingNotional[] notional;
    private final double[] groupNotional;
    private final int[] groupOrders;
    private long originMs = Long.MIN_VALUE;
    private LimitBreach breach;
    private int offendingLeg = -1;
    private int offendingAccount = -1;

    /**
     * @param book   the margin book with every instrument and account registered (the caller's stage owns it)
     * @param gate   the margin gate on that book
     * @param limits the limits; per-instrument order sizes are resolved now against the book's registered ids
     */
    public GroupAdmission(final MarginBook book, final MarginGate gate, final ExecutionLimits limits)
    {
        if (book == null || gate == null || limits == null)
        {
            throw new IllegalArgumentException("group admission needs a margin book, a gate and execution limits");
        }
        for (final String id : limits.maxOrderLots().keySet())
        {
            if (book.instrumentId(id) < 0)
            {
                throw new IllegalArgumentException("execution limits name instrument '" + id + "' which is not in the "
                    + "margin book: use a registered canonical id, e.g. deribit:BTC-PERPETUAL");
            }
        }
        this.book = book;
        this.gate = gate;
        this.limits = limits;
        maxOrderLots = new long[book.maxInstruments()];
        for (int i = 0; i < book.instrumentCount(); i++)
        {
            maxOrderLots[i] = limits.maxOrderLots(book.instrument(i).canonicalId());
        }
        for (int i = book.instrumentCount(); i < maxOrderLots.length; i++)
        {
            maxOrderLots[i] = limits.defaultMaxOrderLots();
        }
        rateBudget = new CreditLimiter[book.maxAccounts()];
        notional = new RollingNotional[book.maxAccounts()];
        for (int a = 0; a < rateBudget.length; a++)
        {
            rateBudget[a] = new CreditLimiter(limits.maxOrdersPerSecond(), limits.maxOrdersPerSecond(), 0L);
            notional[a] = new RollingNotional();
        }
        groupNotional = new double[book.maxAccounts()];
        groupOrders = new int[book.maxAccounts()];
    }

    /**
     * Judges {@code legs} at {@code nowMs}; the gate's verdict is written into {@code verdict} when the gate ran
     * (outcomes APPROVED and GATE_BLOCKED). Charges the budgets on approval.
     */
    public Outcome admit(final LegGroup legs, final long nowMs, final GateVerdict verdict)
    {
        breach = null;
        offendingLeg = -1;
        offendingAccount = -1;
        if (originMs == Long.MIN_VALUE)
        {
            originMs = nowMs;
        }
        final long nowNs = Math.max(0L, nowMs - originMs) * 1_000_000L;
        final int n = legs.size();
        boolean wellFormed = n > 0;
        for (int leg = 0; leg < n; leg++)
        {
            final int i = legs.instrument(leg);
            final int a = legs.account(leg);
            if (!book.isAccount(a) || !book.isInstrument(i) || book.accountOf(i) != a || legs.side(leg) == null
                || legs.lots(leg) <= 0)
            {
                wellFormed = false;
            }
        }
        if (wellFormed)
        {
            final Outcome limited = checkLimits(legs, nowMs, nowNs);
            if (limited != null)
            {
                return limited;
            }
        }
        if (!gate.evaluate(legs, nowMs, verdict))
        {
            return Outcome.GATE_BLOCKED;
        }
        for (int leg = 0; leg < n; leg++)
        {
            final int a = legs.account(leg);
            if (firstLegOf(legs, leg, a))
            {
                notional[a].add(nowMs, groupNotional[a]);
                rateBudget[a].tryAcquire(groupOrders[a], nowNs);
            }
        }
        return Outcome.APPROVED;
    }

    private Outcome checkLimits(final LegGroup legs, final long nowMs, final long nowNs)
    {
        final int n = legs.size();
        for (int leg = 0; leg < n; leg++)
        {
            final int a = legs.account(leg);
            groupNotional[a] = 0.0;
            groupOrders[a] = 0;
        }
        for (int leg = 0; leg < n; leg++)
        {
            final int i = legs.instrument(leg);
            final int a = legs.account(leg);
            if (legs.lots(leg) > maxOrderLots[i])
            {
                return block(LimitBreach.ORDER_SIZE, leg, a);
            }
            final MarginInstrument inst = book.instrument(i);
            groupNotional[a] += inst.inverse() ? legs.lots(leg) * inst.lotSize()
                : legs.lots(leg) * inst.lotSize() * legs.limitPrice(leg);
            groupOrders[a]++;
        }
        for (int leg = 0; leg < n; leg++)
        {
            final int a = legs.account(leg);
            final int u = book.underlyingOf(legs.instrument(leg));
            if (firstLegOf(legs, leg, a, u) && positionBreached(legs, a, u))
            {
                return block(LimitBreach.POSITION, leg, a);
            }
        }
        for (int leg = 0; leg < n; leg++)
        {
            final int a = legs.account(leg);
            if (firstLegOf(legs, leg, a))
            {
                final double total = notional[a].sum(nowMs) + groupNotional[a];
                if (!(total <= limits.maxNotionalUsdPerMinute()))
                {
                    return block(LimitBreach.NOTIONAL_PER_MINUTE, leg, a);
                }
            }
        }
        for (int leg = 0; leg < n; leg++)
        {
            final int a = legs.account(leg);
            if (firstLegOf(legs, leg, a) && rateBudget[a].available(nowNs) < groupOrders[a])
            {
                offendingLeg = leg;
                offendingAccount = a;
                return Outcome.RATE_LIMITED;
            }
        }
        return null;
    }

    /**
     * |net coin after| above the maximum and larger than |net coin before|, or not computable (an inverse position at
     * an unknown mark: fails closed). Never without a finite maximum.
     */
    private boolean positionBreached(final LegGroup legs, final int a, final int u)
    {
        if (limits.maxPositionCoin() == Double.POSITIVE_INFINITY)
        {
            return false;
        }
        double before = 0.0;
        for (int k = 0, count = book.accountInstrumentCount(a); k < count; k++)
        {
            final int i = book.accountInstrument(a, k);
            if (book.underlyingOf(i) == u && !book.instrument(i).isOption() && book.positionLots(i) != 0)
            {
                before += coin(i, book.positionLots(i));
            }
        }
        double after = before;
        for (int leg = 0; leg < legs.size(); leg++)
        {
            final int i = legs.instrument(leg);
            if (legs.account(leg) == a && book.underlyingOf(i) == u)
            {
                after += coin(i, legs.signedLots(leg));
            }
        }
        if (!(Math.abs(after) < Double.POSITIVE_INFINITY))
        {
            return true;
        }
        return Math.abs(after) > limits.maxPositionCoin() && Math.abs(after) > Math.abs(before);
    }

    private double coin(final int i, final long lots)
    {
        final MarginInstrument inst = book.instrument(i);
        return inst.inverse() ? lots * inst.lotSize() / book.mark(i) : lots * inst.lotSize();
    }

    private Outcome block(final LimitBreach why, final int leg, final int a)
    {
        breach = why;
        offendingLeg = leg;
        offendingAccount = a;
        return Outcome.LIMIT_BLOCKED;
    }

    private static boolean firstLegOf(final LegGroup legs, final int leg, final int a)
    {
        for (int l = 0; l < leg; l++)
        {
            if (legs.account(l) == a)
            {
                return false;
            }
        }
        return true;
    }

    private boolean firstLegOf(final LegGroup legs, final int leg, final int a, final int u)
    {
        for (int l = 0; l < leg; l++)
        {
            if (legs.account(l) == a && book.underlyingOf(legs.instrument(l)) == u)
            {
                return false;
            }
        }
        return true;
    }

    /** The limit that refused the last group (LIMIT_BLOCKED), else null. */
    public LimitBreach breach()
    {
        return breach;
    }

    /** The leg that broke a limit or the rate budget (its account's first leg for account-wide ones), else -1. */
    public int offendingLeg()
    {
        return offendingLeg;
    }

    /** The account that broke a limit or the rate budget, else -1. */
    public int offendingAccount()
    {
        return offendingAccount;
    }

    /** Orders the account may still send now without waiting (for metrics and tests). */
    public long rateBudgetAvailable(final int accountId, final long nowMs)
    {
        final long nowNs = originMs == Long.MIN_VALUE ? 0L : Math.max(0L, nowMs - originMs) * 1_000_000L;
        return rateBudget[accountId].available(nowNs);
    }

    /** USD notional charged to the account over the rolling minute ending at {@code nowMs}. */
    public double notionalLastMinuteUsd(final int accountId, final long nowMs)
    {
        return notional[accountId].sum(nowMs);
    }
}
