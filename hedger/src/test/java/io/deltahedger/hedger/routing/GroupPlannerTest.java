package io.deltahedger.hedger.routing;

import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.venues.Side;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.deltahedger.hedger.routing.RoutingWorld.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner on real books of Binance and Bybit BTCUSDT (linear) and Deribit BTC-PERPETUAL (inverse). */
class GroupPlannerTest
{
    private static final double INDEX = 50_000;
    private static final int ALL = 0b111;

    private final RoutingWorld w = new RoutingWorld();
    private final LegGroup legs = new LegGroup(16);

    private GroupPlanner linearPair(final double binanceBps, final double bybitBps)
    {
        return w.planner(ExecutionLimits.unlimited(), new HedgeCandidate("binance-usdm:BTCUSDT", binanceBps, 2),
            new HedgeCandidate("bybit:BTCUSDT", bybitBps, 2));
    }

    private void marks()
    {
        w.mark(w.binancePerp, INDEX);
        w.mark(w.bybitPerp, INDEX);
        w.mark(w.deribitPerp, INDEX);
    }

    @Test
    void buysOnTheCheaperVenueFirst()
    {
        final GroupPlanner planner = linearPair(0, 0);
        marks();
        w.richAccounts();
        w.snapshot(w.binancePerp, levels(49_990, 5_000), levels(50_010, 5_000));
        w.snapshot(w.bybitPerp, levels(49_995, 5_000), levels(50_005, 5_000));

        assertTrue(planner.plan(1.0, INDEX, 0b11, legs));

        assertEquals(1, legs.size());
        assertEquals(w.bybit, legs.account(0));
        assertEquals(w.bybitPerp, legs.instrument(0));
        assertEquals(Side.BUY, legs.side(0));
        assertEquals(1_000, legs.lots(0), "1 BTC in 0.001 BTC lots");
        assertEquals(INDEX * 1.001, legs.limitPrice(0), 1e-9, "the price-protection bound");
        assertEquals(5.0, planner.expectedCostUsd(), 1e-6, "1 BTC at 5 USD over the index");
    }

    @Test
    void sellsIntoTheHigherBidFirst()
    {
        final GroupPlanner planner = linearPair(0, 0);
        marks();
        w.richAccounts();
        w.snapshot(w.binancePerp, levels(49_998, 5_000), levels(50_010, 5_000));
        w.snapshot(w.bybitPerp, levels(49_990, 5_000), levels(50_005, 5_000));

        assertTrue(planner.plan(-2.0, INDEX, 0b11, legs));

        assertEquals(1, legs.size());
        assertEquals(w.binancePerp, legs.instrument(0));
        assertEquals(Side.SELL, legs.side(0));
        assertEquals(2_000, legs.lots(0));
        assertEquals(INDEX * 0.999, legs.limitPrice(0), 1e-9);
        assertEquals(4.0, planner.expectedCostUsd(), 1e-6, "2 BTC at 2 USD under the index");
    }

    @Test
    void splitsWhenTheCheapBookIsThin()
    {
        final GroupPlanner planner = linearPair(0, 0);
        marks();
        w.richAccounts();
        w.snapshot(w.binancePerp, levels(49_990, 5_000), levels(50_010, 5_000));
        // Bybit: 0.4 BTC at 50,005, then 50,030 (dearer than Binance's first level)
        w.snapshot(w.bybitPerp, levels(49_995, 5_000), levels(50_005, 400, 50_030, 5_000));

        assertTrue(planner.plan(1.0, INDEX, 0b11, legs));

        assertEquals(2, legs.size());
        assertEquals(w.binancePerp, legs.instrument(0), "legs in candidate order");
        assertEquals(600, legs.lots(0));
        assertEquals(w.bybitPerp, legs.instrument(1));
        assertEquals(400, legs.lots(1));
        assertEquals(0.4 * 5 + 0.6 * 10, planner.expectedCostUsd(), 1e-6);
        assertEquals(1.0, planner.plannedCoin(), 1e-12);
    }

