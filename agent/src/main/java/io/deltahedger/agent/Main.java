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
        SimulatorCommand.class,
    })
public final class Main
{
    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting the JVM, so tests can call it.
     *
     * @return the process exit code: 0 on success, 2 for bad arguments, 1 for a failure while running.
     */
    public static int execute(final String... args)
    {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine()
    {
        final CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
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
