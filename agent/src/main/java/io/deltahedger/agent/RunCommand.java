package io.deltahedger.agent;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.deltahedger.agent.daemon.Daemon;
import io.deltahedger.config.daemon.LoggingSettings;
import org.slf4j.LoggerFactory;
import io.deltahedger.config.ConfigException;
import io.deltahedger.config.ConfigLoader;
import io.deltahedger.config.DeltahedgerConfig;
import io.deltahedger.config.time.EpochClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deltahedger run}: the long-running hedging agent. Without {@code --config} it runs the built-in demo (the
 * embedded simulator and a demo options book, paper trading, no keys). Prints one ready line with the dashboard's
 * address once every venue is live and the control plane listens; SIGTERM or Ctrl-C shuts it down gracefully.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the hedging agent until SIGTERM or Ctrl-C. Without --config: the demo (embedded simulator, demo book).",
        "Prints 'deltahedger ready: dashboard <url>' when hedging; logs go to stderr. See docs/operations.md."})
public final class RunCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The YAML configuration (docs/configuration.md).")
    private Path config;

    @Option(names = "--http-port", paramLabel = "N",
        description = "The control plane's port, overriding control.port (0: any free port).")
    private Integer httpPort;

    @Option(names = "--cancel-all-on-exit",
        description = "On SIGTERM, after the groups in flight end, cancel every open order on every venue account.")
    private boolean cancelAllOnExit;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * Applies the configuration's {@code logging} section by reconfiguring Logback from the agent's logback.xml with
     * the format and level as context properties. The environment variables DELTAHEDGER_LOG_FORMAT and
     * DELTAHEDGER_LOG_LEVEL, when set, win over the file (an operator's override for one run).
     */
    static void applyLogging(final LoggingSettings logging)
    {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context))
        {
            return;
        }
        final String format = System.getenv("DELTAHEDGER_LOG_FORMAT");
        final String level = System.getenv("DELTAHEDGER_LOG_LEVEL");
        final JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset(); // also clears the context's properties: set them after
        context.putProperty("DELTAHEDGER_LOG_FORMAT", format != null ? format : logging.format().word());
        context.putProperty("DELTAHEDGER_LOG_LEVEL", level != null ? level : logging.level().name());
        try
        {
            configurator.doConfigure(RunCommand.class.getResource("/logback.xml"));
        }
        catch (final JoranException e)
        {
            throw new IllegalStateException("could not apply logging settings: " + e.getMessage(), e);
        }
    }

    public Integer call() throws Exception
    {
        if (httpPort != null && (httpPort < 0 || httpPort > 65_535))
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--http-port must be 0..65535 (0 picks a free port), got " + httpPort);
        }
        final DeltahedgerConfig settings;
        if (config == null)
        {
            settings = DeltahedgerConfig.demo();
        }
        else
        {
            if (!Files.isRegularFile(config))
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--config " + config
                    + ": no such file; give the path of a YAML configuration (docs/configuration.md)");
            }
            try
            {
                settings = ConfigLoader.load(config);
            }
            catch (final ConfigException e)
            {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
        }
        applyLogging(settings.logging());
        final Daemon daemon = Daemon.start(settings, httpPort, System::getenv, EpochClock.system());
        final Thread hook = new Thread(() ->
        {
            int status = 0;
            try
            {
                daemon.close(cancelAllOnExit);
            }
            catch (final RuntimeException e)
            {
                status = 1;
                spec.commandLine().getErr().println("error: shutdown did not complete cleanly: " + e);
            }
            stopped.countDown();
            System.out.flush();
            System.err.flush();
            // a graceful stop on SIGTERM is a success: exit 0, not the JVM's 143 (the daemon closed everything above)
            Runtime.getRuntime().halt(status);
        }, "deltahedger-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        final long readyMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        spec.commandLine().getOut().println("deltahedger ready in " + readyMs + " ms: dashboard " + daemon.dashboardUri()
            + (daemon.generatedToken() ? "  (API token generated for this run: set DELTAHEDGER_API_TOKEN to choose one)"
            : ""));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
