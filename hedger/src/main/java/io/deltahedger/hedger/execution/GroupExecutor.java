package io.deltahedger.hedger.execution;

import io.deltahedger.hedger.policy.HedgeDecision;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.TimeInForce;
import io.deltahedger.venues.order.VenueGateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives rebalancing groups from admission to a terminal {@link GroupState} (docs/hedging.md "Execution"):
 * <ol>
 *   <li>every leg goes out as an IOC LIMIT order {@code ClientOrderId(group, leg, attempt)}, its price the leg's
 *   limit rounded onto the tick grid to the protective side (buy down, sell up), cut per the {@link SlicingPolicy};</li>
 *   <li>a back-pressured order is placed again on a later event with the same id (nothing was sent);
 *   NOT_CONNECTED or a reject that cannot succeed later closes the leg's route for this group;</li>
 *   <li>once no order is working, a leg's unfilled remainder is re-routed to the next open route of the group
 *   (another leg's account and instrument, converted through coin at the legs' limit prices; the same leg again as a
 *   new attempt if it is the only one open), no sooner than {@code retryIntervalMs} after it ended short, until the
 *   group's deadline;</li>
 *   <li>when every lot filled: COMPLETE; else, at the deadline or when nothing can be sent any more: if the filled
 *   part puts the delta inside the decision's band, PARTIAL_WITHIN_BAND, else the filled lots are reversed with
 *   reduce-only IOC orders priced through the last mark: COMPENSATED, or FAILED at the compensation deadline (which
 *   trips the breaker).</li>
 * </ol>
 * Every report is matched by its client order id; reports of ended groups and foreign ids are counted and ignored.
 * After a group ends, {@code requestAccount()} goes to every account it sent to. Owned by one thread (the execution
 * stage); allocation: the client order ids, requests and outcomes of orders and groups (rare events), none while
 * no group is open.
 */
public final class GroupExecutor
{
    private static final double SNAP = 1e-9;
    private static final int MAX_ATTEMPT = 9999;

    private final ExecutionConfig config;
    private final GroupListener listener;
    private final OrderSides sides;
    private final CircuitBreaker breaker;
    private final VenueGateway[] gateways;
    private final Instrument[] instruments;
    private final double[] tick;
    private final double[] lotSize;
    private final boolean[] inverse;
    private final long[] minLots;
    private final double[] mark;
    private final boolean[] accountRefreshPending;
    private final boolean[] cancelAllPending;
    private final RebalancingGroup[] groups;

    private long nextGroupId;
    private int openCount;
    private boolean adminPending;
    private boolean paused;
    private boolean killed;
    private String lastActor = "";
    private long breakerResets;
    private long foreignReports;
    private long lateReports;
    private volatile EngineStatus status;

    /**
     * @param config          the settings
     * @param venues          gateways per margin-book account id, venue instruments per margin-book instrument id
     * @param accountCount    margin-book account ids run 0..accountCount-1
     * @param instrumentCount margin-book instrument ids run 0..instrumentCount-1
     * @param underlyingCount portfolio underlyings (one group slot each)
     * @param listener        told of each ended group
     * @param sides           where the side of each order sent is recorded (for stamping its reports)
     */
    public GroupExecutor(
        final ExecutionConfig config,
        final ExecutionVenues venues,
        final int accountCount,
        final int instrumentCount,
        final int underlyingCount,
        final GroupListener listener,
        final OrderSides sides)
    {
        if (config == null || venues == null || listener == null || sides == null)
        {
            throw new IllegalArgumentException("group executor needs a config, venues, a listener and order sides; one "
                + "was null");
        }
        this.config = config;
        this.listener = listener;
        this.sides = sides;
        this.breaker = new CircuitBreaker(config.breaker());
        this.nextGroupId = config.firstGroupId();
        gateways = new VenueGateway[accountCount];
        for (final Map.Entry<Integer, VenueGateway> e : venues.gateways().entrySet())
        {
            if (e.getKey() >= accountCount)
            {
                throw new IllegalArgumentException("execution gateway for account id " + e.getKey()
                    + " which is not a margin-book account (0.." + (accountCount - 1) + ")");
            }
            gateways[e.getKey()] = e.getValue();
        }
        instruments = new Instrument[instrumentCount];
        tick = new double[instrumentCount];
        lotSize = new double[instrumentCount];
        inverse = new boolean[instrumentCount];
        minLots = new long[instrumentCount];
        mark = new double[instrumentCount];
        java.util.Arrays.fill(mark, Double.NaN);
        for (final Map.Entry<Integer, Instrument> e : venues.instruments().entrySet())
        {
            final int i = e.getKey();
            if (i >= instrumentCount)
            {
                throw new IllegalArgumentException("execution instrument for id " + i
                    + " which is not a margin-book instrument (0.." + (instrumentCount - 1) + ")");
            }
            final Instrument instrument = e.getValue();
            instruments[i] = instrument;
            tick[i] = instrument.priceGrid().step().doubleValue();
            lotSize[i] = instrument.amountGrid().step().doubleValue();
            inverse[i] = instrument.style() == ContractStyle.INVERSE;
            minLots[i] = instrument.minAmountLots();
        }
        accountRefreshPending = new boolean[accountCount];
        cancelAllPending = new boolean[accountCount];
        groups = new RebalancingGroup[underlyingCount];
        for (int u = 0; u < underlyingCount; u++)
        {
            groups[u] = new RebalancingGroup();
        }
        publishStatus();
    }

