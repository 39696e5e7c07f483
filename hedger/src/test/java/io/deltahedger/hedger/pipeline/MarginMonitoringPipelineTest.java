package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.hedger.execution.Reports;
import io.deltahedger.marginmonitor.monitor.AlertLevel;
import io.deltahedger.marginmonitor.monitor.MonitorConfig;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stage 4's margin monitor and reduce-only de-risking through the real pipeline ({@link DeRiskWorld}): the Binance
 * account is short 2.5 BTC of BTCUSDT at 40,000 (maintenance 0.5% of 100,000 - 50 = 450 USDT) on 600 USDT of equity,
 * a ratio of 0.75 (WARN). At 40,040 the short loses 100 USDT and the margin grows to 450.5: 450.5 / 500 = 0.901,
 * CRITICAL and past the de-risking trigger (0.8).
 */
@Timeout(30)
class MarginMonitoringPipelineTest
{
    private static final double SQUEEZE = 40_040;

    /** The fewest lots to buy back so the remaining short's model margin is at most 0.6 of the equity (independent). */
    private static long expectedCutLots(final DeRiskWorld w, final long shortLots, final double equity)
    {
        for (long cut = 1; cut <= shortLots; cut++)
        {
            final double remaining = -(shortLots - cut) * 0.001;
            if (w.binanceModel.maintenanceMargin(w.book.instrument(w.binancePerp), remaining, SQUEEZE, SQUEEZE)
                <= 0.6 * equity)
            {
                return cut;
            }
        }
        return shortLots;
    }

    @Test
    void alertLevelsFollowTheSnapshotsAndTheMarks()
    {
        try (DeRiskWorld w = new DeRiskWorld(false, false))
        {
            assertTrue(Double.isNaN(w.pipeline.marginRatio(w.binance)), "no snapshot yet");
            w.open(40_000, -2_500, 600, 450);
            w.sync();
            assertEquals(0.75, w.pipeline.marginRatio(w.binance), 1e-12, "the venue's own ratio on a snapshot");
            assertEquals(AlertLevel.WARN, w.pipeline.alertLevel(w.binance));
            assertEquals(0.0, w.pipeline.marginRatio(w.deribit), 1e-12);
            assertEquals(AlertLevel.NORMAL, w.pipeline.alertLevel(w.deribit));

            w.clock.advanceMs(100);
            w.market(SQUEEZE);
            w.sync();
            final double squeezed = (0.005 * 2.5 * SQUEEZE - 50) / (600 - 2.5 * 40);
            assertEquals(squeezed, w.pipeline.marginRatio(w.binance), 1e-9, "projected from the marks between snapshots");
            assertEquals(AlertLevel.CRITICAL, w.pipeline.alertLevel(w.binance));

            w.clock.advanceMs(100);
            w.market(39_000);
            w.sync();
            final double eased = (0.005 * 2.5 * 39_000 - 50) / (600 + 2.5 * 1_000);
            assertEquals(eased, w.pipeline.marginRatio(w.binance), 1e-9);
            assertEquals(AlertLevel.NORMAL, w.pipeline.alertLevel(w.binance));

            synchronized (w.alerts)
            {
                assertEquals(3, w.alerts.size(), () -> "alerts " + w.alerts);
                assertEquals(new DeRiskWorld.Alert(w.binance, AlertLevel.WARN, 0.75), w.alerts.get(0));
                assertEquals(AlertLevel.CRITICAL, w.alerts.get(1).level());
                assertEquals(squeezed, w.alerts.get(1).ratio(), 1e-9);
                assertEquals(AlertLevel.NORMAL, w.alerts.get(2).level());
            }
            assertEquals(List.of(), w.deRisks, "monitoring only: nothing is cut");
            assertEquals(List.of(), w.halts);
        }
    }

