package io.deltahedger.agent.control;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A runtime change of one underlying's hedging policy, the body of {@code PUT /api/policy}. Only the fields given
 * change; the rest of the policy in force stays. Parsed strictly: unknown fields, wrong types and values out of range
 * are refused with every problem named (field, value, what is allowed).
 *
 * <pre>{@code {"underlying": "BTC", "band": {"type": "fixed", "half_width": 0.5, "unit": "coin"},
 *  "rebalance_to": "edge", "target": 0.0, "target_unit": "coin", "reason": "wider band for the weekend"}}</pre>
 *
 * @param underlying  the portfolio underlying, e.g. {@code BTC}
 * @param band        the new band, or null to keep it
 * @param rebalanceTo {@code target} or {@code edge}, or null to keep it
 * @param target      the new delta target, or null to keep it
 * @param targetUnit  {@code coin} or {@code usd} (with a target), or null
 * @param reason      why, journaled with the change (may be empty)
 */
public record PolicyChange(String underlying, Band band, String rebalanceTo, Double target, String targetUnit, String reason)
{
    /**
     * A band. {@code none}: no band (only time rebalancing and flatten trade); {@code fixed}: half width in a unit;
     * {@code whalley-wilmott}: cost, risk aversion and clamps (docs/hedging.md gives the formula).
     */
    public record Band(String type, double halfWidth, String unit, double cost, double riskAversion,
                       double minHalfWidthCoin, double maxHalfWidthCoin)
    {
    }

    private static final Set<String> FIELDS = Set.of("underlying", "band", "rebalance_to", "target", "target_unit", "reason");
    private static final Set<String> BAND_FIELDS = Set.of("type", "half_width", "unit", "cost", "risk_aversion",
        "min_half_width_coin", "max_half_width_coin");

    /**
     * Parses and validates a request body.
     *
     * @throws BadRequestException listing every problem
     */
    public static PolicyChange parse(final JsonNode body)
    {
        final List<String> errors = new ArrayList<>();
        if (body == null || !body.isObject())
        {
            throw new BadRequestException(List.of("the body must be a JSON object such as {\"underlying\": \"BTC\", "
                + "\"band\": {\"type\": \"fixed\", \"half_width\": 0.5, \"unit\": \"coin\"}}"));
        }
        unknown(body, FIELDS, "", errors);
        final String underlying = text(body, "underlying", true, errors);
        if (underlying != null && !underlying.matches("[A-Z0-9]{1,16}"))
        {
            errors.add("underlying: '" + underlying + "' is not an underlying name: use upper case such as BTC or ETH");
        }
        Band band = null;
        final JsonNode b = body.get("band");
        if (b != null)
        {
            band = band(b, errors);
        }
        final String rebalanceTo = oneOf(body, "rebalance_to", Set.of("target", "edge"), errors);
        Double target = null;
        final JsonNode t = body.get("target");
        if (t != null)
        {
            if (!t.isNumber() || !Double.isFinite(t.asDouble()))
            {
                errors.add("target: " + t + " is not a finite number: give the delta target, e.g. 0.0");
            }
            else
            {
                target = t.asDouble();
            }
        }
        final String targetUnit = oneOf(body, "target_unit", Set.of("coin", "usd"), errors);
        if (targetUnit != null && target == null)
        {
            errors.add("target_unit: given without a target: send both, e.g. \"target\": 0.0, \"target_unit\": \"coin\"");
        }
        final String reason = body.has("reason") ? text(body, "reason", false, errors) : "";
        if (reason != null && reason.length() > Actor.MAX_TEXT)
        {
            errors.add("reason: " + reason.length() + " characters is too long: at most " + Actor.MAX_TEXT);
        }
        if (errors.isEmpty() && band == null && rebalanceTo == null && target == null)
        {
            errors.add("nothing to change: give at least one of band, rebalance_to, target");
        }
        if (!errors.isEmpty())
        {
            throw new BadRequestException(errors);
        }
        return new PolicyChange(underlying, band, rebalanceTo, target, targetUnit, reason == null ? "" : reason);
    }

    private static Band band(final JsonNode b, final List<String> errors)
    {
        if (!b.isObject())
        {
            errors.add("band: " + b + " is not an object: e.g. {\"type\": \"fixed\", \"half_width\": 0.5, \"unit\": \"coin\"}");
            return null;
        }
        unknown(b, BAND_FIELDS, "band.", errors);
        final String type = oneOfRequired(b, "band.type", "type", Set.of("none", "fixed", "whalley-wilmott"), errors);
        if (type == null)
        {
            return null;
        }
        switch (type)
        {
            case "none":
                return new Band(type, Double.NaN, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            case "fixed":
            {
                final double halfWidth = positive(b, "half_width", "band.", errors);
                final String unit = oneOfRequired(b, "band.unit", "unit", Set.of("coin", "usd"), errors);
                return new Band(type, halfWidth, unit, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            default:
            {
                final double cost = positive(b, "cost", "band.", errors);
                final double riskAversion = positive(b, "risk_aversion", "band.", errors);
                final double min = positive(b, "min_half_width_coin", "band.", errors);
                final double max = positive(b, "max_half_width_coin", "band.", errors);
                if (min > max)
                {
                    errors.add("band.min_half_width_coin: " + min + " is above band.max_half_width_coin " + max
                        + ": the minimum must not exceed the maximum");
                }
                return new Band(type, Double.NaN, "coin", cost, riskAversion, min, max);
            }
        }
    }

    private static void unknown(final JsonNode node, final Set<String> known, final String prefix, final List<String> errors)
    {
        for (final Iterator<String> it = node.fieldNames(); it.hasNext(); )
        {
            final String name = it.next();
            if (!known.contains(name))
            {
                errors.add(prefix + name + ": unknown field: allowed are " + new java.util.TreeSet<>(known));
            }
        }
    }

    private static String text(final JsonNode node, final String field, final boolean required, final List<String> errors)
    {
        final JsonNode v = node.get(field);
        if (v == null || v.isNull())
        {
            if (required)
            {
                errors.add(field + ": missing: it is required");
            }
            return null;
        }
        if (!v.isTextual())
        {
            errors.add(field + ": " + v + " is not a string");
            return null;
        }
        return v.asText();
    }

    private static String oneOf(final JsonNode node, final String field, final Set<String> allowed, final List<String> errors)
    {
        return node.has(field) ? oneOfRequired(node, field, field, allowed, errors) : null;
    }

    private static String oneOfRequired(final JsonNode node, final String path, final String field,
                                        final Set<String> allowed, final List<String> errors)
    {
        final JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || !allowed.contains(v.asText().toLowerCase(Locale.ROOT)))
        {
            errors.add(path + ": " + (v == null ? "missing" : v.toString()) + " is not allowed: use one of "
                + new java.util.TreeSet<>(allowed));
            return null;
        }
        return v.asText().toLowerCase(Locale.ROOT);
    }

    private static double positive(final JsonNode node, final String field, final String prefix, final List<String> errors)
    {
        final JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !(v.asDouble() > 0) || !Double.isFinite(v.asDouble()))
        {
            errors.add(prefix + field + ": " + (v == null ? "missing" : v.toString())
                + " is not allowed: give a finite number above 0");
            return Double.NaN;
        }
        return v.asDouble();
    }
}
