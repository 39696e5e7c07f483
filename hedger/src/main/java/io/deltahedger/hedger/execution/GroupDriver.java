package io.deltahedger.hedger.execution;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.TimeInForce;

/**
 * The state machine of one group, stepped by {@link GroupExecutor} after every report and on every event while the
 * group is open: sends, back-pressured resends, re-routes, the end of the forward phase, compensation (docs/hedging.md
 * "Execution", and the class comment of {@link GroupExecutor}). Owned by the execution stage thread.
 */
final class GroupDriver
{
    /** What the driver tells its executor. */
    interface Ends
    {
        /** The group reached a terminal state. */
        void end(RebalancingGroup g, GroupState terminal, long nowMs);

        /** Something the engine status shows changed (a group began compensating). */
        void statusChanged();
    }

    private static final double SNAP = 1e-9;
    private static final int MAX_ATTEMPT = 9999;

    private final ExecutionConfig config;
    private final VenueTable venues;
    private final CircuitBreaker breaker;
    private final OrderSides sides;
    private final OrderJournal journal;
    private final Ends ends;
    /** The last {@link #send} was refused by the journal (its note says so). */
    private boolean journalRefused;

    GroupDriver(final ExecutionConfig config, final VenueTable venues, final CircuitBreaker breaker,
                final OrderSides sides, final OrderJournal journal, final Ends ends)
    {
        this.config = config;
        this.venues = venues;
        this.breaker = breaker;
        this.sides = sides;
        this.journal = journal;
        this.ends = ends;
    }

    void drive(final RebalancingGroup g, final long nowMs)
    {
        // each pass either finishes, waits, or changed a leg (a route closed, lots moved): bounded by the legs
        for (int pass = 0; pass <= 2 * g.legCount + 2 && g.open(); pass++)
        {
            if (!(g.state == GroupState.WORKING ? stepForward(g, nowMs) : stepCompensation(g, nowMs)))
            {
                return;
            }
        }
    }

    /** One step of the WORKING state; true if it should run again. */
    private boolean stepForward(final RebalancingGroup g, final long nowMs)
    {
        resendPending(g, nowMs >= g.deadlineMs);
        if (g.anyWorking())
        {
            return false;
        }
        if (g.allFilled())
        {
            ends.end(g, GroupState.COMPLETE, nowMs);
            return false;
        }
        if (nowMs >= g.deadlineMs)
        {
            return finishForward(g, nowMs, "deadline passed");
        }
        boolean changed = false;
        if (anyEndedShort(g))
        {
            if (!deadShort(g) && !retryDue(g, nowMs))
            {
                return false;
            }
            reroute(g);
            changed = true;
        }
        boolean sent = false;
        for (int l = 0; l < g.legCount; l++)
        {
            if (g.dead[l] || g.endedShort[l])
            {
                continue;
            }
            final int i = g.instrument[l];
            final long released = config.slicing().releasedLots(g.wantLots[l], nowMs - g.startMs);
            final long open = config.slicing().nextOrderLots(released - g.filledLots[l]);
            if (open >= venues.minLots[i])
            {
                final SendResult result = send(g, l, g.side[l], open, g.limitPrice[l], g.deRisk, nowMs);
                if (result == SendResult.NOT_CONNECTED)
                {
                    g.dead[l] = true;
                    g.endedShort[l] = true;
                    if (!journalRefused)
                    {
                        g.note = "leg " + l + " account " + g.account[l] + " not connected";
                    }
                    changed = true;
                }
                else
                {
                    sent = true;
                }
            }
        }
        if (sent)
        {
            return false;
        }
        if (!changed && !progressable(g))
        {
            return finishForward(g, nowMs, "remainder unreachable" + (g.note.isEmpty() ? "" : ": " + g.note));
        }
        return changed;
    }

    /** True if no order ended short yet or the retry interval has passed since the last one did. */
    private boolean retryDue(final RebalancingGroup g, final long nowMs)
    {
        return g.lastShortEndMs == Long.MIN_VALUE || nowMs - g.lastShortEndMs >= config.retryIntervalMs();
    }

