package io.deltahedger.config;

import io.deltahedger.config.policy.BandSettings;
import io.deltahedger.config.policy.HedgeInstrument;
import io.deltahedger.config.policy.PolicySettings;
import io.deltahedger.config.policy.PolicySettings.DeltaMeasure;
import io.deltahedger.config.policy.PolicySettings.DeltaUnit;
import io.deltahedger.config.policy.PolicySettings.RebalanceTo;
import io.deltahedger.config.policy.PolicySettings.ScheduleMode;
import io.deltahedger.config.policy.UnderlyingSettings;
import io.deltahedger.config.time.Durations;
import io.deltahedger.config.venue.VenueSettings;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code underlyings.<coin>}: hedge instruments and the policy. */
final class UnderlyingsReader
{
    private static final Pattern HEDGE_WITH = Pattern.compile("[^:\\s]+:\\S+");
    private static final String HEDGE_FIX = "list <venue name>:<instrument> entries, e.g. [deribit-main:BTC-PERPETUAL]";
    private static final String BAND_FIX = "use band: none, {type: fixed, half-width: 0.5, unit: coin} or {type: "
        + "whalley-wilmott, cost: 0.0005, risk-aversion: 0.0001, min-half-width-coin: 0.1, max-half-width-coin: 5}";

    private UnderlyingsReader()
    {
    }

