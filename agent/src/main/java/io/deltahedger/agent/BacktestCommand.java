package io.deltahedger.agent;

import io.deltahedger.backtest.montecarlo.DistributionSummary;
import io.deltahedger.backtest.montecarlo.HedgedPosition;
import io.deltahedger.backtest.montecarlo.HedgingStudy;
import io.deltahedger.backtest.montecarlo.HedgingStudyResult;
import io.deltahedger.backtest.montecarlo.HedgingStudySpec;
import io.deltahedger.greeks.pricing.OptionType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code deltahedger backtest}: the Monte Carlo hedging study on a synthetic market ({@code --synthetic}), or the
 * historical backtest of Tardis files through the hedging pipeline ({@code --data}, {@link HistoricalBacktest});
 * docs/backtest.md.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
        "Monte Carlo hedging study: writes (or buys) one European option at its Black-Scholes-Merton price, "
            + "delta-hedges it at every rebalance with the pricer's delta, and reports the distribution of the cost "
            + "of writing (buying) and hedging it and of the hedged P&L, discounted to today (docs/backtest.md).",
        "Historical backtest: --data FILE|DIR... replays Tardis files, --journal DIR the agent's own journal, through the "
            + "real hedging pipeline with a simulated Deribit account (docs/backtest.md, \"Historical backtest\")."},
    footer = {"", "Example (Hull's 20-week call, hedged weekly): deltahedger backtest --synthetic gbm --type call "
        + "--position short --spot 49 --strike 50 --rate 0.05 --vol 0.2 --drift 0.13 --expiry 20w "
        + "--rebalance-interval 1w --paths 10000 --seed 1 --output json",
        "Example (historical): deltahedger backtest --data backtest/src/main/resources/sample --book-rule short-strangle "
            + "--delta 0.25 --coins 5 --band 0.5coin --latency-ms 50 --output-dir out/backtest"})
final class BacktestCommand implements Callable<Integer>
{
    /** Most paths one study may simulate: a study keeps 48 bytes a path for its statistics (480 MB at the limit). */
    static final int MAX_PATHS = 10_000_000;

    static final class PositionConverter implements CommandLine.ITypeConverter<HedgedPosition>
    {
        public HedgedPosition convert(final String value)
        {
            switch (value.toLowerCase(Locale.ROOT))
            {
                case "short":
                case "write":
                    return HedgedPosition.SHORT;
                case "long":
                case "buy":
                    return HedgedPosition.LONG;
                default:
                    throw new CommandLine.TypeConversionException(
                        "unknown position '" + value + "': allowed are short (write the option), long (buy it)");
            }
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--synthetic", converter = SyntheticModelArguments.SyntheticConverter.class,
        paramLabel = "gbm|heston|jump",
        description = "Synthetic market: gbm (exact geometric Brownian motion at --vol), heston (stochastic vol, the "
            + "option still priced and hedged with BSM at --vol), jump (Merton jump-diffusion, diffusion at --vol).")
    SyntheticModelArguments.Synthetic synthetic;

    @Option(names = "--type", converter = OptionArguments.TypeConverter.class,
        paramLabel = "call|put", description = "Option type.")
    OptionType type;

    @Option(names = "--position", converter = PositionConverter.class, paramLabel = "short|long",
        description = "short: write the option and hedge it; long: buy it and hedge it.")
    HedgedPosition position;

    @Option(names = "--spot", paramLabel = "S", description = "Initial price of the underlying.")
    Double spot;

    @Option(names = "--strike", paramLabel = "K", description = "Strike, in the unit of --spot.")
    Double strike;

    @Option(names = "--rate", paramLabel = "R",
        description = "Continuously compounded rate per year for discounting and cash (0.05 = 5%%).")
    Double rate;

    @Option(names = "--vol", paramLabel = "V",
        description = "Volatility per year the option is priced and hedged at, and the GBM's vol (0.6 = 60%%).")
    Double vol;

    @Option(names = "--drift", paramLabel = "MU",
        description = "Real-world expected return of the underlying per year (0.13 = 13%%).")
    Double drift;

    @Option(names = "--expiry", converter = DurationText.YearsConverter.class,
        paramLabel = "YEARS|DURATION", description = "Time to expiry: years (0.25, ACT/365) or a duration (20w, 90d).")
    Double expiryYears;

    @Option(names = "--rebalance-interval", converter = DurationText.Converter.class,
        paramLabel = "DURATION", description = "Time between rebalances: 1w, 1d, 4h, 30m, ... (ACT/365).")
    Duration rebalanceInterval;

