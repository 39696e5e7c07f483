package io.deltahedger.greeks.impliedvol;

import io.deltahedger.greeks.pricing.BlackScholesMertonOptionPricer;
import io.deltahedger.greeks.pricing.OptionInputs;
import io.deltahedger.greeks.pricing.OptionType;

/**
 * Implied volatility for every pricing model. Each model maps its price to an undiscounted Black-76 price on a forward
 * ({@code price = scale * Black76(F, K, vol, T)}: scale {@code e^{-rT}} for BSM, Black-76 and linear options,
 * {@code e^{-rT}/F} for inverse options), which {@link NormalisedImpliedVolatility} inverts.
 *
 * <p>Accuracy contract: the returned volatility reprices the given price to 1e-12 relative (in practice a few ulps) for
 * |ln(F/K)| up to 3, expiries from one minute to three years and volatilities from 1% to 500%, except where double
 * precision itself binds: an in-the-money price carries its out-of-the-money part only to the precision left after
 * the intrinsic value, and a price whose change per ulp of volatility exceeds 1e-12 cannot be matched more closely.
 *
 * <p>The {@code impliedVolatility} methods are allocation-free: they fill a reusable {@link ImpliedVolatilityResult}
 * and return its status (a bound violation is a result code, never an exception). The {@code ...OrThrow} conveniences
 * return the volatility or throw {@link ImpliedVolatilityException}. Invalid inputs (NaN, a negative strike, ...) throw
 * {@link IllegalArgumentException} naming the input. Stateless and thread-safe.
 */
public final class ImpliedVolatilityCalculator
{
    /** The one instance: the calculator has no state. */
    public static final ImpliedVolatilityCalculator DEFAULT = new ImpliedVolatilityCalculator();

    private ImpliedVolatilityCalculator()
    {
    }

    /** Black-Scholes-Merton on spot (see {@link BlackScholesMertonOptionPricer}): price in the premium currency. */
    public ImpliedVolatilityStatus blackScholesMerton(
        final OptionType type, final double spot, final double strike, final double expiryYears, final double price,
        final double rate, final double carry, final ImpliedVolatilityResult out)
    {
        OptionInputs.requirePositive("spot", spot);
        OptionInputs.requireRate("carry", carry);
        OptionInputs.requireRate("rate", rate);
        OptionInputs.requireExpiry(expiryYears);
        final double forward = BlackScholesMertonOptionPricer.forward(spot, expiryYears, rate, carry);
        return solve("bsm", type, forward, strike, expiryYears, price, discount(rate, expiryYears), out);
    }

    /** Black-76 on a forward: price in the premium currency. */
    public ImpliedVolatilityStatus black76(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double price,
        final double rate, final ImpliedVolatilityResult out)
    {
        OptionInputs.requireRate("rate", rate);
        OptionInputs.requireExpiry(expiryYears);
        return solve("black76", type, forward, strike, expiryYears, price, discount(rate, expiryYears), out);
    }

    /** A linear (USD/USDC-settled) option: price in USD(C), rate of the settlement currency. */
    public ImpliedVolatilityStatus linear(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double price,
        final double rate, final ImpliedVolatilityResult out)
    {
        OptionInputs.requireRate("rate", rate);
        OptionInputs.requireExpiry(expiryYears);
        return solve("linear", type, forward, strike, expiryYears, price, discount(rate, expiryYears), out);
    }

    /** A coin-settled (inverse) option: price in coin per option, rate of the coin (0 on Deribit). */
    public ImpliedVolatilityStatus inverse(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double price,
        final double rate, final ImpliedVolatilityResult out)
    {
        OptionInputs.requireRate("rate", rate);
        OptionInputs.requireExpiry(expiryYears);
        OptionInputs.requirePositive("forward", forward);
        return solve("inverse", type, forward, strike, expiryYears, price, discount(rate, expiryYears) / forward, out);
    }

    /** {@link #blackScholesMerton} returning the volatility or throwing {@link ImpliedVolatilityException}. */
    public double blackScholesMertonOrThrow(
        final OptionType type, final double spot, final double strike, final double expiryYears, final double price,
        final double rate, final double carry)
    {
        final ImpliedVolatilityResult result = new ImpliedVolatilityResult();
        return orThrow(blackScholesMerton(type, spot, strike, expiryYears, price, rate, carry, result), result);
    }

