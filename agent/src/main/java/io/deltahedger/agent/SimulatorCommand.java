package io.deltahedger.agent;

import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.config.time.EpochClock;
import io.deltahedger.venues.simulator.SimulatorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deltahedger simulator}: runs the embedded Deribit-compatible exchange on loopback until SIGINT or SIGTERM.
 * Prints the WebSocket and HTTP addresses (with the real port when {@code --port 0} asked for an ephemeral one).
 */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the embedded Deribit-compatible exchange simulator on 127.0.0.1 until interrupted.",
        "Deribit API v2 JSON-RPC over WebSocket at /ws/api/v2 and over HTTP at /api/v2/{method}.",
        "Default API key: client id '" + SimulatorConfig.DEMO_CLIENT_ID + "', secret '"
            + SimulatorConfig.DEMO_CLIENT_SECRET + "' (a public demo credential; see docs/simulator.md)."})
public final class SimulatorCommand implements Callable<Integer>
{
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "N",
        description = "TCP port to listen on; 0 picks a free port and prints it.")
    private int port;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
        description = "Seed of the market, tokens and faults (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--client-id", paramLabel = "ID", description = "API client id (default: the demo key).")
    private String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET", description = "API client secret (default: the demo key).")
    private String clientSecret;

    public Integer call()
    {
        if ((clientId == null) != (clientSecret == null))
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--client-id and --client-secret go together: pass both, or neither for the demo key");
        }
        if (port < 0 || port > 65_535)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--port must be in [0, 65535] (0 = ephemeral) but was " + port);
        }
        SimulatorConfig config = SimulatorConfig.defaults().withPort(port).withSeed(seed);
        if (clientId != null)
        {
            config = config.withCredentials(clientId, clientSecret);
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (ExchangeSimulator simulator = ExchangeSimulator.start(config, EpochClock.system()))
        {
            // On SIGINT/SIGTERM the JVM runs this hook and halts when it returns: let the command close the server
            // (sockets, event loops) first.
            final Thread hook = new Thread(this::stopAndAwaitClose, "simulator-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("deltahedger simulator listening on " + simulator.webSocketUri() + " and " + simulator.httpUri()
                + " (port " + simulator.port() + ", seed " + seed + ", client id " + config.clientId() + ")");
            out.flush();
            stopped.await();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException alreadyShuttingDown)
            {
                // The JVM is exiting because of SIGINT/SIGTERM: the hook has run, nothing to remove.
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            closed.countDown();
        }
        out.println("deltahedger simulator stopped");
        out.flush();
        return 0;
    }

    private void stopAndAwaitClose()
    {
        stopped.countDown();
        try
        {
            closed.await(SHUTDOWN_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops a running simulator as SIGINT would (for tests and embedding). */
    void stop()
    {
        stopped.countDown();
    }
}
