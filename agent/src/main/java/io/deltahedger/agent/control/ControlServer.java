package io.deltahedger.agent.control;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control plane's HTTP server (Micronaut on Netty): health, API, metrics and dashboard over one port, bound to
 * 127.0.0.1 unless configured otherwise. Paths are listed in docs/operations.md.
 */
public final class ControlServer implements AutoCloseable
{
    /** Largest request body accepted, bytes: control bodies are a few hundred bytes. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final ApplicationContext context;
    private final EmbeddedServer server;

    private ControlServer(final ApplicationContext context, final EmbeddedServer server)
    {
        this.context = context;
        this.server = server;
    }

    /**
     * Starts the server.
     *
     * @param plane    the running agent
     * @param token    the API token
     * @param bindHost the address to bind, e.g. {@code 127.0.0.1}
     * @param port     the port, 0 for a free one (see {@link #uri()})
     */
    public static ControlServer start(final ControlPlane plane, final ApiToken token, final String bindHost, final int port)
    {
        if (plane == null || token == null || bindHost == null || bindHost.isBlank())
        {
            throw new IllegalArgumentException("the control server needs the agent, a token and a bind address");
        }
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException("control port must be 0..65535 (0 picks a free one), got " + port);
        }
        final Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.host", bindHost);
        properties.put("micronaut.server.port", port == 0 ? -1 : port);
        properties.put("micronaut.server.max-request-size", MAX_REQUEST_BYTES);
        properties.put("micronaut.application.name", "deltahedger");
        // every field of a status document is always present (Micronaut's default drops empty lists and strings)
        properties.put("jackson.serialization-inclusion", "ALWAYS");
        final ApplicationContext context = ApplicationContext.builder()
            .banner(false)
            .deduceEnvironment(false)
            .properties(properties)
            .singletons(plane, token)
            .start();
        try
        {
            final EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            return new ControlServer(context, server);
        }
        catch (final RuntimeException e)
        {
            context.close();
            throw new IllegalStateException("could not start the control server on " + bindHost + ":" + port + ": "
                + e.getMessage() + " (is the port in use? choose another with --http-port)", e);
        }
    }

    /** {@code http://host:port/}. */
    public URI uri()
    {
        return URI.create("http://" + hostForUri() + ":" + server.getPort() + "/");
    }

    public int port()
    {
        return server.getPort();
    }

    private String hostForUri()
    {
        final String host = server.getHost();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public void close()
    {
        server.stop();
        context.close();
    }
}
