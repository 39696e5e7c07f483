package io.deltahedger.greeks.impliedvol;

import io.deltahedger.greeks.pricing.OptionType;

/**
 * A reusable, mutable holder for one implied-volatility solve, so the hot path allocates nothing. Not thread-safe:
 * one holder per owning thread.
 *
 * <p>After a solve: {@link #status()} says whether it succeeded; {@link #volatility()} is the implied volatility per
 * 1.00 when solved and NaN otherwise (so that an unchecked failure cannot pass as a number); the no-arbitrage bounds
 * are reported in the price's own units (USD, or coin for the inverse model).
 */
public final class ImpliedVolatilityResult
{
    ImpliedVolatilityStatus status = ImpliedVolatilityStatus.EXPIRED;
    double volatility = Double.NaN;
    int iterations;
    double price;
    double lowerBound;
    double upperBound;
    OptionType type = OptionType.CALL;
    String model = "";

    /** SOLVED or the violated bound. */
    public ImpliedVolatilityStatus status()
    {
        return status;
    }

    /** Whether a volatility was found. */
    public boolean isSolved()
    {
        return status == ImpliedVolatilityStatus.SOLVED;
    }

    /** The implied volatility per 1.00 (0.65 = 65%) when solved, NaN otherwise. */
    public double volatility()
    {
        return volatility;
    }

    /** Root-finder iterations used (0 for closed-form cases and failures). */
    public int iterations()
    {
        return iterations;
    }

    /** The price that was given, in its own units. */
    public double price()
    {
        return price;
    }

    /** The lower no-arbitrage bound (discounted intrinsic value) in the price's units. */
    public double lowerBound()
    {
        return lowerBound;
    }

    /** The upper no-arbitrage bound (discounted forward for a call, discounted strike for a put) in the price's units. */
    public double upperBound()
    {
        return upperBound;
    }

    /** A descriptive message naming the status, the price and the bound; allocates, so off the hot path only. */
    public String describe()
    {
        final String option = model + " " + type.name().toLowerCase(java.util.Locale.ROOT);
        switch (status)
        {
            case SOLVED:
                return "implied volatility of the " + option + " at price " + price + " is " + volatility +
                    " (" + iterations + " iterations)";
            case BELOW_INTRINSIC_VALUE:
                return "price " + price + " of the " + option + " is " + status.meaning() + " " + lowerBound +
                    ": no volatility reproduces it; check the price, the underlying and the strike";
            case AT_OR_ABOVE_FORWARD_BOUND:
            case AT_OR_ABOVE_STRIKE_BOUND:
                return "price " + price + " of the " + option + " is " + status.meaning() + " " + upperBound +
                    ": no finite volatility reproduces it; check the price, the underlying and the strike";
            default:
                return "price " + price + " of the " + option + " is " + status.meaning() +
                    "; implied volatility needs a time to expiry > 0";
        }
    }

    void set(final ImpliedVolatilityStatus status, final double volatility, final int iterations)
    {
        this.status = status;
        this.volatility = volatility;
        this.iterations = iterations;
    }

    @Override
    public String toString()
    {
        return describe();
    }
}
