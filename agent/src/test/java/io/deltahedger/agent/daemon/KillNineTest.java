package io.deltahedger.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltahedger.agent.Main;
import io.deltahedger.config.time.EpochClock;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalVerifier;
import io.deltahedger.hedger.journal.VerificationReport;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.venues.simulator.SimulatorConfig;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.market.SimInstrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deltahedger run} killed with SIGKILL while it hedges, at seeded moments, and started again on the same
 * journal against the same venue (a simulator in this JVM, reached over its endpoint): no client order id is ever sent
 * twice, none of the agent's orders is left open, the restarted agent sees the venue's hedge (its net delta is back in
 * the band), and the journal of all runs verifies under the agent's key.
 */
@Timeout(240)
class KillNineTest
{
    private static final String KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private static final String TOKEN = "k".repeat(40);
    private static final long OWNER = 1;

    @Test
    void killedAtSeededMomentsItRestartsWithoutADuplicateLegAndWithTheVenuesPosition() throws Exception
    {
        try (ExchangeSimulator sim = ExchangeSimulator.start(SimulatorConfig.defaults().withPort(0).withSeed(5),
            EpochClock.system()))
        {
            final List<SimInstrument> btcOptions = sim.instruments().stream()
                .filter(i -> i.name().startsWith("BTC-") && (i.name().endsWith("-C") || i.name().endsWith("-P")))
                .toList();
            final Path dir = Files.createTempDirectory("deltahedger-kill9");
            final Path config = dir.resolve("desk.yaml");
            Files.writeString(config, String.join("\n",
                "venues:",
                "  desk:",
                "    type: simulator",
                "    endpoint: " + sim.webSocketUri(),
                "    credentials: {client-id: env:SIM_ID, client-secret: env:SIM_SECRET}",
                "    currencies: [BTC]",
                "book:",
                "  - {instrument: deribit:" + btcOptions.get(0).name() + ", contracts: -3}",
                "  - {instrument: deribit:" + btcOptions.get(btcOptions.size() - 1).name() + ", contracts: -3}",
                "underlyings:",
                "  BTC:",
                "    hedge-with: [desk:BTC-PERPETUAL]",
                "    policy:",
                "      band: {type: fixed, half-width: 0.02, unit: coin}",
                "      max-orders-per-minute: 60",
                "      rearm-after: 1s",
                "journal:",
                "  directory: " + dir.resolve("journal"),
                "  signing-key: env:JOURNAL_KEY",
                "control:",
                "  port: 0",
                ""));
            final SplittableRandom random = new SplittableRandom(20261121);
            for (int run = 0; run < 4; run++)
            {
                final Process agent = start(config, dir.resolve("stderr-" + run));
                final URI base = readyUri(agent, dir.resolve("stderr-" + run));
                // move the market so that groups are in flight, and kill the agent at a seeded moment
                for (int k = 0; k < 3; k++)
                {
                    sim.shockIndex("BTC", (random.nextBoolean() ? 1 : -1) * 0.01);
                    Thread.sleep(50 + random.nextInt(300));
                }
                agent.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed or signed
                assertTrue(agent.waitFor(30, TimeUnit.SECONDS));
                assertTrue(base.getPort() > 0);
            }

            // the last start: let it settle, check the venue and its view, then stop it cleanly
            final Process agent = start(config, dir.resolve("stderr-final"));
            final URI base = readyUri(agent, dir.resolve("stderr-final"));
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            JsonNode btc = null;
            while (System.nanoTime() < deadline)
            {
                btc = status(base).at("/underlyings/0");
                final double delta = btc.path("net_delta_coin").asDouble(Double.NaN);
                if (Double.isFinite(delta) && Math.abs(delta - btc.path("target").asDouble()) <= 0.02 + 1e-9)
                {
                    break;
                }
                Thread.sleep(100);
            }
            assertNotNull(btc);
            assertTrue(Math.abs(btc.path("net_delta_coin").asDouble(Double.NaN)) <= 0.02 + 1e-9,
                "the restarted agent counts the venue's hedge and holds the band: " + btc);
            agent.destroy();
            assertTrue(agent.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, agent.exitValue());

            final List<SimOrder> orders = sim.call(() -> List.copyOf(sim.engine().userOrders(OWNER)));
            final Set<String> labels = new HashSet<>();
            final List<String> duplicates = new ArrayList<>();
            int ours = 0;
            for (final SimOrder o : orders)
            {
                if (ClientOrderId.parseOrNull(o.label) == null)
                {
                    continue;
                }
                ours++;
                if (!labels.add(o.label))
                {
                    duplicates.add(o.label);
                }
                assertTrue(!SimOrder.OPEN.equals(o.state), "our order " + o.label + " was left open");
            }
            assertTrue(ours > 0, "the runs sent orders");
            assertEquals(List.of(), duplicates, "no client order id was sent twice across the kills");

            final VerificationReport report = new JournalVerifier(
                io.deltahedger.hedger.journal.ChainSigner.fromSecret(
                    io.deltahedger.config.secret.Secret.of("test", KEY)).address())
                .verify(JournalFormat.filesIn(dir.resolve("journal")));
            assertEquals(VerificationReport.OK, report.exitCode(), report.render());
        }
    }

    private static Process start(final Path config, final Path stderr) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle.") || arg.startsWith("--enable-native")
                || arg.startsWith("--sun-misc"))
            {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config",
            config.toString()));
        final ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        final Map<String, String> env = pb.environment();
        env.put("SIM_ID", SimulatorConfig.DEMO_CLIENT_ID);
        env.put("SIM_SECRET", SimulatorConfig.DEMO_CLIENT_SECRET);
        env.put("JOURNAL_KEY", KEY);
        env.put("DELTAHEDGER_API_TOKEN", TOKEN);
        return pb.start();
    }

    private static URI readyUri(final Process agent, final Path stderr) throws Exception
    {
        final String ready = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
        assertNotNull(ready, () -> "no ready line: " + read(stderr));
        final String url = ready.substring(ready.indexOf("http://"), ready.indexOf('#'));
        return URI.create(url);
    }

    private static JsonNode status(final URI base) throws Exception
    {
        final HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/status"))
            .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file);
        }
        catch (final Exception e)
        {
            return e.toString();
        }
    }
}
