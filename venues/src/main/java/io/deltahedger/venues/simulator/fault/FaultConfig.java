package io.deltahedger.venues.simulator.fault;

/**
 * Which faults the simulator injects, each drawn from the simulator's seeded random so a run with the same seed and
 * the same traffic fails the same way.
 *
 * @param bookDropProbability          chance a {@code book.*} notification to a session is silently dropped (the
 *                                     client sees a {@code prev_change_id} gap).
 * @param bookReorderProbability       chance a {@code book.*} notification is held back and sent after the next one.
 * @param closeConnectionPerTick       chance, per market tick and WebSocket session, that the server closes it.
 * @param replyLossProbability         chance a request is handled but its reply is never sent.
 * @param replyDelayProbability        chance a reply is held for {@code replyDelayMs} of simulator time.
 * @param replyDelayMs                 how long a delayed reply waits, ms of the injected clock.
 * @param orderRejectProbability       chance a {@code private/buy|sell|edit} is refused with
 *                                     {@code 10047 matching_engine_queue_full}.
 * @param heartbeatsStopped            true: the server sends no heartbeats or test requests (and so never closes a
 *                                     session for an unanswered one).
 * @param closeAfterOrderProbability   chance that, after booking a {@code private/buy|sell|edit} from a WebSocket
 *                                     session, the server closes that session instead of replying: the order stands
 *                                     (and may have filled) while the client is disconnected in the middle of it.
 */
public record FaultConfig(
    double bookDropProbability,
    double bookReorderProbability,
    double closeConnectionPerTick,
    double replyLossProbability,
    double replyDelayProbability,
    long replyDelayMs,
    double orderRejectProbability,
    boolean heartbeatsStopped,
    double closeAfterOrderProbability)
{
    public FaultConfig
    {
        requireProbability("bookDropProbability", bookDropProbability);
        requireProbability("bookReorderProbability", bookReorderProbability);
        requireProbability("closeConnectionPerTick", closeConnectionPerTick);
        requireProbability("replyLossProbability", replyLossProbability);
        requireProbability("replyDelayProbability", replyDelayProbability);
        requireProbability("orderRejectProbability", orderRejectProbability);
        requireProbability("closeAfterOrderProbability", closeAfterOrderProbability);
        if (replyDelayMs < 0)
        {
            throw new IllegalArgumentException("replyDelayMs must be >= 0 but was " + replyDelayMs);
        }
    }

    public static FaultConfig none()
    {
        return new FaultConfig(0, 0, 0, 0, 0, 0, 0, false, 0);
    }

    public FaultConfig withBookDrop(final double probability)
    {
        return new FaultConfig(probability, bookReorderProbability, closeConnectionPerTick, replyLossProbability,
            replyDelayProbability, replyDelayMs, orderRejectProbability, heartbeatsStopped, closeAfterOrderProbability);
    }

    public FaultConfig withBookReorder(final double probability)
    {
        return new FaultConfig(bookDropProbability, probability, closeConnectionPerTick, replyLossProbability,
            replyDelayProbability, replyDelayMs, orderRejectProbability, heartbeatsStopped, closeAfterOrderProbability);
    }

    public FaultConfig withCloseConnection(final double probabilityPerTick)
    {
        return new FaultConfig(bookDropProbability, bookReorderProbability, probabilityPerTick, replyLossProbability,
            replyDelayProbability, replyDelayMs, orderRejectProbability, heartbeatsStopped, closeAfterOrderProbability);
    }

    public FaultConfig withReplyLoss(final double probability)
    {
        return new FaultConfig(bookDropProbability, bookReorderProbability, closeConnectionPerTick, probability,
            replyDelayProbability, replyDelayMs, orderRejectProbability, heartbeatsStopped, closeAfterOrderProbability);
    }

    public FaultConfig withReplyDelay(final double probability, final long delayMs)
    {
        return new FaultConfig(bookDropProbability, bookReorderProbability, closeConnectionPerTick, replyLossProbability,
            probability, delayMs, orderRejectProbability, heartbeatsStopped, closeAfterOrderProbability);
    }

    public FaultConfig withOrderReject(final double probability)
    {
        return new FaultConfig(bookDropProbability, bookReorderProbability, closeConnectionPerTick, replyLossProbability,
            replyDelayProbability, replyDelayMs, probability, heartbeatsStopped, closeAfterOrderProbability);
    }

    public FaultConfig withHeartbeatsStopped(final boolean stopped)
    {
        return new FaultConfig(bookDropProbability, bookReorderProbability, closeConnectionPerTick, replyLossProbability,
            replyDelayProbability, replyDelayMs, orderRejectProbability, stopped, closeAfterOrderProbability);
    }

    public FaultConfig withCloseAfterOrder(final double probability)
    {
        return new FaultConfig(bookDropProbability, bookReorderProbability, closeConnectionPerTick, replyLossProbability,
            replyDelayProbability, replyDelayMs, orderRejectProbability, heartbeatsStopped, probability);
    }

    private static void requireProbability(final String name, final double value)
    {
        if (!(value >= 0.0 && value <= 1.0))
        {
            throw new IllegalArgumentException("fault " + name + " must be a probability in [0, 1] but was " + value);
        }
    }
}
