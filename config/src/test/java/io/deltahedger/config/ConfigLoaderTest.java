package io.deltahedger.config;

import io.deltahedger.config.book.BookPosition;
import io.deltahedger.config.book.BookSource;
import io.deltahedger.config.daemon.ControlSettings;
import io.deltahedger.config.daemon.JournalSettings;
import io.deltahedger.config.daemon.LoggingSettings;
import io.deltahedger.config.engine.ExecutionSettings;
import io.deltahedger.config.engine.MarginSettings;
import io.deltahedger.config.engine.PipelineSettings;
import io.deltahedger.config.policy.BandSettings;
import io.deltahedger.config.policy.HedgeInstrument;
import io.deltahedger.config.policy.PolicySettings;
import io.deltahedger.config.policy.UnderlyingSettings;
import io.deltahedger.config.secret.SecretReference;
import io.deltahedger.config.venue.VenueFees;
import io.deltahedger.config.venue.VenueLimits;
import io.deltahedger.config.venue.VenueSettings;
import io.deltahedger.config.venue.VenueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest
{
    /** The smallest useful file: every other key takes its documented default. */
    static final String MINIMAL = """
        venues:
          sim:
            type: simulator
        book: demo
        underlyings:
          BTC:
            hedge-with: [sim:BTC-PERPETUAL]
            policy:
              band: {type: fixed, half-width: 0.5}
        """;

    static final Path EXAMPLE = Path.of("..", "docs", "examples", "deribit.yaml");

    @Test
    void minimalFileTakesEveryDocumentedDefault()
    {
        final DeltahedgerConfig c = ConfigLoader.parse(MINIMAL, "minimal.yaml");

        final VenueSettings sim = c.venue("sim");
        assertEquals(VenueType.SIMULATOR, sim.type());
        assertTrue(sim.embedded());
        assertEquals(Optional.empty(), sim.credentials());
        assertEquals(List.of("BTC", "ETH"), sim.currencies());
        assertEquals(VenueFees.DEFAULT, sim.fees());
        assertEquals(VenueLimits.SIMULATOR_DEFAULT, sim.limits());
        assertEquals(1L, sim.simulatorSeed());
        assertSame(BookSource.DEMO, c.book());

        final PolicySettings p = c.underlyings().get("BTC").policy();
        assertEquals(new BandSettings.Fixed(0.5, PolicySettings.DeltaUnit.COIN), p.band());
        assertEquals(PolicySettings.DeltaMeasure.PLAIN, p.deltaMeasure());
        assertEquals(0.0, p.target());
        assertEquals(PolicySettings.RebalanceTo.TARGET, p.rebalanceTo());
        assertEquals(0L, p.rebalanceEveryMs());
        assertEquals(PolicySettings.ScheduleMode.REBALANCE, p.schedule());
        assertEquals(BigDecimal.ZERO, p.minTradeCoin());
        assertEquals(0.5, p.hysteresis());
        assertEquals(60_000L, p.rearmAfterMs());
        assertEquals(6, p.maxOrdersPerMinute());

        assertEquals(MarginSettings.DEFAULT, c.margin());
        assertEquals(ExecutionSettings.DEFAULT, c.execution());
        assertEquals(PipelineSettings.DEFAULT, c.pipeline());
        assertEquals(JournalSettings.DEFAULT, c.journal());
        assertTrue(c.journal().marketData(), "market data is journaled unless turned off");
        assertEquals(ControlSettings.DEFAULT, c.control());
        assertEquals("127.0.0.1", c.control().bindAddress());
        assertEquals(SecretReference.parse("env:DELTAHEDGER_API_TOKEN"), c.control().token());
        assertEquals(LoggingSettings.DEFAULT, c.logging());
    }

    @Test
    void demoConfigurationHedgesBtcAndEthOnTheEmbeddedSimulator()
    {
        final DeltahedgerConfig demo = DeltahedgerConfig.demo();
        assertEquals(List.of("sim"), List.copyOf(demo.venues().keySet()));
        assertTrue(demo.venue("sim").embedded());
        assertSame(BookSource.DEMO, demo.book());
        assertEquals(List.of("BTC", "ETH"), List.copyOf(demo.underlyings().keySet()));
        assertEquals(List.of(new HedgeInstrument("sim", "BTC-PERPETUAL")), demo.underlyings().get("BTC").hedgeWith());
        assertEquals(60, demo.underlyings().get("ETH").policy().rebalanceEveryMinutes());
        assertTrue(demo.control().loopbackOnly());
    }

    @Test
    void exampleFileLoadsWithEverySection()
    {
        final DeltahedgerConfig c = ConfigLoader.load(EXAMPLE);

        final VenueSettings main = c.venue("deribit-main");
        assertEquals(VenueType.DERIBIT, main.type());
        assertEquals(Optional.of(URI.create("wss://www.deribit.com/ws/api/v2")), main.endpoint());
        assertEquals(SecretReference.parse("env:DERIBIT_CLIENT_SECRET"), main.credentials().orElseThrow().clientSecret());
        assertEquals(new VenueLimits(500, 25, 2_000_000, 5), main.limits());
        assertEquals(List.of(new HedgeInstrument("deribit-main", "BTC-PERPETUAL"),
            new HedgeInstrument("deribit-test", "BTC-PERPETUAL")), c.underlyings().get("BTC").hedgeWith());
        assertEquals(new BandSettings.WhalleyWilmott(0.0005, 0.0001, 0.1, 5), c.underlyings().get("BTC").policy().band());
        assertEquals(PolicySettings.RebalanceTo.BAND_EDGE, c.underlyings().get("BTC").policy().rebalanceTo());
        assertEquals(new BigDecimal("0.01"), c.underlyings().get("BTC").policy().minTradeCoin());
        assertEquals(new BandSettings.Fixed(50_000, PolicySettings.DeltaUnit.USD), c.underlyings().get("ETH").policy().band());
        assertEquals(List.of(new BookPosition("deribit:BTC-27DEC24-60000-C", new BigDecimal("-25")),
            new BookPosition("deribit:BTC-27DEC24-50000-P", new BigDecimal("10")),
            new BookPosition("deribit:ETH-27DEC24-3000-C", new BigDecimal("-150"))), c.book().positions());
        assertEquals(List.of(-0.15, -0.05, 0.0, 0.05, 0.15), c.margin().shock().spotMoves());
        assertEquals(new MarginSettings.DeRisk(true, 0.85, 0.6), c.margin().deRisk());
        assertEquals(new ExecutionSettings.Slicing(ExecutionSettings.SliceMode.TWAP, 4, 5_000), c.execution().slicing());
        assertEquals(0.001, c.execution().priceProtectionFraction(), 1e-15);
        assertEquals(Path.of("/var/lib/deltahedger/journal"), c.journal().directory());
        assertEquals(Optional.of(SecretReference.parse("file:/etc/deltahedger/journal-signing.key")), c.journal().signingKey());
        assertTrue(c.journal().marketData());
        assertEquals(LoggingSettings.Format.JSON, c.logging().format());
    }

    @Test
    void describeParsesBackToAnEqualConfiguration()
    {
        for (final DeltahedgerConfig c : List.of(
            ConfigLoader.parse(MINIMAL, "minimal.yaml"), DeltahedgerConfig.demo(), ConfigLoader.load(EXAMPLE)))
        {
            final String text = c.describe();
            assertEquals(c, ConfigLoader.parse(text, "described.yaml"), text);
            assertEquals(text, ConfigLoader.parse(text, "described.yaml").describe());
        }
    }

    @Test
    void bookFileInCsvIsReadRelativeToTheConfigurationFile(@TempDir final Path dir) throws Exception
    {
        Files.writeString(dir.resolve("positions.csv"), """
            # the desk's options
            instrument,contracts
            deribit:BTC-27DEC24-60000-C,-10
            deribit:BTC-27DEC24-50000-P, 2.5
            """);
        final Path file = dir.resolve("deltahedger.yaml");
        Files.writeString(file, MINIMAL.replace("book: demo", "book: file:positions.csv"));

        final BookSource book = ConfigLoader.load(file).book();

        final BookSource.FromFile fromFile = assertInstanceOf(BookSource.FromFile.class, book);
        assertEquals(dir.resolve("positions.csv").toAbsolutePath(), fromFile.path().toAbsolutePath());
        assertEquals(List.of(new BookPosition("deribit:BTC-27DEC24-60000-C", new BigDecimal("-10")),
            new BookPosition("deribit:BTC-27DEC24-50000-P", new BigDecimal("2.5"))), book.positions());
    }

    @Test
    void bookFileInYamlIsRead(@TempDir final Path dir) throws Exception
    {
        Files.writeString(dir.resolve("book.yaml"), """
            - instrument: deribit:ETH-27DEC24-3000-C
              contracts: -150
            """);
        final Path file = dir.resolve("deltahedger.yaml");
        Files.writeString(file, MINIMAL.replace("book: demo", "book: file:book.yaml"));

        assertEquals(List.of(new BookPosition("deribit:ETH-27DEC24-3000-C", new BigDecimal("-150"))),
            ConfigLoader.load(file).book().positions());
    }

    @Test
    void secretReferencesAreListedByKeyPathForTheStartUpCheck()
    {
        final DeltahedgerConfig c = ConfigLoader.load(EXAMPLE);
        final Map<String, SecretReference> refs = c.secretReferences();
        assertEquals(SecretReference.parse("env:DERIBIT_CLIENT_ID"), refs.get("venues.deribit-main.credentials.client-id"));
        assertEquals(SecretReference.parse("file:/etc/deltahedger/journal-signing.key"), refs.get("journal.signing-key"));
        assertEquals(6, refs.size());

        final List<String> missing = c.unresolvableSecrets(Map.of(
            "DERIBIT_CLIENT_ID", "id", "DERIBIT_CLIENT_SECRET", "s", "DELTAHEDGER_API_TOKEN", "t")::get);
        assertEquals(3, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("venues.deribit-test.credentials.client-id: "), missing.get(0));
    }

    @Test
    void settingsAreUsableByTheAgentsMappers()
    {
        final UnderlyingSettings btc = ConfigLoader.load(EXAMPLE).underlyings().get("BTC");
        assertEquals(60, btc.policy().rebalanceEveryMinutes());
        assertEquals("deribit-main:BTC-PERPETUAL", btc.hedgeWith().get(0).toString());
    }

    @Test
    void journalMarketDataCanBeTurnedOffAndRoundTrips()
    {
        final DeltahedgerConfig off = ConfigLoader.parse(MINIMAL + "journal:\n  market-data: false\n", "off.yaml");
        assertFalse(off.journal().marketData());
        assertEquals(JournalSettings.DEFAULT.signEveryMs(), off.journal().signEveryMs());
        assertTrue(off.describe().contains("\n  market-data: false\n"), off.describe());
        assertEquals(off, ConfigLoader.parse(off.describe(), "described.yaml"), off.describe());

        final DeltahedgerConfig on = ConfigLoader.parse(MINIMAL + "journal:\n  market-data: true\n", "on.yaml");
        assertEquals(JournalSettings.DEFAULT, on.journal());
        assertTrue(on.describe().contains("\n  market-data: true\n"), on.describe());
        assertEquals(on, ConfigLoader.parse(on.describe(), "described.yaml"), on.describe());
    }

    @Test
    void describeRoundTripsFileBooksTrustAnchorsAndSigningKeys(@TempDir final Path dir) throws Exception
    {
        Files.writeString(dir.resolve("p.csv"), "deribit:BTC-27DEC24-60000-C,-10\n");
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        final Path file = dir.resolve("c.yaml");
        Files.writeString(file, ConfigErrorsTest.DERIBIT
            .replace("book: demo", "book: file:p.csv")
            .replace("    currencies: [BTC]\n", "    currencies: [BTC]\n    trust-pem: ca.pem\n")
            + "journal:\n  directory: 'my journal'\n  signing-key: file:keys/journal.key\n"
            + "execution:\n  slicing: {mode: iceberg, slices: 3}\n");
        final DeltahedgerConfig c = ConfigLoader.load(file);
        assertEquals(Optional.of(dir.toAbsolutePath().resolve("ca.pem")), c.venue("main").trustPem());
        assertEquals(dir.toAbsolutePath().resolve("my journal"), c.journal().directory());

        assertEquals(c, ConfigLoader.parse(c.describe(), "described.yaml"), c.describe());
    }
}
