package io.deltahedger.venues.simulator.market;

import io.deltahedger.greeks.surface.LogMoneynessGrid;
import io.deltahedger.greeks.surface.VolSurface;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionChainTest
{
    @Test
    void strikeStepsWidenWithTheExpiryOnRoundNumbers()
    {
        assertEquals(1_000, OptionChain.strikeStep(60_000, 1));
        assertEquals(2_000, OptionChain.strikeStep(60_000, 7));
        assertEquals(5_000, OptionChain.strikeStep(60_000, 30));
        assertEquals(50, OptionChain.strikeStep(3_000, 1));
        assertEquals(100, OptionChain.strikeStep(3_000, 7));
    }

    @Test
    void strikesAreNamedAsDeribitNamesThem()
    {
        assertEquals("60000", OptionChain.strikeName(60_000));
        assertEquals("8d6", OptionChain.strikeName(8.6));
    }

    @Test
    void theFeeIsThreeBasisPointsOfTheUnderlyingCappedAtAnEighthOfThePrice()
    {
        assertEquals(2 * 0.0003, OptionChain.fee(2, 0.05), 1e-15);
        assertEquals(2 * 0.125 * 0.001, OptionChain.fee(2, 0.001), 1e-15);
    }

    @Test
    void seededSurfacesHaveANegativeSkewAndNoStaticArbitrage()
    {
        for (long seed = 1; seed <= 20; seed++)
        {
            for (final UnderlyingSpec spec : new UnderlyingSpec[] {UnderlyingSpec.btc(), UnderlyingSpec.eth()})
            {
                final VolSurface surface = OptionBoard.seededSurface(spec, new SplittableRandom(seed));
                final double years = 30 / 365.0;
                assertTrue(surface.volatility(years, -0.2) > surface.volatility(years, 0.2), "skew, seed " + seed);
                final double atm = surface.volatility(years, 0.0);
                assertTrue(atm > 0.8 * spec.volatility() && atm < 1.2 * spec.volatility(), "ATM near the index vol " + atm);
                assertTrue(surface.checkArbitrage(LogMoneynessGrid.DEFAULT).arbitrageFree(),
                    "seed " + seed + " " + spec.currency() + ": " + surface.checkArbitrage(LogMoneynessGrid.DEFAULT));
            }
        }
    }
}