    @Test
    void aTakerFeeCanMakeTheTighterBookTheDearerOne()
    {
        // Bybit's ask is 5 USD better but its 10 bps fee costs 50 USD a coin; Binance's 1 bps costs 5
        final GroupPlanner planner = linearPair(1, 10);
        marks();
        w.richAccounts();
        w.snapshot(w.binancePerp, levels(49_990, 5_000), levels(50_010, 5_000));
        w.snapshot(w.bybitPerp, levels(49_995, 5_000), levels(50_005, 5_000));

        assertTrue(planner.plan(1.0, INDEX, 0b11, legs));

        assertEquals(1, legs.size());
        assertEquals(w.binancePerp, legs.instrument(0));
        assertEquals(10 + 50_010 * 1e-4, planner.expectedCostUsd(), 1e-6);
    }

    @Test
    void neverWalksPastTheProtectionBound()
    {
        final GroupPlanner planner = linearPair(0, 0);
        marks();
        w.richAccounts();
        // bound: 50,000 x 1.001 = 50,050; only 0.3 BTC on Binance and 0.2 on Bybit are inside it
        w.snapshot(w.binancePerp, levels(49_990, 5_000), levels(50_040, 300, 50_060, 50_000));
        w.snapshot(w.bybitPerp, levels(49_990, 5_000), levels(50_050, 200, 50_050.1, 50_000));

        assertTrue(planner.plan(5.0, INDEX, 0b11, legs));

        assertEquals(300, legs.lots(0));
        assertEquals(200, legs.lots(1));
        assertEquals(0.5, planner.plannedCoin(), 1e-12, "the rest is left unplanned, not chased");
    }

    @Test
    void inverseLotsAreUsdAtTheMarkRoundedTowardZero()
    {
        final GroupPlanner planner = w.planner(ExecutionLimits.unlimited(), new HedgeCandidate("deribit:BTC-PERPETUAL", 5, 0));
        w.mark(w.deribitPerp, 50_001);
        w.richAccounts();
        w.snapshot(w.deribitPerp, levels(50_000, 100_000), levels(50_002, 100_000));

        assertTrue(planner.plan(1.2345, INDEX, 1, legs));

        // 1.2345 coin x 50,001 USD/coin = 61,726.23 USD = 6,172 lots of 10 USD
        assertEquals(6_172, legs.lots(0));
        assertEquals(w.deribit, legs.account(0));
        assertEquals(50_001 * 1.001, legs.limitPrice(0), 1e-9);
        assertEquals(6_172 * 10 / 50_001.0, planner.plannedCoin(), 1e-12);
        assertTrue(planner.plannedCoin() <= 1.2345);
    }

    @Test
    void aCandidateUnderItsMinimumIsDroppedAndTheRestReplanned()
    {
        // Bybit's minimum order here is 0.5 BTC, but only 0.2 BTC of its cheap depth lies inside the bound
        final RoutingWorld world = new RoutingWorld("0.5");
        final GroupPlanner planner = world.planner(ExecutionLimits.unlimited(),
            HedgeCandidate.feeless("binance-usdm:BTCUSDT"), HedgeCandidate.feeless("bybit:BTCUSDT"));
        world.mark(world.binancePerp, INDEX);
        world.mark(world.bybitPerp, INDEX);
        world.richAccounts();
        world.snapshot(world.binancePerp, levels(49_990, 5_000), levels(50_010, 5_000));
        world.snapshot(world.bybitPerp, levels(49_995, 5_000), levels(50_001, 200, 50_100, 5_000));

        assertTrue(planner.plan(1.0, INDEX, 0b11, legs));

        assertEquals(1, legs.size());
        assertEquals(world.binancePerp, legs.instrument(0));
        assertEquals(1_000, legs.lots(0), "Binance takes what Bybit could not");
        assertEquals(10.0, planner.expectedCostUsd(), 1e-6, "the dropped candidate's cost is not counted");
    }

