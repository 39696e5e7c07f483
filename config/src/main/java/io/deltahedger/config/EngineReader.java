package io.deltahedger.config;

import io.deltahedger.config.engine.ExecutionSettings;
import io.deltahedger.config.engine.ExecutionSettings.CircuitBreaker;
import io.deltahedger.config.engine.ExecutionSettings.SliceMode;
import io.deltahedger.config.engine.ExecutionSettings.Slicing;
import io.deltahedger.config.engine.MarginSettings;
import io.deltahedger.config.engine.PipelineSettings;
import io.deltahedger.config.engine.PipelineSettings.StageThreading;
import io.deltahedger.config.engine.PipelineSettings.WaitStrategy;
import org.yaml.snakeyaml.nodes.ScalarNode;



/** Reads {@code margin}, {@code execution} and {@code pipeline}; every key has a default. */
final class EngineReader
{
    private static final String RATIO = "a margin ratio is maintenance margin / margin balance; 1.0 is liquidation";

    private EngineReader()
    {
    }

    static MarginSettings margin(final YamlMap root)
    {
        final MarginSettings d = MarginSettings.DEFAULT;
        final YamlMap m = root.map("margin", "give the margin keys (threshold, shock, alerts, ...)");
        final Problems problems = m.problems();
        final int before = problems.count();
        final double threshold = m.number("threshold", d.threshold(), Interval.openClosed(0, 1),
            "give the projected margin ratio at which a group is blocked, e.g. 0.8 (" + RATIO + ")");
        final long maxAge = m.durationMs("max-snapshot-age", d.maxSnapshotAgeMs(), 1, Long.MAX_VALUE,
            "give how old an account snapshot may be before new risk is blocked, e.g. 5s");
        final long reval = m.durationMs("revaluation-interval", d.revaluationIntervalMs(), 0, Long.MAX_VALUE,
            "give how long scenario values may be reused while nothing changes, e.g. 1s (0s revalues every time)");

        final YamlMap s = m.map("shock", "give spot-moves and vol-shifts lists");
        final MarginSettings.Shock shock = new MarginSettings.Shock(
            s.numbers("spot-moves", d.shock().spotMoves(), Interval.open(-1, 10),
                "give relative spot moves, e.g. [-0.10, 0, 0.10] for -10%, 0, +10%"),
            s.numbers("vol-shifts", d.shock().volShifts(), Interval.open(-10, 10),
                "give absolute vol shifts per 1.00, e.g. [-0.10, 0, 0.10] for -10, 0, +10 vol points"));
        s.finish();

        final YamlMap a = m.map("alerts", "give warn, critical and hysteresis");
        final double warn = a.number("warn", d.alerts().warn(), Interval.openClosed(0, 1),
            "give the ratio that raises a WARN alert, e.g. 0.6 (" + RATIO + ")");
        double critical = a.number("critical", d.alerts().critical(), Interval.openClosed(0, 1),
            "give the ratio that raises a CRITICAL alert, above warn, e.g. 0.8");
        if (critical <= warn)
        {
            a.bad("critical", "must be above warn (" + Interval.num(warn) + ")", Interval.num(critical),
                "raise critical or lower warn, e.g. warn 0.6 and critical 0.8");
            critical = Math.min(1.0, warn + 0.01);
        }
        double hysteresis = a.number("hysteresis", d.alerts().hysteresis(), Interval.atLeast(0),
            "give how far below a level the ratio must fall to leave it, e.g. 0.05");
        if (hysteresis >= warn)
        {
            a.bad("hysteresis", "must be below warn (" + Interval.num(warn) + ")", Interval.num(hysteresis), "e.g. 0.05");
            hysteresis = 0;
        }
        a.finish();

        final YamlMap r = m.map("de-risk", "give enabled, trigger and target");
        final boolean enabled = r.flag("enabled", d.deRisk().enabled(),
            "true to cut positions automatically above trigger, false to alert only");
        final double trigger = r.number("trigger", d.deRisk().trigger(), Interval.openClosed(0, 1),
            "give the ratio that starts de-risking, e.g. 0.8");
        double target = r.number("target", d.deRisk().target(), Interval.open(0, 1),
            "give the ratio de-risking cuts down to, below trigger, e.g. 0.6");
        if (target >= trigger)
        {
            r.bad("target", "must be below trigger (" + Interval.num(trigger) + ")", Interval.num(target),
                "e.g. trigger 0.8 and target 0.6");
            target = trigger / 2;
        }
        r.finish();
        m.finish();
        final double t = target;
        final double c = critical;
        final double h = hysteresis;
        return problems.count() != before ? d : problems.build(m.path(), m.line(), () -> new MarginSettings(threshold,
            maxAge, reval, shock, new MarginSettings.Alerts(warn, c, h),
            new MarginSettings.DeRisk(enabled, trigger, t)), d);
    }