    static Map<String, UnderlyingSettings> read(final YamlMap root, final Set<String> venueNames)
    {
        final Map<String, UnderlyingSettings> out = new LinkedHashMap<>();
        final String fix = "name each hedged coin with its hedge instruments and policy, e.g. underlyings: {BTC: "
            + "{hedge-with: [sim:BTC-PERPETUAL], policy: {band: {type: fixed, half-width: 0.5}}}}";
        if (!root.require("underlyings", fix))
        {
            return out;
        }
        final YamlMap all = root.map("underlyings", fix);
        final List<String> names = all.names();
        if (names.isEmpty())
        {
            root.bad("underlyings", "declares no underlying", null, fix);
        }
        for (final String coin : names)
        {
            if (!UnderlyingSettings.COIN.matcher(coin).matches())
            {
                final String upper = coin.toUpperCase(Locale.ROOT);
                all.bad(coin, "is not an upper-case coin code", coin, UnderlyingSettings.COIN.matcher(upper).matches()
                    ? "write " + upper : "use 2 to 10 upper-case letters or digits, e.g. BTC");
                continue;
            }
            final UnderlyingSettings u = readOne(all.map(coin, "give hedge-with and policy"), coin, venueNames);
            if (u != null)
            {
                out.put(coin, u);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static UnderlyingSettings readOne(final YamlMap u, final String coin, final Set<String> venueNames)
    {
        final Problems problems = u.problems();
        final int before = problems.count();
        final List<HedgeInstrument> hedgeWith = new ArrayList<>();
        boolean skipped = false;
        if (u.require("hedge-with", HEDGE_FIX))
        {
            for (final String entry : u.words("hedge-with", List.of(), HEDGE_WITH, HEDGE_FIX))
            {
                final int colon = entry.indexOf(':');
                final String venue = entry.substring(0, colon);
                final String instrument = entry.substring(colon + 1);
                if (!venueNames.contains(venue))
                {
                    final String near = KeySuggestions.closest(venue, venueNames);
                    u.bad("hedge-with", "names venue " + venue + ", which is not declared under venues", entry,
                        near != null ? "did you mean " + near + ":" + instrument + "?"
                            : "declare venues." + venue + " or use one of: " + String.join(", ", venueNames));
                }
                else if (!VenueSettings.NAME.matcher(venue).matches())
                {
                    skipped = true; // the venue's own name is reported under venues
                }
                else if (!HedgeInstrument.INSTRUMENT.matcher(instrument).matches())
                {
                    u.bad("hedge-with", "names an invalid instrument", entry, "give the venue's native name, e.g. BTC-PERPETUAL");
                }
                else
                {
                    hedgeWith.add(new HedgeInstrument(venue, instrument));
                }
            }
            if (hedgeWith.isEmpty() && !skipped && problems.count() == before)
            {
                u.bad("hedge-with", "lists no instrument", null, HEDGE_FIX);
            }
        }
        final PolicySettings policy = u.require("policy", "give the policy, at least a band or rebalance-every")
            ? readPolicy(u.map("policy", "give the policy's keys (band, rebalance-every, ...)"))
            : null;
        u.finish();
        if (policy == null || problems.count() != before)
        {
            return null;
        }
        return problems.build(u.path(), u.line(), () -> new UnderlyingSettings(coin, hedgeWith, policy), null);
    }

    static PolicySettings readPolicy(final YamlMap p)
    {
        final Problems problems = p.problems();
        final int before = problems.count();
        final DeltaMeasure measure = p.choice("delta-measure", DeltaMeasure.PLAIN,
            Words.of(DeltaMeasure.values(), DeltaMeasure::word));
        final double target = p.number("target", 0.0, Interval.finite(), "give the delta to hold, 0 for neutral");
        final DeltaUnit targetUnit = p.choice("target-unit", DeltaUnit.COIN, Words.of(DeltaUnit.values(), DeltaUnit::word));
        final BandSettings band = readBand(p);
        final RebalanceTo rebalanceTo = p.choice("rebalance-to", RebalanceTo.TARGET,
            Words.of(RebalanceTo.values(), RebalanceTo::word));
        long every = p.durationMs("rebalance-every", 0, 0, PolicySettings.MAX_REBALANCE_EVERY_MS,
            "give whole minutes up to 1d, e.g. 15m, 1h; remove the key for no time rebalancing");
        if (every % 60_000L != 0)
        {
            p.bad("rebalance-every", "must be whole minutes (rebalancing runs on minute boundaries)",
                Durations.format(every), "e.g. " + Math.max(1, every / 60_000L) + "m");
            every = 0;
        }
        final ScheduleMode schedule = p.choice("schedule", ScheduleMode.REBALANCE,
            Words.of(ScheduleMode.values(), ScheduleMode::word));
        final BigDecimal minTrade = p.decimal("min-trade", BigDecimal.ZERO, Interval.atLeast(0),
            "give the smallest trade worth making in coin, e.g. 0.01; 0 means one lot");
        final double hysteresis = p.number("hysteresis", PolicySettings.DEFAULT_HYSTERESIS, Interval.closedOpen(0, 1),
            "give the fraction of the band's half-width delta must come back within before the band re-arms, e.g. 0.5");
        final long rearmAfter = p.durationMs("rearm-after", PolicySettings.DEFAULT_REARM_AFTER_MS, 1, Long.MAX_VALUE,
            "give the longest a band stays disarmed after a hedge, e.g. 60s");
        final int maxOrders = (int) p.whole("max-orders-per-minute", PolicySettings.DEFAULT_MAX_ORDERS_PER_MINUTE, 1, 600,
            "give the most hedges in any rolling minute, e.g. 6");
        final boolean hasBand = !(band instanceof BandSettings.None);
        if (problems.count() == before && !hasBand && every == 0)
        {
            problems.add(p.path(), p.line(), "has no band and no rebalance-every, so it would never hedge", null,
                "add a band (e.g. band: {type: fixed, half-width: 0.5}), rebalance-every (e.g. 15m), or both");
        }
        if (problems.count() == before && !hasBand && schedule == ScheduleMode.CHECK_BAND)
        {
            p.bad("schedule", "is check-band but the band is none", "check-band",
                "configure a band or use schedule: rebalance");
        }
        p.finish();
        if (problems.count() != before)
        {
            return null;
        }
        final long everyMs = every;
        return problems.build(p.path(), p.line(), () -> new PolicySettings(measure, target, targetUnit, band,
            rebalanceTo, everyMs, schedule, minTrade, hysteresis, rearmAfter, maxOrders), null);
    }

    private static BandSettings readBand(final YamlMap p)
    {
        final Node node = p.node("band");
        if (node == null)
        {
            return BandSettings.NONE;
        }
        if (node instanceof ScalarNode s)
        {
            if (!"none".equals(s.getValue().trim()))
            {
                p.bad("band", "must be none or a mapping with a type", s.getValue(), BAND_FIX);
            }
            return BandSettings.NONE;
        }
        final YamlMap b = p.map("band", BAND_FIX);
        final Map<String, String> types = new LinkedHashMap<>();
        types.put("none", "none");
        types.put("fixed", "fixed");
        types.put("whalley-wilmott", "whalley-wilmott");
        final int beforeType = b.problems().count();
        final String type = b.require("type", BAND_FIX) ? b.choice("type", null, types) : null;
        if (b.problems().count() != beforeType)
        {
            b.names(); // the other keys of a band of unknown type are not judged: only the type is reported
        }
        BandSettings band = BandSettings.NONE;
        if ("fixed".equals(type))
        {
            final String fix = "give the delta that may build up before a hedge, e.g. 0.5 (coin) or 25000 (usd)";
            b.require("half-width", fix);
            final double half = b.number("half-width", 1.0, Interval.above(0), fix);
            final DeltaUnit unit = b.choice("unit", DeltaUnit.COIN, Words.of(DeltaUnit.values(), DeltaUnit::word));
            band = new BandSettings.Fixed(half, unit);
        }
        else if ("whalley-wilmott".equals(type))
        {
            final String costFix = "give the cost of trading as a fraction of notional (fees plus half the spread), "
                + "e.g. 0.0005 for 5 bp";
            final String riskFix = "give the absolute risk aversion per USD (larger: narrower band), e.g. 0.0001";
            final String minFix = "give the band's floor in coin (the band when gamma is 0), e.g. 0.1";
            final String maxFix = "give the band's cap in coin when gamma spikes, at least min-half-width-coin, e.g. 5";
            b.require("cost", costFix);
            b.require("risk-aversion", riskFix);
            b.require("min-half-width-coin", minFix);
            b.require("max-half-width-coin", maxFix);
            final double cost = b.number("cost", 0.0005, Interval.openClosed(0, 0.1), costFix);
            final double risk = b.number("risk-aversion", 0.0001, Interval.above(0), riskFix);
            final double min = b.number("min-half-width-coin", 0.1, Interval.above(0), minFix);
            double max = b.number("max-half-width-coin", Math.max(min, 5.0), Interval.above(0), maxFix);
            if (max < min)
            {
                b.bad("max-half-width-coin", "is below min-half-width-coin (" + Interval.num(min) + ")",
                    Interval.num(max), maxFix);
                max = min;
            }
            band = new BandSettings.WhalleyWilmott(cost, risk, min, max);
        }
        b.finish();
        return band;
    }
}
