package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.hedger.policy.HedgeDecision;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.routing.LimitBreach;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.marginmonitor.monitor.AlertLevel;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.order.ExecutionReport;

/**
 * One pre-allocated ring slot: the input (a copy of a market-data event, a connection change or an account snapshot)
 * and what each stage wrote about it. Stages write only their own fields, in ring order, so a later stage reads an
 * earlier one's results on the event rather than its live state: that is what keeps the pipeline deterministic.
 *
 * <p>Field owners: the publisher (input, {@link #nowMs()}); 1 market state ({@link #underlying()}, {@link #spot()},
 * {@link #guard()}, {@link #hedgeMark()}, {@link #usableCandidates()}); 2 Greeks (delta, gamma); 3 decision and
 * planning ({@link #decision()}, {@link #result()}, the hedge {@link #legs()}, {@link #expectedCostUsd()}); 4
 * admission ({@link #verdict()}, {@link #result()}, {@link #limitBreach()}, what it gave the margin book and whether
 * the gate ran, for the journal; with a margin monitor the alert changes and a de-risking plan: {@link #alertCount()},
 * {@link #deRiskAccount()}, {@link #deRiskLegs()}); 5 execution ({@link #groupId()},
 * {@link #result()}) clears the slot.
 * Read it only inside a {@link DecisionSink} call: the slot is reused afterwards.
 */
public final class PipelineEvent
{
    private final MarketDataEvent marketData;
    /**
     * The market data the stages read: the slot's own copy, or, with {@link StageThreading#CALLER_RUNS}, the
     * publisher's event itself, lent for the one publish call that runs the stages over it (no copy).
     */
    private MarketDataEvent marketDataView;
    private final HedgeDecision decision = new HedgeDecision();
    private final GateVerdict verdict = new GateVerdict();
    private final LegGroup legs = new LegGroup(MarginGate.MAX_LEGS);
    /** Stage 4 (monitor): the reduce-only legs of a de-risking plan for {@link #deRiskAccount}; empty otherwise. */
    final LegGroup deRiskLegs = new LegGroup(MarginGate.MAX_LEGS);
    /** Stage 4 (monitor): alert level changes of this event, at most one per account. */
    private final int[] alertAccount;
    private final AlertLevel[] alertLevel;
    private final double[] alertRatio;
    private int alertCount;

    EventKind kind = EventKind.NONE;
    Venue connectionVenue;
    ConnectionState connectionState;
    int accountId = -1;
    AccountSnapshot account;
    ExecutionReport report;
    /** The side of the reported order as the engine sent it (null for foreign orders), stamped at publication. */
    Side reportSide;
    EngineCommand command;
    String actor;
    HedgePolicy policy;
    /** Stage 5: the group started for this event, or GROUP_DONE's group; -1 otherwise. */
    long groupId = -1;
    int groupUnderlying = -1;
    GroupState groupState;
    boolean breakerOpen;
    long breakerResets;
    /** GROUP_DONE of a de-risking group, and its account (else -1). */
    boolean groupDeRisk;
    int groupAccount = -1;
    /** Stage 4: the account this event's de-risking plan cuts (legs may be empty: nothing cuttable), else -1. */
    int deRiskAccount = -1;
    double deRiskRatioBefore = Double.NaN;
    double deRiskRatioAfter = Double.NaN;
    boolean deRiskReachesTarget;
    /** Stage 5: the de-risking group started (or blocked) for this event's plan, else -1. */
    long deRiskGroupId = -1;
    /** Stage 3 marked the underlying busy for this trading decision: stage 5 must start or block exactly one group. */
    boolean groupPending;
    long nowMs;
    long publishedNanos;

    int underlying = -1;
    double spot = Double.NaN;
    PipelineResult guard;
    double hedgeMark = Double.NaN;
    int usableCandidates;

    double deltaCoin = Double.NaN;
    double premiumAdjustedDeltaCoin = Double.NaN;
    double gammaPerUsd = Double.NaN;

    boolean decided;
    PipelineResult result = PipelineResult.NOT_APPLICABLE;
    double expectedCostUsd = Double.NaN;
    LimitBreach limitBreach;
    int admissionLeg = -1;
    int admissionAccount = -1;
    /**
     * Stage 4: what it gave the margin book for this market-data event (bits of the journal's MARKET record: 1 mark,
     * 2 volatility, 4 index; 0 when nothing) and the values, exactly as given; and whether the margin gate evaluated
     * this event's legs ({@link #verdict()} is then its verdict). The journal records these, not the raw input.
     */
    int bookFields;
    double bookMark;
    double bookVolatility;
    double bookIndex;
    boolean gateEvaluated;