    /** True if some open route still has at least one minimum order to trade (now or in a later slice). */
    private boolean progressable(final RebalancingGroup g)
    {
        for (int l = 0; l < g.legCount; l++)
        {
            if (!g.dead[l] && g.wantLots[l] - g.filledLots[l] >= venues.minLots[g.instrument[l]])
            {
                return true;
            }
        }
        return false;
    }

    private static boolean anyEndedShort(final RebalancingGroup g)
    {
        for (int l = 0; l < g.legCount; l++)
        {
            if (g.endedShort[l])
            {
                return true;
            }
        }
        return false;
    }

    /** A closed route's remainder moves at once; only a retry on a route that is still open waits. */
    private static boolean deadShort(final RebalancingGroup g)
    {
        for (int l = 0; l < g.legCount; l++)
        {
            if (g.endedShort[l] && g.dead[l])
            {
                return true;
            }
        }
        return false;
    }

    /** Moves each short leg's unfilled lots to the next open route after it (itself last). */
    private void reroute(final RebalancingGroup g)
    {
        for (int l = 0; l < g.legCount; l++)
        {
            if (!g.endedShort[l])
            {
                continue;
            }
            g.endedShort[l] = false;
            if (g.deRisk)
            {
                // a cut stays on its own position: the leg retries itself while its route is open
                continue;
            }
            final long shortLots = g.wantLots[l] - g.filledLots[l];
            int target = -1;
            for (int k = 1; k <= g.legCount; k++)
            {
                final int c = (l + k) % g.legCount;
                if (!g.dead[c])
                {
                    target = c;
                    break;
                }
            }
            if (target < 0 || target == l || shortLots <= 0)
            {
                continue;
            }
            final double coin = shortLots * coinPerLot(g, l);
            final long lots = (long)Math.floor(coin / coinPerLot(g, target) + SNAP);
            g.wantLots[l] -= shortLots;
            g.wantLots[target] += lots;
        }
    }

    /** Coin delta of one lot of the leg at its limit price. */
    private double coinPerLot(final RebalancingGroup g, final int l)
    {
        return venues.coinPerLot(g.instrument[l], g.limitPrice[l]);
    }

    /** Ends the forward phase; true if the group goes on compensating (so the caller steps again at once). */
    private boolean finishForward(final RebalancingGroup g, final long nowMs, final String why)
    {
        g.note = why;
        if (g.deRisk)
        {
            // a de-risking cut only lowers risk: what filled stays, never reversed
            ends.end(g, GroupState.DE_RISK_SHORT, nowMs);
            return false;
        }
        final double after = g.deltaCoin + filledCoin(g);
        if (Math.abs(after - g.targetCoin) <= g.halfWidthCoin)
        {
            ends.end(g, GroupState.PARTIAL_WITHIN_BAND, nowMs);
        }
        else if (!g.anyFilled())
        {
            g.note = why + "; nothing filled, nothing to reverse";
            ends.end(g, GroupState.COMPENSATED, nowMs);
        }
        else
        {
            g.state = GroupState.COMPENSATING;
            g.compensationDeadlineMs = nowMs + config.compensationTimeoutMs();
            g.lastShortEndMs = Long.MIN_VALUE;
            ends.statusChanged();
        }
        return g.open();
    }

    /** One step of the COMPENSATING state; true if it should run again. */
    private boolean stepCompensation(final RebalancingGroup g, final long nowMs)
    {
        resendPending(g, nowMs >= g.compensationDeadlineMs);
        if (g.anyWorking())
        {
            return false;
        }
        if (g.allReversed())
        {
            ends.end(g, GroupState.COMPENSATED, nowMs);
            return false;
        }
        if (nowMs >= g.compensationDeadlineMs)
        {
            g.note = g.note + "; compensation unfinished at its deadline";
            breaker.trip(nowMs, "group " + g.groupId + " could not be compensated");
            ends.end(g, GroupState.FAILED, nowMs);
            return false;
        }
        if (!retryDue(g, nowMs))
        {
            return false;
        }
        for (int l = 0; l < g.legCount; l++)
        {
            final long open = g.filledLots[l] - g.reversedLots[l];
            if (open <= 0)
            {
                continue;
            }
            final int i = g.instrument[l];
            final double reference = venues.mark[i] > 0.0 ? venues.mark[i] : g.averagePrice(l);
            final Side reverse = g.side[l] == Side.BUY ? Side.SELL : Side.BUY;
            final double limit = reference * (reverse == Side.BUY
                ? 1.0 + config.compensationSlippage() : 1.0 - config.compensationSlippage());
            if (g.firstCompensationAttempt[l] == RebalancingGroup.NONE)
            {
                g.firstCompensationAttempt[l] = g.attempts[l];
            }
            if (send(g, l, reverse, open, limit, true, nowMs) == SendResult.NOT_CONNECTED)
            {
                g.lastShortEndMs = nowMs;
            }
        }
        return false;
    }

