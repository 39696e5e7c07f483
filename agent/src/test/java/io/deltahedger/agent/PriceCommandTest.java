package io.deltahedger.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltahedger.greeks.pricing.Black76OptionPricer;
import io.deltahedger.greeks.pricing.BlackScholesMertonOptionPricer;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deltahedger price} and {@code implied-vol} through {@code Main.execute}, stdout and stderr captured. */
class PriceCommandTest
{
    private final ObjectMapper json = new ObjectMapper();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void pricesAnInverseCallAsJsonWithEveryGreekAndItsUnit() throws Exception
    {
        assertEquals(0, run("price", "--model", "inverse", "--type", "call", "--forward", "60000", "--strike", "65000",
            "--expiry", "0.0821918", "--vol", "0.55", "--output", "json"), err.toString());
        final JsonNode node = json.readTree(out.toString());
        final OptionGreeks g = new OptionGreeks();
        InverseOptionPricer.DEFAULT.price(OptionType.CALL, 60000, 65000, 0.0821918, 0.55, 0.0, g);
        assertEquals(g.price(), node.get("price").asDouble(), 0.0);
        assertEquals("coin", node.get("price_currency").asText());
        assertEquals(g.delta(), node.get("delta").asDouble(), 0.0);
        assertEquals(g.delta() - g.price(), node.get("premium_adjusted_delta").asDouble(), 1e-16);
        assertEquals(g.gamma(), node.get("gamma").asDouble(), 0.0);
        assertEquals(g.vega(), node.get("vega_per_unit_vol").asDouble(), 0.0);
        assertEquals(g.vega() / 100, node.get("vega_per_vol_point").asDouble(), 1e-12);
        assertEquals(g.theta(), node.get("theta_per_year").asDouble(), 0.0);
        assertEquals(g.theta() / 365, node.get("theta_per_day").asDouble(), 1e-12);
        assertEquals(g.rho(), node.get("rho_per_unit_rate").asDouble(), 0.0);
        assertEquals(g.vanna(), node.get("vanna_per_unit_vol").asDouble(), 0.0);
        assertEquals(g.volga(), node.get("volga_per_unit_vol").asDouble(), 0.0);
    }

    @Test
    void pricesABlackScholesMertonPutAsText()
    {
        assertEquals(0, run("price", "--model", "bsm", "--type", "put", "--spot", "42", "--strike", "40",
            "--expiry", "0.5", "--vol", "0.2", "--rate", "0.1"), err.toString());
        final double put =
            BlackScholesMertonOptionPricer.DEFAULT.presentValue(OptionType.PUT, 42, 40, 0.5, 0.2, 0.1, 0);
        assertTrue(out.toString().contains(String.format(java.util.Locale.ROOT, "%.10g", put)), out.toString());
        assertTrue(out.toString().contains("theta_per_day"), out.toString());
        assertTrue(put > 0.80 && put < 0.82, "Hull's 0.81: " + put);
    }

    @Test
    void impliedVolRecoversTheVolatilityOfAPrice() throws Exception
    {
        final double price = Black76OptionPricer.DEFAULT.presentValue(OptionType.CALL, 3000, 3300, 0.25, 0.72, 0.03);
        assertEquals(0, run("implied-vol", "--model", "black76", "--type", "call", "--forward", "3000", "--strike",
            "3300", "--expiry", "0.25", "--rate", "0.03", "--price", Double.toString(price), "--output", "json"),
            err.toString());
        final JsonNode node = json.readTree(out.toString());
        assertEquals(0.72, node.get("implied_vol").asDouble(), 1e-13);
        assertEquals(72.0, node.get("implied_vol_percent").asDouble(), 1e-11);
        assertEquals(price, node.get("price").asDouble(), 1e-12 * price);
    }

    @Test
    void impliedVolOfAPriceAboveTheBoundExitsTwoNamingTheBound()
    {
        assertEquals(2, run("implied-vol", "--model", "inverse", "--type", "call", "--forward", "60000",
            "--strike", "50000", "--expiry", "0.1", "--price", "1.2"));
        assertTrue(err.toString().contains("--price 1.2") && err.toString().contains("forward bound"), err.toString());
        assertEquals(2, run("implied-vol", "--model", "linear", "--type", "put", "--forward", "60000",
            "--strike", "50000", "--expiry", "0.1", "--price", "-3"));
        assertTrue(err.toString().contains("below the intrinsic value"), err.toString());
    }

    @Test
    void negativeStrikeExitsTwoNamingTheArgumentAndValue()
    {
        assertEquals(2, run("price", "--model", "black76", "--type", "call", "--forward", "100", "--strike", "-5",
            "--expiry", "1", "--vol", "0.5"));
        assertTrue(err.toString().contains("--strike -5.0") && err.toString().contains("> 0"), err.toString());
    }

    @Test
    void negativeVolExitsTwo()
    {
        assertEquals(2, run("price", "--model", "linear", "--type", "put", "--forward", "100", "--strike", "90",
            "--expiry", "1", "--vol", "-0.1"));
        assertTrue(err.toString().contains("--vol -0.1") && err.toString().contains(">= 0"), err.toString());
    }

    @Test
    void missingSpotForBlackScholesMertonExitsTwo()
    {
        assertEquals(2, run("price", "--model", "bsm", "--type", "call", "--strike", "100", "--expiry", "1",
            "--vol", "0.5"));
        assertTrue(err.toString().contains("missing --spot"), err.toString());
    }

    @Test
    void spotAndForwardTogetherExitTwo()
    {
        assertEquals(2, run("price", "--model", "black76", "--type", "call", "--spot", "100", "--forward", "101",
            "--strike", "100", "--expiry", "1", "--vol", "0.5"));
        assertTrue(err.toString().contains("either --spot or --forward"), err.toString());
    }

    @Test
    void unknownModelExitsTwoListingTheAllowedModels()
    {
        assertEquals(2, run("price", "--model", "heston", "--type", "call", "--forward", "100", "--strike", "100",
            "--expiry", "1", "--vol", "0.5"));
        assertTrue(err.toString().contains("unknown model 'heston'") &&
            err.toString().contains("bsm, black76, inverse, linear"), err.toString());
    }

    @Test
    void spotForAForwardModelExitsTwoSayingWhichModelTakesSpot()
    {
        assertEquals(2, run("price", "--model", "inverse", "--type", "call", "--spot", "100", "--strike", "100",
            "--expiry", "1", "--vol", "0.5"));
        assertTrue(err.toString().contains("missing --forward") && err.toString().contains("only for --model bsm"),
            err.toString());
    }
}