    PipelineEvent(final int levelsPerSide, final int tradeCapacity)
    {
        this(levelsPerSide, tradeCapacity, 4);
    }

    /** @param accounts alert changes one event can carry: the margin book's account capacity */
    PipelineEvent(final int levelsPerSide, final int tradeCapacity, final int accounts)
    {
        marketData = new MarketDataEvent(levelsPerSide, tradeCapacity);
        marketDataView = marketData;
        alertAccount = new int[accounts];
        alertLevel = new AlertLevel[accounts];
        alertRatio = new double[accounts];
    }

    /** Stage 4: records an alert level change (an account changes level at most once per event). */
    void addAlert(final int accountId, final AlertLevel level, final double ratio)
    {
        if (alertCount == alertAccount.length)
        {
            throw new IllegalStateException("event holds " + alertCount + " alert changes already (account capacity): "
                + "account " + accountId + " to " + level + " cannot be recorded");
        }
        alertAccount[alertCount] = accountId;
        alertLevel[alertCount] = level;
        alertRatio[alertCount] = ratio;
        alertCount++;
    }

    /** Resets every field for reuse, keeping the buffers (the release stage's job). */
    void clear()
    {
        if (kind == EventKind.MARKET_DATA)
        {
            if (marketDataView == marketData)
            {
                marketData.clear();
            }
            marketDataView = marketData; // a lent event is the publisher's again: never cleared here
        }
        kind = EventKind.NONE;
        connectionVenue = null;
        connectionState = null;
        accountId = -1;
        account = null;
        report = null;
        reportSide = null;
        command = null;
        actor = null;
        policy = null;
        groupId = -1;
        groupUnderlying = -1;
        groupState = null;
        breakerOpen = false;
        breakerResets = 0;
        groupDeRisk = false;
        groupAccount = -1;
        deRiskAccount = -1;
        deRiskRatioBefore = Double.NaN;
        deRiskRatioAfter = Double.NaN;
        deRiskReachesTarget = false;
        deRiskGroupId = -1;
        deRiskLegs.clear();
        for (int k = 0; k < alertCount; k++)
        {
            alertLevel[k] = null;
        }
        alertCount = 0;
        groupPending = false;
        nowMs = 0;
        publishedNanos = 0;
        underlying = -1;
        spot = Double.NaN;
        guard = null;
        hedgeMark = Double.NaN;
        usableCandidates = 0;
        deltaCoin = Double.NaN;
        premiumAdjustedDeltaCoin = Double.NaN;
        gammaPerUsd = Double.NaN;
        decided = false;
        result = PipelineResult.NOT_APPLICABLE;
        expectedCostUsd = Double.NaN;
        limitBreach = null;
        admissionLeg = -1;
        admissionAccount = -1;
        bookFields = 0;
        bookMark = 0;
        bookVolatility = 0;
        bookIndex = 0;
        gateEvaluated = false;
        legs.clear();
    }

    public EventKind kind()
    {
        return kind;
    }

    /** The market data ({@link EventKind#MARKET_DATA} only): a copy, or the publisher's, lent (CALLER_RUNS). */
    public MarketDataEvent marketData()
    {
        return marketDataView;
    }

    /** The slot's own market-data buffer, to copy a published event into. */
    MarketDataEvent marketDataCopy()
    {
        marketDataView = marketData;
        return marketData;
    }

    /** Lends the publisher's event to the stages for this publish (CALLER_RUNS only: it returns after they ran). */
    void lendMarketData(final MarketDataEvent source)
    {
        marketDataView = source;
    }

    /** The venue whose session changed ({@link EventKind#CONNECTION_STATE} only). */
    public Venue connectionVenue()
    {
        return connectionVenue;
    }

    /** The session's new state ({@link EventKind#CONNECTION_STATE} only). */
    public ConnectionState connectionState()
    {
        return connectionState;
    }

    /**
     * The margin-book account the snapshot belongs to ({@link EventKind#ACCOUNT}) or whose session changed
     * ({@link EventKind#CONNECTION_STATE}), else -1.
     */
    public int accountId()
    {
        return accountId;
    }

