package io.deltahedger.greeks.impliedvol;

/**
 * Thrown by the convenience {@code ...OrThrow} methods of {@link ImpliedVolatilityCalculator} when the price violates
 * a no-arbitrage bound or the option has expired. Carries the typed {@link ImpliedVolatilityStatus} and the bounds.
 */
public final class ImpliedVolatilityException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final ImpliedVolatilityStatus status;
    private final double price;
    private final double lowerBound;
    private final double upperBound;

    ImpliedVolatilityException(final ImpliedVolatilityResult result)
    {
        super(result.describe());
        this.status = result.status();
        this.price = result.price();
        this.lowerBound = result.lowerBound();
        this.upperBound = result.upperBound();
    }

    /** The bound the price violates (never SOLVED). */
    public ImpliedVolatilityStatus status()
    {
        return status;
    }

    /** The price that was given. */
    public double price()
    {
        return price;
    }

    /** The lower no-arbitrage bound in the price's units. */
    public double lowerBound()
    {
        return lowerBound;
    }

    /** The upper no-arbitrage bound in the price's units. */
    public double upperBound()
    {
        return upperBound;
    }
}
