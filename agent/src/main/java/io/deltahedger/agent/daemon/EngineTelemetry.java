package io.deltahedger.agent.daemon;

import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.pipeline.DecisionSink;
import io.deltahedger.hedger.pipeline.PipelineEvent;
import io.deltahedger.hedger.pipeline.PipelineResult;
import io.deltahedger.marginmonitor.gate.GateReason;
import io.deltahedger.marginmonitor.monitor.AlertLevel;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the daemon shows of the engine, recorded from the pipeline's last stage (the {@link DecisionSink}) and read by
 * the control plane's threads: the tick-to-decision latency, outcome counts by result and gate reason, orders, fills
 * and rejects, per underlying the last spot, net delta and band, per account the margin ratio and connection state,
 * and the recent groups and orders.
 *
 * <p>Writer: the pipeline's release thread only. Per-event recording is allocation-free (an HdrHistogram
 * {@link Recorder}, atomic arrays written with {@code lazySet}); reports and group outcomes, which are rare, are kept
 * as the immutable records they arrive as. Readers may see fields of one underlying from two consecutive events: fine
 * for a dashboard, never used for a decision.
 */
public final class EngineTelemetry implements DecisionSink
{
    private static final Logger LOG = LoggerFactory.getLogger(EngineTelemetry.class);

    /** Recent groups and orders kept for the status page. */
    public static final int RECENT = 50;

    private static final PipelineResult[] RESULTS = PipelineResult.values();
    private static final GateReason[] GATE_REASONS = GateReason.values();
    private static final ExecType[] EXEC_TYPES = ExecType.values();

    private final List<String> underlyings;
    private final List<String> accounts;
    private final Recorder latencyNs = new Recorder(3_600_000_000_000L, 3);
    private final Histogram latencyTotal = new Histogram(3_600_000_000_000L, 3);
    private Histogram latencyInterval;
    private final AtomicLongArray results = new AtomicLongArray(RESULTS.length);
    private final AtomicLongArray gateReasons = new AtomicLongArray(GATE_REASONS.length);
    private final AtomicLongArray reports = new AtomicLongArray(EXEC_TYPES.length);
    private final AtomicLongArray spot;
    private final AtomicLongArray delta;
    private final AtomicLongArray target;
    private final AtomicLongArray halfWidth;
    private final AtomicLongArray updatedMs;
    private final AtomicReferenceArray<AccountSnapshot> snapshots;
    private final AtomicReferenceArray<ConnectionState> connection;
    private final ArrayDeque<GroupOutcome> groups = new ArrayDeque<>();
    private final ArrayDeque<ExecutionReport> orders = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicIntegerArray alerts;

    /**
     * @param underlyings the portfolio's underlyings, by portfolio index
     * @param accounts    the margin book's account names, by account id
     */
    public EngineTelemetry(final List<String> underlyings, final List<String> accounts)
    {
        this.underlyings = List.copyOf(underlyings);
        this.accounts = List.copyOf(accounts);
        spot = nanArray(underlyings.size());
        delta = nanArray(underlyings.size());
        target = nanArray(underlyings.size());
        halfWidth = nanArray(underlyings.size());
        updatedMs = new AtomicLongArray(underlyings.size());
        snapshots = new AtomicReferenceArray<>(accounts.size());
        connection = new AtomicReferenceArray<>(accounts.size());
        alerts = new java.util.concurrent.atomic.AtomicIntegerArray(accounts.size());
    }

    private static AtomicLongArray nanArray(final int n)
    {
        final AtomicLongArray a = new AtomicLongArray(n);
        for (int i = 0; i < n; i++)
        {
            a.set(i, Double.doubleToRawLongBits(Double.NaN));
        }
        return a;
    }

    @Override
    public void onApproved(final PipelineEvent event)
    {
        record(event);
    }

    @Override
    public void onNotApproved(final PipelineEvent event)
    {
        record(event);
    }

