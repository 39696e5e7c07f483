package io.deltahedger.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltahedger.backtest.montecarlo.HedgedPosition;
import io.deltahedger.backtest.montecarlo.HedgingStudy;
import io.deltahedger.backtest.montecarlo.HedgingStudyResult;
import io.deltahedger.backtest.montecarlo.HedgingStudySpec;
import io.deltahedger.backtest.synthetic.GbmModel;
import io.deltahedger.greeks.pricing.OptionType;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deltahedger backtest --synthetic ...} through {@code Main.execute}, stdout and stderr captured. */
class BacktestCommandTest
{
    private static final String[] HULL = {"backtest", "--synthetic", "gbm", "--type", "call", "--position", "short",
        "--spot", "49", "--strike", "50", "--rate", "0.05", "--vol", "0.2", "--drift", "0.13", "--expiry", "20w",
        "--rebalance-interval", "1w", "--paths", "4000", "--seed", "11"};

    private final ObjectMapper json = new ObjectMapper();

    private record Run(int exit, String out, String err)
    {
    }

    private static Run run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] with(final String[] base, final String... more)
    {
        final List<String> all = new ArrayList<>(Arrays.asList(base));
        all.addAll(Arrays.asList(more));
        return all.toArray(new String[0]);
    }

    private static String[] without(final String option)
    {
        final List<String> all = new ArrayList<>(Arrays.asList(HULL));
        final int at = all.indexOf(option);
        all.remove(at + 1);
        all.remove(at);
        return all.toArray(new String[0]);
    }

    @Test
    void reportsTheStudyAsJsonWithTheInputsEchoed() throws Exception
    {
        final Run run = run(with(HULL, "--output", "json", "--threads", "2"));
        assertEquals(0, run.exit(), run.err());
        final JsonNode node = json.readTree(run.out());
        final HedgingStudyResult expected = HedgingStudy.run(new HedgingStudySpec(new GbmModel(0.13, 0.2),
            OptionType.CALL, HedgedPosition.SHORT, 49, 50, 0.05, 0.2, 140.0 / 365, 7.0 / 365, 4000, 11, 0), 1);
        assertEquals(expected.optionPrice(), node.get("option_price").asDouble(), 0.0);
        assertEquals(expected.cost().mean(), node.get("cost_mean").asDouble(), 0.0);
        assertEquals(expected.cost().std(), node.get("cost_std").asDouble(), 0.0);
        assertEquals(expected.costStdOverPrice(), node.get("cost_std_over_price").asDouble(), 0.0);
        assertEquals(expected.cost().q05(), node.get("cost_q05").asDouble(), 0.0);
        assertEquals(expected.cost().q95(), node.get("cost_q95").asDouble(), 0.0);
        assertEquals(expected.pnl().mean(), node.get("pnl_mean").asDouble(), 0.0);
        assertEquals(20, node.get("rebalances").asInt());
        assertEquals(11L, node.get("seed").asLong());
        assertEquals("gbm", node.get("synthetic").asText());
        assertEquals("short", node.get("position").asText());
        assertEquals(0.13, node.get("drift").asDouble(), 0.0);
        assertEquals(140.0 / 365, node.get("expiry_years").asDouble(), 1e-15);
        assertTrue(node.get("cost_std_over_price").asDouble() > 0.15
            && node.get("cost_std_over_price").asDouble() < 0.25, run.out());
        assertTrue(node.has("theory_hedging_error_std"), run.out());
    }

    @Test
    void theSameSeedPrintsTheSameJsonOnAnyNumberOfThreads()
    {
        final String[] heston = {"backtest", "--synthetic", "heston", "--type", "put", "--position", "long",
            "--spot", "60000", "--strike", "55000", "--rate", "0.03", "--vol", "0.6", "--drift", "0.1", "--expiry",
            "0.1", "--rebalance-interval", "1d", "--paths", "1500", "--seed", "3", "--cost-bps", "5", "--output",
            "json"};
        final Run one = run(with(heston, "--threads", "1"));
        final Run three = run(with(heston, "--threads", "3"));
        assertEquals(0, one.exit(), one.err());
        assertEquals(one.out(), three.out());
        assertTrue(one.out().contains("\"heston_rho\" : -0.5"), one.out());
        assertFalse(one.out().contains("theory_hedging_error_std"), "no discrete-hedging theory for Heston");
        final Run otherSeed = run(with(heston, "--threads", "1", "--seed", "4"));
        assertFalse(one.out().equals(otherSeed.out()));
    }

    @Test
    void textOutputShowsTheSameFigures()
    {
        final Run run = run(HULL);
        assertEquals(0, run.exit(), run.err());
        for (final String field : new String[] {"option_price", "cost_mean", "cost_std", "cost_std_over_price",
            "cost_q05", "cost_q95", "pnl_mean"})
        {
            assertTrue(run.out().contains(field + " "), field + " in\n" + run.out());
        }
    }

    @Test
    void aJumpMarketTakesItsJumpParameters() throws Exception
    {
        final Run run = run(with(without("--synthetic"), "--synthetic", "jump", "--jump-intensity", "4",
            "--output", "json"));
        assertEquals(0, run.exit(), run.err());
        assertEquals(4.0, json.readTree(run.out()).get("jump_intensity").asDouble(), 0.0);
    }

    @Test
    void anExpiryInDaysIsDaysNotYears() throws Exception
    {
        final Run days = run(with(without("--expiry"), "--expiry", "140d", "--output", "json"));
        assertEquals(0, days.exit(), days.err());
        assertEquals(140.0 / 365, json.readTree(days.out()).get("expiry_years").asDouble(), 1e-15);
        final Run years = run(with(without("--expiry"), "--expiry", "0.5", "--output", "json"));
        assertEquals(0.5, json.readTree(years.out()).get("expiry_years").asDouble(), 0.0);
        final Run exponent = run(with(without("--expiry"), "--expiry", "5e-1", "--output", "json"));
        assertEquals(0.5, json.readTree(exponent.out()).get("expiry_years").asDouble(), 0.0);
        assertUsageError(with(without("--expiry"), "--expiry", "0.5f"), "0.5f", "number of years");
    }

    @Test
    void withoutSyntheticOrDataTheUsageNamesBothModes()
    {
        final Run run = run(without("--synthetic"));
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("missing --data, --journal or --synthetic") && run.err().contains("--data FILE|DIR")
            && run.err().contains("--synthetic gbm|heston|jump"), run.err());
    }

    @Test
    void badArgumentsNameTheOptionTheValueAndWhatIsAllowed()
    {
        assertUsageError(with(without("--synthetic"), "--synthetic", "garch"), "garch", "gbm, heston, jump");
        assertUsageError(with(without("--rebalance-interval"), "--rebalance-interval", "3x"), "3x", "1w, 1d, 4h");
        assertUsageError(with(without("--rebalance-interval"), "--rebalance-interval", "1M"), "1M", "ambiguous");
        assertUsageError(with(without("--rebalance-interval"), "--rebalance-interval", "30w"),
            "--rebalance-interval", "longer than --expiry");
        assertUsageError(with(without("--expiry"), "--expiry", "soon"), "soon", "number of years");
        assertUsageError(with(without("--paths"), "--paths", "1"), "--paths 1", "between 2 and");
        assertUsageError(with(without("--vol"), "--vol", "-0.2"), "--vol -0.2", "> 0");
        assertUsageError(with(without("--position"), "--position", "flat"), "flat", "short");
        assertUsageError(with(HULL, "--cost-bps", "-1"), "--cost-bps -1", ">= 0");
        assertUsageError(with(HULL, "--heston-rho", "0.3"), "--heston-rho", "--synthetic heston only");
        assertUsageError(with(without("--synthetic"), "--synthetic", "heston", "--heston-rho", "1.5"),
            "--heston-rho 1.5", "[-1, 1]");
        assertUsageError(without("--seed"), "--seed", "Missing");
    }

    private static void assertUsageError(final String[] args, final String... fragments)
    {
        final Run run = run(args);
        assertEquals(2, run.exit(), run.err() + run.out());
        for (final String fragment : fragments)
        {
            assertTrue(run.err().contains(fragment), "'" + fragment + "' in: " + run.err());
        }
    }
}