    @Test
    void aLegStopsAtItsInstrumentsMaximumOrderSize()
    {
        final GroupPlanner planner = w.planner(new ExecutionLimits(Map.of("bybit:BTCUSDT", 250L), Long.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 100), HedgeCandidate.feeless("binance-usdm:BTCUSDT"),
            HedgeCandidate.feeless("bybit:BTCUSDT"));
        marks();
        w.richAccounts();
        w.snapshot(w.binancePerp, levels(49_990, 5_000), levels(50_010, 5_000));
        w.snapshot(w.bybitPerp, levels(49_995, 5_000), levels(50_001, 5_000));

        assertTrue(planner.plan(1.0, INDEX, 0b11, legs));

        assertEquals(750, legs.lots(0));
        assertEquals(250, legs.lots(1));
    }

    @Test
    void noUsableBookMeansNoLegs()
    {
        final GroupPlanner planner = linearPair(0, 0);
        marks();
        w.richAccounts();
        w.snapshot(w.binancePerp, levels(49_990, 5_000), levels(50_010, 5_000));
        w.snapshot(w.bybitPerp, levels(49_995, 5_000), levels(50_005, 5_000));
        w.gap(w.binancePerp);
        w.gap(w.bybitPerp);

        assertEquals(0, planner.plannable(0b11));
        assertFalse(planner.plan(1.0, INDEX, 0b11, legs));
        assertEquals(0, legs.size());
        assertEquals(0.0, planner.plannedCoin());
    }

    @Test
    void onlyTheCandidatesTheGuardAllowsAreUsed()
    {
        final GroupPlanner planner = linearPair(0, 0);
        marks();
        w.richAccounts();
        w.snapshot(w.binancePerp, levels(49_990, 5_000), levels(50_010, 5_000));
        w.snapshot(w.bybitPerp, levels(49_995, 5_000), levels(50_005, 5_000));

        assertTrue(planner.plan(1.0, INDEX, 0b01, legs), "Bybit is cheaper but stale");
        assertEquals(1, legs.size());
        assertEquals(w.binancePerp, legs.instrument(0));
    }

    @Test
    void anAccountAtItsThresholdGetsNoNewRisk()
    {
        final GroupPlanner planner = linearPair(0, 0);
        marks();
        // Bybit: cheaper, but maintenance margin is at 80% of equity: no headroom
        w.account(w.binance, 1_000_000, 0);
        w.account(w.bybit, 1_000, 800);
        w.snapshot(w.binancePerp, levels(49_990, 5_000), levels(50_010, 5_000));
        w.snapshot(w.bybitPerp, levels(49_995, 5_000), levels(50_005, 5_000));

        assertTrue(planner.plan(1.0, INDEX, 0b11, legs));

        assertEquals(1, legs.size());
        assertEquals(w.binancePerp, legs.instrument(0));
        assertEquals(1_000, legs.lots(0));
    }

    @Test
    void anAccountWithoutHeadroomMayStillReduceItsPositionButNotFlipIt()
    {
        final GroupPlanner planner = linearPair(0, 0);
        marks();
        w.account(w.binance, 1_000_000, 0);
        // Bybit short 0.3 BTC at its threshold: buying up to 0.3 BTC there only reduces
        w.account(w.bybit, 1_000, 900, w.bybitPerp, -300);
        w.snapshot(w.binancePerp, levels(49_990, 5_000), levels(50_010, 5_000));
        w.snapshot(w.bybitPerp, levels(49_995, 5_000), levels(50_005, 5_000));

        assertTrue(planner.plan(1.0, INDEX, 0b11, legs));

        assertEquals(2, legs.size());
        assertEquals(700, legs.lots(0), "Binance takes the rest");
        assertEquals(300, legs.lots(1), "Bybit reduces its short to flat and no further");
    }

