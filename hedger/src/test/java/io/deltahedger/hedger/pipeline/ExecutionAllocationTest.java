package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.ExecutionConfig;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        await(warm, EVENTS + 4);
        first.close();

        final List<Long> earlier = pipelineThreadIds();
        final CountingSink counting = new CountingSink();
        final ExecutionWorld w = new ExecutionWorld(ExecutionConfig.defaults(), threading, counting);
        w.calm(1_000_000);
        drive(w, path, 2_000);
        await(counting, 2_000 + 4);
        final List<Long> mine = pipelineThreadIds();
        mine.removeAll(earlier);
        mine.add(0, Thread.currentThread().getId());
        final long[] ids = mine.stream().mapToLong(Long::longValue).toArray();
        assertEquals(threading == StageThreading.SINGLE_THREAD ? 2 : 6, ids.length);
        final long before = sum(threads.getThreadAllocatedBytes(ids));
        drive(w, path, EVENTS);
        await(counting, EVENTS + 2_000 + 4);
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

    private static void await(final CountingSink sink, final long events)
    {
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (sink.released < events)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("released " + sink.released + " of " + events);
            }
            Thread.onSpinWait();
        }
    }

    private static List<Long> pipelineThreadIds()
    {
        final List<Long> ids = new ArrayList<>();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getName().startsWith("hedger-pipeline-") && t.isAlive())
            {
                ids.add(t.getId());
            }
        }
        return ids;
    }

    private static long sum(final long[] values)
    {
        long s = 0;
        for (final long v : values)
        {
            s += v;
        }
        return s;
    }

    /** Counts on the execution thread without allocating; published to the test thread by the volatile write. */
    private static final class CountingSink implements DecisionSink
    {
        volatile long released;
        long decided;

        @Override
        public void onApproved(final PipelineEvent event)
        {
            onNotApproved(event);
        }

        @Override
        public void onNotApproved(final PipelineEvent event)
        {
            if (event.decided())
            {
                decided++;
            }
            released = released + 1;
        }
    }
}