    private void record(final PipelineEvent event)
    {
        results.lazySet(event.result().ordinal(), results.get(event.result().ordinal()) + 1);
        switch (event.kind())
        {
            case MARKET_DATA ->
            {
                latencyNs.recordValue(Math.max(0, System.nanoTime() - event.publishedNanos()));
                final int u = event.underlying();
                if (u >= 0 && u < underlyings.size() && Double.isFinite(event.deltaCoin()))
                {
                    spot.lazySet(u, Double.doubleToRawLongBits(event.spot()));
                    delta.lazySet(u, Double.doubleToRawLongBits(event.deltaCoin()));
                    updatedMs.lazySet(u, event.nowMs());
                    if (event.decided())
                    {
                        target.lazySet(u, Double.doubleToRawLongBits(event.decision().targetCoin()));
                        halfWidth.lazySet(u, Double.doubleToRawLongBits(event.decision().halfWidthCoin()));
                    }
                }
                if (event.result() == PipelineResult.APPROVED || event.result() == PipelineResult.GATE_BLOCKED)
                {
                    final int r = event.verdict().reason().ordinal();
                    gateReasons.lazySet(r, gateReasons.get(r) + 1);
                }
            }
            case ACCOUNT ->
            {
                if (event.accountId() >= 0 && event.accountId() < accounts.size())
                {
                    snapshots.lazySet(event.accountId(), event.account());
                }
            }
            case CONNECTION_STATE ->
            {
                if (event.accountId() >= 0 && event.accountId() < accounts.size())
                {
                    connection.lazySet(event.accountId(), event.connectionState());
                }
            }
            case EXECUTION_REPORT ->
            {
                final ExecutionReport report = event.report();
                reports.lazySet(report.type().ordinal(), reports.get(report.type().ordinal()) + 1);
                logReport(report);
                synchronized (orders)
                {
                    orders.addFirst(report);
                    if (orders.size() > RECENT)
                    {
                        orders.removeLast();
                    }
                }
            }
            default ->
            {
            }
        }
    }

    @Override
    public void onAlert(final int accountId, final AlertLevel level, final double ratio)
    {
        final String name = accountId >= 0 && accountId < accounts.size() ? accounts.get(accountId) : "#" + accountId;
        alerts.lazySet(accountId, level.ordinal());
        if (level == AlertLevel.NORMAL)
        {
            LOG.info("margin of {} back to NORMAL: ratio {}", name, ratio);
        }
        else
        {
            LOG.warn("margin of {} at {}: ratio {} (maintenance margin over margin balance; 1 is liquidation)", name,
                level, ratio);
        }
    }

    @Override
    public void onDeRisk(final PipelineEvent event)
    {
        final int a = event.deRiskAccount();
        final String name = a >= 0 && a < accounts.size() ? accounts.get(a) : "#" + a;
        if (event.deRiskReachesTarget())
        {
            LOG.warn("de-risking {}: ratio {} -> {} projected, {} reduce-only leg(s), group {}", name,
                event.deRiskRatioBefore(), event.deRiskProjectedRatio(), event.deRiskLegs().size(), event.deRiskGroupId());
        }
        else
        {
            LOG.error("de-risking {} cannot reach its target: ratio {} -> {} projected with {} reduce-only leg(s) on the "
                + "delta-one positions; options or other positions must be cut by an operator", name,
                event.deRiskRatioBefore(), event.deRiskProjectedRatio(), event.deRiskLegs().size());
        }
    }

    /** The account's last alert level (NORMAL before any). */
    public AlertLevel alertLevel(final int account)
    {
        return AlertLevel.values()[alerts.get(account)];
    }

    @Override
    public void onGroupDone(final GroupOutcome outcome)
    {
        MDC.put("group", Long.toString(outcome.groupId()));
        try
        {
            LOG.info("group {} of {} ended {}: decided {} coin, filled {} coin{}", outcome.groupId(),
                outcome.deRisk() ? "de-risk of account " + outcome.deRiskAccount() : underlyings.get(outcome.underlying()),
                outcome.state(), outcome.decidedCoin(), outcome.filledCoin(),
                outcome.reason().isEmpty() ? "" : " (" + outcome.reason() + ")");
        }
        finally
        {
            MDC.remove("group");
        }
        synchronized (groups)
        {
            groups.addFirst(outcome);
            if (groups.size() > RECENT)
            {
                groups.removeLast();
            }
        }
    }

