package io.deltahedger.hedger.pipeline;


import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.hedger.pipeline.AllocationMeter.CountingSink;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static io.deltahedger.hedger.pipeline.AllocationMeter.awaitReleased;
import static io.deltahedger.hedger.pipeline.AllocationMeter.drive;
import static io.deltahedger.hedger.pipeline.AllocationMeter.measuredThreads;
import static io.deltahedger.hedger.pipeline.AllocationMeter.pipelineThreadIds;
import static io.deltahedger.hedger.pipeline.AllocationMeter.sinePath;
import static io.deltahedger.hedger.pipeline.AllocationMeter.sum;
import static io.deltahedger.hedger.pipeline.AllocationMeter.threadsRunning;

/**
 * Steady state allocates nothing per event: HotSpot's allocated-bytes counters of the publishing thread and the five
 * stage threads over 20,000 market-data events (index moves that revalue 40 options and decide, and perpetual
 * tickers). A single allocation per event would be at least 16 B/event; the bound allows the few hundred bytes the JIT
 * may still cost while it settles.
 */
@Timeout(60)
class PipelineAllocationTest
{
    private static final int EVENTS = 20_000;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(StageThreading.class)
    void theHotPathAllocatesNothingPerEvent(final StageThreading threading)
    {
        measure(threading, false);
    }

    /**
     * With the margin monitor (HedgingPipeline.withMonitor): every perpetual mark and index re-projects the account's
     * ratio from its BTCUSDT short through the tiered model and publishes it for other threads.
     */
    @Test
    void theMonitoredHotPathAllocatesNothingPerEvent()
    {
        measure(StageThreading.SINGLE_THREAD, true);
    }

    private static void measure(final StageThreading threading, final boolean monitored)
    {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
            "needs HotSpot's per-thread allocation counter");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final List<OptionPosition> options = new ArrayList<>();
        for (int k = 0; k < 40; k++)
        {
            options.add(new OptionPosition("opt-" + k, "BTC", OptionModel.INVERSE,
                k % 2 == 0 ? OptionType.CALL : OptionType.PUT, 40_000 + 500 * k, PipelineWorld.T0 + 30L * 86_400_000L,
                k % 3 == 0 ? -1 : 1, 1.0, 0.6));
        }
        final PipelineWorld w = new PipelineWorld(
            HedgePolicy.builder("BTC", "0.001").band(new FixedBand(0.5, DeltaUnit.COIN)).build(), options,
            List.of(new DeltaOnePosition("spot", "BTC", false, 0.1, 1.0)));
        final double[] path = sinePath();
        w.live();
        w.account(1_000_000);
        drive(w, path, EVENTS);
        w.pipeline.close();
        // a second pipeline after the JIT has seen the first, with a counting sink that allocates nothing: measure it
        final CountingSink counting = new CountingSink();
        final List<Long> earlier = pipelineThreadIds();
        final PipelineWorld m = new PipelineWorld(PipelineConfig.defaults(List.of(new HedgeRoute(
            HedgePolicy.builder("BTC", "0.001").band(new FixedBand(0.5, DeltaUnit.COIN)).build(),
            "binance-usdm:BTCUSDT"))).withStageThreading(threading), options,
            List.of(new DeltaOnePosition("spot", "BTC", false, 0.1, 1.0)), counting,
            p -> monitored ? p.withMonitor(io.deltahedger.marginmonitor.monitor.MonitorConfig.defaults(), false) : p);
        m.live();
        if (monitored)
        {
            // marks first, so the snapshot's marks are known and later marks re-project the ratio
            m.perpTicker(50_000);
            m.index(50_000);
            m.pipeline.publishAccount(m.account, new io.deltahedger.venues.account.AccountSnapshot(
                io.deltahedger.venues.Venue.BINANCE_USDM, "USDT", m.clock.epochMs(), 1_000_000, 1_000_000, 999_000,
                1_000, 500, List.of(new io.deltahedger.venues.account.Position(PipelineWorld.btcusdt(), -10_000,
                    50_000, 50_000, 0, 0, 0, 0))));
        }
        else
        {
            m.account(1_000_000);
        }
        drive(m, path, 2_000);
        final int setup = monitored ? 4 : 2;
        awaitReleased(counting, 2_000 + setup);

        final long[] ids = measuredThreads(earlier);
        assertEquals(threadsRunning(threading), ids.length,
            "the publisher and the stage thread(s) of " + threading);
        final long before = sum(threads.getThreadAllocatedBytes(ids));
        drive(m, path, EVENTS);
        awaitReleased(counting, EVENTS + 2_000 + setup);
        final long after = sum(threads.getThreadAllocatedBytes(ids));
        m.close();

        final double perEvent = (after - before) / (double)EVENTS;
        assertTrue(perEvent < 1.0, () -> (after - before) + " bytes over " + EVENTS + " events = " + perEvent + " B/event");
        assertTrue(counting.decided > EVENTS / 2, () -> "decisions taken: " + counting.decided);
        if (monitored)
        {
            final double ratio = m.pipeline.marginRatio(m.account);
            assertTrue(ratio > 0 && ratio < 0.01 && ratio != 0.0005, () -> "projected, not the reported 0.0005: " + ratio);
        }
    }
}
