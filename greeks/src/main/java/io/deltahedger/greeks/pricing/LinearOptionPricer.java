package io.deltahedger.greeks.pricing;

/**
 * A linear (USD- or USDC-settled) option on a coin, as Deribit's {@code BTC_USDC} options: premium and payoff
 * {@code max(w(S_T - K), 0)} in the settlement currency, one coin of underlying per option. Priced with Black-76 on
 * the forward F of the underlying for the expiry, discounted at the settlement currency's rate ({@code rate}; Deribit
 * uses 0). Premium in USD(C); every Greek as in {@link Black76OptionPricer}; the premium-adjusted delta equals the
 * delta because the premium is not in the underlying coin. Stateless and thread-safe; allocation-free.
 */
public final class LinearOptionPricer
{
    /** The one instance: the pricer has no state. */
    public static final LinearOptionPricer DEFAULT = new LinearOptionPricer();

    private LinearOptionPricer()
    {
    }

    /**
     * Fills {@code out} with the value (USD/USDC per option) and every Greek.
     *
     * @param forward USD per coin: the underlying price for the option's expiry (Deribit's {@code underlying_price}).
     * @param rate    continuously compounded rate of the settlement currency per 1.00 per year (0 on Deribit).
     * @see Black76OptionPricer#price for the other parameters.
     */
    public void price(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double vol,
        final double rate, final OptionGreeks out)
    {
        Black76OptionPricer.validate(type, forward, strike, expiryYears, vol, rate);
        BlackFormula.price(type, forward, strike, expiryYears, vol, rate, out);
    }

    /** The value only (USD/USDC per option). */
    public double presentValue(
        final OptionType type, final double forward, final double strike, final double expiryYears, final double vol,
        final double rate)
    {
        return Black76OptionPricer.DEFAULT.presentValue(type, forward, strike, expiryYears, vol, rate);
    }
}
