package io.deltahedger.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deltahedger run} as an operator starts it: a separate JVM prints the ready line with the dashboard's
 * address, serves health, logs JSON when asked, and on SIGTERM shuts down gracefully with exit code 0.
 */
@Timeout(120)
class RunCommandProcessTest
{
    @Test
    void theDemoStartsPrintsItsDashboardLogsJsonAndStopsCleanlyOnSigterm() throws Exception
    {
        final Path err = Files.createTempFile("deltahedger-run", ".err");
        final Path journal = Files.createTempDirectory("deltahedger-run-journal");
        final List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the JVM flags this test runs with (Chronicle's --add-opens etc., as the jar's manifest gives java -jar)
        for (final String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle.") || arg.startsWith("--enable-native")
                || arg.startsWith("--sun-misc"))
            {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
            "--http-port", "0"));
        final ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile()).directory(journal.toFile());
        pb.environment().put("DELTAHEDGER_LOG_FORMAT", "json");
        pb.environment().remove("DELTAHEDGER_API_TOKEN");
        final Process process = pb.start();
        try
        {
            final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
            final String ready = out.readLine();
            assertNotNull(ready, () -> "no ready line; stderr: " + read(err));
            assertTrue(ready.startsWith("deltahedger ready in "), ready);
            final String url = ready.substring(ready.indexOf("http://"), ready.indexOf(' ', ready.indexOf("http://")));
            final URI base = URI.create(url.substring(0, url.indexOf('#')));
            final HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());

            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped within 60 s");
            assertEquals(0, process.exitValue(), () -> read(err));
        }
        finally
        {
            process.destroyForcibly();
        }
        // the run journaled everything and the journal holds: chain, signatures, every margin verdict re-evaluated
        final List<Path> runs;
        try (var dirs = Files.list(journal.resolve("journal")))
        {
            runs = dirs.toList();
        }
        assertEquals(1, runs.size(), runs.toString());
        final io.deltahedger.hedger.journal.VerificationReport report = new io.deltahedger.hedger.journal.JournalVerifier(
            null).verify(io.deltahedger.hedger.journal.JournalFormat.filesIn(runs.get(0)));
        assertEquals(io.deltahedger.hedger.journal.VerificationReport.OK, report.exitCode(), report.render());
        assertTrue(report.records() > 10 && report.signaturesChecked() > 0, report.render());
        final List<String> lines = Files.readAllLines(err);
        assertFalse(lines.isEmpty());
        final ObjectMapper json = new ObjectMapper();
        boolean sawEngine = false;
        for (final String line : lines)
        {
            final JsonNode node = json.readTree(line);
            assertTrue(node.has("level") && node.has("formattedMessage"), line);
            sawEngine |= node.get("formattedMessage").asText().startsWith("engine hedging");
            assertFalse(line.contains("token="), "the token is never logged: " + line);
        }
        assertTrue(sawEngine, "the engine's start is logged: " + lines);
    }

    @Test
    void theConfigurationFilesLoggingSectionChoosesJsonLogs() throws Exception
    {
        final Path dir = Files.createTempDirectory("deltahedger-run-config");
        final String demo = new String(RunCommandProcessTest.class.getResourceAsStream(
            "/io/deltahedger/config/demo.yaml").readAllBytes(), StandardCharsets.UTF_8);
        final Path config = dir.resolve("desk.yaml");
        Files.writeString(config, demo.replace("port: 8080", "port: 0") + "\nlogging:\n  format: json\n");
        final Path err = dir.resolve("stderr");
        final List<String> command = new java.util.ArrayList<>();
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
        final ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile()).directory(dir.toFile());
        pb.environment().remove("DELTAHEDGER_LOG_FORMAT");
        final Process process = pb.start();
        try
        {
            final String ready = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
            assertNotNull(ready, () -> read(err));
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), () -> read(err));
        }
        finally
        {
            process.destroyForcibly();
        }
        final List<String> lines = Files.readAllLines(err);
        assertFalse(lines.isEmpty());
        for (final String line : lines)
        {
            assertTrue(line.startsWith("{\"timestamp\""), "a JSON log line: " + line);
        }
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
