package io.deltahedger.agent;

import io.deltahedger.greeks.pricing.Black76OptionPricer;
import io.deltahedger.greeks.pricing.BlackScholesMertonOptionPricer;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.LinearOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code deltahedger price}: the price and every Greek of one European option (docs/greeks.md). */
@Command(
    name = "price",
    mixinStandardHelpOptions = true,
    description = "Price one European option and print every Greek with its unit.",
    footer = {"", "Example: deltahedger price --model inverse --type call --forward 60000 --strike 65000 "
        + "--expiry 0.0821918 --vol 0.55 --output json"})
final class PriceCommand implements Callable<Integer>
{
    @Mixin
    OptionArguments option;

    @Option(names = "--vol", required = true, paramLabel = "V",
        description = "Lognormal volatility per 1.00 (0.65 = 65%%), >= 0.")
    double vol;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        option.validate(spec);
        if (!(vol >= 0.0 && vol < Double.POSITIVE_INFINITY))
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "invalid --vol " + vol + ": must be a finite number >= 0 per 1.00 (0.65 for 65%)");
        }
        final OptionGreeks greeks = new OptionGreeks();
        price(option, vol, greeks);
        new QuantityReport()
            .addInputs(option)
            .add("vol", vol, "per 1.00")
            .addGreeks(greeks, option)
            .print(spec.commandLine().getOut(), option.output);
        return 0;
    }

    static void price(final OptionArguments option, final double vol, final OptionGreeks out)
    {
        switch (option.model)
        {
            case BSM:
                BlackScholesMertonOptionPricer.DEFAULT.price(option.type, option.spot, option.strike,
                    option.expiryYears, vol, option.rate, option.carryOrZero(), out);
                break;
            case BLACK76:
                Black76OptionPricer.DEFAULT.price(option.type, option.forward, option.strike, option.expiryYears, vol,
                    option.rate, out);
                break;
            case INVERSE:
                InverseOptionPricer.DEFAULT.price(option.type, option.forward, option.strike, option.expiryYears, vol,
                    option.rate, out);
                break;
            default:
                LinearOptionPricer.DEFAULT.price(option.type, option.forward, option.strike, option.expiryYears, vol,
                    option.rate, out);
                break;
        }
    }
}
