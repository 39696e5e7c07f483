package io.deltahedger.agent;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The product's one command line. Each subcommand is a class of its own in this package; this class only lists
 * them, so {@code java -jar deltahedger.jar --help} shows what the product can do.
 */
@Command(
    name = "deltahedger",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Autonomous delta hedging for crypto options books.",
    subcommands = {
        CommandLine.HelpCommand.class,
        RunCommand.class,
        PriceCommand.class,
        ImpliedVolCommand.class,
        SimulatorCommand.class,
        BenchCommand.class,
        BacktestCommand.class,
        GenerateCommand.class,
        VerifyCommand.class,
    })
public final class Main
{
    public static void main(final String[] args)
    {
        // Chronicle (the journal) would otherwise phone home and announce itself; java -jar cannot pass -D flags
        System.setProperty("chronicle.analytics.disable", System.getProperty("chronicle.analytics.disable", "true"));
        System.setProperty("chronicle.announcer.disable", System.getProperty("chronicle.announcer.disable", "true"));
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting the JVM, so tests can call it.
     *
     * @return the process exit code: 0 on success, 2 for bad arguments, 1 for a failure while running.
     */
    public static int execute(final String... args)
    {
        return run(newCommandLine(), args);
    }

    /**
     * Runs the command line with the given output and error streams (for tests and embedding).
     *
     * @return the process exit code, as {@link #execute(String...)}.
     */
    public static int execute(final java.io.PrintWriter out, final java.io.PrintWriter err, final String... args)
    {
        final CommandLine commandLine = newCommandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return run(commandLine, args);
    }

    /**
     * Executes and flushes both streams: a command that ends on {@code print} rather than {@code println} (a sweep's
     * table) would otherwise leave its output in the writer's buffer, never shown.
     */
    private static int run(final CommandLine commandLine, final String... args)
    {
        try
        {
            return commandLine.execute(args);
        }
        finally
        {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    static CommandLine newCommandLine()
    {
        final CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }

    static final class Version implements CommandLine.IVersionProvider
    {
        public String[] getVersion()
        {
            final String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"deltahedger " + (version == null ? "development build" : version)};
        }
    }

    /**
     * A bad argument prints its message (which names the argument, the value and what is allowed) and a pointer to
     * the command's help, not the whole usage text that would bury the message; exit code 2.
     */
    static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler
    {
        public int handleParseException(final CommandLine.ParameterException ex, final String[] args)
        {
            final CommandLine commandLine = ex.getCommandLine();
            commandLine.getErr().println("error: " + ex.getMessage());
            commandLine.getErr().println(
                "Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
            return commandLine.getCommandSpec().exitCodeOnInvalidInput();
        }
    }

    /**
     * An exception escaping a command is a failure while running, not a usage error: print its message once,
     * without a stack trace, and exit 1.
     */
    static final class FailureHandler implements CommandLine.IExecutionExceptionHandler
    {
        public int handleExecutionException(
            final Exception ex, final CommandLine commandLine, final CommandLine.ParseResult parseResult)
        {
            commandLine.getErr().println("error: " + ex.getMessage());
            return 1;
        }
    }
}