    static ExecutionSettings execution(final YamlMap root)
    {
        final ExecutionSettings d = ExecutionSettings.DEFAULT;
        final YamlMap e = root.map("execution", "give the execution keys (group-deadline, price-protection-bps, ...)");
        final Problems problems = e.problems();
        final int before = problems.count();
        final long deadline = e.durationMs("group-deadline", d.groupDeadlineMs(), 1, Long.MAX_VALUE,
            "give how long a group may take before it is re-routed or compensated, e.g. 10s");
        final double protection = e.number("price-protection-bps", d.priceProtectionBps(), Interval.closedOpen(0, 1000),
            "give how far from the mark a leg's limit may be, in basis points, e.g. 10 for 0.1%");
        final long firstGroupId = e.whole("first-group-id", d.firstGroupId(), 1, Long.MAX_VALUE,
            "give the first group id of a fresh journal, e.g. 1");
        final Slicing slicing = slicing(e);

        final CircuitBreaker cd = d.circuitBreaker();
        final YamlMap b = e.map("circuit-breaker", "give reject-run, reject-window, slippage-bound-bps, loss-bound-usd, window");
        final CircuitBreaker breaker = new CircuitBreaker(
            (int) b.whole("reject-run", cd.rejectRun(), 1, 1000, "give how many consecutive rejects trip it, e.g. 3"),
            b.durationMs("reject-window", cd.rejectWindowMs(), 1, Long.MAX_VALUE,
                "give the window the rejects must fall in, e.g. 60s"),
            b.number("slippage-bound-bps", cd.slippageBoundBps(), Interval.above(0),
                "give the fill slippage beyond the decision's mark that trips it, in bp, e.g. 50"),
            b.number("loss-bound-usd", cd.lossBoundUsd(), Interval.above(0),
                "give the hedging loss in USD within window that trips it, e.g. 10000"),
            b.durationMs("window", cd.windowMs(), 1, Long.MAX_VALUE, "give the loss bound's rolling window, e.g. 1h"));
        b.finish();
        e.finish();
        return problems.count() != before ? d : problems.build(e.path(), e.line(),
            () -> new ExecutionSettings(deadline, protection, firstGroupId, slicing, breaker), d);
    }

    private static Slicing slicing(final YamlMap e)
    {
        final String fix = "use slicing: none, {mode: twap, slices: 4, interval: 5s} or {mode: iceberg, slices: 4}";
        if (e.node("slicing") instanceof ScalarNode s)
        {
            if (!"none".equals(s.getValue().trim()))
            {
                e.bad("slicing", "must be none or a mapping with a mode", s.getValue(), fix);
            }
            return Slicing.NONE;
        }
        final YamlMap s = e.map("slicing", fix);
        final int beforeMode = s.problems().count();
        final SliceMode mode = s.choice("mode", SliceMode.NONE, Words.of(SliceMode.values(), SliceMode::word));
        if (s.problems().count() != beforeMode)
        {
            s.names(); // the other keys of an unknown mode are not judged: only the mode is reported
        }
        Slicing out = Slicing.NONE;
        if (mode == SliceMode.TWAP || mode == SliceMode.ICEBERG)
        {
            s.require("slices", "give the parts per leg, e.g. 4");
            final int slices = (int) s.whole("slices", 2, 2, 100, "give the parts per leg, in [2, 100], e.g. 4");
            long interval = 0;
            if (mode == SliceMode.TWAP)
            {
                s.require("interval", "give the time between TWAP slices, e.g. 5s");
                interval = s.durationMs("interval", 1_000, 1, Long.MAX_VALUE, "give the time between slices, e.g. 5s");
            }
            out = new Slicing(mode, slices, interval);
        }
        s.finish();
        return out;
    }

    static PipelineSettings pipeline(final YamlMap root)
    {
        final PipelineSettings d = PipelineSettings.DEFAULT;
        final YamlMap p = root.map("pipeline", "give ring-size, wait-strategy, stage-threading, max-input-age, valuation-step");
        final Problems problems = p.problems();
        final int before = problems.count();
        final String ringFix = "give a power of two of at least 64, e.g. 4096";
        int ring = (int) p.whole("ring-size", d.ringSize(), 64, 1 << 30, ringFix);
        if (Integer.bitCount(ring) != 1)
        {
            p.bad("ring-size", "must be a power of two", Integer.toString(ring),
                "use " + Integer.highestOneBit(ring) + " or " + (Integer.highestOneBit(ring) << 1));
            ring = d.ringSize();
        }
        final WaitStrategy wait = p.choice("wait-strategy", d.waitStrategy(),
            Words.of(WaitStrategy.values(), WaitStrategy::word));
        final StageThreading threading = p.choice("stage-threading", d.stageThreading(),
            Words.of(StageThreading.values(), StageThreading::word));
        final long maxAge = p.durationMs("max-input-age", d.maxInputAgeMs(), 1, Long.MAX_VALUE,
            "give how old market data or account snapshots may be before hedging stops, e.g. 5s");
        final long step = p.durationMs("valuation-step", d.valuationStepMs(), 1, Long.MAX_VALUE,
            "give the portfolio's valuation time step, e.g. 1s");
        p.finish();
        final int r = ring;
        return problems.count() != before ? d : problems.build(p.path(), p.line(),
            () -> new PipelineSettings(r, wait, threading, maxAge, step), d);
    }

}
