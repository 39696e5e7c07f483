package io.deltahedger.greeks.pricing;

/**
 * Black-Scholes-Merton on spot: a European option on an underlying with spot S, discount rate {@code rate} (r) and a
 * continuous carry yield {@code carry} (q: dividend yield, foreign rate, or a coin's lending/staking yield), so that
 * the forward is {@code F = S e^{(r - q) T}} and the value is {@code e^{-rT} Black76(F, K, vol, T)}:
 * {@code w S e^{-qT} N(w d1) - w K e^{-rT} N(w d2)} (Haug's generalised formula with cost of carry {@code b = r - q}).
 *
 * <p>Greeks in {@link OptionGreeks} are with respect to spot: delta {@code w e^{-qT} N(w d1)}; gamma per unit of spot;
 * theta is {@code -dV/dT} holding S, r and q fixed; rho is {@code dV/dr} holding S and q fixed ({@code w K T e^{-rT}
 * N(w d2)}). Stateless and thread-safe; allocation-free.
 */
public final class BlackScholesMertonOptionPricer
{
    /** The one instance: the pricer has no state. */
    public static final BlackScholesMertonOptionPricer DEFAULT = new BlackScholesMertonOptionPricer();

    private BlackScholesMertonOptionPricer()
    {
    }

    /**
     * Fills {@code out} with the value and every Greek.
     *
     * @param spot  spot price of the underlying, &gt; 0.
     * @param rate  continuously compounded discount rate r of the premium currency, per 1.00 per year.
     * @param carry continuous yield q of the underlying, per 1.00 per year; F = S e^{(r-q)T}.
     * @see Black76OptionPricer#price for the other parameters.
     */
    public void price(
        final OptionType type, final double spot, final double strike, final double expiryYears, final double vol,
        final double rate, final double carry, final OptionGreeks out)
    {
        validate(type, spot, strike, expiryYears, vol, rate, carry);
        final double growth = expiryYears > 0.0 ? Math.exp((rate - carry) * expiryYears) : 1.0;
        final double forward = spot * growth;
        OptionInputs.requirePositive("forward spot*exp((rate-carry)*expiry)", forward);
        final double logMoneyness =
            BlackFormula.logMoneyness(spot, strike) + (rate - carry) * Math.max(expiryYears, 0.0);
        BlackFormula.price(type, forward, strike, logMoneyness, expiryYears, vol, rate, out);
        if (expiryYears <= 0.0)
        {
            // At expiry the option is its payoff of the spot (the forward): no time, rate or vol sensitivity.
            return;
        }
        final double forwardDelta = out.delta;
        // From a fixed forward to a fixed spot: dF/dS = growth, dF/dT = (r - q) F, dF/dr = T F.
        out.delta = forwardDelta * growth;
        out.premiumAdjustedDelta = out.delta;
        out.gamma = out.gamma * growth * growth;
        out.vanna = out.vanna * growth;
        out.theta = out.theta - forwardDelta * (rate - carry) * forward;
        out.rho = out.rho + forwardDelta * expiryYears * forward;
    }

    /** The value only; same inputs and limits as {@link #price}. */
    public double presentValue(
        final OptionType type, final double spot, final double strike, final double expiryYears, final double vol,
        final double rate, final double carry)
    {
        validate(type, spot, strike, expiryYears, vol, rate, carry);
        if (expiryYears <= 0.0)
        {
            return BlackFormula.undiscountedValue(type, spot, strike, expiryYears, vol);
        }
        final double forward = spot * Math.exp((rate - carry) * expiryYears);
        OptionInputs.requirePositive("forward spot*exp((rate-carry)*expiry)", forward);
        return Math.exp(-rate * expiryYears) * BlackFormula.undiscountedValue(type, forward, strike, expiryYears, vol);
    }

    /** The forward {@code S e^{(r-q)T}} this model prices on (S itself at or after expiry). */
    public static double forward(final double spot, final double expiryYears, final double rate, final double carry)
    {
        return expiryYears > 0.0 ? spot * Math.exp((rate - carry) * expiryYears) : spot;
    }

    static void validate(
        final OptionType type, final double spot, final double strike, final double expiryYears, final double vol,
        final double rate, final double carry)
    {
        OptionInputs.requireType(type);
        OptionInputs.requirePositive("spot", spot);
        OptionInputs.requirePositive("strike", strike);
        OptionInputs.requireExpiry(expiryYears);
        OptionInputs.requireVolatility(vol);
        OptionInputs.requireRate("rate", rate);
        OptionInputs.requireRate("carry", carry);
    }
}