    // ---------------------------------------------------------------- admission and engine state

    /** True if new groups are refused: paused, killed or breaker open. */
    public boolean refusesNewGroups()
    {
        return paused || killed || breaker.tripped();
    }

    public boolean paused()
    {
        return paused;
    }

    public boolean killed()
    {
        return killed;
    }

    public CircuitBreaker breaker()
    {
        return breaker;
    }

    /**
     * How many RESUME and RESET_BREAKER commands this executor applied: GROUP_DONE events carry it so the decision
     * stage takes their breaker flag only if no reset came between (both count the same commands in ring order).
     */
    public long breakerResets()
    {
        return breakerResets;
    }

    /** The id the next group takes. */
    public long nextGroupId()
    {
        return nextGroupId;
    }

    /** Reports whose client order id names no group of this engine (orders placed by hand, other agents). */
    public long foreignReports()
    {
        return foreignReports;
    }

    /** Reports for groups that had already ended (e.g. after KILL). */
    public long lateReports()
    {
        return lateReports;
    }

    /** The last published snapshot (any thread). */
    public EngineStatus status()
    {
        return status;
    }

    /** The group in flight on an underlying, or -1. */
    public long openGroupId(final int underlying)
    {
        final RebalancingGroup g = groups[underlying];
        return g.open() ? g.groupId : -1;
    }

    /**
     * Starts a group for an approved decision and sends what can be sent.
     *
     * @return the group id
     * @throws IllegalStateException if a group is already in flight on the underlying (stage 3 must prevent it)
     */
    public long start(final int underlying, final LegGroup legs, final HedgeDecision decision, final long nowMs)
    {
        final RebalancingGroup g = groups[underlying];
        if (g.open())
        {
            throw new IllegalStateException("group " + g.groupId + " is still in flight on underlying " + underlying
                + ": the decision stage must hold new decisions (GROUP_IN_FLIGHT) until its GROUP_DONE");
        }
        if (legs.size() == 0)
        {
            throw new IllegalArgumentException("a group needs at least one leg");
        }
        g.begin(nextGroupId++, underlying, legs, nowMs);
        g.deadlineMs = nowMs + config.groupTimeoutMs() + config.slicing().spanMs();
        g.decidedCoin = decision.quantityCoin();
        g.deltaCoin = decision.deltaCoin();
        g.targetCoin = decision.targetCoin();
        g.halfWidthCoin = decision.halfWidthCoin();
        for (int l = 0; l < g.legCount; l++)
        {
            final int i = g.instrument[l];
            final boolean known = i >= 0 && i < instruments.length && instruments[i] != null;
            g.markAtStart[l] = known ? mark[i] : Double.NaN;
            if (!known || g.account[l] < 0 || g.account[l] >= gateways.length || gateways[g.account[l]] == null)
            {
                g.dead[l] = true;
                g.endedShort[l] = true;
                g.note = "leg " + l + " names an account or instrument without a gateway or venue instrument";
            }
        }
        openCount++;
        publishStatus();
        drive(g, nowMs);
        return g.groupId;
    }

