package io.deltahedger.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.BufferedReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class SimulatorCommandTest
{
    @Test
    void startsOnAnEphemeralPortPrintsItAndAnswersDeribitRequests() throws Exception
    {
        final SimulatorCommand command = new SimulatorCommand();
        final CommandLine commandLine = new CommandLine(command);
        final PipedWriter pipe = new PipedWriter();
        final BufferedReader output = new BufferedReader(new PipedReader(pipe));
        commandLine.setOut(new PrintWriter(pipe, true));
        final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
            () -> commandLine.execute("--port", "0", "--seed", "5", "--client-id", "me", "--client-secret", "s3cret"));

        final String line = output.readLine();
        final Matcher matcher = Pattern.compile("port (\\d+)").matcher(line);
        assertTrue(matcher.find(), line);
        final int port = Integer.parseInt(matcher.group(1));
        assertTrue(port > 0);
        assertTrue(line.contains("ws://127.0.0.1:" + port + "/ws/api/v2"), line);

        final HttpClient http = HttpClient.newHttpClient();
        final HttpResponse<String> auth = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/v2/public/auth?grant_type=client_credentials&client_id=me&client_secret=s3cret")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, auth.statusCode(), auth.body());
        assertTrue(auth.body().contains("access_token"));

        command.stop();
        assertEquals(0, exit.get());
    }

    @Test
    void clientIdWithoutSecretIsAUsageError()
    {
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = Main.newCommandLine();
        commandLine.setErr(new PrintWriter(err));
        assertEquals(2, commandLine.execute("simulator", "--port", "0", "--client-id", "me"));
        assertTrue(err.toString().contains("--client-id and --client-secret go together"), err.toString());
    }
}