    /** The account snapshot ({@link EventKind#ACCOUNT} only), else null. */
    public AccountSnapshot account()
    {
        return account;
    }

    /** The execution report ({@link EventKind#EXECUTION_REPORT} only; its account is {@link #accountId()}), else null. */
    public ExecutionReport report()
    {
        return report;
    }

    /** The side of the reported order if the engine sent it, else null ({@link EventKind#EXECUTION_REPORT} only). */
    public Side reportSide()
    {
        return reportSide;
    }

    /** The command ({@link EventKind#COMMAND} only), else null. */
    public EngineCommand command()
    {
        return command;
    }

    /** The new policy ({@link EventKind#POLICY} only), else null. */
    public HedgePolicy policy()
    {
        return policy;
    }

    /** Who gave the command or the policy ({@link EventKind#COMMAND}, {@link EventKind#POLICY}), else null. */
    public String actor()
    {
        return actor;
    }

    /** The group started for this APPROVED event, or the ended group of a {@link EventKind#GROUP_DONE}; else -1. */
    public long groupId()
    {
        return groupId;
    }

    /** The ended group's underlying ({@link EventKind#GROUP_DONE} only), else -1. */
    public int groupUnderlying()
    {
        return groupUnderlying;
    }

    /** Whether the circuit breaker was open when the group ended ({@link EventKind#GROUP_DONE} only). */
    public boolean breakerOpen()
    {
        return breakerOpen;
    }

    /** The breaker resets the execution stage had seen when the group ended ({@link EventKind#GROUP_DONE} only). */
    public long breakerResets()
    {
        return breakerResets;
    }

    /** The ended group's terminal state ({@link EventKind#GROUP_DONE} only), else null. */
    public GroupState groupState()
    {
        return groupState;
    }

    /** The injected clock's reading when the event was published, epoch ms: the time every stage decides at. */
    public long nowMs()
    {
        return nowMs;
    }

    /** {@link System#nanoTime()} at publication, for latency measurement only (never used by a decision). */
    public long publishedNanos()
    {
        return publishedNanos;
    }

    /** The portfolio underlying index this event moved, or -1 if it touches no hedged underlying. */
    public int underlying()
    {
        return underlying;
    }

    /** The underlying's index price after this event, USD per coin (NaN if none received yet). */
    public double spot()
    {
        return spot;
    }

    /** The stale-data guard's finding (STALE_INPUT or CONNECTION_NOT_LIVE), or null when every input is fresh and LIVE. */
    public PipelineResult guard()
    {
        return guard;
    }

    /** The route's primary hedge instrument's mark after this event, in its quote currency (NaN if none yet). */
    public double hedgeMark()
    {
        return hedgeMark;
    }

    /**
     * The route's candidates the stale-data guard let through (bit c = candidate c of the route: its account LIVE, its
     * mark, book and account snapshot fresh); 0 when none or the event moved no hedged underlying.
     */
    public int usableCandidates()
    {
        return usableCandidates;
    }

    /**
     * The planned group's expected cost in USD against the index (spread, depth impact and taker fees; negative if
     * the book pays), NaN when nothing was planned.
     */
    public double expectedCostUsd()
    {
        return expectedCostUsd;
    }

    /** The limit that refused the group ({@link PipelineResult#LIMIT_BLOCKED} only), else null. */
    public LimitBreach limitBreach()
    {
        return limitBreach;
    }

    /** The leg that broke a limit or the rate budget (LIMIT_BLOCKED, RATE_LIMITED), else -1. */
    public int admissionLeg()
    {
        return admissionLeg;
    }

    /** The account that broke a limit or the rate budget (LIMIT_BLOCKED, RATE_LIMITED), else -1. */
    public int admissionAccount()
    {
        return admissionAccount;
    }

    /** The portfolio's plain Black-Scholes delta of the underlying in coin (NaN when not revalued). */
    public double deltaCoin()
    {
        return deltaCoin;
    }

    /** The premium-adjusted delta in coin (Deribit's delta_total; NaN when not revalued). */
    public double premiumAdjustedDeltaCoin()
    {
        return premiumAdjustedDeltaCoin;
    }

    /** The portfolio gamma, coin per USD (NaN when not revalued). */
    public double gammaPerUsd()
    {
        return gammaPerUsd;
    }

