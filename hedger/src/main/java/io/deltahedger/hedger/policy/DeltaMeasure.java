package io.deltahedger.hedger.policy;

/**
 * Which of the portfolio's deltas a policy hedges (docs/hedging.md, "Which delta").
 */
public enum DeltaMeasure
{
    /** The Black-Scholes delta, d(USD value)/dS: {@code PortfolioGreeks.deltaCoin()}. */
    PLAIN,
    /**
     * The plain delta less the coin value of coin-settled options: {@code PortfolioGreeks.premiumAdjustedDeltaCoin()},
     * Deribit's {@code delta_total}. The right choice for a coin-margined account whose options are coin-settled.
     */
    PREMIUM_ADJUSTED
}
