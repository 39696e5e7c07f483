package io.deltahedger.agent;

import io.deltahedger.backtest.synthetic.GbmModel;
import io.deltahedger.backtest.synthetic.HestonModel;
import io.deltahedger.backtest.synthetic.MertonJumpModel;
import io.deltahedger.backtest.synthetic.PriceModel;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * The synthetic market shared by {@code backtest --synthetic} and {@code generate --model}: the model's name and the
 * Heston and Merton parameters, with their defaults and the validation that names the option, the value and what is
 * allowed.
 */
final class SyntheticModelArguments
{
    /** The synthetic markets, by their command-line names. */
    enum Synthetic
    {
        GBM, HESTON, JUMP;

        String cliName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final class SyntheticConverter implements CommandLine.ITypeConverter<Synthetic>
    {
        public Synthetic convert(final String value)
        {
            for (final Synthetic model : Synthetic.values())
            {
                if (model.name().equalsIgnoreCase(value))
                {
                    return model;
                }
            }
            throw new CommandLine.TypeConversionException(
                "unknown synthetic market '" + value + "': allowed are gbm, heston, jump");
        }
    }

    @Option(names = "--heston-v0", paramLabel = "V0",
        description = "Heston initial variance per year. Default: --vol squared.")
    Double hestonV0;

    @Option(names = "--heston-kappa", paramLabel = "KAPPA",
        description = "Heston mean reversion speed per year. Default: 2.")
    Double hestonKappa;

    @Option(names = "--heston-theta", paramLabel = "THETA",
        description = "Heston long-run variance per year. Default: --vol squared.")
    Double hestonTheta;

    @Option(names = "--heston-xi", paramLabel = "XI", description = "Heston vol of variance per year. Default: 0.8.")
    Double hestonXi;

    @Option(names = "--heston-rho", paramLabel = "RHO",
        description = "Heston correlation of price and variance shocks, in [-1, 1]. Default: -0.5.")
    Double hestonRho;

    @Option(names = "--jump-intensity", paramLabel = "LAMBDA",
        description = "Merton expected jumps per year. Default: 10.")
    Double jumpIntensity;

    @Option(names = "--jump-mean", paramLabel = "MU_J", description = "Merton mean log jump. Default: -0.03.")
    Double jumpMean;

    @Option(names = "--jump-vol", paramLabel = "SIGMA_J", description = "Merton log jump std. Default: 0.08.")
    Double jumpVol;

