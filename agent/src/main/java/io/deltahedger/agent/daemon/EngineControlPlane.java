package io.deltahedger.agent.daemon;

import io.deltahedger.agent.control.Actor;
import io.deltahedger.agent.control.ControlAction;
import io.deltahedger.agent.control.ControlOutcome;
import io.deltahedger.agent.control.ControlPlane;
import io.deltahedger.agent.control.Health;
import io.deltahedger.agent.control.PolicyChange;
import io.deltahedger.config.DeltahedgerConfig;
import io.deltahedger.config.time.EpochClock;
import io.deltahedger.hedger.engine.EngineState;
import io.deltahedger.hedger.engine.HedgingEngine;
import io.deltahedger.hedger.engine.VenueConnection;
import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.EngineStatus;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgeBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.policy.RebalanceTo;
import io.deltahedger.hedger.policy.WhalleyWilmottBand;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.order.ExecutionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The control plane over the running engine: health from the engine's state, the venue sessions and the telemetry's
 * freshness; status from the engine's snapshot and the telemetry; commands and policy changes onto the engine's ring
 * (they take effect in ring order, so they are journaled and replayed like any input). Thread-safe: it only reads
 * immutable snapshots and atomics, and publishing to the ring is thread-safe.
 */
final class EngineControlPlane implements ControlPlane
{
    private static final Logger LOG = LoggerFactory.getLogger(EngineControlPlane.class);

    private final HedgingEngine engine;
    private final EngineTelemetry telemetry;
    private final DeltahedgerConfig config;
    private final EpochClock clock;

