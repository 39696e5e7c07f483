package io.deltahedger.agent.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Debian's headless Chromium driven through Debian's chromedriver with the W3C WebDriver protocol (JSON over HTTP on
 * loopback; no browser download, no Selenium). {@code .ci/run} installs both packages; the flags are the ones this
 * machine's closed network needs (no background networking, component updates or sync).
 */
public final class HeadlessChromium implements AutoCloseable
{
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final Path profile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String session;

    /** True when both Debian packages are installed (CI installs them; see .ci/run). */
    public static boolean installed()
    {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public HeadlessChromium() throws Exception
    {
        final int port;
        try (ServerSocket socket = new ServerSocket(0))
        {
            port = socket.getLocalPort();
        }
        profile = Files.createTempDirectory("deltahedger-chromium");
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true).redirectOutput(profile.resolve("chromedriver.log").toFile()).start();
        base = URI.create("http://127.0.0.1:" + port + "/");
        waitForDriver();
        final ObjectNode options = JSON.createObjectNode();
        options.put("binary", CHROMIUM.toString());
        options.putPOJO("args", List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--user-data-dir=" + profile.resolve("profile")));
        final ObjectNode capabilities = JSON.createObjectNode();
        capabilities.putObject("capabilities").putObject("alwaysMatch").set("goog:chromeOptions", options);
        session = call("POST", "session", capabilities).get("sessionId").asText();
    }

    private void waitForDriver() throws Exception
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true)
        {
            try
            {
                final HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("status")).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && JSON.readTree(r.body()).at("/value/ready").asBoolean())
                {
                    return;
                }
            }
            catch (final IOException notYet)
            {
                // the driver is still starting
            }
            if (System.nanoTime() > deadline || !driver.isAlive())
            {
                throw new IllegalStateException("chromedriver did not start: see " + profile.resolve("chromedriver.log"));
            }
            Thread.sleep(50);
        }
    }

    private JsonNode call(final String method, final String path, final JsonNode body) throws Exception
    {
        final HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
        final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        final JsonNode value = JSON.readTree(response.body()).get("value");
        if (response.statusCode() != 200)
        {
            throw new IllegalStateException("WebDriver " + method + " " + path + " failed: " + value);
        }
        return value;
    }

    private JsonNode sessionCall(final String method, final String path, final JsonNode body) throws Exception
    {
        return call(method, "session/" + session + "/" + path, body);
    }

    /** Opens a page. */
    public void open(final URI page) throws Exception
    {
        final ObjectNode body = JSON.createObjectNode().put("url", page.toString());
        sessionCall("POST", "url", body);
    }

    /** Runs a script in the page and returns its JSON result. */
    public JsonNode script(final String script) throws Exception
    {
        final ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putArray("args");
        return sessionCall("POST", "execute/sync", body);
    }

    /** The visible text of the first element matching a CSS selector. */
    public String text(final String css) throws Exception
    {
        return sessionCall("GET", "element/" + find(css) + "/text", null).asText();
    }

    /** Clicks the first element matching a CSS selector. */
    public void click(final String css) throws Exception
    {
        sessionCall("POST", "element/" + find(css) + "/click", JSON.createObjectNode());
    }

    private String find(final String css) throws Exception
    {
        final ObjectNode body = JSON.createObjectNode().put("using", "css selector").put("value", css);
        final JsonNode found = sessionCall("POST", "element", body);
        if (found == null || !found.has(ELEMENT))
        {
            throw new IllegalStateException("no element '" + css + "': " + found);
        }
        return found.get(ELEMENT).asText();
    }

    /** Polls {@link #text} until the condition holds or the timeout passes; returns the last text seen. */
    public String awaitText(final String css, final Predicate<String> condition, final Duration timeout) throws Exception
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline)
        {
            try
            {
                last = text(css);
                if (condition.test(last))
                {
                    return last;
                }
            }
            catch (final IllegalStateException notThereYet)
            {
                last = notThereYet.getMessage();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + css + "' did not reach the expected text within " + timeout + "; last: " + last);
    }

    @Override
    public void close() throws Exception
    {
        try
        {
            call("DELETE", "session/" + session, null);
        }
        finally
        {
            driver.destroy();
            driver.waitFor();
            try (var files = Files.walk(profile))
            {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