    @Test
    void atEqualCostTheAccountWithMoreHeadroomGoesFirst()
    {
        final GroupPlanner planner = linearPair(0, 0);
        marks();
        // Binance has 40% of its equity as headroom, Bybit 79%
        w.account(w.binance, 100_000, 40_000);
        w.account(w.bybit, 100_000, 1_000);
        w.snapshot(w.binancePerp, levels(49_995, 5_000), levels(50_005, 500, 50_010, 5_000));
        w.snapshot(w.bybitPerp, levels(49_995, 5_000), levels(50_005, 500, 50_010, 5_000));

        assertTrue(planner.plan(0.7, INDEX, 0b11, legs));

        assertEquals(2, legs.size());
        assertEquals(200, legs.lots(0), "Binance gets what Bybit's equal-priced level cannot hold");
        assertEquals(500, legs.lots(1));
    }

    @Test
    void newRiskStopsWhereTheModelMarginWouldEatTheHeadroom()
    {
        final GroupPlanner planner = linearPair(0, 0);
        marks();
        w.account(w.binance, 1_000_000, 0);
        // Bybit headroom: 0.8 x 1,000 - 780 = 20 USDT = 0.4% of 5,000 USDT: 0.1 BTC at 50,000
        w.account(w.bybit, 1_000, 780);
        w.snapshot(w.binancePerp, levels(49_990, 5_000), levels(50_010, 5_000));
        w.snapshot(w.bybitPerp, levels(49_995, 5_000), levels(50_005, 5_000));

        assertTrue(planner.plan(1.0, INDEX, 0b11, legs));

        assertEquals(2, legs.size());
        assertEquals(w.bybitPerp, legs.instrument(1));
        final long bybitLots = legs.lots(1);
        // the tiered model charges 0.4% of notional at the mark: 100 lots = 20 USDT exactly
        assertTrue(bybitLots <= 100 && bybitLots >= 99, () -> "bybit lots " + bybitLots);
        assertEquals(1_000 - bybitLots, legs.lots(0));
    }

    @Test
    void theAccountPositionLimitCapsNewRiskButNotReductions()
    {
        final ExecutionLimits limits = new ExecutionLimits(Map.of(), Long.MAX_VALUE, 1.0, Double.POSITIVE_INFINITY, 100);
        final GroupPlanner planner = w.planner(limits, new HedgeCandidate("binance-usdm:BTCUSDT", 0, 0),
            new HedgeCandidate("bybit:BTCUSDT", 0, 0));
        marks();
        w.account(w.binance, 1_000_000, 0, w.binancePerp, 800);
        w.account(w.bybit, 1_000_000, 0, w.bybitPerp, -2_500);
        w.snapshot(w.binancePerp, levels(49_990, 50_000), levels(50_001, 50_000));
        w.snapshot(w.bybitPerp, levels(49_995, 50_000), levels(50_005, 50_000));

        assertTrue(planner.plan(5.0, INDEX, 0b11, legs));

        // Binance: long 0.8, may reach 1.0; Bybit: short 2.5, may buy up to long 1.0 (3.5 BTC)
        assertEquals(200, legs.lots(0));
        assertEquals(3_500, legs.lots(1));
    }

    @Test
    void refusesCandidatesThatAreNotDeltaOneHedgesOfOneUnderlying()
    {
        final String unknown = assertThrows(IllegalArgumentException.class,
            () -> w.planner(ExecutionLimits.unlimited(), new HedgeCandidate("deribit:ETH-PERPETUAL", 0, 0))).getMessage();
        assertEquals("hedge candidate 'deribit:ETH-PERPETUAL' is not registered in the margin book: register it with "
            + "MarginBook.addInstrument on its account first", unknown);
        final String twice = assertThrows(IllegalArgumentException.class, () -> w.planner(ExecutionLimits.unlimited(),
            HedgeCandidate.feeless("bybit:BTCUSDT"), HedgeCandidate.feeless("bybit:BTCUSDT"))).getMessage();
        assertEquals("hedge candidate 'bybit:BTCUSDT' is listed twice", twice);
    }
}