    /** True if the hedge decider ran on this event: {@link #decision()} is then this event's decision. */
    public boolean decided()
    {
        return decided;
    }

    /** The hedge decision (valid only when {@link #decided()}). */
    public HedgeDecision decision()
    {
        return decision;
    }

    /** The margin gate's verdict (valid only when the gate ran: results GATE_BLOCKED and APPROVED). */
    public GateVerdict verdict()
    {
        return verdict;
    }

    /** The pipeline's outcome for this event. */
    public PipelineResult result()
    {
        return result;
    }

    /**
     * The rebalancing group of a trading decision: its legs (margin-book account and instrument ids, side, unsigned
     * lots, limit price in the instrument's quote currency), as judged by the margin gate; empty otherwise.
     */
    public LegGroup legs()
    {
        return legs;
    }

    /** Alert level changes the margin monitor made on this event (0 without a monitor). */
    public int alertCount()
    {
        return alertCount;
    }

    /** The k-th alert change's account, k in 0..{@link #alertCount()}-1. */
    public int alertAccount(final int k)
    {
        return alertAccount[checkedAlert(k)];
    }

    /** The k-th alert change's new level. */
    public AlertLevel alertLevel(final int k)
    {
        return alertLevel[checkedAlert(k)];
    }

    /** The margin ratio (maintenance margin / margin balance) that caused the k-th alert change. */
    public double alertRatio(final int k)
    {
        return alertRatio[checkedAlert(k)];
    }

    private int checkedAlert(final int k)
    {
        if (k < 0 || k >= alertCount)
        {
            throw new IndexOutOfBoundsException("alert change " + k + " of " + alertCount);
        }
        return k;
    }

    /** The account this event's de-risking plan cuts, else -1 (its legs may be empty when nothing is cuttable). */
    public int deRiskAccount()
    {
        return deRiskAccount;
    }

    /**
     * The de-risking plan's reduce-only legs (one account, delta-one instruments, each side opposite to the position,
     * lots at most the position, limit at the mark through the compensation slippage); empty when none.
     */
    public LegGroup deRiskLegs()
    {
        return deRiskLegs;
    }

    /** The account's margin ratio when the plan was made (NaN without a plan). */
    public double deRiskRatioBefore()
    {
        return deRiskRatioBefore;
    }

    /** The ratio projected once every leg fills at the mark (NaN without a plan). */
    public double deRiskProjectedRatio()
    {
        return deRiskRatioAfter;
    }

    /** False when the cuttable positions cannot bring the account to the de-risking target (options stay). */
    public boolean deRiskReachesTarget()
    {
        return deRiskReachesTarget;
    }

    /** The de-risking group started or blocked for this event's plan, else -1 (no plan, no legs, no execution). */
    public long deRiskGroupId()
    {
        return deRiskGroupId;
    }

    /** Whether a GROUP_DONE is a de-risking group's ({@link #groupAccount()} is then its account). */
    public boolean groupDeRisk()
    {
        return groupDeRisk;
    }

    /** The account of a de-risking group's GROUP_DONE, else -1. */
    public int groupAccount()
    {
        return groupAccount;
    }

    private String legsText()
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < legs.size(); i++)
        {
            text.append(", leg=").append(legs.side(i)).append(' ').append(legs.lots(i)).append(" lots of #")
                .append(legs.instrument(i)).append(" on account ").append(legs.account(i)).append(" @")
                .append(legs.limitPrice(i));
        }
        return text.toString();
    }

    @Override
    public String toString()
    {
        return "PipelineEvent{" + kind + ", at=" + nowMs + ", underlying=" + underlying + ", spot=" + spot
            + ", result=" + result + (limitBreach != null ? " " + limitBreach : "") + (decided ? ", " + decision : "")
            + legsText() + (legs.size() > 0 ? ", expectedCostUsd=" + expectedCostUsd : "")
            + (groupId >= 0 ? ", group=" + groupId + (groupState != null ? " " + groupState : "") : "")
            + (deRiskAccount >= 0 ? ", deRisk account " + deRiskAccount + " " + deRiskLegs.size() + " legs" : "")
            + (report != null ? ", report=" + report.clientOrderId() + " " + report.type() : "")
            + (command != null ? ", command=" + command + " by " + actor : "")
            + (policy != null ? ", policy of " + policy.underlying() + " by " + actor : "")
            + '}';
    }
}
