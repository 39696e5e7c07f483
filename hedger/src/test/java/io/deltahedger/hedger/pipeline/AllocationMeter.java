package io.deltahedger.hedger.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * What the pipeline's allocation tests share: a sink that counts without allocating, a wait for the release stage,
 * the pipeline's stage threads (whose allocated bytes HotSpot counts) and a sum of those counters.
 */
final class AllocationMeter
{
    private AllocationMeter()
    {
    }

    /** Counts on the release thread without allocating; published to the test thread by the volatile write. */
    static final class CountingSink implements DecisionSink
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

    /** Spins until the sink has seen {@code events} events; fails after 30 s instead of hanging. */
    static void awaitReleased(final CountingSink sink, final long events)
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

    /** The threads that run a pipeline's events: the publisher's own, plus one or five stage threads. */
    static int threadsRunning(final StageThreading threading)
    {
        return switch (threading)
        {
            case CALLER_RUNS -> 1;
            case SINGLE_THREAD -> 2;
            case THREAD_PER_STAGE -> 6;
        };
    }

    /**
     * The threads to measure: this (publishing) thread first, then the pipeline stage threads started since
     * {@code earlier} was taken.
     */
    static long[] measuredThreads(final List<Long> earlier)
    {
        final List<Long> mine = pipelineThreadIds();
        mine.removeAll(earlier);
        mine.add(0, Thread.currentThread().getId());
        return mine.stream().mapToLong(Long::longValue).toArray();
    }

    /** 1,024 index levels around 50,000, within 1%: a path the allocation tests cycle through. */
    static double[] sinePath()
    {
        final double[] path = new double[1024];
        for (int k = 0; k < path.length; k++)
        {
            path[k] = 50_000 * (1 + 0.01 * Math.sin(k * 0.05));
        }
        return path;
    }

    /** Publishes {@code events} market events along the path: index moves and perpetual tickers alternately. */
    static void drive(final PipelineWorld w, final double[] path, final int events)
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
                w.perpTicker(spot);
            }
        }
    }

    /** The ids of the live pipeline stage threads. */
    static List<Long> pipelineThreadIds()
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

    static long sum(final long[] values)
    {
        long s = 0;
        for (final long v : values)
        {
            s += v;
        }
        return s;
    }
}
