package io.deltahedger.agent;

import io.deltahedger.backtest.generate.BookFormat;
import io.deltahedger.backtest.generate.GenerationSummary;
import io.deltahedger.backtest.generate.GeneratorConfig;
import io.deltahedger.backtest.generate.MarketGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code deltahedger generate}: writes a seeded synthetic market as Tardis-format gzipped CSV files (docs/backtest.md,
 * "Synthetic data").
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
        "Writes a seeded synthetic market as Tardis-format gzipped CSV files, one per data type and UTC day: "
            + "options_chain (a Deribit-style chain priced on an SSVI surface), and book_snapshot_25 and/or "
            + "incremental_book_L2, derivative_ticker and trades of the perpetual. The same arguments write the same "
            + "bytes.",
        "Intervals are " + DurationText.ALLOWED + ". With an interval that is not a whole number of seconds the "
            + "market steps every 100 ms (otherwise every second) and every interval must be a multiple of 100 ms."},
    footer = {"", "Example: deltahedger generate --model heston --days 1 --seed 7 --out data/synthetic"})
final class GenerateCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, converter = SyntheticModelArguments.SyntheticConverter.class,
        paramLabel = "gbm|heston|jump", description = "Price process of the index.")
    SyntheticModelArguments.Synthetic model;

    @Option(names = "--days", required = true, paramLabel = "D", description = "UTC days to generate, 1 to 3660.")
    int days;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write (created).")
    Path out;

    @Option(names = "--start", defaultValue = "2026-01-01", paramLabel = "YYYY-MM-DD",
        description = "First UTC day. Default: ${DEFAULT-VALUE}.")
    String start;

    @Option(names = "--currency", defaultValue = "BTC", paramLabel = "COIN",
        description = "Coin of the instruments (BTC-PERPETUAL, BTC-27DEC24-60000-C). Default: ${DEFAULT-VALUE}.")
    String currency;

    @Option(names = "--spot", defaultValue = "60000", paramLabel = "S",
        description = "Index price at the start, USD. Default: ${DEFAULT-VALUE}.")
    double spot;

    @Option(names = "--vol", defaultValue = "0.6", paramLabel = "V",
        description = "Volatility per year (GBM vol, Merton diffusion vol, Heston default sqrt(v0) and sqrt(theta)). "
            + "Default: ${DEFAULT-VALUE}.")
    double vol;

    @Option(names = "--drift", defaultValue = "0", paramLabel = "MU",
        description = "Expected return of the index per year. Default: ${DEFAULT-VALUE}.")
    double drift;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "R",
        description = "USD rate per year in the options' forwards F = S exp(R T). Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--skew", defaultValue = "-0.25", paramLabel = "RHO",
        description = "Smile skew, SSVI rho in (-1, 1); negative makes puts richer. Default: ${DEFAULT-VALUE}.")
    double skew;

    @Option(names = "--smile-curvature", defaultValue = "1.0", paramLabel = "ETA",
        description = "Smile wing steepness, SSVI eta > 0 with eta (1 + |rho|) <= 2. Default: ${DEFAULT-VALUE}.")
    double smileCurvature;

    @Option(names = "--chain-interval", defaultValue = "5m", converter = DurationText.Converter.class,
        paramLabel = "DURATION", description = "options_chain snapshot interval. Default: ${DEFAULT-VALUE}.")
    Duration chainInterval;

    @Option(names = "--book-interval", defaultValue = "10s", converter = DurationText.Converter.class,
        paramLabel = "DURATION",
        description = "Perpetual book interval (both book formats). Default: ${DEFAULT-VALUE}.")
    Duration bookInterval;

    @Option(names = "--ticker-interval", defaultValue = "10s", converter = DurationText.Converter.class,
        paramLabel = "DURATION", description = "Perpetual derivative_ticker interval. Default: ${DEFAULT-VALUE}.")
    Duration tickerInterval;

    @Option(names = "--trades-per-minute", defaultValue = "30", paramLabel = "N",
        description = "Expected perpetual trades per minute. Default: ${DEFAULT-VALUE}.")
    double tradesPerMinute;

    @Option(names = "--perpetual-tick", defaultValue = "0.5", paramLabel = "USD",
        description = "Price tick of the perpetual. Default: ${DEFAULT-VALUE} (Deribit BTC-PERPETUAL).")
    double perpetualTick;

    @Option(names = "--book", defaultValue = "book_snapshot_25", converter = BookFormatConverter.class,
        paramLabel = "book_snapshot_25|incremental_book_L2|both",
        description = "Perpetual book files to write. Default: ${DEFAULT-VALUE}.")
    BookFormat bookFormat;

    @Mixin
    SyntheticModelArguments models;

    static final class BookFormatConverter implements CommandLine.ITypeConverter<BookFormat>
    {
        public BookFormat convert(final String value)
        {
            switch (value)
            {
                case "book_snapshot_25":
                    return BookFormat.SNAPSHOT_25;
                case "incremental_book_L2":
                    return BookFormat.INCREMENTAL_L2;
                case "both":
                    return BookFormat.BOTH;
                default:
                    throw new CommandLine.TypeConversionException("unknown book format '" + value
                        + "': allowed are book_snapshot_25, incremental_book_L2, both");
            }
        }
    }

    @Override
    public Integer call() throws IOException
    {
        final CommandLine commandLine = spec.commandLine();
        final LocalDate startDate;
        try
        {
            startDate = LocalDate.parse(start);
        }
        catch (final DateTimeParseException ex)
        {
            throw new CommandLine.ParameterException(commandLine,
                "invalid --start '" + start + "': must be a date YYYY-MM-DD, e.g. 2026-01-01");
        }
        if (days < 1 || days > 3_660)
        {
            throw new CommandLine.ParameterException(commandLine,
                "invalid --days " + days + ": must be a whole number of UTC days from 1 to 3660");
        }
        OptionArguments.positive(commandLine, "--spot", spot);
        SyntheticModelArguments.requireVol(commandLine, vol);
        OptionArguments.finite(commandLine, "--drift", drift, "an expected return per year, e.g. 0.05");
        final GeneratorConfig config;
        try
        {
            config = new GeneratorConfig(models.build(commandLine, "--model", model, drift, vol), seed, startDate,
                days, currency, spot, rate, skew, smileCurvature, stepMillis(), chainInterval.toMillis(),
                bookInterval.toMillis(), tickerInterval.toMillis(), tradesPerMinute, perpetualTick, bookFormat);
        }
        catch (final IllegalArgumentException ex)
        {
            // The configuration's own checks name the setting and the value; the options carry the same names.
            throw new CommandLine.ParameterException(commandLine, "invalid arguments: " + ex.getMessage());
        }
        final GenerationSummary summary = MarketGenerator.generate(config, out);
        final var printer = commandLine.getOut();
        for (final Path file : summary.files())
        {
            printer.println(file);
        }
        printer.printf(java.util.Locale.ROOT, "%d options_chain, %d book_snapshot_25, %d incremental_book_L2, %d "
                + "derivative_ticker and %d trades rows over %d day(s); index %.2f -> %.2f%n", summary.chainRows(),
            summary.bookRows(), summary.incrementalBookRows(), summary.tickerRows(), summary.tradeRows(), days,
            summary.firstIndex(), summary.lastIndex());
        printer.flush();
        return 0;
    }

    /**
     * The market's time step: one second, or 100 ms when an interval is not a whole number of seconds (a feed at
     * Deribit's 100 ms cadence); the generator's intervals must be multiples of it.
     */
    private long stepMillis()
    {
        for (final Duration d : new Duration[] {chainInterval, bookInterval, tickerInterval})
        {
            if (d.toMillis() % 1_000 != 0)
            {
                return 100L;
            }
        }
        return 1_000L;
    }
}
