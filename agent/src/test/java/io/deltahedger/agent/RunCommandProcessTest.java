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
        final ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--http-port", "0")
            .redirectError(err.toFile());
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
