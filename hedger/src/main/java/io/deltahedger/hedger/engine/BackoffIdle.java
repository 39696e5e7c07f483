package io.deltahedger.hedger.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * What the duty-cycle thread does after a cycle without work (Agrona's {@code BackoffIdleStrategy} shape): spin a
 * little, then yield, then park for a doubling time up to {@code maxParkNs}. Any work resets it. On a shared 2-core
 * machine the parking phase leaves the pipeline's consumer and the Netty I/O threads the CPU; the cap bounds how late
 * a frame that arrives during a park is polled.
 */
final class BackoffIdle
{
    private static final int SPINS = 20;
    private static final int YIELDS = 10;
    private static final long MIN_PARK_NS = 1_000;

    private final long maxParkNs;
    private int idleCycles;
    private long parkNs = MIN_PARK_NS;

    /** @param maxParkNs the longest park, ns (e.g. 1 ms) */
    BackoffIdle(final long maxParkNs)
    {
        this.maxParkNs = maxParkNs;
    }

    /** Called after each cycle with the work it did. */
    void idle(final int work)
    {
        if (work > 0)
        {
            idleCycles = 0;
            parkNs = MIN_PARK_NS;
            return;
        }
        idleCycles++;
        if (idleCycles <= SPINS)
        {
            Thread.onSpinWait();
        }
        else if (idleCycles <= SPINS + YIELDS)
        {
            Thread.yield();
        }
        else
        {
            LockSupport.parkNanos(parkNs);
            parkNs = Math.min(parkNs * 2, maxParkNs);
        }
    }
}
