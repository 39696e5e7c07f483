package io.deltahedger.greeks.pricing;

/**
 * Validation of pricing inputs, shared by every pricer. Each check is a couple of comparisons on the hot path; only a
 * failure builds a message (naming the input, its value and what is allowed) and throws
 * {@link IllegalArgumentException}.
 */
public final class OptionInputs
{
    /** Total volatility {@code vol * sqrt(T)} below this is treated as zero: the option is worth its discounted payoff. */
    public static final double MIN_TOTAL_VOLATILITY = 1e-150;

    private OptionInputs()
    {
    }

    /** A price level (spot, forward, strike): finite and strictly positive. */
    public static void requirePositive(final String name, final double value)
    {
        if (!(value > 0.0 && value < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                name + " must be a finite number > 0, was " + value + "; pass the " + name + " in USD per coin");
        }
    }

    /** A volatility: finite and non-negative, per 1.00 (0.65 = 65%). */
    public static void requireVolatility(final double vol)
    {
        if (!(vol >= 0.0 && vol < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                "volatility must be a finite number >= 0 per 1.00 (0.65 for 65%), was " + vol);
        }
    }

    /** A rate or carry: finite, continuously compounded per year (0.05 = 5%); any sign. */
    public static void requireRate(final String name, final double value)
    {
        if (!(Math.abs(value) < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                name + " must be a finite continuously compounded rate per year (0.05 for 5%), was " + value);
        }
    }

    /** A time to expiry in years: finite, any sign (zero: at expiry; negative: expired). */
    public static void requireExpiry(final double expiryYears)
    {
        if (!(Math.abs(expiryYears) < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                "time to expiry must be a finite number of years (ACT/365, e.g. 0.25), was " + expiryYears);
        }
    }

    /** An option type: not null. */
    public static void requireType(final OptionType type)
    {
        if (type == null)
        {
            throw new IllegalArgumentException("option type must be CALL or PUT, was null");
        }
    }
}
