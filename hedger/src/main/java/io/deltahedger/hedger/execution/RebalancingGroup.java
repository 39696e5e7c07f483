package io.deltahedger.hedger.execution;

import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.OrderRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mutable state of one rebalancing group, pre-allocated once per underlying (one group in flight per underlying)
 * and reused. Lots are unsigned in the leg's side; at most one order per leg is working at a time. Owned by the
 * execution stage thread; {@link GroupExecutor} drives it.
 */
final class RebalancingGroup
{
    static final int NONE = -1;

    long groupId;
    int underlying;
    GroupState state = GroupState.COMPLETE;
    long startMs;
    long deadlineMs;
    long compensationDeadlineMs;
    /** When the last order ended short (cancelled remainder, reject), for the retry pacing; MIN_VALUE if none. */
    long lastShortEndMs;
    double decidedCoin;
    double deltaCoin;
    double targetCoin;
    double halfWidthCoin;
    String note = "";
    /**
     * A reduce-only de-risking group of one account: orders carry reduceOnly, a short leg is retried on its own route
     * only (never converted onto another instrument), and nothing is ever compensated (underlying is -1).
     */
    boolean deRisk;

    int legCount;
    final int[] account = new int[MarginGate.MAX_LEGS];
    final int[] instrument = new int[MarginGate.MAX_LEGS];
    final Side[] side = new Side[MarginGate.MAX_LEGS];
    final long[] plannedLots = new long[MarginGate.MAX_LEGS];
    final double[] limitPrice = new double[MarginGate.MAX_LEGS];
    /** The instrument's mark when the group started (slippage reference), NaN if none was seen. */
    final double[] markAtStart = new double[MarginGate.MAX_LEGS];

    /** Lots the leg must trade: planned, plus lots re-routed to it, minus lots re-routed away. */
    final long[] wantLots = new long[MarginGate.MAX_LEGS];
    final long[] sentLots = new long[MarginGate.MAX_LEGS];
    final long[] ackedLots = new long[MarginGate.MAX_LEGS];
    final long[] filledLots = new long[MarginGate.MAX_LEGS];
    /** Sum of fill price × lots, for the average price. */
    final double[] filledValue = new double[MarginGate.MAX_LEGS];
    final long[] reversedLots = new long[MarginGate.MAX_LEGS];
    /** Orders created for the leg so far: the next order's attempt number. */
    final int[] attempts = new int[MarginGate.MAX_LEGS];
    /** The first attempt that was a compensation order, or NONE. */
    final int[] firstCompensationAttempt = new int[MarginGate.MAX_LEGS];
    final int[] workingAttempt = new int[MarginGate.MAX_LEGS];
    /** A back-pressured order to place again with the same client order id (nothing was sent), or null. */
    final OrderRequest[] pending = new OrderRequest[MarginGate.MAX_LEGS];
    /** The route (account, instrument) can take no more orders in this group: not connected, refused for good. */
    final boolean[] dead = new boolean[MarginGate.MAX_LEGS];
    /** The leg's account took (or queued) at least one order of this group. */
    final boolean[] sentTo = new boolean[MarginGate.MAX_LEGS];
    /** The leg's last forward order ended with lots unfilled: its remainder awaits a re-route or retry. */
    final boolean[] endedShort = new boolean[MarginGate.MAX_LEGS];

    boolean open()
    {
        return !state.terminal();
    }

    void begin(final long id, final int u, final LegGroup legs, final long nowMs)
    {
        groupId = id;
        underlying = u;
        state = GroupState.WORKING;
        deRisk = false;
        startMs = nowMs;
        lastShortEndMs = Long.MIN_VALUE;
        note = "";
        legCount = legs.size();
        for (int l = 0; l < legCount; l++)
        {
            account[l] = legs.account(l);
            instrument[l] = legs.instrument(l);
            side[l] = legs.side(l);
            plannedLots[l] = legs.lots(l);
            limitPrice[l] = legs.limitPrice(l);
            wantLots[l] = legs.lots(l);
        }
        Arrays.fill(markAtStart, Double.NaN);
        Arrays.fill(sentLots, 0);
        Arrays.fill(ackedLots, 0);
        Arrays.fill(filledLots, 0);
        Arrays.fill(filledValue, 0.0);
        Arrays.fill(reversedLots, 0);
        Arrays.fill(attempts, 0);
        Arrays.fill(firstCompensationAttempt, NONE);
        Arrays.fill(workingAttempt, NONE);
        Arrays.fill(pending, null);
        Arrays.fill(dead, false);
        Arrays.fill(endedShort, false);
        Arrays.fill(sentTo, false);
    }

    boolean working(final int leg)
    {
        return workingAttempt[leg] != NONE;
    }

    boolean anyWorking()
    {
        for (int l = 0; l < legCount; l++)
        {
            if (workingAttempt[l] != NONE)
            {
                return true;
            }
        }
        return false;
    }

    boolean allFilled()
    {
        for (int l = 0; l < legCount; l++)
        {
            if (filledLots[l] < wantLots[l])
            {
                return false;
            }
        }
        return true;
    }

    boolean allReversed()
    {
        for (int l = 0; l < legCount; l++)
        {
            if (reversedLots[l] < filledLots[l])
            {
                return false;
            }
        }
        return true;
    }

    boolean anyFilled()
    {
        for (int l = 0; l < legCount; l++)
        {
            if (filledLots[l] > 0)
            {
                return true;
            }
        }
        return false;
    }

    boolean compensationAttempt(final int leg, final int attempt)
    {
        return firstCompensationAttempt[leg] != NONE && attempt >= firstCompensationAttempt[leg];
    }

    double averagePrice(final int leg)
    {
        return filledLots[leg] == 0 ? Double.NaN : filledValue[leg] / filledLots[leg];
    }

    /** True if the leg touches the account (for the account refresh after the group). */
    boolean touches(final int accountId)
    {
        for (int l = 0; l < legCount; l++)
        {
            if (account[l] == accountId && sentTo[l])
            {
                return true;
            }
        }
        return false;
    }

    List<LegOutcome> legOutcomes()
    {
        final List<LegOutcome> legs = new ArrayList<>(legCount);
        for (int l = 0; l < legCount; l++)
        {
            legs.add(new LegOutcome(l, account[l], instrument[l], side[l], wantLots[l], sentLots[l], ackedLots[l],
                filledLots[l], averagePrice(l), reversedLots[l], attempts[l]));
        }
        return legs;
    }
}
