package io.deltahedger.config;

import io.deltahedger.config.book.BookPosition;
import io.deltahedger.config.book.BookSource;
import io.deltahedger.config.daemon.ControlSettings;
import io.deltahedger.config.daemon.JournalSettings;
import io.deltahedger.config.engine.ExecutionSettings;
import io.deltahedger.config.engine.MarginSettings;
import io.deltahedger.config.engine.PipelineSettings;
import io.deltahedger.config.policy.BandSettings;
import io.deltahedger.config.policy.PolicySettings;
import io.deltahedger.config.policy.UnderlyingSettings;
import io.deltahedger.config.secret.SecretReference;
import io.deltahedger.config.time.Durations;
import io.deltahedger.config.venue.VenueLimits;
import io.deltahedger.config.venue.VenueSettings;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a configuration as YAML in the file's own keys, every default written out, secrets as references only.
 * The output parses back into an equal configuration.
 */
final class ConfigWriter
{
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./~+-][A-Za-z0-9_./~+:@=-]*");
    private static final String SECRET_NOTE = "  # secret by reference; its value is never loaded into configuration";

    private final StringBuilder out = new StringBuilder(4096);

    private ConfigWriter()
    {
    }

    static String write(final DeltahedgerConfig c)
    {
        final ConfigWriter w = new ConfigWriter();
        w.out.append("# deltahedger effective configuration (defaults included)\n");
        w.venues(c);
        w.book(c.book());
        w.underlyings(c);
        w.margin(c.margin());
        w.execution(c.execution());
        w.pipeline(c.pipeline());
        w.journal(c.journal());
        w.control(c.control());
        w.line(0, "logging:");
        w.kv(1, "format", c.logging().format().word());
        w.kv(1, "level", c.logging().level().word());
        return w.out.toString();
    }

    private void venues(final DeltahedgerConfig c)
    {
        line(0, "venues:");
        for (final VenueSettings v : c.venues().values())
        {
            line(1, v.name() + ":");
            kv(2, "type", v.type().word());
            v.endpoint().ifPresent(e -> kv(2, "endpoint", e.toString()));
            v.credentials().ifPresent(cr ->
            {
                line(2, "credentials:");
                secret(3, "client-id", cr.clientId());
                secret(3, "client-secret", cr.clientSecret());
            });
            v.trustPem().ifPresent(p -> kv(2, "trust-pem", p.toString()));
            kv(2, "currencies", "[" + String.join(", ", v.currencies()) + "]");
            line(2, "fees:");
            kv(3, "taker-bps", num(v.fees().takerBps()));
            kv(3, "maker-bps", num(v.fees().makerBps()));
            final VenueLimits l = v.limits();
            line(2, "limits:");
            kv(3, "max-order-lots", Long.toString(l.maxOrderLots()));
            kv(3, "max-position-coin", num(l.maxPositionCoin()));
            kv(3, "max-notional-usd-per-minute", num(l.maxNotionalUsdPerMinute()));
            kv(3, "max-orders-per-second", Integer.toString(l.maxOrdersPerSecond()));
            if (v.embedded())
            {
                kv(2, "seed", Long.toString(v.simulatorSeed()));
            }
        }
    }

    private void book(final BookSource book)
    {
        if (book instanceof BookSource.Demo)
        {
            kv(0, "book", "demo");
        }
        else if (book instanceof BookSource.FromFile f)
        {
            kv(0, "book", "file:" + f.path());
        }
        else
        {
            line(0, "book:");
            for (final BookPosition p : book.positions())
            {
                line(1, "- instrument: " + scalar(p.instrument()));
                line(1, "  contracts: " + p.contracts().toPlainString());
            }
        }
    }

    private void underlyings(final DeltahedgerConfig c)
    {
        line(0, "underlyings:");
        for (final UnderlyingSettings u : c.underlyings().values())
        {
            line(1, u.underlying() + ":");
            kv(2, "hedge-with", "[" + u.hedgeWith().stream().map(Object::toString).collect(Collectors.joining(", ")) + "]");
            final PolicySettings p = u.policy();
            line(2, "policy:");
            kv(3, "delta-measure", p.deltaMeasure().word());
            kv(3, "target", num(p.target()));
            kv(3, "target-unit", p.targetUnit().word());
            if (p.band() instanceof BandSettings.Fixed f)
            {
                line(3, "band:");
                kv(4, "type", "fixed");
                kv(4, "half-width", num(f.halfWidth()));
                kv(4, "unit", f.unit().word());
            }
            else if (p.band() instanceof BandSettings.WhalleyWilmott w)
            {
                line(3, "band:");
                kv(4, "type", "whalley-wilmott");
                kv(4, "cost", num(w.cost()));
                kv(4, "risk-aversion", num(w.riskAversionPerUsd()));
                kv(4, "min-half-width-coin", num(w.minHalfWidthCoin()));
                kv(4, "max-half-width-coin", num(w.maxHalfWidthCoin()));
            }
            else
            {
                kv(3, "band", "none");
            }
            kv(3, "rebalance-to", p.rebalanceTo().word());
            if (p.rebalanceEveryMs() > 0)
            {
                kv(3, "rebalance-every", Durations.format(p.rebalanceEveryMs()));
            }
            kv(3, "schedule", p.schedule().word());
            kv(3, "min-trade", p.minTradeCoin().toPlainString());
            kv(3, "hysteresis", num(p.hysteresis()));
            kv(3, "rearm-after", Durations.format(p.rearmAfterMs()));
            kv(3, "max-orders-per-minute", Integer.toString(p.maxOrdersPerMinute()));
        }
    }

    private void margin(final MarginSettings m)
    {
        line(0, "margin:");
        kv(1, "threshold", num(m.threshold()));
        kv(1, "max-snapshot-age", Durations.format(m.maxSnapshotAgeMs()));
        kv(1, "revaluation-interval", Durations.format(m.revaluationIntervalMs()));
        line(1, "shock:");
        kv(2, "spot-moves", nums(m.shock().spotMoves()));
        kv(2, "vol-shifts", nums(m.shock().volShifts()));
        line(1, "alerts:");
        kv(2, "warn", num(m.alerts().warn()));
        kv(2, "critical", num(m.alerts().critical()));
        kv(2, "hysteresis", num(m.alerts().hysteresis()));
        line(1, "de-risk:");
        kv(2, "enabled", Boolean.toString(m.deRisk().enabled()));
        kv(2, "trigger", num(m.deRisk().trigger()));
        kv(2, "target", num(m.deRisk().target()));
    }

    private void execution(final ExecutionSettings e)
    {
        line(0, "execution:");
        kv(1, "group-deadline", Durations.format(e.groupDeadlineMs()));
        kv(1, "price-protection-bps", num(e.priceProtectionBps()));
        kv(1, "first-group-id", Long.toString(e.firstGroupId()));
        final ExecutionSettings.Slicing s = e.slicing();
        if (s.mode() == ExecutionSettings.SliceMode.NONE)
        {
            kv(1, "slicing", "none");
        }
        else
        {
            line(1, "slicing:");
            kv(2, "mode", s.mode().word());
            kv(2, "slices", Integer.toString(s.slices()));
            if (s.mode() == ExecutionSettings.SliceMode.TWAP)
            {
                kv(2, "interval", Durations.format(s.intervalMs()));
            }
        }
        final ExecutionSettings.CircuitBreaker b = e.circuitBreaker();
        line(1, "circuit-breaker:");
        kv(2, "reject-run", Integer.toString(b.rejectRun()));
        kv(2, "reject-window", Durations.format(b.rejectWindowMs()));
        kv(2, "slippage-bound-bps", num(b.slippageBoundBps()));
        kv(2, "loss-bound-usd", num(b.lossBoundUsd()));
        kv(2, "window", Durations.format(b.windowMs()));
    }

    private void pipeline(final PipelineSettings p)
    {
        line(0, "pipeline:");
        kv(1, "ring-size", Integer.toString(p.ringSize()));
        kv(1, "wait-strategy", p.waitStrategy().word());
        kv(1, "stage-threading", p.stageThreading().word());
        kv(1, "max-input-age", Durations.format(p.maxInputAgeMs()));
        kv(1, "valuation-step", Durations.format(p.valuationStepMs()));
    }

    private void journal(final JournalSettings j)
    {
        line(0, "journal:");
        kv(1, "directory", j.directory().toString());
        kv(1, "roll", j.roll().word());
        j.signingKey().ifPresent(k -> secret(1, "signing-key", k));
        kv(1, "sign-every", Durations.format(j.signEveryMs()));
        kv(1, "market-data", Boolean.toString(j.marketData()));
    }

    private void control(final ControlSettings c)
    {
        line(0, "control:");
        kv(1, "bind", c.bindAddress());
        kv(1, "port", Integer.toString(c.port()));
        secret(1, "token", c.token());
    }

    private void secret(final int depth, final String key, final SecretReference ref)
    {
        line(depth, key + ": " + scalar(ref.toString()) + SECRET_NOTE);
    }

    private void kv(final int depth, final String key, final String value)
    {
        line(depth, key + ": " + (value.startsWith("[") ? value : scalar(value)));
    }

    private void line(final int depth, final String text)
    {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }

    /** A plain scalar when safe, else a double-quoted one. */
    static String scalar(final String s)
    {
        if (PLAIN.matcher(s).matches())
        {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The shortest decimal that parses back to the same double, without exponent (0.0005, not 5.0E-4). */
    private static String num(final double v)
    {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String nums(final List<Double> values)
    {
        return "[" + values.stream().map(ConfigWriter::num).collect(Collectors.joining(", ")) + "]";
    }
}