    @Option(names = "--paths", paramLabel = "N", description = "Number of simulated paths, >= 2.")
    Integer paths;

    @Option(names = "--seed", paramLabel = "SEED",
        description = "Random seed: the same seed gives the same figures on any number of threads.")
    Long seed;

    @Option(names = "--cost-bps", defaultValue = "0", paramLabel = "C",
        description = "Proportional cost of each hedge trade, basis points of its notional. Default: ${DEFAULT-VALUE}.")
    double costBps;

    @Option(names = "--threads", paramLabel = "N",
        description = "Threads to simulate on. Default: all available processors.")
    Integer threads;

    @Option(names = "--output", defaultValue = "text", converter = OptionArguments.OutputConverter.class,
        paramLabel = "text|json", description = "Output format. Default: ${DEFAULT-VALUE}.")
    OptionArguments.Output output;

    @Mixin
    SyntheticModelArguments models;

    @Mixin
    HistoricalBacktest historical;

    /** The study's options, required with --synthetic (picocli cannot require them for one mode only). */
    private void requireForSynthetic(final CommandLine commandLine)
    {
        final java.util.List<String> missing = new java.util.ArrayList<>();
        if (type == null)
        {
            missing.add("'--type=call|put'");
        }
        if (position == null)
        {
            missing.add("'--position=short|long'");
        }
        if (spot == null)
        {
            missing.add("'--spot=S'");
        }
        if (strike == null)
        {
            missing.add("'--strike=K'");
        }
        if (rate == null)
        {
            missing.add("'--rate=R'");
        }
        if (vol == null)
        {
            missing.add("'--vol=V'");
        }
        if (drift == null)
        {
            missing.add("'--drift=MU'");
        }
        if (expiryYears == null)
        {
            missing.add("'--expiry=YEARS|DURATION'");
        }
        if (rebalanceInterval == null)
        {
            missing.add("'--rebalance-interval=DURATION'");
        }
        if (paths == null)
        {
            missing.add("'--paths=N'");
        }
        if (seed == null)
        {
            missing.add("'--seed=SEED'");
        }
        if (!missing.isEmpty())
        {
            throw new CommandLine.ParameterException(commandLine, "Missing required option" + (missing.size() > 1 ? "s" : "")
                + " for --synthetic: " + String.join(", ", missing));
        }
    }

    /** The study's options make no sense in a historical backtest: refused rather than ignored. */
    private void requireAbsentForHistorical(final CommandLine commandLine)
    {
        final Object[][] study = {{"--type", type}, {"--position", position}, {"--spot", spot}, {"--strike", strike},
            {"--rate", rate}, {"--vol", vol}, {"--drift", drift}, {"--expiry", expiryYears},
            {"--rebalance-interval", rebalanceInterval}, {"--paths", paths}, {"--seed", seed}, {"--threads", threads}};
        for (final Object[] o : study)
        {
            if (o[1] != null)
            {
                throw new CommandLine.ParameterException(commandLine, o[0] + " belongs to the Monte Carlo study "
                    + "(--synthetic); a historical backtest (--data) takes its book from --book or --book-rule: drop "
                    + o[0]);
            }
        }
    }

    @Override
    public Integer call()
    {
        final CommandLine commandLine = spec.commandLine();
        if (synthetic == null)
        {
            if (historical.data == null && historical.journal == null)
            {
                throw new CommandLine.ParameterException(commandLine, "missing --data, --journal or --synthetic: give "
                    + "--data FILE|DIR... for a historical backtest on Tardis files, --journal DIR to replay the agent's "
                    + "own journal, or --synthetic gbm|heston|jump for a Monte Carlo hedging study");
            }
            requireAbsentForHistorical(commandLine);
            return historical.run(commandLine, output);
        }
        if (historical.given())
        {
            throw new CommandLine.ParameterException(commandLine, "--synthetic runs a Monte Carlo study and takes no "
                + historical.firstGiven() + "; drop it, or drop --synthetic for a historical backtest");
        }
        requireForSynthetic(commandLine);
        final HedgingStudySpec study = study(commandLine);
        final int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        final HedgingStudyResult result = HedgingStudy.run(study, threadCount);
        report(study, result).print(commandLine.getOut(), output);
        return 0;
    }

