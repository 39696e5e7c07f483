package io.deltahedger.hedger.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class BandDeciderTest
{
    private static final double SPOT = 50_000.0;

    private final HedgeDecision out = new HedgeDecision();

    private static HedgePolicy.Builder band(final double halfWidth, final DeltaUnit unit)
    {
        return HedgePolicy.builder("BTC", "0.01").band(new FixedBand(halfWidth, unit));
    }

    private void decide(final HedgeDecider decider, final double delta, final long nowMs)
    {
        decider.decide(delta, 0.0, SPOT, nowMs, out);
    }

    @Test
    void insideTheBandDoesNotTrade()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.5, DeltaUnit.COIN).build());
        decide(decider, 0.5, 0);
        assertEquals(HedgeReason.INSIDE_BAND, out.reason());
        assertFalse(out.trades());
        assertEquals(0, out.lots());
        assertEquals(0.0, out.quantityCoin());
        decide(decider, -0.5, 1);
        assertEquals(HedgeReason.INSIDE_BAND, out.reason());
    }

    @Test
    void aBreachTradesAllTheWayBackToTheTarget()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.5, DeltaUnit.COIN).build());
        decide(decider, 0.7, 1_000);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
        assertTrue(out.trades());
        assertEquals(-70, out.lots());
        assertEquals(-0.7, out.quantityCoin(), 1e-15);
        assertEquals("-0.7", decider.lotGrid().format(out.lots()));
        assertEquals(0.7, out.deltaCoin());
        assertEquals(0.0, out.targetCoin());
        assertEquals(0.5, out.halfWidthCoin());
        assertEquals(1_000, out.decidedAtMs());
    }

    @Test
    void aBreachBelowTheBandBuys()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.5, DeltaUnit.COIN).build());
        decide(decider, -0.83, 0);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
        assertEquals(83, out.lots());
    }

    @Test
    void bandEdgeModeTradesOnlyBackToTheReArmBandsEdge()
    {
        // half-width 0.5, re-arm fraction 0.5: delta 0.7 goes to 0.25 (sell 0.45), not to 0 (sell 0.7)
        final HedgeDecider decider = new HedgeDecider(
            band(0.5, DeltaUnit.COIN).rebalanceTo(RebalanceTo.BAND_EDGE).rearm(0.5, 60_000).build());
        decide(decider, 0.7, 0);
        assertEquals(-45, out.lots());
        decider.rearm();
        decide(decider, -0.9, 1);
        assertEquals(65, out.lots());
    }

    @Test
    void bandEdgeModeWithAZeroReArmFractionIsTheSameAsTarget()
    {
        final HedgeDecider decider = new HedgeDecider(
            band(0.5, DeltaUnit.COIN).rebalanceTo(RebalanceTo.BAND_EDGE).rearm(0.0, 60_000).build());
        decide(decider, 0.7, 0);
        assertEquals(-70, out.lots());
    }

    @Test
    void aNonZeroTargetIsHeldAndTheBandIsAroundIt()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.5, DeltaUnit.COIN).target(1.0, DeltaUnit.COIN).build());
        decide(decider, 1.4, 0);
        assertEquals(HedgeReason.INSIDE_BAND, out.reason());
        decide(decider, 0.3, 1);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
        assertEquals(70, out.lots());
        assertEquals(1.0, out.targetCoin());
    }

    @Test
    void aUsdBandIsConvertedToCoinAtTheDecisionsSpot()
    {
        // 25 000 USD is 0.5 coin at 50 000 and 1.25 coin at 20 000
        final HedgeDecider decider = new HedgeDecider(band(25_000.0, DeltaUnit.USD).build());
        decider.decide(0.6, 0.0, 50_000.0, 0, out);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
        assertEquals(0.5, out.halfWidthCoin());
        assertEquals(-60, out.lots());
        decider.rearm();
        decider.decide(0.6, 0.0, 20_000.0, 1, out);
        assertEquals(HedgeReason.INSIDE_BAND, out.reason());
        assertEquals(1.25, out.halfWidthCoin());
    }

    @Test
    void aUsdTargetIsConvertedToCoinAtTheDecisionsSpot()
    {
        // a 100 000 USD long is 2 coin at 50 000: delta 0.6 buys 1.4 coin
        final HedgeDecider decider = new HedgeDecider(
            band(0.5, DeltaUnit.COIN).target(100_000.0, DeltaUnit.USD).build());
        decide(decider, 0.6, 0);
        assertEquals(2.0, out.targetCoin());
        assertEquals(140, out.lots());
    }

    @Test
    void aTradeBelowTheMinimumSizeIsNotMadeAndTheBandStaysArmed()
    {
        final HedgeDecider decider = new HedgeDecider(
            band(0.05, DeltaUnit.COIN).minTradeSizeCoin("0.1").build());
        decide(decider, 0.09, 0);
        assertEquals(HedgeReason.BELOW_MIN_SIZE, out.reason());
        assertEquals(0, out.lots());
        assertTrue(decider.armed());
        decide(decider, 0.1, 1);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
        assertEquals(-10, out.lots());
    }

    @Test
    void roundingTowardLessTradingNeverCarriesTheHedgePastTheTarget()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.5, DeltaUnit.COIN).build());
        decide(decider, 0.7099, 0);
        assertEquals(-70, out.lots());
        decider.rearm();
        decide(decider, -0.7099, 1);
        assertEquals(70, out.lots());
    }

    @Test
    void hysteresisSuppressesPingPongWhileDeltaJumpsAcrossTheBand()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.5, DeltaUnit.COIN).rearm(0.5, 3_600_000).build());
        int trades = 0;
        int suppressed = 0;
        for (int i = 0; i < 200; i++)
        {
            // no hedge is applied to the path: every sample is outside the band, alternately above and below
            decide(decider, (i % 2 == 0 ? 1 : -1) * (0.6 + 0.001 * (i % 7)), i * 1_000L);
            trades += out.trades() ? 1 : 0;
            suppressed += out.reason() == HedgeReason.SUPPRESSED_HYSTERESIS ? 1 : 0;
        }
        assertEquals(1, trades);
        assertEquals(199, suppressed);
    }

    @Test
    void hysteresisSuppressesRepeatedSmallTradesWhileDeltaHoversAtTheBandsEdge()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.5, DeltaUnit.COIN).rearm(0.5, 3_600_000).build());
        int trades = 0;
        for (int i = 0; i < 200; i++)
        {
            decide(decider, i % 2 == 0 ? 0.52 : 0.48, i * 1_000L);
            trades += out.trades() ? 1 : 0;
        }
        assertEquals(1, trades);
    }

    @Test
    void theBandReArmsOnceDeltaIsBackInsideTheReArmBand()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.5, DeltaUnit.COIN).rearm(0.5, 3_600_000).build());
        decide(decider, 0.7, 0);
        assertTrue(out.trades());
        assertFalse(decider.armed());
        // 0.35 is inside the band but outside re-arm band 0.25 (+ one lot of slack 0.01)
        decide(decider, 0.35, 1_000);
        assertFalse(decider.armed());
        decide(decider, 0.8, 2_000);
        assertEquals(HedgeReason.SUPPRESSED_HYSTERESIS, out.reason());
        // the hedge fills: delta is back near the target
        decide(decider, 0.1, 3_000);
        assertTrue(decider.armed());
        decide(decider, 0.8, 4_000);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
        assertEquals(-80, out.lots());
    }

    @Test
    void aBandEdgeHedgeThatFilledReArmsDespiteTheLotItLeftUntraded()
    {
        final HedgeDecider decider = new HedgeDecider(
            band(0.5, DeltaUnit.COIN).rebalanceTo(RebalanceTo.BAND_EDGE).rearm(0.5, 3_600_000).build());
        decide(decider, 0.7034, 0);
        assertEquals(-45, out.lots());
        decide(decider, 0.7034 - 0.45, 1_000);
        assertTrue(decider.armed());
    }

    @Test
    void theBandReArmsAfterTheFailSafeDelayOrWhenExecutionReportsTheHedgeDropped()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.5, DeltaUnit.COIN).rearm(0.5, 30_000).build());
        decide(decider, 0.7, 0);
        decide(decider, 0.7, 29_999);
        assertEquals(HedgeReason.SUPPRESSED_HYSTERESIS, out.reason());
        decide(decider, 0.7, 30_000);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
        decide(decider, 0.7, 30_001);
        assertEquals(HedgeReason.SUPPRESSED_HYSTERESIS, out.reason());
        decider.rearm();
        decide(decider, 0.7, 30_002);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
    }

    @Test
    void theRateCapHoldsTradesBackUntilTheOldestLeavesTheRollingMinute()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.1, DeltaUnit.COIN).maxOrdersPerMinute(2).build());
        decide(decider, 0.5, 0);
        assertTrue(out.trades());
        decide(decider, 0.0, 5_000);
        decide(decider, 0.5, 10_000);
        assertTrue(out.trades());
        decide(decider, 0.0, 15_000);
        decide(decider, 0.5, 20_000);
        assertEquals(HedgeReason.SUPPRESSED_RATE_CAP, out.reason());
        assertEquals(0, out.lots());
        decide(decider, 0.5, 59_999);
        assertEquals(HedgeReason.SUPPRESSED_RATE_CAP, out.reason());
        decide(decider, 0.5, 60_000);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
    }

    @Test
    void flattenTradesToTheTargetWhateverTheBandAndHysteresisSay()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.5, DeltaUnit.COIN).build());
        decide(decider, 0.9, 0);
        assertTrue(out.trades());
        decider.requestFlatten();
        decide(decider, 0.3, 1);
        assertEquals(HedgeReason.FLATTEN, out.reason());
        assertEquals(-30, out.lots());
        decide(decider, 0.3, 2);
        assertEquals(HedgeReason.INSIDE_BAND, out.reason());
    }

    @Test
    void badMarketDataGivesInvalidInputAndChangesNothing()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.5, DeltaUnit.COIN).build());
        decider.decide(Double.NaN, 0.0, SPOT, 0, out);
        assertEquals(HedgeReason.INVALID_INPUT, out.reason());
        assertEquals(0, out.lots());
        assertEquals(0.0, out.quantityCoin());
        decider.decide(0.7, Double.POSITIVE_INFINITY, SPOT, 0, out);
        assertEquals(HedgeReason.INVALID_INPUT, out.reason());
        decider.decide(0.7, 0.0, 0.0, 0, out);
        assertEquals(HedgeReason.INVALID_INPUT, out.reason());
        decider.decide(0.7, 0.0, Double.NaN, 0, out);
        assertEquals(HedgeReason.INVALID_INPUT, out.reason());
        decider.decide(1e300, 0.0, SPOT, 0, out);
        assertEquals(HedgeReason.INVALID_INPUT, out.reason());
        assertTrue(decider.armed());
        decide(decider, 0.7, 0);
        assertEquals(-70, out.lots());
    }

    @Test
    void aClockThatStepsBackIsTakenAsTheLatestTimeSeen()
    {
        final HedgeDecider decider = new HedgeDecider(band(0.1, DeltaUnit.COIN).maxOrdersPerMinute(1).build());
        decide(decider, 0.5, 100_000);
        assertTrue(out.trades());
        decider.rearm();
        decide(decider, 0.5, 0);
        assertEquals(HedgeReason.SUPPRESSED_RATE_CAP, out.reason());
        assertEquals(100_000, out.decidedAtMs());
    }
}