    /** Ends a decision that will not be executed (gate, limits or engine state refused it) as BLOCKED. */
    public long block(final int underlying, final LegGroup legs, final HedgeDecision decision, final String why,
                      final long nowMs)
    {
        final long id = nextGroupId++;
        final List<LegOutcome> outcomes = new ArrayList<>(legs.size());
        for (int l = 0; l < legs.size(); l++)
        {
            outcomes.add(new LegOutcome(l, legs.account(l), legs.instrument(l), legs.side(l), legs.lots(l), 0, 0, 0,
                Double.NaN, 0, 0));
        }
        listener.onGroupDone(new GroupOutcome(id, underlying, GroupState.BLOCKED, decision.quantityCoin(), 0.0, nowMs,
            nowMs, outcomes, why));
        publishStatus();
        return id;
    }

    /** Applies an operator's command (see {@link EngineCommand}). */
    public void onCommand(final EngineCommand command, final String actor, final long nowMs)
    {
        lastActor = actor;
        switch (command)
        {
            case PAUSE -> paused = true;
            case RESUME ->
            {
                paused = false;
                killed = false;
                breaker.reset();
                breakerResets++;
            }
            case RESET_BREAKER ->
            {
                breaker.reset();
                breakerResets++;
            }
            case KILL -> kill(actor, nowMs);
            case FLATTEN ->
            {
                // the decision stage asks its deciders; nothing to do here
            }
        }
        publishStatus();
    }

    private void kill(final String actor, final long nowMs)
    {
        killed = true;
        for (int a = 0; a < gateways.length; a++)
        {
            if (gateways[a] != null)
            {
                cancelAllPending[a] = true;
                adminPending = true;
            }
        }
        for (final RebalancingGroup g : groups)
        {
            if (g.open())
            {
                g.note = "killed by " + actor;
                end(g, GroupState.KILLED, nowMs);
            }
        }
        retryAdmin();
    }

    /** The instrument's mark from market data (the slippage reference and the compensation price). */
    public void onMark(final int instrumentId, final double markPrice)
    {
        if (instrumentId >= 0 && instrumentId < mark.length && markPrice > 0.0 && markPrice < Double.POSITIVE_INFINITY)
        {
            mark[instrumentId] = markPrice;
        }
    }

    // ---------------------------------------------------------------- reports and time

    /** An execution report of account {@code accountId}. */
    public void onReport(final int accountId, final ExecutionReport report, final long nowMs)
    {
        final ClientOrderId id = report.clientOrderId();
        final RebalancingGroup g = find(id.groupId());
        if (g == null)
        {
            if (id.groupId() >= config.firstGroupId() && id.groupId() < nextGroupId)
            {
                lateReports++;
            }
            else
            {
                foreignReports++;
            }
            return;
        }
        final int l = id.leg();
        if (l >= g.legCount || g.account[l] != accountId || id.attempt() >= g.attempts[l])
        {
            foreignReports++;
            return;
        }
        final boolean compensation = g.compensationAttempt(l, id.attempt());
        final boolean current = g.workingAttempt[l] == id.attempt();
        final boolean wasTripped = breaker.tripped();
        final ExecType type = report.type();
        if (type == ExecType.ACK)
        {
            g.ackedLots[l] += report.amountLots();
        }
        else if (type == ExecType.PARTIAL_FILL || type == ExecType.FILL)
        {
            onFill(g, l, compensation, report, nowMs);
            if (type == ExecType.FILL && current)
            {
                g.workingAttempt[l] = RebalancingGroup.NONE;
            }
        }
        else if (type == ExecType.CANCELED && current)
        {
            g.workingAttempt[l] = RebalancingGroup.NONE;
            if (report.leavesLots() > 0)
            {
                g.endedShort[l] = !compensation;
                g.lastShortEndMs = nowMs;
            }
        }
        else if (type == ExecType.REJECTED)
        {
            breaker.onReject(nowMs);
            if (current)
            {
                g.workingAttempt[l] = RebalancingGroup.NONE;
                g.lastShortEndMs = nowMs;
                if (!compensation)
                {
                    g.endedShort[l] = true;
                    if (!report.rejectReason().retryable())
                    {
                        g.dead[l] = true;
                        g.note = "leg " + l + " refused: " + report.rejectReason() + " " + report.text();
                    }
                }
            }
        }
        if (wasTripped != breaker.tripped())
        {
            publishStatus();
        }
        drive(g, nowMs);
    }