    @Test
    void anAccountSqueezedPastTheTriggerIsCutOnceWithReduceOnlyOrdersAndTheOtherAccountTakesTheReHedge()
    {
        try (DeRiskWorld w = new DeRiskWorld(true, true))
        {
            w.open(40_000, -2_500, 600, 450);
            w.sync();
            assertEquals(List.of(), w.deRisks, "0.75 is below the trigger");

            w.clock.advanceMs(100);
            w.market(SQUEEZE);
            final OrderRequest cut = w.order(w.binanceGateway, 1);
            w.sync();
            final long lots = expectedCutLots(w, 2_500, 500);
            assertEquals(752, lots, "0.5% x notional - 50 <= 300 USDT: at most 1.748 BTC short may stay");
            assertEquals(1, w.deRisks.size(), () -> "de-risks " + w.deRisks);
            final DeRiskWorld.DeRisk plan = w.deRisks.get(0);
            assertEquals(w.binance, plan.account());
            assertTrue(plan.reachesTarget());
            assertTrue(plan.projectedRatio() <= 0.6);
            assertEquals(List.of(new DeRiskWorld.MultiLeg(w.binance, w.binancePerp, Side.BUY, lots, SQUEEZE * 1.005)),
                plan.legs(), "one leg, buying back part of the short, priced 0.5% through the mark");
            assertEquals(100, plan.groupId());

            assertTrue(cut.reduceOnly(), "a de-risking order can only reduce");
            assertEquals(Side.BUY, cut.side());
            assertEquals(lots, cut.amountLots());
            assertEquals(OrderType.LIMIT, cut.type());
            assertEquals(TimeInForce.IOC, cut.timeInForce());
            assertEquals((long)Math.floor(SQUEEZE * 1.005 / 0.1 + 1e-9), cut.priceTicks(), "the protective bound");
            assertEquals(100, cut.clientOrderId().groupId());
            assertEquals(List.of(), w.deribitGateway.placed(), "the delta is unchanged until the cut fills");

            // more ticks while the cut is in flight: no second group for the account
            w.clock.advanceMs(100);
            w.market(SQUEEZE + 10);
            w.sync();
            assertEquals(1, w.binanceGateway.placed().size());
            assertEquals(1, w.deRisks.size());

            w.clock.advanceMs(5);
            w.binanceReport(Reports.ack(cut, w.clock.epochMs()));
            w.binanceReport(Reports.fill(cut, lots, lots, cut.priceTicks() - 50, w.clock.epochMs()));
            w.awaitGroups(1);
            final GroupOutcome outcome = w.groups.get(0);
            assertTrue(outcome.deRisk());
            assertEquals(GroupState.COMPLETE, outcome.state());
            assertEquals(-1, outcome.underlying());
            assertEquals(w.binance, outcome.deRiskAccount());
            assertEquals(lots * 0.001, outcome.filledCoin(), 1e-12);
            w.await("account refresh after the cut", () -> w.binanceGateway.accountRequests() == 1);

            // the venue's report after the cut: 1.748 BTC short, the ratio back under the target
            w.clock.advanceMs(50);
            final long left = 2_500 - lots;
            final double mm = 0.005 * left * 0.001 * (SQUEEZE + 10) - 50;
            w.binanceAccount(-left, 500, mm);
            w.clock.advanceMs(100);
            w.market(SQUEEZE + 10);
            final OrderRequest hedge = w.order(w.deribitGateway, 1);
            w.sync();
            assertTrue(w.pipeline.marginRatio(w.binance) < 0.8);
            assertFalse(hedge.reduceOnly(), "a hedge order");
            assertEquals(Side.SELL, hedge.side(), "the cut released long delta: the account with room sells it");
            assertEquals(lots * 0.001, hedge.amountLots() * 10 / (SQUEEZE + 10), 2 * 10 / (SQUEEZE + 10),
                "the 0.752 BTC the cut released, in 10 USD lots");
            assertEquals(1, w.binanceGateway.placed().size(), "no more de-risking once the ratio is back below");
            assertEquals(1, w.deRisks.size());
            assertEquals(List.of(), w.halts);
        }
    }

