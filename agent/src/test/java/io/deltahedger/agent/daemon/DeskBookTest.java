package io.deltahedger.agent.daemon;

import io.deltahedger.config.ConfigLoader;
import io.deltahedger.config.DeltahedgerConfig;
import io.deltahedger.config.time.EpochClock;
import io.deltahedger.hedger.engine.EngineState;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.venues.simulator.SimulatorConfig;
import io.deltahedger.venues.simulator.market.SimInstrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A desk's own configuration: an external venue (the simulator started here, reached over its endpoint with the API
 * key by reference), the options book given inline (long and short), hedged on the perpetual. The daemon hedges the
 * book it was given, not a demo.
 */
@Timeout(60)
class DeskBookTest
{
    @Test
    void hedgesAnInlineBookOnAnExternalVenueWithCredentialsByReference() throws Exception
    {
        try (ExchangeSimulator sim = ExchangeSimulator.start(SimulatorConfig.defaults().withPort(0).withSeed(3),
            EpochClock.system()))
        {
            final SimInstrument call = sim.instruments().stream()
                .filter(i -> i.name().startsWith("BTC-") && i.name().endsWith("-C")).findFirst().orElseThrow();
            final SimInstrument put = sim.instruments().stream()
                .filter(i -> i.name().startsWith("BTC-") && i.name().endsWith("-P")).findFirst().orElseThrow();
            final Path dir = Files.createTempDirectory("deltahedger-desk");
            final String yaml = String.join("\n",
                "venues:",
                "  desk:",
                "    type: simulator",
                "    endpoint: " + sim.webSocketUri(),
                "    credentials: {client-id: env:SIM_ID, client-secret: env:SIM_SECRET}",
                "    currencies: [BTC]",
                "book:",
                "  - {instrument: deribit:" + call.name() + ", contracts: -2}",
                "  - {instrument: deribit:" + put.name() + ", contracts: 1}",
                "underlyings:",
                "  BTC:",
                "    hedge-with: [desk:BTC-PERPETUAL]",
                "    policy:",
                "      band: {type: fixed, half-width: 0.2, unit: coin}",
                "journal:",
                "  directory: " + dir.resolve("journal"),
                "control:",
                "  port: 0",
                "");
            final DeltahedgerConfig config = ConfigLoader.parse(yaml, "desk.yaml");
            final Map<String, String> env = Map.of("SIM_ID", SimulatorConfig.DEMO_CLIENT_ID,
                "SIM_SECRET", SimulatorConfig.DEMO_CLIENT_SECRET, "DELTAHEDGER_API_TOKEN", "t".repeat(40));
            try (Daemon daemon = Daemon.start(config, null, env::get, EpochClock.system()))
            {
                assertEquals(EngineState.HEDGING, daemon.engine().state());
                assertTrue(daemon.simulators().isEmpty(), "nothing embedded: the venue is reached over its endpoint");
                final long deadline = System.nanoTime() + 20_000_000_000L;
                while (!Double.isFinite(daemon.telemetry().netDeltaCoin(0)) && System.nanoTime() < deadline)
                {
                    Thread.sleep(20);
                }
                assertEquals("BTC", daemon.telemetry().underlyings().get(0));
                assertTrue(Double.isFinite(daemon.telemetry().netDeltaCoin(0)), "the given book is revalued");
            }

            final IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> Daemon.start(config, null, Map.of("DELTAHEDGER_API_TOKEN", "t".repeat(40))::get,
                    EpochClock.system()));
            assertTrue(missing.getMessage().contains("venues.desk.credentials.client-id")
                && missing.getMessage().contains("venues.desk.credentials.client-secret"), missing.getMessage());
        }
    }
}
