package io.deltahedger.hedger.pipeline;


import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.pipeline.AllocationMeter.CountingSink;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static io.deltahedger.hedger.pipeline.AllocationMeter.awaitReleased;
import static io.deltahedger.hedger.pipeline.AllocationMeter.measuredThreads;
import static io.deltahedger.hedger.pipeline.AllocationMeter.pipelineThreadIds;
import static io.deltahedger.hedger.pipeline.AllocationMeter.sum;
import static io.deltahedger.hedger.pipeline.AllocationMeter.threadsRunning;

/**
 * With the execution stage wired (gateways, executor, GROUP_DONE publisher) market data still allocates nothing while
 * no group is open: HotSpot's allocated-bytes counters of the publishing thread and the stage thread(s) over 20,000
 * tickers and index moves that each revalue and decide inside the band.
 */
@Timeout(60)
class ExecutionAllocationTest
{
    private static final int EVENTS = 20_000;

    @ParameterizedTest
    @EnumSource(StageThreading.class)
    void marketDataAllocatesNothingWithExecutionWired(final StageThreading threading)
    {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
            "needs HotSpot's per-thread allocation counter");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final double[] path = new double[1024];
        for (int k = 0; k < path.length; k++)
        {
            path[k] = 40_000 * (1 - 0.01 * Math.abs(Math.sin(k * 0.05)));   // 2.5 BTC stays inside 100,000 USD
        }
        // warm the JIT on a first pipeline
        final CountingSink warm = new CountingSink();
        final ExecutionWorld first = new ExecutionWorld(ExecutionConfig.defaults(), threading, warm);
        first.calm(1_000_000);
        drive(first, path, EVENTS);
        awaitReleased(warm, EVENTS + 4);
        first.close();

        final List<Long> earlier = pipelineThreadIds();
        final CountingSink counting = new CountingSink();
        final ExecutionWorld w = new ExecutionWorld(ExecutionConfig.defaults(), threading, counting);
        w.calm(1_000_000);
        drive(w, path, 2_000);
        awaitReleased(counting, 2_000 + 4);
        final long[] ids = measuredThreads(earlier);
        assertEquals(threadsRunning(threading), ids.length);
        final long before = sum(threads.getThreadAllocatedBytes(ids));
        drive(w, path, EVENTS);
        awaitReleased(counting, EVENTS + 2_000 + 4);
        final long after = sum(threads.getThreadAllocatedBytes(ids));
        w.close();

        final double perEvent = (after - before) / (double)EVENTS;
        assertTrue(perEvent < 1.0, () -> (after - before) + " bytes over " + EVENTS + " events = " + perEvent + " B/event");
        assertTrue(counting.decided > EVENTS / 2, () -> "decisions taken: " + counting.decided);
        assertEquals(List.of(), w.gateway.placed(), "inside the band: nothing traded");
        assertEquals(List.of(), w.halts);
    }

    private static void drive(final ExecutionWorld w, final double[] path, final int events)
    {
        for (int n = 0; n < events; n++)
        {
            final double spot = path[n % path.length];
            if ((n & 1) == 0)
            {
                w.index(spot);
            }
            else
            {
                w.ticker(spot);
            }
        }
    }
}