    @Test
    void aSnapshotBeforeTheFirstMarksDefersTheCutToTheMarksRatherThanReportingNothingToCut()
    {
        try (DeRiskWorld w = new DeRiskWorld(true, true))
        {
            w.live();
            w.binanceAccount(-2_500, 500, 450.5);
            w.sync();
            assertEquals(AlertLevel.CRITICAL, w.pipeline.alertLevel(w.binance), "the venue's own ratio, 0.901");
            assertEquals(List.of(), w.deRisks, "no mark or index yet: nothing can be priced");

            w.market(SQUEEZE);
            final OrderRequest cut = w.order(w.binanceGateway, 1);
            w.sync();
            assertTrue(cut.reduceOnly());
            assertEquals(Side.BUY, cut.side());
            assertEquals(expectedCutLots(w, 2_500, 500), cut.amountLots());
            assertEquals(1, w.deRisks.size());
        }
    }

    @Test
    void pauseAndTheBreakerDoNotStopADeRiskButKillDoes()
    {
        try (DeRiskWorld w = new DeRiskWorld(true, true))
        {
            w.open(40_000, -2_500, 600, 450);
            w.command(EngineCommand.PAUSE);
            w.clock.advanceMs(100);
            w.market(SQUEEZE);
            final OrderRequest cut = w.order(w.binanceGateway, 1);
            assertTrue(cut.reduceOnly());
            assertTrue(w.pipeline.status().paused());

            w.command(EngineCommand.KILL);
            w.awaitGroups(1);
            assertEquals(GroupState.KILLED, w.groups.get(0).state());
            assertTrue(w.groups.get(0).deRisk());

            // the venue reports the account still squeezed: a new plan, refused while killed
            w.clock.advanceMs(100);
            w.binanceAccount(-2_500, 500, 450.5);
            w.awaitGroups(2);
            w.sync();
            assertEquals(GroupState.BLOCKED, w.groups.get(1).state());
            assertTrue(w.groups.get(1).deRisk());
            assertEquals(1, w.binanceGateway.placed().size(), "nothing sent after KILL");
            assertEquals(2, w.deRisks.size());
            assertEquals(w.groups.get(1).groupId(), w.deRisks.get(1).groupId());
        }
    }

    @Test
    void anAccountWithNothingTheEngineMayCutIsReportedAsShortOfTheTarget()
    {
        try (DeRiskWorld w = new DeRiskWorld(true, true))
        {
            // the margin is all the venue's (positions the book does not model): no perpetual to cut
            w.open(40_000, 0, 600, 540);
            w.sync();
            assertEquals(1, w.deRisks.size(), () -> "de-risks " + w.deRisks);
            final DeRiskWorld.DeRisk plan = w.deRisks.get(0);
            assertEquals(w.binance, plan.account());
            assertEquals(List.of(), plan.legs());
            assertEquals(-1, plan.groupId());
            assertFalse(plan.reachesTarget());
            assertEquals(0.9, plan.ratioBefore(), 1e-12);

            w.clock.advanceMs(100);
            w.market(40_010);
            w.sync();
            assertEquals(1, w.deRisks.size(), "reported once per snapshot, not on every tick");
            assertEquals(List.of(), w.binanceGateway.placed());
        }
    }

    @Test
    void deRiskingNeedsAnExecutingPipelineAndTheRatioNeedsAMonitor()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new DeRiskWorld(true, false));
        assertTrue(e.getMessage().contains("deRiskEnabled=false"), e.getMessage());
        final IllegalArgumentException fight = assertThrows(IllegalArgumentException.class,
            () -> new ExecutionWorld(io.deltahedger.hedger.execution.ExecutionConfig.defaults(),
                StageThreading.SINGLE_THREAD, null,
                p -> p.withMonitor(new MonitorConfig(0.5, 0.7, 0.05, 0.7, 0.5), true)));
        assertTrue(fight.getMessage().contains("below the margin gate's threshold 0.8"), fight.getMessage());
        try (ExecutionWorld w = new ExecutionWorld(io.deltahedger.hedger.execution.ExecutionConfig.defaults()))
        {
            final IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> w.pipeline.marginRatio(0));
            assertTrue(none.getMessage().contains("withMonitor"), none.getMessage());
            assertThrows(IllegalStateException.class, () -> w.pipeline.withMonitor(MonitorConfig.defaults(), false),
                "after start");
        }
    }
}
