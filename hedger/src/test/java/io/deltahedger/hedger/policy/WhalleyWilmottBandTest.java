package io.deltahedger.hedger.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class WhalleyWilmottBandTest
{
    // 3/2 × 0.001 × 50 000 × 0.001² / 0.0006 = 0.125, whose cube root is 0.5 coin.
    private final WhalleyWilmottBand band = new WhalleyWilmottBand(0.001, 0.0006, 0.05, 2.0);

    @Test
    void halfWidthIsTheCubeRootOfThreeHalvesCostSpotGammaSquaredOverRiskAversion()
    {
        assertEquals(0.5, band.rawHalfWidthCoin(50_000.0, 0.001), 1e-14);
        assertEquals(0.5, band.halfWidthCoin(50_000.0, 0.001), 1e-14);
    }

    @Test
    void halfWidthGrowsWithGammaToTheTwoThirdsAndSpotToTheOneThird()
    {
        assertEquals(0.5 * Math.pow(2.0, 2.0 / 3.0), band.halfWidthCoin(50_000.0, 0.002), 1e-14);
        assertEquals(0.5 * 2.0, band.halfWidthCoin(400_000.0, 0.001), 1e-14);
        // the sign of gamma does not matter: a short-gamma book gets the same band
        assertEquals(band.halfWidthCoin(50_000.0, 0.001), band.halfWidthCoin(50_000.0, -0.001));
    }

    @Test
    void zeroGammaUsesTheConfiguredMinimumBand()
    {
        assertEquals(0.0, band.rawHalfWidthCoin(50_000.0, 0.0));
        assertEquals(0.05, band.halfWidthCoin(50_000.0, 0.0));
        assertEquals(0.05, band.halfWidthCoin(50_000.0, 1e-9));
    }

    @Test
    void aGammaSpikeIsCappedAtTheMaximumEvenWhenGammaSquaredOverflows()
    {
        assertEquals(2.0, band.halfWidthCoin(50_000.0, 1.0));
        assertEquals(2.0, band.halfWidthCoin(50_000.0, 1e200));
    }

    @Test
    void deciderTradesOnlyOutsideTheGammaDependentBand()
    {
        final HedgeDecider decider = new HedgeDecider(HedgePolicy.builder("BTC", "0.01").band(band).build());
        final HedgeDecision out = new HedgeDecision();
        decider.decide(0.49, 0.001, 50_000.0, 0, out);
        assertEquals(HedgeReason.INSIDE_BAND, out.reason());
        assertEquals(0.5, out.halfWidthCoin(), 1e-14);
        // the same delta with no gamma is outside the 0.05 minimum band
        decider.decide(0.49, 0.0, 50_000.0, 1, out);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
        assertEquals(-49, out.lots());
    }
}
