package io.deltahedger.greeks.impliedvol;

import io.deltahedger.greeks.pricing.Black76OptionPricer;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.OptionType;
import org.junit.jupiter.api.Test;

import static io.deltahedger.greeks.pricing.OptionType.CALL;
import static io.deltahedger.greeks.pricing.OptionType.PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prices outside the no-arbitrage bounds give a typed status naming the bound; the convenience API throws it. */
class ImpliedVolatilityBoundsTest
{
    private final ImpliedVolatilityCalculator calculator = ImpliedVolatilityCalculator.DEFAULT;
    private final ImpliedVolatilityResult result = new ImpliedVolatilityResult();

    @Test
    void priceBelowTheDiscountedIntrinsicValueIsBelowTheLowerBound()
    {
        final double d = Math.exp(-0.05 * 0.5);
        assertEquals(ImpliedVolatilityStatus.BELOW_INTRINSIC_VALUE,
            calculator.black76(CALL, 110, 100, 0.5, 9.0, 0.05, result));
        assertEquals(10 * d, result.lowerBound(), 1e-12);
        assertTrue(Double.isNaN(result.volatility()));
        assertTrue(result.describe().contains("below the intrinsic value") && result.describe().contains("9.0"),
            result.describe());
        assertEquals(ImpliedVolatilityStatus.BELOW_INTRINSIC_VALUE,
            calculator.black76(PUT, 110, 100, 0.5, -1e-9, 0.05, result), "a negative price is below any bound");
    }

    @Test
    void callAtOrAboveTheDiscountedForwardViolatesTheForwardBound()
    {
        final double d = Math.exp(-0.05 * 0.5);
        assertEquals(ImpliedVolatilityStatus.AT_OR_ABOVE_FORWARD_BOUND,
            calculator.black76(CALL, 110, 100, 0.5, 110 * d, 0.05, result));
        assertEquals(110 * d, result.upperBound(), 1e-12);
        assertTrue(result.describe().contains("forward bound"), result.describe());
    }

    @Test
    void putAtOrAboveTheDiscountedStrikeViolatesTheStrikeBound()
    {
        assertEquals(ImpliedVolatilityStatus.AT_OR_ABOVE_STRIKE_BOUND,
            calculator.black76(PUT, 110, 100, 0.5, 120, 0.0, result));
        assertTrue(result.describe().contains("strike bound"), result.describe());
    }

    @Test
    void inverseBoundsAreInCoin()
    {
        // A coin call can never be worth more than one coin; a coin put more than K / F coin.
        assertEquals(ImpliedVolatilityStatus.AT_OR_ABOVE_FORWARD_BOUND,
            calculator.inverse(CALL, 60_000, 50_000, 0.1, 1.0, 0.0, result));
        assertEquals(1.0, result.upperBound(), 1e-15);
        assertEquals(ImpliedVolatilityStatus.BELOW_INTRINSIC_VALUE,
            calculator.inverse(CALL, 60_000, 50_000, 0.1, 0.1, 0.0, result));
        assertEquals(10_000.0 / 60_000, result.lowerBound(), 1e-15);
    }

    @Test
    void expiredOptionsHaveNoImpliedVolatility()
    {
        assertEquals(ImpliedVolatilityStatus.EXPIRED, calculator.black76(CALL, 100, 100, 0.0, 1.0, 0.0, result));
        assertEquals(ImpliedVolatilityStatus.EXPIRED, calculator.black76(CALL, 100, 100, -1.0, 1.0, 0.0, result));
    }

    @Test
    void priceAtTheDiscountedIntrinsicValueIsZeroVolatility()
    {
        final double price = Black76OptionPricer.DEFAULT.presentValue(CALL, 110, 100, 0.5, 0.0, 0.05);
        assertEquals(ImpliedVolatilityStatus.SOLVED, calculator.black76(CALL, 110, 100, 0.5, price, 0.05, result));
        assertEquals(0.0, result.volatility());
        final double coin = InverseOptionPricer.DEFAULT.presentValue(PUT, 50_000, 60_000, 0.5, 0.0, 0.0);
        assertEquals(ImpliedVolatilityStatus.SOLVED, calculator.inverse(PUT, 50_000, 60_000, 0.5, coin, 0.0, result));
        assertEquals(0.0, result.volatility());
    }

    @Test
    void convenienceApiThrowsTheTypedException()
    {
        final ImpliedVolatilityException e = assertThrows(ImpliedVolatilityException.class,
            () -> calculator.linearOrThrow(OptionType.PUT, 100, 100, 1.0, 100.0, 0.0));
        assertEquals(ImpliedVolatilityStatus.AT_OR_ABOVE_STRIKE_BOUND, e.status());
        assertEquals(100.0, e.upperBound());
        assertTrue(e.getMessage().contains("linear put"), e.getMessage());
        assertEquals(0.65, calculator.black76OrThrow(CALL, 100, 120, 0.5,
            Black76OptionPricer.DEFAULT.presentValue(CALL, 100, 120, 0.5, 0.65, 0.01), 0.01), 1e-13);
    }

    @Test
    void invalidInputsThrowNamingTheInput()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> calculator.black76(CALL, 100, -3, 1.0, 5.0, 0.0, result));
        assertTrue(e.getMessage().contains("strike") && e.getMessage().contains("-3.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> calculator.black76(CALL, 100, 100, 1.0, Double.NaN, 0.0, result));
    }
}
