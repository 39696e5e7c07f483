package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the pipeline's stage threads wait for the next event. The pipeline runs five stage threads (market state,
 * Greeks, decision, margin gate, release) plus the venue I/O threads that publish.
 */
public enum PipelineWaitStrategy
{
    /** Lock and condition: no CPU when idle, wake-up costs a futex (tens of µs per stage when idle). */
    BLOCKING,
    /**
     * Spin briefly, yield, then park 100 ns at a time (Disruptor's {@code SleepingWaitStrategy}): low CPU when idle,
     * tens of µs of added latency. The default for a machine with fewer cores than stage threads: see
     * {@link PipelineConfig#DEFAULT_WAIT_STRATEGY}.
     */
    SLEEPING,
    /**
     * Spin 100 times, then {@link Thread#yield()}: the lowest latency that still gives the core away when another
     * thread is runnable. Needs about a core per stage thread: with fewer, every hand-off can cost a scheduler tick.
     */
    YIELDING,
    /** Spin without ever yielding: only with a dedicated, isolated core per stage thread (never on 2 cores). */
    BUSY_SPIN;

    WaitStrategy create()
    {
        return switch (this)
        {
            case BLOCKING -> new BlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }
}
