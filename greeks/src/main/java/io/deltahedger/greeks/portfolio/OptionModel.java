package io.deltahedger.greeks.portfolio;

/**
 * How an option in a portfolio is priced and settled (docs/greeks.md, "Models").
 */
public enum OptionModel
{
    /** Black-Scholes-Merton on spot with rate and carry; premium in USD. */
    BLACK_SCHOLES_MERTON(false),
    /** Black-76 on the forward for the expiry; premium in USD. */
    BLACK_76(false),
    /** Coin-settled (inverse) option as Deribit lists them; premium and settlement in the underlying coin. */
    INVERSE(true),
    /** Linear option settled in USD or USDC (Deribit's BTC_USDC options). */
    LINEAR(false);

    private final boolean coinSettled;

    OptionModel(final boolean coinSettled)
    {
        this.coinSettled = coinSettled;
    }

    /** True when premium and payoff are in the underlying coin, so the premium-adjusted delta applies. */
    public boolean coinSettled()
    {
        return coinSettled;
    }
}
