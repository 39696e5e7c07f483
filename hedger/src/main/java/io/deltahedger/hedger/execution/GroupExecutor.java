package io.deltahedger.hedger.execution;

import io.deltahedger.hedger.policy.HedgeDecision;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.SendResult;

import java.util.ArrayList;
import java.util.List;

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
 * After a group ends, {@code requestAccount()} goes to every account it sent to.
 *
 * <p><b>De-risking groups</b> ({@link #startDeRisk}): one slot per account besides the one per underlying; legs go
 * out as IOC LIMIT orders with {@code reduceOnly=true}; a short leg is retried on its own route only, never converted
 * onto another leg's instrument; at the deadline what filled stays ({@link GroupState#DE_RISK_SHORT}, never
 * compensated). KILL ends them like any group; PAUSE and the breaker do not refuse them (the caller decides). The per-group state machine is
 * {@link GroupDriver}; this class admits groups, routes reports, applies commands and keeps the engine status. Owned
 * by one thread (the execution
 * stage); allocation: the client order ids, requests and outcomes of orders and groups (rare events), none while
 * no group is open.
 */
public final class GroupExecutor
{
    private final ExecutionConfig config;
    private final GroupListener listener;
    private final CircuitBreaker breaker;
    private final VenueTable venues;
    private final GroupDriver driver;
    private final boolean[] accountRefreshPending;
    private final boolean[] cancelAllPending;
    /** Hedge groups at 0..underlyingCount-1, then one de-risking group per account. */
    private final RebalancingGroup[] groups;
    private final int underlyingCount;

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
        this(config, venues, accountCount, instrumentCount, underlyingCount, listener, sides, OrderJournal.NONE);
    }

    /**
     * As above, recording every new order in {@code journal} before placing it (a refusal keeps it unsent).
     */
    public GroupExecutor(
        final ExecutionConfig config,
        final ExecutionVenues venues,
        final int accountCount,
        final int instrumentCount,
        final int underlyingCount,
        final GroupListener listener,
        final OrderSides sides,
        final OrderJournal journal)
    {
        if (config == null || venues == null || listener == null || sides == null || journal == null)
        {
            throw new IllegalArgumentException("group executor needs a config, venues, a listener, order sides and an "
                + "order journal (OrderJournal.NONE for none); one was null");
        }
        this.config = config;
        this.listener = listener;
        this.breaker = new CircuitBreaker(config.breaker());
        this.nextGroupId = config.firstGroupId();
        this.venues = new VenueTable(venues, accountCount, instrumentCount);
        this.driver = new GroupDriver(config, this.venues, breaker, sides, journal, new GroupDriver.Ends()
        {
            @Override
            public void end(final RebalancingGroup g, final GroupState terminal, final long nowMs)
            {
                GroupExecutor.this.end(g, terminal, nowMs);
            }

            @Override
            public void statusChanged()
            {
                publishStatus();
            }
        });
        accountRefreshPending = new boolean[accountCount];
        cancelAllPending = new boolean[accountCount];
        this.underlyingCount = underlyingCount;
        groups = new RebalancingGroup[underlyingCount + accountCount];
        for (int u = 0; u < groups.length; u++)
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

    /**
     * After a restart: the next group takes an id above {@code lastUsedGroupId} (the journal's highest), or the
     * configured first id if that is higher, so client order ids never repeat across restarts. Only before the first
     * group.
     *
     * @throws IllegalStateException if a group was already started or blocked
     */
    public void continueAfter(final long lastUsedGroupId)
    {
        if (nextGroupId != config.firstGroupId())
        {
            throw new IllegalStateException("group ids can only be continued before the first group; next is already "
                + nextGroupId);
        }
        if (lastUsedGroupId >= nextGroupId)
        {
            if (lastUsedGroupId == Long.MAX_VALUE)
            {
                throw new IllegalArgumentException("the journal's last group id is Long.MAX_VALUE: no id is left");
            }
            nextGroupId = lastUsedGroupId + 1;
            publishStatus();
        }
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
            final boolean routable = venues.routable(g.account[l], g.instrument[l]);
            g.markAtStart[l] = routable ? venues.mark[g.instrument[l]] : Double.NaN;
            if (!routable)
            {
                g.dead[l] = true;
                g.endedShort[l] = true;
                g.note = "leg " + l + " names an account or instrument without a gateway or venue instrument";
            }
        }
        openCount++;
        publishStatus();
        driver.drive(g, nowMs);
        return g.groupId;
    }

    /**
     * Starts a reduce-only de-risking group on one account and sends what can be sent. Every leg must be on
     * {@code accountId}; the lots must not exceed the positions (the margin monitor's plan guarantees it; the venue's
     * reduce-only flag enforces it).
     *
     * @return the group id
     * @throws IllegalStateException if a de-risking group of the account is still in flight
     */
    public long startDeRisk(final int accountId, final LegGroup legs, final long nowMs)
    {
        final RebalancingGroup g = deRiskSlot(accountId, legs);
        if (g.open())
        {
            throw new IllegalStateException("de-risk group " + g.groupId + " of account " + accountId + " is still in "
                + "flight: the margin stage must wait for its GROUP_DONE");
        }
        g.begin(nextGroupId++, -1, legs, nowMs);
        g.deRisk = true;
        g.deadlineMs = nowMs + config.groupTimeoutMs() + config.slicing().spanMs();
        double coin = 0.0;
        for (int l = 0; l < g.legCount; l++)
        {
            final boolean routable = venues.routable(g.account[l], g.instrument[l]);
            g.markAtStart[l] = routable ? venues.mark[g.instrument[l]] : Double.NaN;
            if (routable)
            {
                coin += g.side[l].sign() * g.plannedLots[l] * venues.coinPerLot(g.instrument[l], g.limitPrice[l]);
            }
            else
            {
                g.dead[l] = true;
                g.endedShort[l] = true;
                g.note = "leg " + l + " names an account or instrument without a gateway or venue instrument";
            }
        }
        g.decidedCoin = coin;
        g.deltaCoin = 0.0;
        g.targetCoin = 0.0;
        g.halfWidthCoin = 0.0;
        openCount++;
        publishStatus();
        driver.drive(g, nowMs);
        return g.groupId;
    }

    /** Ends a de-risking plan that will not be executed (killed, halted) as BLOCKED. */
    public long blockDeRisk(final int accountId, final LegGroup legs, final String why, final long nowMs)
    {
        deRiskSlot(accountId, legs);
        final long id = nextGroupId++;
        listener.onGroupDone(new GroupOutcome(id, -1, GroupState.BLOCKED, 0.0, 0.0, nowMs, nowMs, blockedLegs(legs),
            why, true));
        publishStatus();
        return id;
    }

    /** The de-risking group in flight on an account, or -1. */
    public long openDeRiskGroupId(final int accountId)
    {
        final RebalancingGroup g = groups[underlyingCount + accountId];
        return g.open() ? g.groupId : -1;
    }

    private RebalancingGroup deRiskSlot(final int accountId, final LegGroup legs)
    {
        if (accountId < 0 || underlyingCount + accountId >= groups.length)
        {
            throw new IllegalArgumentException("de-risk account id " + accountId + " is not a margin-book account id in 0.."
                + (groups.length - underlyingCount - 1));
        }
        if (legs.size() == 0)
        {
            throw new IllegalArgumentException("a de-risk group needs at least one leg");
        }
        for (int l = 0; l < legs.size(); l++)
        {
            if (legs.account(l) != accountId)
            {
                throw new IllegalArgumentException("de-risk leg " + l + " is on account " + legs.account(l)
                    + ", not on the de-risked account " + accountId + ": a de-risk group cuts one account only");
            }
        }
        return groups[underlyingCount + accountId];
    }

    private static List<LegOutcome> blockedLegs(final LegGroup legs)
    {
        final List<LegOutcome> outcomes = new ArrayList<>(legs.size());
        for (int l = 0; l < legs.size(); l++)
        {
            outcomes.add(new LegOutcome(l, legs.account(l), legs.instrument(l), legs.side(l), legs.lots(l), 0, 0, 0,
                Double.NaN, 0, 0));
        }
        return outcomes;
    }

    /** Ends a decision that will not be executed (gate, limits or engine state refused it) as BLOCKED. */
    public long block(final int underlying, final LegGroup legs, final HedgeDecision decision, final String why,
                      final long nowMs)
    {
        final long id = nextGroupId++;
        listener.onGroupDone(new GroupOutcome(id, underlying, GroupState.BLOCKED, decision.quantityCoin(), 0.0, nowMs,
            nowMs, blockedLegs(legs), why));
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
        for (int a = 0; a < venues.gateways.length; a++)
        {
            if (venues.gateways[a] != null)
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
        if (instrumentId >= 0 && instrumentId < venues.mark.length && markPrice > 0.0
            && markPrice < Double.POSITIVE_INFINITY)
        {
            venues.mark[instrumentId] = markPrice;
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
        driver.drive(g, nowMs);
    }

    private void onFill(final RebalancingGroup g, final int l, final boolean compensation, final ExecutionReport report,
                        final long nowMs)
    {
        final int i = g.instrument[l];
        final long lots = report.lastFillLots();
        final double price = report.lastFillPriceTicks() * venues.tick[i];
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
            final double notionalUsd = venues.inverse[i] ? lots * venues.lotSize[i] : lots * venues.lotSize[i] * price;
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
                driver.drive(g, nowMs);
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

    private void end(final RebalancingGroup g, final GroupState terminal, final long nowMs)
    {
        g.state = terminal;
        openCount--;
        for (int a = 0; a < venues.gateways.length; a++)
        {
            if (venues.gateways[a] != null && g.touches(a))
            {
                accountRefreshPending[a] = true;
                adminPending = true;
            }
        }
        retryAdmin();
        listener.onGroupDone(new GroupOutcome(g.groupId, g.underlying, terminal, g.decidedCoin, driver.filledCoin(g), g.startMs,
            nowMs, g.legOutcomes(), g.note, g.deRisk));
        publishStatus();
    }

    /** Cancel-alls after KILL and account refreshes after groups, retried while back-pressured. */
    private void retryAdmin()
    {
        boolean pending = false;
        for (int a = 0; a < venues.gateways.length; a++)
        {
            if (cancelAllPending[a])
            {
                cancelAllPending[a] = venues.gateways[a].cancelAll(null) == SendResult.BACK_PRESSURED;
                pending |= cancelAllPending[a];
            }
            if (accountRefreshPending[a])
            {
                accountRefreshPending[a] = venues.gateways[a].requestAccount() == SendResult.BACK_PRESSURED;
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