    private HedgingStudySpec study(final CommandLine commandLine)
    {
        OptionArguments.positive(commandLine, "--spot", spot);
        OptionArguments.positive(commandLine, "--strike", strike);
        OptionArguments.finite(commandLine, "--rate", rate, "a continuously compounded rate per year, e.g. 0.05");
        OptionArguments.finite(commandLine, "--drift", drift, "an expected return per year, e.g. 0.13");
        SyntheticModelArguments.requireVol(commandLine, vol);
        if (!(expiryYears > 0.0 && expiryYears <= 100.0))
        {
            throw new CommandLine.ParameterException(commandLine,
                "invalid --expiry " + expiryYears + ": must be > 0 and <= 100 years (0.25, or a duration: 20w, 90d)");
        }
        final double intervalYears = DurationText.years(rebalanceInterval);
        if (intervalYears > expiryYears * (1.0 + 1e-9))
        {
            throw new CommandLine.ParameterException(commandLine, "invalid --rebalance-interval " + rebalanceInterval
                + " (" + intervalYears + " years): longer than --expiry " + expiryYears + " years; rebalance at "
                + "least once before expiry");
        }
        if (expiryYears / intervalYears > HedgingStudySpec.MAX_REBALANCES)
        {
            throw new CommandLine.ParameterException(commandLine, "invalid --rebalance-interval " + rebalanceInterval
                + ": " + Math.round(expiryYears / intervalYears) + " rebalances per path, more than "
                + HedgingStudySpec.MAX_REBALANCES + "; use a longer interval");
        }
        if (paths < 2 || paths > MAX_PATHS)
        {
            throw new CommandLine.ParameterException(commandLine,
                "invalid --paths " + paths + ": must be between 2 and " + MAX_PATHS);
        }
        if (!(costBps >= 0.0 && costBps < 10_000.0))
        {
            throw new CommandLine.ParameterException(commandLine,
                "invalid --cost-bps " + costBps + ": must be >= 0 and < 10000 basis points of each trade's notional");
        }
        if (threads != null && (threads < 1 || threads > 1024))
        {
            throw new CommandLine.ParameterException(commandLine,
                "invalid --threads " + threads + ": must be between 1 and 1024");
        }
        return new HedgingStudySpec(models.build(commandLine, "--synthetic", synthetic, drift, vol), type, position,
            spot, strike, rate, vol, expiryYears, intervalYears, paths, seed, costBps);
    }

    private QuantityReport report(final HedgingStudySpec study, final HedgingStudyResult result)
    {
        final QuantityReport report = new QuantityReport()
            .add("synthetic", synthetic.cliName(), "price process")
            .add("type", type.name().toLowerCase(Locale.ROOT), "")
            .add("position", position.name().toLowerCase(Locale.ROOT), "")
            .add("spot", spot, "initial price of the underlying")
            .add("strike", strike, "unit of spot")
            .add("rate", rate, "per year, continuously compounded")
            .add("vol", vol, "per year: the pricing and hedging vol")
            .add("drift", drift, "per year, real-world expected return");
        models.addTo(report, synthetic);
        report.add("expiry_years", study.expiryYears(), "years (ACT/365)")
            .add("rebalance_interval_years", study.rebalanceIntervalYears(), "years (ACT/365)")
            .add("rebalances", result.rebalances(), "per path, the initial hedge included")
            .add("paths", study.paths(), "")
            .add("seed", seed, "")
            .add("cost_bps", costBps, "basis points of each trade's notional")
            .add("option_price", result.optionPrice(), "BSM price at --vol, per option")
            .add("cost_std_over_price", result.costStdOverPrice(), "Hull's hedge performance measure");
        addDistribution(report, "cost", result.cost(), "present value of cash paid, premium excluded");
        addDistribution(report, "pnl", result.pnl(), "present value, premium included");
        report.add("mean_transaction_costs", result.meanTransactionCosts(), "present value per path");
        if (result.theoryHedgingErrorStd().isPresent())
        {
            report.add("theory_hedging_error_std", result.theoryHedgingErrorStd().getAsDouble(),
                "leading-order discrete-hedging theory (Derman-Kamal; GBM, no costs)");
        }
        return report;
    }

    private static void addDistribution(
        final QuantityReport report, final String name, final DistributionSummary summary, final String meaning)
    {
        report.add(name + "_mean", summary.mean(), meaning)
            .add(name + "_std", summary.std(), "standard deviation over the paths")
            .add(name + "_std_error", summary.stdError(), "standard error of the mean")
            .add(name + "_q05", summary.q05(), "5% quantile")
            .add(name + "_median", summary.median(), "50% quantile")
            .add(name + "_q95", summary.q95(), "95% quantile")
            .add(name + "_min", summary.min(), "")
            .add(name + "_max", summary.max(), "");
    }
}
