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
 * {@code deltahedger backtest}: today the Monte Carlo hedging study on a synthetic market ({@code --synthetic}); a
 * backtest on historical Tardis files is not yet available and is refused with a usage error (docs/backtest.md).
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
        "Monte Carlo hedging study: writes (or buys) one European option at its Black-Scholes-Merton price, "
            + "delta-hedges it at every rebalance with the pricer's delta, and reports the distribution of the cost "
            + "of writing (buying) and hedging it and of the hedged P&L, discounted to today (docs/backtest.md).",
        "Historical backtests on Tardis files are not yet available in this build."},
    footer = {"", "Example (Hull's 20-week call, hedged weekly): deltahedger backtest --synthetic gbm --type call "
        + "--position short --spot 49 --strike 50 --rate 0.05 --vol 0.2 --drift 0.13 --expiry 20w "
        + "--rebalance-interval 1w --paths 10000 --seed 1 --output json"})
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

    @Option(names = "--type", required = true, converter = OptionArguments.TypeConverter.class,
        paramLabel = "call|put", description = "Option type.")
    OptionType type;

    @Option(names = "--position", required = true, converter = PositionConverter.class, paramLabel = "short|long",
        description = "short: write the option and hedge it; long: buy it and hedge it.")
    HedgedPosition position;

    @Option(names = "--spot", required = true, paramLabel = "S", description = "Initial price of the underlying.")
    double spot;

    @Option(names = "--strike", required = true, paramLabel = "K", description = "Strike, in the unit of --spot.")
    double strike;

    @Option(names = "--rate", required = true, paramLabel = "R",
        description = "Continuously compounded rate per year for discounting and cash (0.05 = 5%%).")
    double rate;

    @Option(names = "--vol", required = true, paramLabel = "V",
        description = "Volatility per year the option is priced and hedged at, and the GBM's vol (0.6 = 60%%).")
    double vol;

    @Option(names = "--drift", required = true, paramLabel = "MU",
        description = "Real-world expected return of the underlying per year (0.13 = 13%%).")
    double drift;

    @Option(names = "--expiry", required = true, converter = DurationText.YearsConverter.class,
        paramLabel = "YEARS|DURATION", description = "Time to expiry: years (0.25, ACT/365) or a duration (20w, 90d).")
    double expiryYears;

    @Option(names = "--rebalance-interval", required = true, converter = DurationText.Converter.class,
        paramLabel = "DURATION", description = "Time between rebalances: 1w, 1d, 4h, 30m, ... (ACT/365).")
    Duration rebalanceInterval;

    @Option(names = "--paths", required = true, paramLabel = "N", description = "Number of simulated paths, >= 2.")
    int paths;

    @Option(names = "--seed", required = true, paramLabel = "SEED",
        description = "Random seed: the same seed gives the same figures on any number of threads.")
    long seed;

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

    @Override
    public Integer call()
    {
        final CommandLine commandLine = spec.commandLine();
        if (synthetic == null)
        {
            throw new CommandLine.ParameterException(commandLine, "missing --synthetic: historical backtests on Tardis "
                + "files are not yet available in this build; give --synthetic gbm|heston|jump for a Monte Carlo "
                + "hedging study");
        }
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