    /** Fills at INFO, refusals at WARN, each with the order's group and client id in the MDC. */
    private static void logReport(final ExecutionReport report)
    {
        final boolean refusal = report.rejectReason() != null;
        if (!refusal && report.type() != ExecType.FILL && report.type() != ExecType.PARTIAL_FILL)
        {
            return;
        }
        MDC.put("group", Long.toString(report.clientOrderId().groupId()));
        MDC.put("order", report.clientOrderId().text());
        try
        {
            if (refusal)
            {
                LOG.warn("order {} on {} {}: {} {}", report.clientOrderId(), report.instrument().canonicalId(),
                    report.type(), report.rejectReason(), report.text());
            }
            else
            {
                LOG.info("order {} on {} {}: {} lots at {} ticks ({} of {} filled)", report.clientOrderId(),
                    report.instrument().canonicalId(), report.type(), report.lastFillLots(), report.lastFillPriceTicks(),
                    report.cumFilledLots(), report.amountLots());
            }
        }
        finally
        {
            MDC.remove("group");
            MDC.remove("order");
        }
    }

    /** The underlyings' names, by portfolio index. */
    public List<String> underlyings()
    {
        return underlyings;
    }

    /** The margin book's account names, by id. */
    public List<String> accounts()
    {
        return accounts;
    }

    public double spot(final int underlying)
    {
        return Double.longBitsToDouble(spot.get(underlying));
    }

    public double netDeltaCoin(final int underlying)
    {
        return Double.longBitsToDouble(delta.get(underlying));
    }

    public double targetCoin(final int underlying)
    {
        return Double.longBitsToDouble(target.get(underlying));
    }

    public double halfWidthCoin(final int underlying)
    {
        return Double.longBitsToDouble(halfWidth.get(underlying));
    }

    /** Event time of the underlying's last revaluation, epoch ms (0 before the first). */
    public long updatedMs(final int underlying)
    {
        return updatedMs.get(underlying);
    }

    /** The account's last snapshot, or null. */
    public AccountSnapshot snapshot(final int account)
    {
        return snapshots.get(account);
    }

    /** The account's last connection state, or null if never heard of. */
    public ConnectionState connectionState(final int account)
    {
        return connection.get(account);
    }

    /** Maintenance margin over equity of the account's last snapshot, NaN without one. */
    public double marginRatio(final int account)
    {
        final AccountSnapshot s = snapshots.get(account);
        return s == null ? Double.NaN : s.maintenanceMarginUsage();
    }

    public long resultCount(final PipelineResult result)
    {
        return results.get(result.ordinal());
    }

    public long reportCount(final ExecType type)
    {
        return reports.get(type.ordinal());
    }

    /** The most recent group outcomes, newest first. */
    public List<GroupOutcome> recentGroups()
    {
        synchronized (groups)
        {
            return new ArrayList<>(groups);
        }
    }

    /** The most recent execution reports, newest first. */
    public List<ExecutionReport> recentReports()
    {
        synchronized (orders)
        {
            return new ArrayList<>(orders);
        }
    }

