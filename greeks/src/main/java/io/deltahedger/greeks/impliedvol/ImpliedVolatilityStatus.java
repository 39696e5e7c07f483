package io.deltahedger.greeks.impliedvol;

/**
 * The outcome of an implied-volatility solve: {@link #SOLVED} or the no-arbitrage bound the price violates. A result
 * code rather than an exception so the hot path never allocates; {@link ImpliedVolatilityResult#describe()} builds the
 * message when one is wanted.
 */
public enum ImpliedVolatilityStatus
{
    /** A volatility reproduces the price (0 when the price equals the discounted intrinsic value). */
    SOLVED("solved"),
    /** The price is below the discounted intrinsic value {@code D max(w(F-K), 0)}: the lower no-arbitrage bound. */
    BELOW_INTRINSIC_VALUE("below the intrinsic value (lower no-arbitrage bound)"),
    /** A call's price is at or above the discounted forward {@code D F} (the value at infinite volatility). */
    AT_OR_ABOVE_FORWARD_BOUND("at or above the forward bound (upper no-arbitrage bound of a call)"),
    /** A put's price is at or above the discounted strike {@code D K} (the value at infinite volatility). */
    AT_OR_ABOVE_STRIKE_BOUND("at or above the strike bound (upper no-arbitrage bound of a put)"),
    /** The option is at or past its expiry: its price is its payoff and carries no volatility. */
    EXPIRED("at or past expiry, where the price carries no volatility");

    private final String meaning;

    ImpliedVolatilityStatus(final String meaning)
    {
        this.meaning = meaning;
    }

    /** Whether a volatility was found. */
    public boolean isSolved()
    {
        return this == SOLVED;
    }

    /** A short phrase for messages, e.g. "below the intrinsic value (lower no-arbitrage bound)". */
    public String meaning()
    {
        return meaning;
    }
}