    /** {@link #black76} returning the volatility or throwing {@link ImpliedVolatilityException}. */
    public double black76OrThrow(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double price,
        final double rate)
    {
        final ImpliedVolatilityResult result = new ImpliedVolatilityResult();
        return orThrow(black76(type, forward, strike, expiryYears, price, rate, result), result);
    }

    /** {@link #linear} returning the volatility or throwing {@link ImpliedVolatilityException}. */
    public double linearOrThrow(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double price,
        final double rate)
    {
        final ImpliedVolatilityResult result = new ImpliedVolatilityResult();
        return orThrow(linear(type, forward, strike, expiryYears, price, rate, result), result);
    }

    /** {@link #inverse} returning the volatility or throwing {@link ImpliedVolatilityException}. */
    public double inverseOrThrow(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double price,
        final double rate)
    {
        final ImpliedVolatilityResult result = new ImpliedVolatilityResult();
        return orThrow(inverse(type, forward, strike, expiryYears, price, rate, result), result);
    }

    private static double orThrow(final ImpliedVolatilityStatus status, final ImpliedVolatilityResult result)
    {
        if (!status.isSolved())
        {
            throw new ImpliedVolatilityException(result);
        }
        return result.volatility();
    }

    private static double discount(final double rate, final double expiryYears)
    {
        return expiryYears > 0.0 && rate != 0.0 ? Math.exp(-rate * expiryYears) : 1.0;
    }

    /** Common path: bounds in the price's units, then the normalised solve. {@code price = scale * Black76}. */
    private static ImpliedVolatilityStatus solve(
        final String model, final OptionType type, final double forward, final double strike, final double expiryYears,
        final double price, final double scale, final ImpliedVolatilityResult out)
    {
        OptionInputs.requireType(type);
        OptionInputs.requirePositive("forward", forward);
        OptionInputs.requirePositive("strike", strike);
        if (!(Math.abs(price) < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException("option price must be a finite number, was " + price);
        }
        if (!(scale > 0.0 && scale < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                "discount factor exp(-rate*expiry) must be finite and > 0, was " + scale + "; check rate and expiry");
        }
        out.model = model;
        out.type = type;
        out.price = price;
        out.iterations = 0;
        final double intrinsic = Math.max(type.sign() * (forward - strike), 0.0);
        final double upper = type.isCall() ? forward : strike;
        out.lowerBound = scale * intrinsic;
        out.upperBound = scale * upper;
        if (expiryYears <= 0.0)
        {
            out.set(ImpliedVolatilityStatus.EXPIRED, Double.NaN, 0);
            return out.status;
        }
        // Four ulps of tolerance at the lower bound: a price computed as the discounted intrinsic value in another
        // order of operations must read as volatility 0, not as an arbitrage.
        if (price < out.lowerBound * (1.0 - 1e-15) - Double.MIN_VALUE)
        {
            out.set(ImpliedVolatilityStatus.BELOW_INTRINSIC_VALUE, Double.NaN, 0);
            return out.status;
        }
        final double undiscounted = price / scale;
        if (price >= out.upperBound || undiscounted >= upper)
        {
            out.set(type.isCall() ?
                ImpliedVolatilityStatus.AT_OR_ABOVE_FORWARD_BOUND : ImpliedVolatilityStatus.AT_OR_ABOVE_STRIKE_BOUND,
                Double.NaN, 0);
            return out.status;
        }
        if (price <= out.lowerBound + 4.0 * Math.ulp(out.lowerBound))
        {
            // Within rounding of the discounted intrinsic value: no time value is representable.
            out.set(ImpliedVolatilityStatus.SOLVED, 0.0, 0);
            return out.status;
        }
        final double sqrtForwardStrike = Math.sqrt(forward) * Math.sqrt(strike);
        final double beta = (undiscounted - intrinsic) / sqrtForwardStrike;
        if (beta <= 0.0)
        {
            out.set(ImpliedVolatilityStatus.SOLVED, 0.0, 0);
            return out.status;
        }
        final double complement = (upper - undiscounted) / sqrtForwardStrike;
        final double ratio = forward / strike;
        final double x = -Math.abs(ratio > Double.MIN_NORMAL && ratio < Double.MAX_VALUE ?
            Math.log(ratio) : Math.log(forward) - Math.log(strike));
        final double s = NormalisedImpliedVolatility.solve(x, beta, complement, out);
        out.set(ImpliedVolatilityStatus.SOLVED, s / Math.sqrt(expiryYears), out.iterations);
        return out.status;
    }
}