    /**
     * The model {@code synthetic} with these parameters (defaults filled in), refusing parameters of another model.
     *
     * @param modelOption the option that chose the model (--synthetic, --model), for messages.
     * @param drift real-world expected return per year.
     * @param vol   the GBM's vol, Merton's diffusion vol, and the default Heston variances' square root.
     */
    PriceModel build(final CommandLine commandLine, final String modelOption, final Synthetic synthetic,
        final double drift, final double vol)
    {
        if (synthetic != Synthetic.HESTON)
        {
            refuseUnless(commandLine, "--heston-v0", hestonV0, "heston", modelOption, synthetic);
            refuseUnless(commandLine, "--heston-kappa", hestonKappa, "heston", modelOption, synthetic);
            refuseUnless(commandLine, "--heston-theta", hestonTheta, "heston", modelOption, synthetic);
            refuseUnless(commandLine, "--heston-xi", hestonXi, "heston", modelOption, synthetic);
            refuseUnless(commandLine, "--heston-rho", hestonRho, "heston", modelOption, synthetic);
        }
        if (synthetic != Synthetic.JUMP)
        {
            refuseUnless(commandLine, "--jump-intensity", jumpIntensity, "jump", modelOption, synthetic);
            refuseUnless(commandLine, "--jump-mean", jumpMean, "jump", modelOption, synthetic);
            refuseUnless(commandLine, "--jump-vol", jumpVol, "jump", modelOption, synthetic);
        }
        switch (synthetic)
        {
            case HESTON:
                hestonV0 = nonNegative(commandLine, "--heston-v0", hestonV0, vol * vol, "a variance per year");
                hestonKappa = nonNegative(commandLine, "--heston-kappa", hestonKappa, 2.0, "a speed per year");
                hestonTheta = nonNegative(commandLine, "--heston-theta", hestonTheta, vol * vol, "a variance per year");
                hestonXi = nonNegative(commandLine, "--heston-xi", hestonXi, 0.8, "a vol of variance per year");
                hestonRho = hestonRho == null ? -0.5 : hestonRho;
                if (!(hestonRho >= -1.0 && hestonRho <= 1.0))
                {
                    throw new CommandLine.ParameterException(commandLine,
                        "invalid --heston-rho " + hestonRho + ": must be a correlation within [-1, 1], e.g. -0.5");
                }
                return new HestonModel(drift, hestonV0, hestonKappa, hestonTheta, hestonXi, hestonRho);
            case JUMP:
                jumpIntensity = nonNegative(commandLine, "--jump-intensity", jumpIntensity, 10.0,
                    "an expected number of jumps per year");
                jumpMean = jumpMean == null ? -0.03 : jumpMean;
                if (!(Math.abs(jumpMean) <= 2.0))
                {
                    throw new CommandLine.ParameterException(commandLine,
                        "invalid --jump-mean " + jumpMean + ": must be a mean log jump within [-2, 2], e.g. -0.03");
                }
                jumpVol = nonNegative(commandLine, "--jump-vol", jumpVol, 0.08, "a log jump std");
                if (jumpVol > 2.0)
                {
                    throw new CommandLine.ParameterException(commandLine,
                        "invalid --jump-vol " + jumpVol + ": must be within [0, 2], e.g. 0.08");
                }
                return new MertonJumpModel(drift, vol, jumpIntensity, jumpMean, jumpVol);
            default:
                return new GbmModel(drift, vol);
        }
    }

    /** Checks {@code --vol}: a volatility per year in (0, 10]; returns it. */
    static double requireVol(final CommandLine commandLine, final double vol)
    {
        if (!(vol > 0.0 && vol <= 10.0))
        {
            throw new CommandLine.ParameterException(commandLine,
                "invalid --vol " + vol + ": must be > 0 and <= 10 per 1.00 per year (0.6 for 60%)");
        }
        return vol;
    }

    /** Echoes the model's parameters into a report (after {@link #build} filled in the defaults). */
    void addTo(final QuantityReport report, final Synthetic synthetic)
    {
        if (synthetic == Synthetic.HESTON)
        {
            report.add("heston_v0", hestonV0, "variance per year")
                .add("heston_kappa", hestonKappa, "per year")
                .add("heston_theta", hestonTheta, "variance per year")
                .add("heston_xi", hestonXi, "vol of variance per year")
                .add("heston_rho", hestonRho, "correlation");
        }
        if (synthetic == Synthetic.JUMP)
        {
            report.add("jump_intensity", jumpIntensity, "jumps per year")
                .add("jump_mean", jumpMean, "mean log jump")
                .add("jump_vol", jumpVol, "log jump std");
        }
    }

    private static void refuseUnless(final CommandLine commandLine, final String option, final Double value,
        final String model, final String modelOption, final Synthetic synthetic)
    {
        if (value != null)
        {
            throw new CommandLine.ParameterException(commandLine, option + " " + value + " applies to "
                + modelOption + " " + model + " only, not " + modelOption + " " + synthetic.cliName());
        }
    }

    private static double nonNegative(final CommandLine commandLine, final String option, final Double value,
        final double defaultValue, final String meaning)
    {
        final double chosen = value == null ? defaultValue : value;
        if (!(chosen >= 0.0 && chosen <= 1_000.0))
        {
            throw new CommandLine.ParameterException(commandLine,
                "invalid " + option + " " + chosen + ": must be " + meaning + " within [0, 1000]");
        }
        return chosen;
    }
}
