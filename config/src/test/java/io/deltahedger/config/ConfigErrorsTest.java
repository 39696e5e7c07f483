package io.deltahedger.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.deltahedger.config.ConfigLoaderTest.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every documented error: one test each, checking path, line, value and fix of the message. */
class ConfigErrorsTest
{
    private static final String SOURCE = "t.yaml";

    static ConfigException fail(final String yaml)
    {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, SOURCE));
    }

    /** The single problem of {@code yaml}, checked field by field and in its rendered form. */
    static ConfigProblem only(final String yaml, final String path, final String marker, final String value,
        final String problemPart, final String fixPart)
    {
        final ConfigException ex = fail(yaml);
        assertEquals(1, ex.problems().size(), ex.getMessage());
        final ConfigProblem p = ex.problems().get(0);
        assertEquals(path, p.path(), ex.getMessage());
        assertEquals(lineOf(yaml, marker), p.line(), ex.getMessage());
        assertEquals(value, p.value(), ex.getMessage());
        assertTrue(p.problem().contains(problemPart), ex.getMessage());
        assertTrue(p.fix().contains(fixPart), ex.getMessage());
        final String rendered = SOURCE + ":" + p.line() + ": " + (path.isEmpty() ? "" : path + ": ");
        assertTrue(ex.getMessage().contains(rendered), ex.getMessage());
        if (value != null)
        {
            assertTrue(ex.getMessage().contains("was '" + value + "'"), ex.getMessage());
        }
        assertTrue(ex.getMessage().contains("Fix: "), ex.getMessage());
        return p;
    }

    /** The 1-based line holding {@code marker} (the first one). */
    static int lineOf(final String yaml, final String marker)
    {
        final String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++)
        {
            if (lines[i].contains(marker))
            {
                return i + 1;
            }
        }
        throw new AssertionError("marker " + marker + " not in " + yaml);
    }

    /** MINIMAL with {@code section} appended. */
    static String with(final String section)
    {
        return MINIMAL + section;
    }

    // ---- the file as a whole

    @Test
    void yamlSyntaxErrorNamesTheLine()
    {
        final String yaml = with("margin:\n  threshold: 0.8\n   critical: [0.7\n");
        final ConfigException ex = fail(yaml);
        assertEquals(1, ex.problems().size(), ex.getMessage());
        assertTrue(ex.problems().get(0).problem().startsWith("is not valid YAML"), ex.getMessage());
        assertTrue(ex.problems().get(0).line() >= lineOf(yaml, "critical"), ex.getMessage());
    }

    @Test
    void emptyFileIsRefused()
    {
        final ConfigException ex = fail("# nothing\n");
        assertEquals("is empty", ex.problems().get(0).problem());
        assertTrue(ex.getMessage().startsWith("t.yaml has 1 configuration error:"), ex.getMessage());
    }

    @Test
    void fileThatIsAListIsRefused()
    {
        only("- venues\n", "", "- venues", "a list", "must be a mapping", "mapping of sections");
    }

    @Test
    void unreadableFileNamesThePath(@TempDir final Path dir)
    {
        final Path missing = dir.resolve("nope.yaml");
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertTrue(ex.getMessage().contains(missing.toString()), ex.getMessage());
        assertTrue(ex.getMessage().contains("cannot be read (NoSuchFileException)"), ex.getMessage());
    }

    // ---- unknown keys, near misses, duplicates

    @Test
    void unknownKeyNearAKnownOneSuggestsIt()
    {
        only(with("pipline:\n  ring-size: 64\n"), "pipline", "pipline", null, "is not a known key",
            "did you mean pipeline?");
    }

    @Test
    void keyInAnotherSpellingSuggestsTheDashedOne()
    {
        only(with("pipeline:\n  ringSize: 64\n"), "pipeline.ringSize", "ringSize", null, "is not a known key",
            "did you mean pipeline.ring-size?");
        only(with("pipeline:\n  ring_size: 64\n"), "pipeline.ring_size", "ring_size", null, "is not a known key",
            "did you mean pipeline.ring-size?");
    }

    @Test
    void unknownKeyFarFromAnyListsTheAllowedKeys()
    {
        only(with("logging:\n  colour: red\n"), "logging.colour", "colour", null, "is not a known key",
            "the keys allowed here are: format, level");
    }

    @Test
    void keyOfAnotherBandKindIsUnknown()
    {
        only(MINIMAL.replace("band: {type: fixed, half-width: 0.5}", "band: {type: fixed, half-width: 0.5, cost: 0.1}"),
            "underlyings.BTC.policy.band.cost", "cost", null, "is not a known key", "half-width");
    }

    @Test
    void duplicateKeyNamesBothLines()
    {
        final String yaml = with("logging:\n  level: info\n  level: debug\n");
        only(yaml, "logging.level", "level: debug", null, "is given twice (first on line " + lineOf(yaml, "level: info") + ")",
            "keep one");
    }

    // ---- many problems at once

    @Test
    void everyProblemOfTheFileIsReportedInLineOrder()
    {
        final String yaml = with("""
            margin:
              threshold: 1.5
            pipeline:
              ring-size: 1000
              wait-strategy: spin
            logging:
              level: verbose
            """);
        final ConfigException ex = fail(yaml);
        final List<String> paths = ex.problems().stream().map(ConfigProblem::path).toList();
        assertEquals(List.of("margin.threshold", "pipeline.ring-size", "pipeline.wait-strategy", "logging.level"), paths,
            ex.getMessage());
        assertTrue(ex.getMessage().startsWith("t.yaml has 4 configuration errors:\n  t.yaml:"
            + lineOf(yaml, "threshold: 1.5") + ": margin.threshold: must be in (0, 1], was '1.5'"), ex.getMessage());
    }

    @Test
    void missingRequiredSectionsAreAllReported()
    {
        final ConfigException ex = fail("logging:\n  level: info\n");
        assertEquals(List.of("venues", "book", "underlyings"), ex.problems().stream().map(ConfigProblem::path).toList(),
            ex.getMessage());
        ex.problems().forEach(p -> assertEquals("is missing", p.problem()));
        assertTrue(ex.problems().get(1).fix().contains("book: demo"), ex.getMessage());
    }

    // ---- value shapes

    @Test
    void keyWithoutValueIsRefused()
    {
        only(with("margin:\n  threshold:\n"), "margin.threshold", "threshold:", null, "has no value",
            "delete the key to use the default");
    }

    @Test
    void listWhereOneValueBelongsIsRefused()
    {
        only(with("margin:\n  threshold: [0.8]\n"), "margin.threshold", "threshold", null, "must be a single value, not a list",
            "0.8");
    }

    @Test
    void textWhereNumberBelongsIsRefused()
    {
        only(with("margin:\n  threshold: high\n"), "margin.threshold", "threshold", "high", "is not a number", "0.8");
    }

    @Test
    void notANumberIsNotANumber()
    {
        only(with("margin:\n  threshold: .nan\n"), "margin.threshold", "threshold", ".nan", "is not a number", "0.8");
    }

    @Test
    void fractionWhereWholeNumberBelongsIsRefused()
    {
        only(with("execution:\n  first-group-id: 1.5\n"), "execution.first-group-id", "first-group-id", "1.5",
            "must be a whole number", "e.g. 1");
    }

    @Test
    void booleanMustBeTrueOrFalse()
    {
        only(with("margin:\n  de-risk:\n    enabled: yes\n"), "margin.de-risk.enabled", "enabled", "yes",
            "must be true or false", "alert only");
    }

    @Test
    void unknownWordSuggestsTheClosestChoice()
    {
        only(with("pipeline:\n  wait-strategy: busyspin\n"), "pipeline.wait-strategy", "wait-strategy", "busyspin",
            "is not one of blocking, sleeping, yielding, busy-spin", "did you mean busy-spin?");
    }

    @Test
    void unknownWordFarFromAnyListsTheChoices()
    {
        only(with("logging:\n  level: verbose\n"), "logging.level", "level", "verbose",
            "is not one of trace, debug, info, warn, error", "use one of trace, debug, info, warn, error");
    }

    // ---- durations

    @Test
    void durationWithoutUnitIsRefused()
    {
        only(with("margin:\n  max-snapshot-age: 5000\n"), "margin.max-snapshot-age", "max-snapshot-age", "5000",
            "has no unit: write 5000ms", "e.g. 5s");
    }

    @Test
    void durationWithFractionIsRefused()
    {
        only(with("execution:\n  group-deadline: 1.5s\n"), "execution.group-deadline", "group-deadline", "1.5s",
            "has a fraction", "e.g. 10s");
    }

    @Test
    void negativeDurationIsRefused()
    {
        only(with("pipeline:\n  max-input-age: -5s\n"), "pipeline.max-input-age", "max-input-age", "-5s",
            "is negative", "e.g. 5s");
    }

    @Test
    void compoundDurationIsRefused()
    {
        only(with("execution:\n  circuit-breaker:\n    window: 1h30m\n"), "execution.circuit-breaker.window", "window",
            "1h30m", "combines units: use one unit (1h30m is 90m)", "e.g. 1h");
    }

    @Test
    void zeroDurationWhereTimeMustPassIsRefused()
    {
        only(with("execution:\n  group-deadline: 0s\n"), "execution.group-deadline", "group-deadline", "0s",
            "must be at least 1ms", "e.g. 10s");
    }

    // ---- venues

    @Test
    void venueNameMustBeLowerCaseWordsAndDashes()
    {
        final String yaml = MINIMAL.replace("  sim:\n", "  Sim_1:\n").replace("[sim:", "[Sim_1:");
        final ConfigException ex = fail(yaml);
        assertEquals("venues.Sim_1", ex.problems().get(0).path(), ex.getMessage());
        assertTrue(ex.problems().get(0).fix().contains("deribit-main"), ex.getMessage());
    }

    @Test
    void venueWithoutTypeIsRefused()
    {
        only(MINIMAL.replace("    type: simulator\n", "    currencies: [BTC]\n"), "venues.sim.type", "sim:", null,
            "is missing", "type: deribit or type: simulator");
    }

    @Test
    void misspeltVenueTypeSuggestsTheKnownOne()
    {
        only(MINIMAL.replace("type: simulator", "type: simulater\n    seed: 3"), "venues.sim.type", "simulater", "simulater",
            "is not one of deribit, simulator", "did you mean simulator?");
    }

    static final String DERIBIT = """
        venues:
          main:
            type: deribit
            endpoint: wss://www.deribit.com/ws/api/v2
            credentials: {client-id: env:DERIBIT_ID, client-secret: env:DERIBIT_SECRET}
            currencies: [BTC]
            limits: {max-order-lots: 100, max-position-coin: 5, max-notional-usd-per-minute: 100000, max-orders-per-second: 5}
        book: demo
        underlyings:
          BTC:
            hedge-with: [main:BTC-PERPETUAL]
            policy: {band: {type: fixed, half-width: 0.5}}
        """;

    @Test
    void deribitTemplateOfTheseTestsIsValid()
    {
        assertEquals("main", ConfigLoader.parse(DERIBIT, SOURCE).venue("main").name());
    }

    @Test
    void deribitVenueNeedsAnEndpoint()
    {
        only(DERIBIT.replace("    endpoint: wss://www.deribit.com/ws/api/v2\n", ""), "venues.main.endpoint", "main:",
            null, "is missing", "wss://www.deribit.com/ws/api/v2");
    }

    @Test
    void endpointMustBeWebSocket()
    {
        only(DERIBIT.replace("wss://www", "https://www"), "venues.main.endpoint", "endpoint",
            "https://www.deribit.com/ws/api/v2", "must be a ws:// or wss:// URI", "wss://test.deribit.com");
    }

    @Test
    void deribitVenueNeedsCredentials()
    {
        only(DERIBIT.replace("    credentials: {client-id: env:DERIBIT_ID, client-secret: env:DERIBIT_SECRET}\n", ""),
            "venues.main.credentials", "main:", null, "is missing", "client-secret: env:NAME");
    }

    @Test
    void missingClientSecretIsNamed()
    {
        only(DERIBIT.replace(", client-secret: env:DERIBIT_SECRET", ""), "venues.main.credentials.client-secret",
            "credentials", null, "is missing", "env:NAME or file:PATH");
    }

    @Test
    void literalSecretIsRefusedWithoutShowingIt()
    {
        final String pasted = "q8Zr4kPp0vWx2sYt9uBn";
        final ConfigProblem p = only(DERIBIT.replace("env:DERIBIT_SECRET", pasted),
            "venues.main.credentials.client-secret", "credentials", null,
            "holds a literal secret (20 characters, not shown)", "env:NAME");
        assertFalse(p.render(SOURCE).contains(pasted));
        assertFalse(fail(DERIBIT.replace("env:DERIBIT_SECRET", pasted)).getMessage().contains(pasted));
    }

    @Test
    void environmentReferenceMustNameAPossibleVariable()
    {
        only(DERIBIT.replace("env:DERIBIT_SECRET", "env:DERIBIT-SECRET"), "venues.main.credentials.client-secret",
            "credentials", "env:DERIBIT-SECRET", "names an environment variable that cannot exist", "underscores");
    }

    @Test
    void incompleteReferenceIsRefused()
    {
        only(DERIBIT.replace("env:DERIBIT_SECRET", "'file:'"), "venues.main.credentials.client-secret",
            "credentials", "file:", "is an incomplete secret reference", "file:PATH");
    }

    @Test
    void embeddedSimulatorRefusesCredentials()
    {
        only(MINIMAL.replace("    type: simulator\n", "    type: simulator\n    credentials: {client-id: env:A, client-secret: env:B}\n"),
            "venues.sim.credentials", "credentials", null, "is not used by an embedded simulator", "give an endpoint");
    }

    @Test
    void trustPemOnlyForWss()
    {
        only(DERIBIT.replace("wss://www.deribit.com", "ws://127.0.0.1:8080") .replace("    currencies: [BTC]\n",
                "    currencies: [BTC]\n    trust-pem: ca.pem\n"),
            "venues.main.trust-pem", "trust-pem", "ca.pem", "applies only to a wss:// endpoint", "remove trust-pem");
    }

    @Test
    void trustPemMustBeReadable()
    {
        only(DERIBIT.replace("    currencies: [BTC]\n", "    currencies: [BTC]\n    trust-pem: /no/such/ca.pem\n"),
            "venues.main.trust-pem", "trust-pem", "/no/such/ca.pem", "is not a readable file", "PEM file");
    }

    @Test
    void deribitVenueMustStateItsLimits()
    {
        only(DERIBIT.replace(
                "    limits: {max-order-lots: 100, max-position-coin: 5, max-notional-usd-per-minute: 100000, max-orders-per-second: 5}\n",
                ""),
            "venues.main.limits", "main:", null, "is missing", "a live account must state its own limits");
    }

    @Test
    void deribitLimitsMustBeComplete()
    {
        only(DERIBIT.replace(", max-orders-per-second: 5", ""), "venues.main.limits.max-orders-per-second", "limits",
            null, "is missing", "e.g. 5");
    }

    @Test
    void limitOutOfRangeIsRefused()
    {
        only(DERIBIT.replace("max-orders-per-second: 5", "max-orders-per-second: 5000"),
            "venues.main.limits.max-orders-per-second", "limits", "5000", "must be in [1, 1000]", "e.g. 5");
    }

    @Test
    void currenciesMustBeUpperCaseCodes()
    {
        only(DERIBIT.replace("currencies: [BTC]", "currencies: [BTC, eth]"), "venues.main.currencies[1]", "currencies",
            "eth", "is not valid here", "upper-case");
    }

    @Test
    void currencyListedTwiceIsRefused()
    {
        only(DERIBIT.replace("currencies: [BTC]", "currencies: [BTC, BTC]"), "venues.main.currencies[1]", "currencies",
            "BTC", "is listed twice", "list each once");
    }

    @Test
    void feeOutOfRangeIsRefused()
    {
        only(DERIBIT.replace("    currencies: [BTC]\n", "    currencies: [BTC]\n    fees: {taker-bps: 150}\n"),
            "venues.main.fees.taker-bps", "fees", "150", "must be in [0, 100]", "e.g. 5");
    }

    @Test
    void seedOnlyForAnEmbeddedSimulator()
    {
        only(DERIBIT.replace("    currencies: [BTC]\n", "    currencies: [BTC]\n    seed: 7\n"), "venues.main.seed",
            "seed", null, "applies only to an embedded simulator", "remove seed");
    }

    // ---- book

    @Test
    void bookMustBeDemoFileOrList()
    {
        only(MINIMAL.replace("book: demo", "book: demo-book"), "book", "book:", "demo-book",
            "is neither demo, file:PATH nor a list of positions", "book: demo");
    }

    @Test
    void bookInstrumentMustBeACanonicalId()
    {
        only(MINIMAL.replace("book: demo", "book:\n  - {instrument: BTC-27DEC24-60000-C, contracts: -10}"),
            "book[0].instrument", "instrument", "BTC-27DEC24-60000-C", "is not a canonical instrument id",
            "deribit:BTC-27DEC24-60000-C");
    }

    @Test
    void bookPositionOfZeroContractsIsRefused()
    {
        only(MINIMAL.replace("book: demo", "book:\n  - {instrument: deribit:BTC-27DEC24-60000-C, contracts: 0}"),
            "book[0].contracts", "instrument", "0", "is 0", "remove the position");
    }

    @Test
    void bookInstrumentListedTwiceIsRefused()
    {
        final String yaml = MINIMAL.replace("book: demo", """
            book:
              - {instrument: deribit:BTC-27DEC24-60000-C, contracts: -10}
              - {instrument: deribit:BTC-27DEC24-60000-C, contracts: 5}""");
        only(yaml, "book[1].instrument", "contracts: 5", "deribit:BTC-27DEC24-60000-C", "is listed twice", "merge");
    }

    @Test
    void missingBookFileNamesItsPath()
    {
        only(MINIMAL.replace("book: demo", "book: file:/no/such/positions.csv"), "book", "book:",
            "/no/such/positions.csv", "file /no/such/positions.csv cannot be read (NoSuchFileException)",
            "relative paths start at the configuration file's directory");
    }

    @Test
    void badLineOfABookFileNamesTheFileAndItsLine(@TempDir final Path dir) throws Exception
    {
        Files.writeString(dir.resolve("p.csv"), "instrument,contracts\nderibit:BTC-27DEC24-60000-C,-10\n"
            + "deribit:BTC-27DEC24-50000-P,ten\n");
        final Path file = dir.resolve("c.yaml");
        Files.writeString(file, MINIMAL.replace("book: demo", "book: file:p.csv"));
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(1, ex.problems().size(), ex.getMessage());
        final ConfigProblem p = ex.problems().get(0);
        assertEquals("book", p.path());
        assertEquals("p.csv line 3: contracts is not a signed non-zero number", p.problem());
        assertEquals("ten", p.value());
        assertTrue(ex.getMessage().startsWith("c.yaml has 1 configuration error:\n  c.yaml:"
            + lineOf(MINIMAL, "book:") + ": book: p.csv line 3"), ex.getMessage());
    }

    @Test
    void bookFileOfUnknownKindIsRefused(@TempDir final Path dir) throws Exception
    {
        Files.writeString(dir.resolve("p.txt"), "x");
        final Path file = dir.resolve("c.yaml");
        Files.writeString(file, MINIMAL.replace("book: demo", "book: file:p.txt"));
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(ex.problems().get(0).problem().endsWith("is neither .csv nor .yaml"), ex.getMessage());
    }

    // ---- underlyings and policy

    @Test
    void underlyingNameMustBeUpperCase()
    {
        only(MINIMAL.replace("  BTC:\n", "  btc:\n"), "underlyings.btc", "btc:", "btc", "is not an upper-case coin code",
            "write BTC");
    }

    @Test
    void hedgeWithUnknownVenueSuggestsTheNearOne()
    {
        only(MINIMAL.replace("[sim:BTC-PERPETUAL]", "[sin:BTC-PERPETUAL]"), "underlyings.BTC.hedge-with", "hedge-with",
            "sin:BTC-PERPETUAL", "names venue sin, which is not declared under venues", "did you mean sim:BTC-PERPETUAL?");
    }

    @Test
    void hedgeWithEntryNeedsVenueAndInstrument()
    {
        only(MINIMAL.replace("[sim:BTC-PERPETUAL]", "[BTC-PERPETUAL]"), "underlyings.BTC.hedge-with[0]", "hedge-with",
            "BTC-PERPETUAL", "is not valid here", "<venue name>:<instrument>");
    }

    @Test
    void policyThatWouldNeverHedgeIsRefused()
    {
        only(MINIMAL.replace("band: {type: fixed, half-width: 0.5}", "target: 0"), "underlyings.BTC.policy", "policy:",
            null, "has no band and no rebalance-every, so it would never hedge", "rebalance-every (e.g. 15m)");
    }

    @Test
    void checkBandScheduleNeedsABand()
    {
        only(MINIMAL.replace("band: {type: fixed, half-width: 0.5}", "band: none\n      rebalance-every: 15m\n"
            + "      schedule: check-band"), "underlyings.BTC.policy.schedule", "schedule", "check-band",
            "is check-band but the band is none", "schedule: rebalance");
    }

    @Test
    void rebalanceIntervalMustBeWholeMinutes()
    {
        only(MINIMAL.replace("half-width: 0.5}", "half-width: 0.5}\n      rebalance-every: 90s"),
            "underlyings.BTC.policy.rebalance-every", "rebalance-every", "90s",
            "must be whole minutes", "e.g. 1m");
    }

    @Test
    void rebalanceIntervalAtMostOneDay()
    {
        only(MINIMAL.replace("half-width: 0.5}", "half-width: 0.5}\n      rebalance-every: 2d"),
            "underlyings.BTC.policy.rebalance-every", "rebalance-every", "2d", "must be between 0s and 1d", "15m");
    }

    @Test
    void misspeltBandTypeSuggestsTheKnownOne()
    {
        only(MINIMAL.replace("type: fixed, half-width: 0.5", "type: whaley-wilmott, cost: 0.0005, risk-aversion: 0.0001, "
                + "min-half-width-coin: 0.1, max-half-width-coin: 5"), "underlyings.BTC.policy.band.type",
            "band", "whaley-wilmott", "is not one of none, fixed, whalley-wilmott", "did you mean whalley-wilmott?");
    }

    @Test
    void fixedBandNeedsAHalfWidth()
    {
        only(MINIMAL.replace("type: fixed, half-width: 0.5", "type: fixed"), "underlyings.BTC.policy.band.half-width",
            "band", null, "is missing", "e.g. 0.5");
    }

    @Test
    void fixedBandHalfWidthMustBePositive()
    {
        only(MINIMAL.replace("half-width: 0.5", "half-width: -0.5"), "underlyings.BTC.policy.band.half-width",
            "band", "-0.5", "must be > 0", "e.g. 0.5");
    }

    @Test
    void whalleyWilmottCapBelowFloorIsRefused()
    {
        only(MINIMAL.replace("type: fixed, half-width: 0.5", "type: whalley-wilmott, cost: 0.0005, risk-aversion: 0.0001, "
                + "min-half-width-coin: 1, max-half-width-coin: 0.5"), "underlyings.BTC.policy.band.max-half-width-coin",
            "band", "0.5", "is below min-half-width-coin (1)", "at least min-half-width-coin");
    }

    @Test
    void whalleyWilmottCostAboveTenPercentIsRefused()
    {
        only(MINIMAL.replace("type: fixed, half-width: 0.5", "type: whalley-wilmott, cost: 5, risk-aversion: 0.0001, "
                + "min-half-width-coin: 0.1, max-half-width-coin: 5"), "underlyings.BTC.policy.band.cost",
            "band", "5", "must be in (0, 0.1]", "0.0005 for 5 bp");
    }

    @Test
    void hysteresisMustBeBelowOne()
    {
        only(MINIMAL.replace("half-width: 0.5}", "half-width: 0.5}\n      hysteresis: 1"),
            "underlyings.BTC.policy.hysteresis", "hysteresis", "1", "must be in [0, 1)", "e.g. 0.5");
    }

    @Test
    void orderRateMustBeAtLeastOne()
    {
        only(MINIMAL.replace("half-width: 0.5}", "half-width: 0.5}\n      max-orders-per-minute: 0"),
            "underlyings.BTC.policy.max-orders-per-minute", "max-orders", "0", "must be in [1, 600]", "e.g. 6");
    }

    @Test
    void minTradeMustNotBeNegative()
    {
        only(MINIMAL.replace("half-width: 0.5}", "half-width: 0.5}\n      min-trade: -0.1"),
            "underlyings.BTC.policy.min-trade", "min-trade", "-0.1", "must be >= 0", "0 means one lot");
    }

    // ---- margin, execution, pipeline, journal, control

    @Test
    void marginThresholdAboveLiquidationIsRefused()
    {
        only(with("margin:\n  threshold: 1.5\n"), "margin.threshold", "threshold", "1.5", "must be in (0, 1]",
            "1.0 is liquidation");
    }

    @Test
    void shockElementOutOfRangeIsNamedByIndex()
    {
        only(with("margin:\n  shock:\n    spot-moves: [-0.1, -1.5]\n"), "margin.shock.spot-moves[1]", "spot-moves",
            "-1.5", "must be in (-1, 10)", "-0.10");
    }

    @Test
    void criticalAlertMustBeAboveWarn()
    {
        only(with("margin:\n  alerts: {warn: 0.8, critical: 0.7}\n"), "margin.alerts.critical", "alerts", "0.7",
            "must be above warn (0.8)", "warn 0.6 and critical 0.8");
    }

    @Test
    void deRiskTargetMustBeBelowTrigger()
    {
        only(with("margin:\n  de-risk: {trigger: 0.7, target: 0.75}\n"), "margin.de-risk.target", "de-risk", "0.75",
            "must be below trigger (0.7)", "trigger 0.8 and target 0.6");
    }

    @Test
    void priceProtectionBelowTenPercent()
    {
        only(with("execution:\n  price-protection-bps: 1000\n"), "execution.price-protection-bps", "price-protection",
            "1000", "must be in [0, 1000)", "e.g. 10");
    }

    @Test
    void twapNeedsAnInterval()
    {
        only(with("execution:\n  slicing: {mode: twap, slices: 4}\n"), "execution.slicing.interval", "slicing", null,
            "is missing", "e.g. 5s");
    }

    @Test
    void icebergHasNoInterval()
    {
        only(with("execution:\n  slicing: {mode: iceberg, slices: 4, interval: 5s}\n"), "execution.slicing.interval",
            "slicing", null, "is not a known key", "mode, slices");
    }

    @Test
    void ringSizeMustBeAPowerOfTwo()
    {
        only(with("pipeline:\n  ring-size: 1000\n"), "pipeline.ring-size", "ring-size", "1000", "must be a power of two",
            "use 512 or 1024");
    }

    @Test
    void ringSizeAtLeast64()
    {
        only(with("pipeline:\n  ring-size: 32\n"), "pipeline.ring-size", "ring-size", "32", "must be in [64, 1073741824]",
            "e.g. 4096");
    }

    @Test
    void journalRollOnlyDaily()
    {
        only(with("journal:\n  roll: hourly\n"), "journal.roll", "roll", "hourly", "is not one of daily", "daily");
    }

    @Test
    void signingEveryLessThanASecondIsRefused()
    {
        only(with("journal:\n  sign-every: 10ms\n"), "journal.sign-every", "sign-every", "10ms", "must be at least 1s",
            "e.g. 1m");
    }

    @Test
    void journalMarketDataMustBeTrueOrFalse()
    {
        only(with("journal:\n  market-data: yes\n"), "journal.market-data", "market-data", "yes",
            "must be true or false", "backtest --journal can replay");
        only(with("journal:\n  sign-every: 1m\n  market-data: 0\n"), "journal.market-data", "market-data", "0",
            "must be true or false", "false for a smaller journal that cannot be replayed");
    }

    @Test
    void journalMarketDataMustBeAScalar()
    {
        only(with("journal:\n  market-data: [true]\n"), "journal.market-data", "market-data", null,
            "must be a single value", "backtest --journal");
    }

    @Test
    void misspeltJournalMarketDataSuggestsTheKey()
    {
        only(with("journal:\n  marketData: false\n"), "journal.marketData", "marketData", null, "is not a known key",
            "did you mean journal.market-data?");
        only(with("journal:\n  market-date: false\n"), "journal.market-date", "market-date", null,
            "is not a known key", "did you mean journal.market-data?");
    }

    @Test
    void controlPortOutOfRangeIsRefused()
    {
        only(with("control:\n  port: 70000\n"), "control.port", "port", "70000", "must be in [0, 65535]", "e.g. 8080");
    }

    @Test
    void controlBindMustBeAnAddress()
    {
        only(with("control:\n  bind: 'local host'\n"), "control.bind", "bind", "local host", "is not an address",
            "127.0.0.1");
    }

    @Test
    void controlTokenLiteralIsRefused()
    {
        final ConfigProblem p = only(with("control:\n  token: hunter2hunter2\n"), "control.token", "token", null,
            "holds a literal secret (14 characters, not shown)", "env:NAME");
        assertNull(p.value());
    }

    // ---- more shapes

    @Test
    void deribitVenueMustListItsCurrencies()
    {
        only(DERIBIT.replace("    currencies: [BTC]\n", ""), "venues.main.currencies", "main:", null, "is missing",
            "[BTC, ETH]");
    }

    @Test
    void externalSimulatorNeedsCredentials()
    {
        only(MINIMAL.replace("    type: simulator\n", "    type: simulator\n    endpoint: ws://127.0.0.1:9000/ws/api/v2\n"),
            "venues.sim.credentials", "sim:", null, "is missing", "client-id: env:NAME");
    }

    @Test
    void emptyHedgeWithIsRefused()
    {
        only(MINIMAL.replace("[sim:BTC-PERPETUAL]", "[]"), "underlyings.BTC.hedge-with", "hedge-with", null,
            "lists no instrument", "<venue name>:<instrument>");
    }

    @Test
    void emptyBookListIsRefused()
    {
        only(MINIMAL.replace("book: demo", "book: []"), "book", "book:", null, "must be demo, file:PATH or a non-empty list",
            "book: demo");
    }

    @Test
    void aliasBombIsRefused()
    {
        final StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 30; i++)
        {
            yaml.append("b").append(i).append(": &b").append(i).append(" [*a, *a, *a]\n");
        }
        final ConfigException ex = fail(yaml.toString());
        assertEquals(1, ex.problems().size(), ex.getMessage());
        assertTrue(ex.problems().get(0).problem().startsWith("cannot be read as YAML")
            || ex.problems().get(0).problem().startsWith("is not valid YAML"), ex.getMessage());
    }

    @Test
    void deepNestingIsRefused()
    {
        final String yaml = "a: " + "[".repeat(50) + "]".repeat(50) + "\n";
        final ConfigException ex = fail(yaml);
        assertEquals(1, ex.problems().size(), ex.getMessage());
    }

    @Test
    void yamlTagsCannotCreateObjects()
    {
        final String yaml = with("logging:\n  level: !!java.lang.Runtime info\n");
        final ConfigException ex = fail(yaml);
        assertEquals(1, ex.problems().size(), ex.getMessage());
        assertEquals(lineOf(yaml, "level"), ex.problems().get(0).line(), ex.getMessage());
        assertTrue(ex.problems().get(0).problem().contains("Global tag is not allowed"), ex.getMessage());
    }

    @Test
    void misspeltSlicingModeIsTheOnlyProblemReported()
    {
        only(with("execution:\n  slicing: {mode: twapp, slices: 4, interval: 5s}\n"), "execution.slicing.mode",
            "slicing", "twapp", "is not one of none, twap, iceberg", "did you mean twap?");
    }

    @Test
    void fileLargerThanOneMegabyteIsRefused(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("huge.yaml");
        Files.writeString(file, MINIMAL + "#" + "x".repeat(ConfigLoader.MAX_FILE_BYTES) + "\n");
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals("huge.yaml has 1 configuration error:\n  huge.yaml: is larger than 1 MB. Fix: point --config at "
            + "the deltahedger YAML file", ex.getMessage());
    }

    @Test
    void csvLineWithWrongFieldCountIsNamed(@TempDir final Path dir) throws Exception
    {
        Files.writeString(dir.resolve("p.csv"), "deribit:BTC-27DEC24-60000-C,-10,extra\n");
        final Path file = dir.resolve("c.yaml");
        Files.writeString(file, MINIMAL.replace("book: demo", "book: file:p.csv"));
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(1, ex.problems().size(), ex.getMessage());
        assertEquals("p.csv line 1: has 3 fields instead of 2", ex.problems().get(0).problem());
        assertTrue(ex.problems().get(0).fix().contains("instrument,contracts"), ex.getMessage());
    }

    @Test
    void yamlBookFileMustBeAList(@TempDir final Path dir) throws Exception
    {
        Files.writeString(dir.resolve("b.yaml"), "instrument: deribit:BTC-27DEC24-60000-C\n");
        final Path file = dir.resolve("c.yaml");
        Files.writeString(file, MINIMAL.replace("book: demo", "book: file:b.yaml"));
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(1, ex.problems().size(), ex.getMessage());
        assertEquals("b.yaml line 1: must be a non-empty list of {instrument, contracts}", ex.problems().get(0).problem());
    }

    @Test
    void badEntryOfAYamlBookFileIsNamedByIndex(@TempDir final Path dir) throws Exception
    {
        Files.writeString(dir.resolve("b.yaml"), "- {instrument: deribit:BTC-27DEC24-60000-C, contracts: -1}\n"
            + "- {instrument: deribit:BTC-27DEC24-50000-P, contract: 2}\n");
        final Path file = dir.resolve("c.yaml");
        Files.writeString(file, MINIMAL.replace("book: demo", "book: file:b.yaml"));
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(List.of("b.yaml line 2: [1].contracts is missing", "b.yaml line 2: [1].contract is not a known key"),
            ex.problems().stream().map(ConfigProblem::problem).toList(), ex.getMessage());
        assertTrue(ex.problems().get(1).fix().contains("did you mean [1].contracts?"), ex.getMessage());
    }
}
