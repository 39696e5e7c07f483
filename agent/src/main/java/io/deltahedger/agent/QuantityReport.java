package io.deltahedger.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deltahedger.greeks.pricing.OptionGreeks;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ordered list of named quantities printed as aligned text or as one JSON object, so both formats use the same
 * field names (those of docs/greeks.md, with the unit in the name where desks differ).
 */
final class QuantityReport
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> names = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final List<String> units = new ArrayList<>();

    QuantityReport add(final String name, final Object value, final String unit)
    {
        names.add(name);
        values.add(value);
        units.add(unit);
        return this;
    }

    /** The inputs common to both commands. */
    QuantityReport addInputs(final OptionArguments option)
    {
        add("model", option.model.cliName, option.model.description);
        add("type", option.type.name().toLowerCase(Locale.ROOT), "");
        add(option.model.onSpot() ? "spot" : "forward", option.underlying(), "USD per coin");
        add("strike", option.strike, "USD per coin");
        add("expiry_years", option.expiryYears, "years (ACT/365)");
        add("rate", option.rate, "per year, continuously compounded");
        if (option.model.onSpot())
        {
            add("carry", option.carryOrZero(), "per year, continuously compounded");
        }
        return this;
    }

    /** Price and every Greek, with units; Greeks of inverse options are those of the USD value (docs/greeks.md). */
    QuantityReport addGreeks(final OptionGreeks g, final OptionArguments option)
    {
        final String currency = option.priceCurrency();
        final String underlying = option.model.onSpot() ? "spot" : "forward";
        add("price", g.price(), currency + " per option");
        add("price_currency", currency, "");
        add("delta", g.delta(), "coin of underlying per option (d value / d " + underlying + ")");
        add("premium_adjusted_delta", g.premiumAdjustedDelta(), option.model == OptionArguments.ModelName.INVERSE ?
            "coin: delta - price (Deribit net transaction delta)" : "coin: equals delta (premium not in coin)");
        add("gamma", g.gamma(), "per 1 USD move of the " + underlying);
        add("vega_per_unit_vol", g.vega(), "USD per 1.00 of vol");
        add("vega_per_vol_point", g.vegaPerVolPoint(), "USD per vol point (0.01)");
        add("theta_per_year", g.theta(), "USD per year of calendar time passing (negative: the option decays)");
        add("theta_per_day", g.thetaPerDay(), "USD per calendar day (theta_per_year / 365)");
        add("rho_per_unit_rate", g.rho(), "USD per 1.00 of rate");
        add("rho_per_percent", g.rhoPerPercent(), "USD per 1% of rate");
        add("vanna_per_unit_vol", g.vanna(), "d delta / d vol, per 1.00 of vol");
        add("volga_per_unit_vol", g.volga(), "d vega / d vol, USD per 1.00 of vol per 1.00 of vol");
        return this;
    }

    void print(final PrintWriter out, final OptionArguments.Output format)
    {
        if (format == OptionArguments.Output.JSON)
        {
            final ObjectNode node = JSON.createObjectNode();
            for (int i = 0; i < names.size(); i++)
            {
                final Object value = values.get(i);
                if (value instanceof Double d && !Double.isFinite(d))
                {
                    node.putNull(names.get(i)); // JSON has no NaN: a quantity without a value is null, not "NaN"
                }
                else if (value instanceof Double)
                {
                    node.put(names.get(i), (Double)value);
                }
                else if (value instanceof Integer)
                {
                    node.put(names.get(i), (Integer)value);
                }
                else if (value instanceof Long)
                {
                    node.put(names.get(i), (Long)value);
                }
                else
                {
                    node.put(names.get(i), String.valueOf(value));
                }
            }
            try
            {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            }
            catch (final JsonProcessingException ex)
            {
                throw new IllegalStateException("could not write JSON: " + ex.getMessage(), ex);
            }
        }
        else
        {
            for (int i = 0; i < names.size(); i++)
            {
                final Object value = values.get(i);
                final String text = value instanceof Double ? String.format(Locale.ROOT, "%.10g", (Double)value) :
                    String.valueOf(value);
                out.printf(Locale.ROOT, "%-24s %-20s %s%n", names.get(i), text, units.get(i));
            }
        }
        out.flush();
    }
}
