package io.deltahedger.greeks.pricing;

/**
 * Black-76: a European option on a forward (or future) F, premium paid today and discounted at the continuously
 * compounded {@code rate}. Value {@code D [w F N(w d1) - w K N(w d2)]}, {@code D = e^{-rT}},
 * {@code d1,2 = ln(F/K)/(vol sqrt T) +- vol sqrt T / 2}.
 *
 * <p>Greeks in {@link OptionGreeks}: delta, gamma and vanna with respect to the forward; theta is {@code -dV/dT} at a
 * fixed forward; rho is {@code dV/dr} at a fixed forward ({@code -T V}). Stateless and thread-safe; allocation-free.
 */
public final class Black76OptionPricer
{
    /** The one instance: the pricer has no state. */
    public static final Black76OptionPricer DEFAULT = new Black76OptionPricer();

    private Black76OptionPricer()
    {
    }

    /**
     * Fills {@code out} with the value and every Greek.
     *
     * @param type        call or put.
     * @param forward     forward price of the underlying for the expiry, USD per coin, &gt; 0.
     * @param strike      strike, USD per coin, &gt; 0.
     * @param expiryYears time to expiry in years (ACT/365); 0 at expiry, negative once expired.
     * @param vol         lognormal volatility per 1.00 (0.65 = 65%), &gt;= 0.
     * @param rate        continuously compounded discount rate of the premium currency, per 1.00 per year.
     * @param out         filled with the result.
     * @throws IllegalArgumentException naming the input when one is invalid (NaN, negative strike, ...).
     */
    public void price(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double vol,
        final double rate, final OptionGreeks out)
    {
        validate(type, forward, strike, expiryYears, vol, rate);
        BlackFormula.price(type, forward, strike, expiryYears, vol, rate, out);
    }

    /** The value only, in the premium currency; same inputs and limits as {@link #price}. */
    public double presentValue(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double vol,
        final double rate)
    {
        validate(type, forward, strike, expiryYears, vol, rate);
        return expiryYears <= 0.0 ?
            BlackFormula.undiscountedValue(type, forward, strike, expiryYears, vol) :
            Math.exp(-rate * expiryYears) * BlackFormula.undiscountedValue(type, forward, strike, expiryYears, vol);
    }

    static void validate(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double vol,
        final double rate)
    {
        OptionInputs.requireType(type);
        OptionInputs.requirePositive("forward", forward);
        OptionInputs.requirePositive("strike", strike);
        OptionInputs.requireExpiry(expiryYears);
        OptionInputs.requireVolatility(vol);
        OptionInputs.requireRate("rate", rate);
    }
}
