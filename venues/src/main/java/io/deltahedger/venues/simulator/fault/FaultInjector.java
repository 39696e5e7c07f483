package io.deltahedger.venues.simulator.fault;

import java.util.SplittableRandom;

/**
 * Draws the faults of {@link FaultConfig} from a seeded random. The configuration can be swapped at run time (tests
 * switch a fault on, observe it, switch it off). Used on the exchange thread only.
 */
public final class FaultInjector
{
    private final SplittableRandom random;
    private volatile FaultConfig config;

    public FaultInjector(final FaultConfig config, final SplittableRandom random)
    {
        this.config = config;
        this.random = random;
    }

    public FaultConfig config()
    {
        return config;
    }

    public void configure(final FaultConfig newConfig)
    {
        this.config = java.util.Objects.requireNonNull(newConfig, "fault config");
    }

    public boolean dropBookMessage()
    {
        return draw(config.bookDropProbability());
    }

    public boolean reorderBookMessage()
    {
        return draw(config.bookReorderProbability());
    }

    public boolean closeConnection()
    {
        return draw(config.closeConnectionPerTick());
    }

    public boolean loseReply()
    {
        return draw(config.replyLossProbability());
    }

    /**
     * @return the delay in ms to hold a reply for, or 0 to send it now.
     */
    public long replyDelayMs()
    {
        return draw(config.replyDelayProbability()) ? config.replyDelayMs() : 0;
    }

    public boolean rejectOrder()
    {
        return draw(config.orderRejectProbability());
    }

    public boolean closeAfterOrder()
    {
        return draw(config.closeAfterOrderProbability());
    }

    public boolean heartbeatsStopped()
    {
        return config.heartbeatsStopped();
    }

    private boolean draw(final double probability)
    {
        // No draw for a disabled fault, so switching one fault on does not shift the others' random sequences.
        return probability > 0 && (probability >= 1.0 || random.nextDouble() < probability);
    }
}
