package io.deltahedger.greeks.pricing;

/** Call or put. {@link #sign()} is the omega of the pricing formulas: +1 for a call, -1 for a put. */
public enum OptionType
{
    CALL(1.0),
    PUT(-1.0);

    private final double sign;

    OptionType(final double sign)
    {
        this.sign = sign;
    }

    /** +1 for a call, -1 for a put. */
    public double sign()
    {
        return sign;
    }

    /** Whether this is a call. */
    public boolean isCall()
    {
        return this == CALL;
    }
}