    EngineControlPlane(final HedgingEngine engine, final EngineTelemetry telemetry, final DeltahedgerConfig config,
                       final EpochClock clock)
    {
        this.engine = engine;
        this.telemetry = telemetry;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Health liveness()
    {
        final EngineState state = engine.state();
        final boolean running = state == EngineState.HEDGING || state == EngineState.CONNECTING;
        return Health.of(Map.of("engine", new Health.Component(running, state.name()
            + (engine.failure() == null ? "" : ": " + engine.failure()))));
    }

    @Override
    public Health readiness()
    {
        final Map<String, Health.Component> components = new LinkedHashMap<>();
        final EngineStatus status = engine.status();
        components.put("engine", new Health.Component(engine.state() == EngineState.HEDGING && !status.halted(),
            status.halted() ? "halted after a stage failure: restart the agent" : engine.state().name()));
        for (final VenueConnection c : engine.connections())
        {
            final ConnectionState s = c.connectionState();
            components.put("venue:" + c.name(), new Health.Component(s == ConnectionState.LIVE, s.name()));
        }
        final long now = clock.epochMs();
        final long maxSnapshotAge = config.margin().maxSnapshotAgeMs();
        for (int a = 0; a < telemetry.accounts().size(); a++)
        {
            final AccountSnapshot s = telemetry.snapshot(a);
            final String name = "account:" + telemetry.accounts().get(a);
            if (s == null)
            {
                components.put(name, new Health.Component(false, "no account snapshot yet"));
            }
            else
            {
                final long age = s.ageMs(now);
                components.put(name, new Health.Component(age <= maxSnapshotAge, String.format(Locale.ROOT,
                    "snapshot %.1f s old (max %.1f s)", age / 1e3, maxSnapshotAge / 1e3)));
            }
        }
        final long maxInputAge = config.pipeline().maxInputAgeMs();
        for (int u = 0; u < telemetry.underlyings().size(); u++)
        {
            final long updated = telemetry.updatedMs(u);
            final String name = "market-data:" + telemetry.underlyings().get(u);
            components.put(name, updated == 0 ? new Health.Component(false, "no revaluation yet")
                : new Health.Component(now - updated <= maxInputAge, String.format(Locale.ROOT,
                    "last revaluation %.1f s ago (max %.1f s)", (now - updated) / 1e3, maxInputAge / 1e3)));
        }
        return Health.of(components);
    }

    @Override
    public Map<String, Object> status()
    {
        final EngineStatus s = engine.status();
        final Map<String, Object> state = new LinkedHashMap<>();
        state.put("engine", engine.state().name());
        state.put("paused", s.paused());
        state.put("killed", s.killed());
        state.put("halted", s.halted());
        state.put("breaker", Map.of("tripped", s.breakerTripped(), "reason", s.breakerReason()));
        state.put("last_actor", s.lastActor());
        state.put("next_group_id", s.nextGroupId());

        final List<Map<String, Object>> underlyings = telemetry.underlyingStatus();
        for (final Map<String, Object> u : underlyings)
        {
            final HedgePolicy policy = engine.pipeline().policy((String)u.get("name"));
            if (policy != null)
            {
                u.put("policy", policy.toString());
            }
        }
        final List<Map<String, Object>> venues = new ArrayList<>();
        for (int a = 0; a < telemetry.accounts().size(); a++)
        {
            final Map<String, Object> v = new LinkedHashMap<>();
            final AccountSnapshot snap = telemetry.snapshot(a);
            final ConnectionState cs = telemetry.connectionState(a);
            v.put("name", telemetry.accounts().get(a));
            v.put("connection", cs == null ? "UNKNOWN" : cs.name());
            v.put("margin_ratio", EngineTelemetry.finiteOrNull(telemetry.marginRatio(a)));
            v.put("margin_ratio_projected", EngineTelemetry.finiteOrNull(monitoredRatio(a)));
            v.put("alert", telemetry.alertLevel(a).name());
            v.put("threshold", config.margin().threshold());
            if (snap != null)
            {
                v.put("currency", snap.currency());
                v.put("equity", snap.equity());
                v.put("maintenance_margin", snap.maintenanceMargin());
                final List<Map<String, Object>> positions = new ArrayList<>();
                snap.positions().forEach(p -> positions.add(Map.of("instrument", p.instrument().canonicalId(),
                    "size_lots", p.sizeLots())));
                v.put("positions", positions);
            }
            venues.add(v);
        }
        final List<Map<String, Object>> groups = new ArrayList<>();
        for (final EngineStatus.OpenGroup g : s.openGroups())
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.groupId());
            // a margin de-risking cut (HedgingPipeline.withMonitor) hedges no underlying: -1
            m.put("underlying", g.underlying() < 0 ? "de-risk" : telemetry.underlyings().get(g.underlying()));
            m.put("state", g.state().name());
            m.put("quantity_coin", g.decidedCoin());
            m.put("started_ms", g.startedMs());
            groups.add(m);
        }
        for (final GroupOutcome g : telemetry.recentGroups())
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.groupId());
            // a margin de-risking cut (HedgingPipeline.withMonitor) hedges no underlying: -1
            m.put("underlying", g.underlying() < 0 ? "de-risk" : telemetry.underlyings().get(g.underlying()));
            m.put("state", g.state().name());
            m.put("quantity_coin", g.decidedCoin());
            m.put("filled_coin", g.filledCoin());
            m.put("started_ms", g.startedMs());
            m.put("ended_ms", g.endedMs());
            m.put("legs", g.legs().size());
            groups.add(m);
        }
        final List<Map<String, Object>> orders = new ArrayList<>();
        for (final ExecutionReport r : telemetry.recentReports())
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("client_id", r.clientOrderId().text());
            m.put("venue", r.instrument().venue().code());
            m.put("instrument", r.instrument().nativeName());
            m.put("status", r.type().name());
            m.put("lots", r.amountLots());
            m.put("filled_lots", r.cumFilledLots());
            m.put("price_ticks", r.priceTicks());
            orders.add(m);
        }
        final double[] latency = telemetry.latencyMicros();
        final Map<String, Object> status = new LinkedHashMap<>();
        status.put("time_ms", clock.epochMs());
        status.put("state", state);
        status.put("underlyings", underlyings);
        status.put("venues", venues);
        status.put("groups", groups);
        status.put("orders", orders);
        status.put("latency_us", Map.of("p50", nullIfNaN(latency[0]), "p99", nullIfNaN(latency[1]),
            "p999", nullIfNaN(latency[2]), "max", nullIfNaN(latency[3])));
        return status;
    }

    /** The gate stage's projected ratio between snapshots (NaN without monitoring or before a snapshot). */
    private double monitoredRatio(final int account)
    {
        try
        {
            return engine.pipeline().marginRatio(account);
        }
        catch (final IllegalStateException noMonitor)
        {
            return Double.NaN;
        }
    }

    private static Object nullIfNaN(final double v)
    {
        return Double.isNaN(v) ? "" : v;
    }

    @Override
    public String prometheus()
    {
        final StringBuilder out = new StringBuilder(4096);
        telemetry.prometheus(out);
        final EngineStatus s = engine.status();
        out.append("# HELP deltahedger_engine_state Engine flags: 1 when set.\n# TYPE deltahedger_engine_state gauge\n");
        out.append("deltahedger_engine_state{flag=\"hedging\"} ").append(engine.state() == EngineState.HEDGING ? 1 : 0)
            .append('\n');
        out.append("deltahedger_engine_state{flag=\"paused\"} ").append(s.paused() ? 1 : 0).append('\n');
        out.append("deltahedger_engine_state{flag=\"killed\"} ").append(s.killed() ? 1 : 0).append('\n');
        out.append("deltahedger_engine_state{flag=\"halted\"} ").append(s.halted() ? 1 : 0).append('\n');
        out.append("deltahedger_engine_state{flag=\"breaker_tripped\"} ").append(s.breakerTripped() ? 1 : 0)
            .append('\n');
        out.append("# HELP deltahedger_open_groups Rebalancing groups in flight.\n# TYPE deltahedger_open_groups gauge\n");
        out.append("deltahedger_open_groups ").append(s.openGroups().size()).append('\n');
        out.append("# HELP deltahedger_journal_lag_events Events on the ring not yet through the stage that journals them.\n"
            + "# TYPE deltahedger_journal_lag_events gauge\n");
        out.append("deltahedger_journal_lag_events ").append(engine.pipeline().backlog()).append('\n');
        out.append("# HELP deltahedger_reconnects_total Venue session reconnects.\n"
            + "# TYPE deltahedger_reconnects_total counter\n");
        for (final VenueConnection c : engine.connections())
        {
            out.append("deltahedger_reconnects_total{venue=\"").append(EngineTelemetry.escape(c.name())).append("\"} ")
                .append(c.session().reconnects()).append('\n');
        }
        return out.toString();
    }

    @Override
    public ControlOutcome control(final ControlAction action, final Actor actor)
    {
        final EngineCommand command = switch (action)
        {
            case PAUSE -> EngineCommand.PAUSE;
            case RESUME -> EngineCommand.RESUME;
            case FLATTEN -> EngineCommand.FLATTEN;
            case KILL -> EngineCommand.KILL;
        };
        if (engine.state() != EngineState.HEDGING)
        {
            return new ControlOutcome(action.path(), false, "the engine is " + engine.state() + ", not hedging");
        }
        final String who = who(actor);
        LOG.info("control: {} by {}", action.path(), who);
        engine.command(command, who);
        return new ControlOutcome(action.path(), true, switch (action)
        {
            case PAUSE -> "paused: no new groups; groups in flight finish";
            case RESUME -> "resumed: hedging again (breaker reset)";
            case FLATTEN -> "flatten queued: every underlying hedges to zero delta on its next tick";
            case KILL -> "killed: every open order cancelled, new risk halted until resume";
        });
    }

    @Override
    public ControlOutcome changePolicy(final PolicyChange change, final Actor actor)
    {
        final HedgePolicy current = engine.pipeline().policy(change.underlying());
        if (current == null)
        {
            return new ControlOutcome("policy", false, "underlying '" + change.underlying()
                + "' is not hedged here: hedged are " + telemetry.underlyings());
        }
        final HedgePolicy changed;
        try
        {
            changed = apply(current, change);
        }
        catch (final IllegalArgumentException e)
        {
            return new ControlOutcome("policy", false, e.getMessage());
        }
        final String who = who(actor);
        LOG.info("control: policy of {} by {}: {}", change.underlying(), who, changed);
        engine.pipeline().publishPolicy(changed, who);
        return new ControlOutcome("policy", true, "queued: " + changed);
    }

    /** Who asked, as journaled with the command: {@code name@address} and the reason if one was given. */
    private static String who(final Actor actor)
    {
        return actor.name() + "@" + actor.remoteAddress() + (actor.reason().isEmpty() ? "" : ": " + actor.reason());
    }

    /** The current policy with the change's fields replaced. */
    static HedgePolicy apply(final HedgePolicy current, final PolicyChange change)
    {
        final HedgeBand band = change.band() == null ? current.band() : band(change.band());
        final RebalanceTo rebalanceTo = change.rebalanceTo() == null ? current.rebalanceTo()
            : change.rebalanceTo().equals("edge") ? RebalanceTo.BAND_EDGE : RebalanceTo.TARGET;
        final double target = change.target() == null ? current.target() : change.target();
        final DeltaUnit targetUnit = change.target() == null ? current.targetUnit()
            : change.targetUnit() == null || change.targetUnit().equals("coin") ? DeltaUnit.COIN : DeltaUnit.USD;
        return new HedgePolicy(current.underlying(), current.deltaMeasure(), target, targetUnit, band, rebalanceTo,
            current.rebalanceIntervalMinutes(), current.scheduleMode(), current.rearmFraction(), current.rearmAfterMs(),
            current.maxOrdersPerMinute(), current.lotSizeCoin(), current.minTradeSizeCoin());
    }

    private static HedgeBand band(final PolicyChange.Band band)
    {
        return switch (band.type())
        {
            case "none" -> HedgeBand.NONE;
            case "fixed" -> new FixedBand(band.halfWidth(), band.unit().equals("usd") ? DeltaUnit.USD : DeltaUnit.COIN);
            default -> new WhalleyWilmottBand(band.cost(), band.riskAversion(), band.minHalfWidthCoin(),
                band.maxHalfWidthCoin());
        };
    }
}
