package io.deltahedger.hedger.routing;

import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.deltahedger.hedger.routing.RoutingWorld.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts this thread's allocated bytes around steady-state book changes, marks, plans over three venues and their
 * admission: zero (the JMH benchmark's -prof gc confirms).
 */
class RoutingAllocationTest
{
    @Test
    void bookUpdatesPlanningAndAdmissionAllocateNothingInSteadyState()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final RoutingWorld w = new RoutingWorld();
        final GroupPlanner planner = w.planner(new ExecutionLimits(java.util.Map.of(), 5_000, 20.0, 1e12, 1_000),
            new HedgeCandidate("deribit:BTC-PERPETUAL", 5, 0), new HedgeCandidate("binance-usdm:BTCUSDT", 4, 2),
            new HedgeCandidate("bybit:BTCUSDT", 5.5, 2));
        final GroupAdmission admission = new GroupAdmission(w.book, new MarginGate(w.book,
            new GateConfig(0.8, Long.MAX_VALUE / 4, new double[] {-0.1, 0.1}, new double[] {0.0}, 0)),
            new ExecutionLimits(java.util.Map.of(), 5_000, 20.0, 1e12, 1_000));
        w.bookMarket(50_000);
        w.mark(w.deribitPerp, 50_000);
        w.mark(w.binancePerp, 50_000);
        w.mark(w.bybitPerp, 50_000);
        w.richAccounts();
        w.snapshot(w.deribitPerp, levels(49_999, 20_000, 49_990, 50_000), levels(50_001, 20_000, 50_010, 50_000));
        w.snapshot(w.binancePerp, levels(49_999.9, 2_000, 49_990, 5_000), levels(50_000.1, 2_000, 50_010, 5_000));
        w.snapshot(w.bybitPerp, levels(49_999.5, 1_000, 49_995, 5_000), levels(50_000.5, 1_000, 50_005, 5_000));

        final int size = 1024;
        final MarketDataEvent[] changes = new MarketDataEvent[size];
        final double[] quantities = new double[size];
        final SplittableRandom random = new SplittableRandom(11);
        for (int k = 0; k < size; k++)
        {
            final int i = k % 3 == 0 ? w.deribitPerp : k % 3 == 1 ? w.binancePerp : w.bybitPerp;
            final double tick = w.tick(i);
            final MarketDataEvent change = new MarketDataEvent();
            change.header(w.book.venue(w.book.accountOf(i)), MarketDataType.TICKER, i, 0);
            change.markPrice(Math.round(50_000 * (1 + random.nextDouble(-1e-4, 1e-4)) / tick) * tick);
            changes[k] = change;
            quantities[k] = random.nextDouble(-3, 3);
        }
        final LegGroup legs = new LegGroup(16);
        final GateVerdict verdict = new GateVerdict();
        long now = 1_000;
        int approved = 0;
        final List<Long> perRun = new ArrayList<>();
        int zeroRunsInARow = 0;
        for (int run = 0; run < 40 && zeroRunsInARow < 3; run++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < size; k++)
            {
                w.market.onMarketData(changes[k]);
                now += 10;
                if (planner.plan(quantities[k], 50_000, 0b111, legs)
                    && admission.admit(legs, now, verdict) == GroupAdmission.Outcome.APPROVED)
                {
                    approved++;
                }
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            perRun.add(allocated);
            zeroRunsInARow = allocated == 0 ? zeroRunsInARow + 1 : 0;
        }
        assertTrue(approved > 0);
        assertEquals(3, zeroRunsInARow, "bytes allocated per run of 1024 plans and admissions: " + perRun);
    }
}