    /** Latency percentiles in microseconds over the whole run: p50, p99, p99.9, max; NaN before any event. */
    public synchronized double[] latencyMicros()
    {
        drainLatency();
        if (latencyTotal.getTotalCount() == 0)
        {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {latencyTotal.getValueAtPercentile(50) / 1e3, latencyTotal.getValueAtPercentile(99) / 1e3,
            latencyTotal.getValueAtPercentile(99.9) / 1e3, latencyTotal.getMaxValue() / 1e3};
    }

    private void drainLatency()
    {
        latencyInterval = latencyNs.getIntervalHistogram(latencyInterval);
        latencyTotal.add(latencyInterval);
    }

    /**
     * Appends the Prometheus text exposition (format 0.0.4) of these metrics.
     *
     * @param out where to append
     */
    public synchronized void prometheus(final StringBuilder out)
    {
        drainLatency();
        out.append("# HELP deltahedger_tick_to_decision_seconds Market-data event from the ring's entry to the end of the pipeline.\n");
        out.append("# TYPE deltahedger_tick_to_decision_seconds summary\n");
        for (final double q : new double[] {0.5, 0.9, 0.99, 0.999})
        {
            out.append("deltahedger_tick_to_decision_seconds{quantile=\"").append(q).append("\"} ")
                .append(number(latencyTotal.getTotalCount() == 0 ? Double.NaN
                    : latencyTotal.getValueAtPercentile(q * 100) / 1e9)).append('\n');
        }
        out.append("deltahedger_tick_to_decision_seconds_sum ")
            .append(number(latencyTotal.getMean() * latencyTotal.getTotalCount() / 1e9)).append('\n');
        out.append("deltahedger_tick_to_decision_seconds_count ").append(latencyTotal.getTotalCount()).append('\n');

        out.append("# HELP deltahedger_events_total Pipeline events by result.\n# TYPE deltahedger_events_total counter\n");
        for (final PipelineResult r : RESULTS)
        {
            out.append("deltahedger_events_total{result=\"").append(lower(r.name())).append("\"} ")
                .append(results.get(r.ordinal())).append('\n');
        }
        out.append("# HELP deltahedger_gate_verdicts_total Margin-gate verdicts by reason.\n"
            + "# TYPE deltahedger_gate_verdicts_total counter\n");
        for (final GateReason r : GATE_REASONS)
        {
            out.append("deltahedger_gate_verdicts_total{reason=\"").append(lower(r.name())).append("\"} ")
                .append(gateReasons.get(r.ordinal())).append('\n');
        }
        out.append("# HELP deltahedger_execution_reports_total Venue execution reports by type (fills, rejects, ...).\n"
            + "# TYPE deltahedger_execution_reports_total counter\n");
        for (final ExecType t : EXEC_TYPES)
        {
            out.append("deltahedger_execution_reports_total{type=\"").append(lower(t.name())).append("\"} ")
                .append(reports.get(t.ordinal())).append('\n');
        }
        out.append("# HELP deltahedger_net_delta_coin Net delta of the book per underlying, coin.\n"
            + "# TYPE deltahedger_net_delta_coin gauge\n");
        for (int u = 0; u < underlyings.size(); u++)
        {
            out.append("deltahedger_net_delta_coin{underlying=\"").append(escape(underlyings.get(u))).append("\"} ")
                .append(number(netDeltaCoin(u))).append('\n');
        }
        out.append("# HELP deltahedger_margin_alert_level Margin alert level per account (0 normal, 1 warn, 2 critical).\n"
            + "# TYPE deltahedger_margin_alert_level gauge\n");
        for (int a = 0; a < accounts.size(); a++)
        {
            out.append("deltahedger_margin_alert_level{account=\"").append(escape(accounts.get(a))).append("\"} ")
                .append(alerts.get(a)).append('\n');
        }
        out.append("# HELP deltahedger_margin_ratio Maintenance margin over equity per venue account (1 = liquidation).\n"
            + "# TYPE deltahedger_margin_ratio gauge\n");
        for (int a = 0; a < accounts.size(); a++)
        {
            out.append("deltahedger_margin_ratio{account=\"").append(escape(accounts.get(a))).append("\"} ")
                .append(number(marginRatio(a))).append('\n');
        }
    }

    static String number(final double v)
    {
        if (Double.isNaN(v))
        {
            return "NaN";
        }
        if (Double.isInfinite(v))
        {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(v);
    }

    static String lower(final String name)
    {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Escapes a label value (backslash, double quote, new line), as the text format requires. */
    static String escape(final String value)
    {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Per-underlying figures for the status page. */
    public List<Map<String, Object>> underlyingStatus()
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        for (int u = 0; u < underlyings.size(); u++)
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            final double t = targetCoin(u);
            final double h = halfWidthCoin(u);
            m.put("name", underlyings.get(u));
            m.put("spot", finiteOrNull(spot(u)));
            m.put("net_delta_coin", finiteOrNull(netDeltaCoin(u)));
            m.put("target", finiteOrNull(t));
            m.put("band_low", finiteOrNull(t - h));
            m.put("band_high", finiteOrNull(t + h));
            m.put("updated_ms", updatedMs(u));
            list.add(m);
        }
        return list;
    }

    static Object finiteOrNull(final double v)
    {
        return Double.isFinite(v) ? v : null;
    }
}
