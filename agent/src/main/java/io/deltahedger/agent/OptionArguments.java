package io.deltahedger.agent;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * The option description shared by {@code price} and {@code implied-vol}: model, type, underlying, strike, expiry,
 * rate, carry and output format, with the validation that turns bad arguments into a usage error (exit 2) naming the
 * argument, the value and what is allowed.
 */
final class OptionArguments
{
    /** The pricing models, by their command-line names. */
    enum ModelName
    {
        BSM("bsm", "Black-Scholes-Merton on spot"),
        BLACK76("black76", "Black-76 on a forward"),
        INVERSE("inverse", "coin-settled (inverse) option, premium in coin"),
        LINEAR("linear", "USD/USDC-settled (linear) option");

        final String cliName;
        final String description;

        ModelName(final String cliName, final String description)
        {
            this.cliName = cliName;
            this.description = description;
        }

        boolean onSpot()
        {
            return this == BSM;
        }
    }

    /** Output formats. */
    enum Output
    {
        TEXT, JSON
    }

    static final class ModelConverter implements CommandLine.ITypeConverter<ModelName>
    {
        public ModelName convert(final String value)
        {
            for (final ModelName model : ModelName.values())
            {
                if (model.cliName.equalsIgnoreCase(value))
                {
                    return model;
                }
            }
            throw new CommandLine.TypeConversionException(
                "unknown model '" + value + "': allowed are bsm, black76, inverse, linear");
        }
    }

    static final class TypeConverter implements CommandLine.ITypeConverter<io.deltahedger.greeks.pricing.OptionType>
    {
        public io.deltahedger.greeks.pricing.OptionType convert(final String value)
        {
            switch (value.toLowerCase(Locale.ROOT))
            {
                case "call":
                case "c":
                    return io.deltahedger.greeks.pricing.OptionType.CALL;
                case "put":
                case "p":
                    return io.deltahedger.greeks.pricing.OptionType.PUT;
                default:
                    throw new CommandLine.TypeConversionException(
                        "unknown option type '" + value + "': allowed are call, put");
            }
        }
    }

    static final class OutputConverter implements CommandLine.ITypeConverter<Output>
    {
        public Output convert(final String value)
        {
            switch (value.toLowerCase(Locale.ROOT))
            {
                case "text":
                    return Output.TEXT;
                case "json":
                    return Output.JSON;
                default:
                    throw new CommandLine.TypeConversionException(
                        "unknown output format '" + value + "': allowed are text, json");
            }
        }
    }

    @Option(names = "--model", required = true, converter = ModelConverter.class,
        paramLabel = "bsm|black76|inverse|linear",
        description = "Pricing model: bsm (Black-Scholes-Merton on spot), black76 (on a forward), inverse "
            + "(coin-settled, premium in coin, as Deribit), linear (USD/USDC-settled).")
    ModelName model;

    @Option(names = "--type", required = true, converter = TypeConverter.class, paramLabel = "call|put",
        description = "Option type: call or put.")
    io.deltahedger.greeks.pricing.OptionType type;

    @Option(names = "--spot", paramLabel = "S", description = "Spot price, USD per coin (--model bsm only).")
    Double spot;

    @Option(names = "--forward", paramLabel = "F",
        description = "Forward price for the expiry, USD per coin (black76, inverse, linear; "
            + "Deribit's underlying_price).")
    Double forward;

    @Option(names = "--strike", required = true, paramLabel = "K", description = "Strike, USD per coin.")
    double strike;

    @Option(names = "--expiry", required = true, paramLabel = "YEARS",
        description = "Time to expiry in years (ACT/365: 30 days = 0.0821918). 0 = at expiry.")
    double expiryYears;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "R",
        description = "Continuously compounded discount rate per year, 0.05 = 5%% (premium currency; the coin's own "
            + "rate for inverse). Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--carry", paramLabel = "Q",
        description = "Carry yield q of the underlying per year (bsm only): forward = S*exp((R-Q)*T). Default 0.")
    Double carry;

    @Option(names = "--output", defaultValue = "text", converter = OutputConverter.class, paramLabel = "text|json",
        description = "Output format. Default: ${DEFAULT-VALUE}.")
    Output output;

    /** Checks the combination and the values; throws a ParameterException (exit 2) naming the argument. */
    void validate(final CommandSpec spec)
    {
        final CommandLine commandLine = spec.commandLine();
        if (spot != null && forward != null)
        {
            throw new CommandLine.ParameterException(commandLine,
                "give either --spot or --forward, not both (got --spot " + spot + " and --forward " + forward + ")");
        }
        if (model.onSpot())
        {
            if (spot == null)
            {
                throw new CommandLine.ParameterException(commandLine, "missing --spot: --model bsm prices on the spot; "
                    + "give --spot S in USD per coin (for an option on a forward use --model black76)");
            }
            positive(commandLine, "--spot", spot);
        }
        else
        {
            if (forward == null)
            {
                throw new CommandLine.ParameterException(commandLine, "missing --forward: --model " + model.cliName
                    + " prices on the forward; give --forward F, the underlying price for the expiry in USD per coin"
                    + (spot != null ? " (--spot is only for --model bsm)" : ""));
            }
            positive(commandLine, "--forward", forward);
            if (carry != null)
            {
                throw new CommandLine.ParameterException(commandLine, "--carry " + carry + " applies to --model bsm "
                    + "only: --model " + model.cliName + " takes the forward, which already includes the carry");
            }
        }
        positive(commandLine, "--strike", strike);
        finite(commandLine, "--expiry", expiryYears, "a number of years, e.g. 0.25");
        finite(commandLine, "--rate", rate, "a continuously compounded rate per year, e.g. 0.05");
        if (carry != null)
        {
            finite(commandLine, "--carry", carry, "a continuously compounded yield per year, e.g. 0.01");
        }
    }

    double underlying()
    {
        return model.onSpot() ? spot : forward;
    }

    double carryOrZero()
    {
        return carry == null ? 0.0 : carry;
    }

    String priceCurrency()
    {
        return model == ModelName.INVERSE ? "coin" : "USD";
    }

    static void positive(final CommandLine commandLine, final String name, final double value)
    {
        if (!(value > 0.0 && value < Double.POSITIVE_INFINITY))
        {
            throw new CommandLine.ParameterException(commandLine,
                "invalid " + name + " " + value + ": must be a finite number > 0 (USD per coin)");
        }
    }

    static void finite(final CommandLine commandLine, final String name, final double value, final String allowed)
    {
        if (!Double.isFinite(value))
        {
            throw new CommandLine.ParameterException(commandLine,
                "invalid " + name + " " + value + ": must be " + allowed);
        }
    }
}
