package io.deltahedger.agent;

import io.deltahedger.agent.bench.TickToDecisionBench;
import io.deltahedger.hedger.pipeline.PipelineWaitStrategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code deltahedger bench}: measurements a user runs on their own machine before trusting the published figures
 * (docs/benchmarks.md).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures the engine on this machine.",
    subcommands = {BenchCommand.Latency.class})
public final class BenchCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    public Integer call()
    {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "bench needs a measurement: 'latency' (tick to gated decision through the hedging pipeline)");
    }

    /** {@code deltahedger bench latency}: the tick-to-decision harness. */
    @Command(
        name = "latency",
        mixinStandardHelpOptions = true,
        description = {
            "Tick-to-decision latency and throughput of the hedging pipeline on this machine: a seeded options book,",
            "market data published one event at a time from the ring's entry until the event leaves the margin gate",
            "(p50, p99, p99.9, max in microseconds), then back to back for events/s.",
            "With --journal DIR every event is also journaled, to measure the journal's cost against a run without it.",
            "Example: deltahedger bench latency --options 500 --underlyings 2 --events 200000 --output json"})
    static final class Latency implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @Option(names = "--options", paramLabel = "N", defaultValue = "500",
            description = "Options in the book, split evenly over the underlyings (default: ${DEFAULT-VALUE}).")
        private int options;

        @Option(names = "--underlyings", paramLabel = "U", defaultValue = "2",
            description = "Hedged underlyings, 1..8: BTC, ETH, SOL, ... (default: ${DEFAULT-VALUE}).")
        private int underlyings;

        @Option(names = "--events", paramLabel = "E", defaultValue = "200000",
            description = "Measured events, for latency and again for throughput, >= 1000 (default: ${DEFAULT-VALUE}).")
        private int events;

        @Option(names = "--warmup", paramLabel = "W", defaultValue = "100000",
            description = "Paced events before measuring, so the JIT has compiled the path (default: ${DEFAULT-VALUE}).")
        private int warmup;

        @Option(names = "--wait-strategy", paramLabel = "SLEEPING|YIELDING|BLOCKING|BUSY_SPIN", defaultValue = "SLEEPING",
            converter = WaitStrategyConverter.class,
            description = "The pipeline's wait strategy (default: ${DEFAULT-VALUE}, the documented default for 2 cores).")
        private PipelineWaitStrategy waitStrategy;

        @Option(names = "--journal", paramLabel = "DIR",
            description = "Journal the run into DIR, a new or empty directory (background signing by a throwaway key), "
                + "to measure the journal's cost; compare with a run without it.")
        private java.nio.file.Path journal;

        @Option(names = "--max-orders-per-minute", paramLabel = "N", defaultValue = "6",
            description = "Each underlying's policy cap on decisions a minute, 1..600 (default: ${DEFAULT-VALUE}, the "
                + "policy default; 600 is a stress run where about 1 event in 2,000 goes through the margin gate).")
        private int maxOrdersPerMinute;

        @Option(names = "--output", defaultValue = "text", converter = OptionArguments.OutputConverter.class,
            paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
        private OptionArguments.Output output;

        public Integer call()
        {
            final TickToDecisionBench.Settings settings;
            try
            {
                settings = new TickToDecisionBench.Settings(options, underlyings, events, warmup, waitStrategy, journal,
                    maxOrdersPerMinute);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
            }
            final TickToDecisionBench.Result r = new TickToDecisionBench(settings).run();
            final QuantityReport report = new QuantityReport()
                .add("options", options, "options in the book")
                .add("underlyings", underlyings, "hedged underlyings")
                .add("events", events, "measured events (latency run; the throughput run sends as many again)")
                .add("wait_strategy", waitStrategy.name(), "")
                .add("journal", journal == null ? "off" : journal.toString(), "journal directory, or off")
                .add("p50_us", r.p50Us(), "microseconds, ring entry to margin-gate exit")
                .add("p99_us", r.p99Us(), "microseconds")
                .add("p999_us", r.p999Us(), "microseconds")
                .add("max_us", r.maxUs(), "microseconds")
                .add("events_per_second", r.eventsPerSecond(), "market-data events/s with the ring full")
                .add("max_orders_per_minute", maxOrdersPerMinute, "policy cap per underlying")
                .add("gated_events", r.gatedEvents(), "events whose decision went through admission and the margin gate")
                .add("gated_p50_us", r.gatedP50Us(), "microseconds, median of those")
                .add("gated_max_us", r.gatedMaxUs(), "microseconds, the slowest of those")
                .add("bytes_per_event", r.bytesPerEvent(), "bytes allocated per event, publisher + stage threads")
                .add("journal_records", r.journalRecords(), "records journaled (warm-up and both runs)")
                .add("journal_bytes", r.journalBytes(), "bytes of journal files")
                .add("cpus", Runtime.getRuntime().availableProcessors(), "available processors")
                .add("jdk", Runtime.version().toString(), "");
            for (final Map.Entry<String, Long> e : r.results().entrySet())
            {
                if (e.getValue() > 0)
                {
                    report.add("outcome_" + e.getKey().toLowerCase(Locale.ROOT), e.getValue(), "events");
                }
            }
            report.print(spec.commandLine().getOut(), output);
            if (r.halted())
            {
                spec.commandLine().getErr().println("error: a pipeline stage failed during the run (see the log): "
                    + "the figures are not trustworthy");
                return 1;
            }
            return 0;
        }
    }

    static final class WaitStrategyConverter implements CommandLine.ITypeConverter<PipelineWaitStrategy>
    {
        public PipelineWaitStrategy convert(final String value)
        {
            for (final PipelineWaitStrategy s : PipelineWaitStrategy.values())
            {
                if (s.name().equalsIgnoreCase(value))
                {
                    return s;
                }
            }
            throw new CommandLine.TypeConversionException("unknown wait strategy '" + value + "': allowed are "
                + java.util.Arrays.toString(PipelineWaitStrategy.values()));
        }
    }
}