    private void onFill(final RebalancingGroup g, final int l, final boolean compensation, final ExecutionReport report,
                        final long nowMs)
    {
        final int i = g.instrument[l];
        final long lots = report.lastFillLots();
        final double price = report.lastFillPriceTicks() * tick[i];
        if (compensation)
        {
            g.reversedLots[l] += lots;
            breaker.onFill(nowMs, 0.0, 0.0);
            return;
        }
        g.filledLots[l] += lots;
        g.filledValue[l] += price * lots;
        final double reference = g.markAtStart[l];
        if (reference > 0.0)
        {
            final double adverse = (g.side[l] == Side.BUY ? price - reference : reference - price) / reference;
            final double notionalUsd = inverse[i] ? lots * lotSize[i] : lots * lotSize[i] * price;
            breaker.onFill(nowMs, adverse * 1e4, adverse * notionalUsd);
        }
        else
        {
            breaker.onFill(nowMs, 0.0, 0.0);
        }
    }

    /** Deadlines, back-pressured resends, re-routes and slices due; cheap when no group is open. */
    public void poll(final long nowMs)
    {
        if (adminPending)
        {
            retryAdmin();
        }
        if (openCount == 0)
        {
            return;
        }
        for (final RebalancingGroup g : groups)
        {
            if (g.open())
            {
                drive(g, nowMs);
            }
        }
    }

