package io.deltahedger.venues.simulator.market;

import io.deltahedger.greeks.pricing.OptionType;

/**
 * What makes an instrument an option: a European, coin-settled option on one coin of the underlying.
 *
 * @param strike          strike in USD, &gt; 0.
 * @param type            call or put.
 * @param underlyingIndex Deribit's {@code underlying_index}: the future of the same expiry if one is listed
 *                        (e.g. {@code BTC-27MAR26}), else the synthetic forward {@code SYN.BTC-6JAN26}.
 */
public record OptionTerms(double strike, OptionType type, String underlyingIndex)
{
    public OptionTerms
    {
        if (!(strike > 0) || !Double.isFinite(strike))
        {
            throw new IllegalArgumentException("option strike must be a finite USD amount > 0 but was " + strike);
        }
        if (type == null)
        {
            throw new IllegalArgumentException("option type must be CALL or PUT, was null");
        }
        if (underlyingIndex == null || underlyingIndex.isBlank())
        {
            throw new IllegalArgumentException("option underlying index must name a future or SYN.<CCY>-<EXPIRY>");
        }
    }

    public boolean isCall()
    {
        return type == OptionType.CALL;
    }

    /** Deribit's {@code option_type}. */
    public String optionTypeName()
    {
        return isCall() ? "call" : "put";
    }
}
