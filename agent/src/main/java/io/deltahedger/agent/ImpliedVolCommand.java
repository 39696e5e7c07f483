package io.deltahedger.agent;

import io.deltahedger.greeks.impliedvol.ImpliedVolatilityCalculator;
import io.deltahedger.greeks.impliedvol.ImpliedVolatilityResult;
import io.deltahedger.greeks.impliedvol.ImpliedVolatilityStatus;
import io.deltahedger.greeks.pricing.OptionGreeks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code deltahedger implied-vol}: the volatility that reproduces a given option price, then the Greeks at that
 * volatility. A price outside the no-arbitrage bounds is a usage error (exit 2) naming the bound.
 */
@Command(
    name = "implied-vol",
    mixinStandardHelpOptions = true,
    description = "Solve the implied volatility of one European option price and print it with the Greeks.",
    footer = {"", "Example: deltahedger implied-vol --model inverse --type call --forward 60000 --strike 65000 "
        + "--expiry 0.0821918 --price 0.0215"})
final class ImpliedVolCommand implements Callable<Integer>
{
    @Mixin
    OptionArguments option;

    @Option(names = "--price", required = true, paramLabel = "P",
        description = "Option price per option: USD for bsm/black76/linear, coin for inverse.")
    double price;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        option.validate(spec);
        OptionArguments.finite(
            spec.commandLine(), "--price", price, "a finite option price in " + option.priceCurrency());
        final ImpliedVolatilityResult result = new ImpliedVolatilityResult();
        final ImpliedVolatilityCalculator calculator = ImpliedVolatilityCalculator.DEFAULT;
        final ImpliedVolatilityStatus status;
        switch (option.model)
        {
            case BSM:
                status = calculator.blackScholesMerton(option.type, option.spot, option.strike, option.expiryYears,
                    price, option.rate, option.carryOrZero(), result);
                break;
            case BLACK76:
                status = calculator.black76(
                    option.type, option.forward, option.strike, option.expiryYears, price, option.rate, result);
                break;
            case INVERSE:
                status = calculator.inverse(
                    option.type, option.forward, option.strike, option.expiryYears, price, option.rate, result);
                break;
            default:
                status = calculator.linear(
                    option.type, option.forward, option.strike, option.expiryYears, price, option.rate, result);
                break;
        }
        if (!status.isSolved())
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "invalid --price " + price + ": " + result.describe() + " [" + status + "]");
        }
        final OptionGreeks greeks = new OptionGreeks();
        PriceCommand.price(option, result.volatility(), greeks);
        new QuantityReport()
            .addInputs(option)
            .add("input_price", price, option.priceCurrency() + " per option")
            .add("implied_vol", result.volatility(), "per 1.00")
            .add("implied_vol_percent", 100.0 * result.volatility(), "vol points")
            .add("iterations", result.iterations(), "root-finder iterations")
            .addGreeks(greeks, option)
            .print(spec.commandLine().getOut(), option.output);
        return 0;
    }
}
