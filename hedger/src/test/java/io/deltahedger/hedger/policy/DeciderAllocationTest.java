package io.deltahedger.hedger.policy;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Counts this thread's allocated bytes around steady-state decisions: it must be zero (JMH -prof gc confirms). */
class DeciderAllocationTest
{
    @Test
    void decidingAllocatesNothingInSteadyState()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final HedgeDecider decider = new HedgeDecider(HedgePolicy.builder("BTC", "0.0001")
            .band(new WhalleyWilmottBand(0.0005, 1e-4, 0.05, 5.0))
            .every(1, ScheduleMode.REBALANCE)
            .maxOrdersPerMinute(30)
            .build());
        final int size = 4096;
        final double[] deltas = new double[size];
        final SplittableRandom random = new SplittableRandom(7);
        double delta = 0.0;
        for (int i = 0; i < size; i++)
        {
            delta += random.nextDouble(-0.2, 0.2);
            deltas[i] = delta;
        }
        final HedgeDecision out = new HedgeDecision();
        long now = 1_700_000_000_000L;
        int trades = 0;
        // As in the venues' decoder test: the claim is the steady state, three consecutive runs allocating nothing
        // (a C2 deoptimisation while compiling may allocate a few bytes once).
        final List<Long> perRun = new ArrayList<>();
        int zeroRunsInARow = 0;
        for (int run = 0; run < 40 && zeroRunsInARow < 3; run++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < size; i++)
            {
                now += 50;
                decider.decide(deltas[i], 0.001 * (i & 3), 60_000.0, now, out);
                trades += out.trades() ? 1 : 0;
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            perRun.add(allocated);
            zeroRunsInARow = allocated == 0 ? zeroRunsInARow + 1 : 0;
        }
        assertTrue(trades > 0);
        assertEquals(3, zeroRunsInARow, "bytes allocated per run of 4096 decisions: " + perRun);
    }
}