    /**
     * Creates the leg's next order, records it in the {@link OrderJournal} and places it; the id is new for every
     * order, whatever the result (an id that was never sent is simply never used). A refusal of the journal closes the
     * leg like NOT_CONNECTED.
     */
    private SendResult send(final RebalancingGroup g, final int l, final Side side, final long lots,
                            final double limit, final boolean reduceOnly, final long nowMs)
    {
        journalRefused = false;
        if (g.attempts[l] > MAX_ATTEMPT)
        {
            g.dead[l] = true;
            g.note = "leg " + l + " used every attempt id";
            return SendResult.NOT_CONNECTED;
        }
        final int i = g.instrument[l];
        final double exactTicks = limit / venues.tick[i];
        final long ticks = side == Side.BUY ? (long)Math.floor(exactTicks + SNAP) : (long)Math.ceil(exactTicks - SNAP);
        if (!(ticks > 0) || !Double.isFinite(limit))
        {
            g.dead[l] = true;
            g.note = "leg " + l + " has no valid limit price (" + limit + ")";
            return SendResult.NOT_CONNECTED;
        }
        final ClientOrderId id = new ClientOrderId(g.groupId, l, g.attempts[l]++);
        final OrderRequest request = new OrderRequest(id, venues.instruments[i], side, OrderType.LIMIT, TimeInForce.IOC, ticks,
            lots, false, reduceOnly);
        if (!journal.beforePlace(g.account[l], request, nowMs))
        {
            // fail closed: an order the journal could not record is never placed
            g.dead[l] = true;
            g.note = "leg " + l + " order " + id + " not sent: the journal refused it";
            journalRefused = true;
            return SendResult.NOT_CONNECTED;
        }
        sides.record(id, side);
        final SendResult result = venues.gateways[g.account[l]].place(request);
        if (result == SendResult.NOT_CONNECTED)
        {
            return result;
        }
        g.workingAttempt[l] = id.attempt();
        g.pending[l] = result == SendResult.BACK_PRESSURED ? request : null;
        g.sentTo[l] = true;
        if (result == SendResult.SENT)
        {
            g.sentLots[l] += lots;
        }
        return result;
    }

    /** Places back-pressured orders again with their own ids; past the phase's deadline drops them (never sent). */
    private void resendPending(final RebalancingGroup g, final boolean pastDeadline)
    {
        for (int l = 0; l < g.legCount; l++)
        {
            final OrderRequest request = g.pending[l];
            if (request == null)
            {
                continue;
            }
            if (pastDeadline)
            {
                g.pending[l] = null;
                g.workingAttempt[l] = RebalancingGroup.NONE;
                continue;
            }
            final SendResult result = venues.gateways[g.account[l]].place(request);
            if (result == SendResult.SENT)
            {
                g.pending[l] = null;
                g.sentLots[l] += request.amountLots();
            }
            else if (result == SendResult.NOT_CONNECTED)
            {
                g.pending[l] = null;
                g.workingAttempt[l] = RebalancingGroup.NONE;
                if (!g.compensationAttempt(l, request.clientOrderId().attempt()))
                {
                    g.dead[l] = true;
                    g.endedShort[l] = true;
                    g.note = "leg " + l + " account " + g.account[l] + " not connected";
                }
            }
        }
    }

    /** Signed coin delta of the group's net fills, inverse lots at their average fill price. */
    double filledCoin(final RebalancingGroup g)
    {
        double coin = 0.0;
        for (int l = 0; l < g.legCount; l++)
        {
            final long net = g.filledLots[l] - g.reversedLots[l];
            if (net != 0)
            {
                coin += g.side[l].sign() * net * venues.coinPerLot(g.instrument[l], g.averagePrice(l));
            }
        }
        return coin;
    }
}