    private RebalancingGroup find(final long groupId)
    {
        for (final RebalancingGroup g : groups)
        {
            if (g.open() && g.groupId == groupId)
            {
                return g;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the state machine

    private void drive(final RebalancingGroup g, final long nowMs)
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
            end(g, GroupState.COMPLETE, nowMs);
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
            if (open >= minLots[i])
            {
                final SendResult result = send(g, l, g.side[l], open, g.limitPrice[l], false);
                if (result == SendResult.NOT_CONNECTED)
                {
                    g.dead[l] = true;
                    g.endedShort[l] = true;
                    g.note = "leg " + l + " account " + g.account[l] + " not connected";
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
            if (!g.dead[l] && g.wantLots[l] - g.filledLots[l] >= minLots[g.instrument[l]])
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
        final int i = g.instrument[l];
        return inverse[i] ? lotSize[i] / g.limitPrice[l] : lotSize[i];
    }

    /** Ends the forward phase; true if the group goes on compensating (so the caller steps again at once). */
    private boolean finishForward(final RebalancingGroup g, final long nowMs, final String why)
    {
        g.note = why;
        final double after = g.deltaCoin + filledCoin(g);
        if (Math.abs(after - g.targetCoin) <= g.halfWidthCoin)
        {
            end(g, GroupState.PARTIAL_WITHIN_BAND, nowMs);
        }
        else if (!g.anyFilled())
        {
            g.note = why + "; nothing filled, nothing to reverse";
            end(g, GroupState.COMPENSATED, nowMs);
        }
        else
        {
            g.state = GroupState.COMPENSATING;
            g.compensationDeadlineMs = nowMs + config.compensationTimeoutMs();
            g.lastShortEndMs = Long.MIN_VALUE;
            publishStatus();
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
            end(g, GroupState.COMPENSATED, nowMs);
            return false;
        }
        if (nowMs >= g.compensationDeadlineMs)
        {
            g.note = g.note + "; compensation unfinished at its deadline";
            breaker.trip(nowMs, "group " + g.groupId + " could not be compensated");
            end(g, GroupState.FAILED, nowMs);
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
            final double reference = mark[i] > 0.0 ? mark[i] : g.averagePrice(l);
            final Side reverse = g.side[l] == Side.BUY ? Side.SELL : Side.BUY;
            final double limit = reference * (reverse == Side.BUY
                ? 1.0 + config.compensationSlippage() : 1.0 - config.compensationSlippage());
            if (g.firstCompensationAttempt[l] == RebalancingGroup.NONE)
            {
                g.firstCompensationAttempt[l] = g.attempts[l];
            }
            if (send(g, l, reverse, open, limit, true) == SendResult.NOT_CONNECTED)
            {
                g.lastShortEndMs = nowMs;
            }
        }
        return false;
    }

    /**
     * Creates the leg's next order and places it; the id is new for every order, whatever the result (an id that was
     * never sent is simply never used).
     */
    private SendResult send(final RebalancingGroup g, final int l, final Side side, final long lots,
                            final double limit, final boolean reduceOnly)
    {
        if (g.attempts[l] > MAX_ATTEMPT)
        {
            g.dead[l] = true;
            g.note = "leg " + l + " used every attempt id";
            return SendResult.NOT_CONNECTED;
        }
        final int i = g.instrument[l];
        final double exactTicks = limit / tick[i];
        final long ticks = side == Side.BUY ? (long)Math.floor(exactTicks + SNAP) : (long)Math.ceil(exactTicks - SNAP);
        if (!(ticks > 0) || !Double.isFinite(limit))
        {
            g.dead[l] = true;
            g.note = "leg " + l + " has no valid limit price (" + limit + ")";
            return SendResult.NOT_CONNECTED;
        }
        final ClientOrderId id = new ClientOrderId(g.groupId, l, g.attempts[l]++);
        final OrderRequest request = new OrderRequest(id, instruments[i], side, OrderType.LIMIT, TimeInForce.IOC, ticks,
            lots, false, reduceOnly);
        sides.record(id, side);
        final SendResult result = gateways[g.account[l]].place(request);
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
            final SendResult result = gateways[g.account[l]].place(request);
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
    private double filledCoin(final RebalancingGroup g)
    {
        double coin = 0.0;
        for (int l = 0; l < g.legCount; l++)
        {
            final long net = g.filledLots[l] - g.reversedLots[l];
            if (net != 0)
            {
                final int i = g.instrument[l];
                final double perLot = inverse[i] ? lotSize[i] / g.averagePrice(l) : lotSize[i];
                coin += g.side[l].sign() * net * perLot;
            }
        }
        return coin;
    }

    private void end(final RebalancingGroup g, final GroupState terminal, final long nowMs)
    {
        g.state = terminal;
        openCount--;
        for (int a = 0; a < gateways.length; a++)
        {
            if (gateways[a] != null && g.touches(a))
            {
                accountRefreshPending[a] = true;
                adminPending = true;
            }
        }
        retryAdmin();
        listener.onGroupDone(new GroupOutcome(g.groupId, g.underlying, terminal, g.decidedCoin, filledCoin(g), g.startMs,
            nowMs, g.legOutcomes(), g.note));
        publishStatus();
    }

    /** Cancel-alls after KILL and account refreshes after groups, retried while back-pressured. */
    private void retryAdmin()
    {
        boolean pending = false;
        for (int a = 0; a < gateways.length; a++)
        {
            if (cancelAllPending[a])
            {
                cancelAllPending[a] = gateways[a].cancelAll(null) == SendResult.BACK_PRESSURED;
                pending |= cancelAllPending[a];
            }
            if (accountRefreshPending[a])
            {
                accountRefreshPending[a] = gateways[a].requestAccount() == SendResult.BACK_PRESSURED;
                pending |= accountRefreshPending[a];
            }
        }
        adminPending = pending;
    }

    private void publishStatus()
    {
        final List<EngineStatus.OpenGroup> open = new ArrayList<>();
        for (final RebalancingGroup g : groups)
        {
            if (g.open())
            {
                open.add(new EngineStatus.OpenGroup(g.groupId, g.underlying, g.state, g.startMs,
                    g.state == GroupState.COMPENSATING ? g.compensationDeadlineMs : g.deadlineMs, g.decidedCoin));
            }
        }
        status = new EngineStatus(paused, killed, breaker.tripped(), breaker.reason(), false, open, nextGroupId,
            lastActor);
    }
}
