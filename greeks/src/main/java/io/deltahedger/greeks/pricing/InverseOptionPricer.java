package io.deltahedger.greeks.pricing;

/**
 * A coin-settled (inverse) option as Deribit lists them: one coin of underlying per option, strike in USD, premium
 * quoted and paid in coin, European, settled in coin; the call pays {@code max(S_T - K, 0) / S_T} coin and the put
 * {@code max(K - S_T, 0) / S_T} coin, i.e. the USD payoff converted at the settlement price.
 *
 * <p>Conventions (docs/greeks.md, "Inverse options"):
 * <ul>
 *   <li>{@code forward} F is the USD price of one coin for delivery at the expiry (Deribit's {@code underlying_price}:
 *       the matching future, or the synthetic forward);</li>
 *   <li>{@code rate} is the continuously compounded interest rate of the coin itself, which discounts a coin amount
 *       paid at expiry (Deribit uses 0);</li>
 *   <li>value in coin {@code = e^{-rT} Black76(F, K, vol, T) / F}: the coin payoff is worth its USD amount at expiry,
 *       and a coin at expiry is worth F USD for delivery then;</li>
 *   <li>every Greek is a sensitivity of the option's USD value {@code F * price} (Deribit's ticker Greeks): delta is
 *       {@code w e^{-rT} N(w d1)} coin of underlying per option; gamma per USD; vega, theta, rho in USD;</li>
 *   <li>{@link OptionGreeks#premiumAdjustedDelta()} is {@code delta - price} (coin): the premium is itself held in
 *       coin, so a holder's coin exposure is the Black-Scholes delta less the option's coin value. This is Deribit's
 *       net transaction delta (buying a 0.50-delta call for 0.10 BTC raises delta_total by 0.40), and equals
 *       {@code F * d(price)/dF}.</li>
 * </ul>
 * Stateless and thread-safe; allocation-free.
 */
public final class InverseOptionPricer
{
    /** The one instance: the pricer has no state. */
    public static final InverseOptionPricer DEFAULT = new InverseOptionPricer();

    private InverseOptionPricer()
    {
    }

    /**
     * Fills {@code out}: price in coin per option, Greeks of the USD value, premium-adjusted delta in coin.
     *
     * @param forward USD per coin for delivery at the expiry, &gt; 0.
     * @param rate    continuously compounded interest rate of the coin per 1.00 per year (0 on Deribit).
     * @see Black76OptionPricer#price for the other parameters.
     */
    public void price(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double vol,
        final double rate, final OptionGreeks out)
    {
        Black76OptionPricer.validate(type, forward, strike, expiryYears, vol, rate);
        BlackFormula.price(type, forward, strike, expiryYears, vol, rate, out);
        out.price = out.price / forward;
        out.premiumAdjustedDelta = out.delta - out.price;
    }

    /** The value only, in coin per option. */
    public double presentValue(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double vol,
        final double rate)
    {
        return Black76OptionPricer.DEFAULT.presentValue(type, forward, strike, expiryYears, vol, rate) / forward;
    }
}
