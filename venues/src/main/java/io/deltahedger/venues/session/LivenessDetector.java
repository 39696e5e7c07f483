package io.deltahedger.venues.session;

/**
 * Decides whether a connection is alive from when we last heard from the peer (after Artio's LivenessDetector).
 * <p>
 * Polled by the session's duty cycle with the current time: after {@code heartbeatIntervalNs} of silence it asks
 * the session to probe (Deribit: the venue sends {@code test_request} and expects {@code public/test}; a client
 * probes with {@code public/test}); after {@code timeoutNs} of silence the connection is stale and must be dropped
 * and its data distrusted. Not thread safe.
 */
public final class LivenessDetector
{
    /** What the session should do after {@link #poll(long)}. */
    public enum Verdict
    {
        ALIVE,
        PROBE,
        TIMED_OUT
    }

    private final long heartbeatIntervalNs;
    private final long timeoutNs;
    private long lastReceivedNs;
    private long lastProbeNs;

    /**
     * @param heartbeatIntervalNs silence after which a probe is sent.
     * @param timeoutNs           silence after which the peer is declared dead; at least two heartbeat intervals.
     */
    public LivenessDetector(final long heartbeatIntervalNs, final long timeoutNs, final long nowNs)
    {
        if (heartbeatIntervalNs <= 0 || timeoutNs < 2 * heartbeatIntervalNs)
        {
            throw new IllegalArgumentException(
                "need heartbeatIntervalNs > 0 and timeoutNs >= 2 * heartbeatIntervalNs, got heartbeatIntervalNs=" +
                heartbeatIntervalNs + " timeoutNs=" + timeoutNs);
        }
        this.heartbeatIntervalNs = heartbeatIntervalNs;
        this.timeoutNs = timeoutNs;
        this.lastReceivedNs = nowNs;
        this.lastProbeNs = nowNs;
    }

    /** Call on every message received from the peer. */
    public void onMessageReceived(final long nowNs)
    {
        lastReceivedNs = nowNs;
    }

    /** Call when the connection (re)opens. */
    public void reset(final long nowNs)
    {
        lastReceivedNs = nowNs;
        lastProbeNs = nowNs;
    }

    public Verdict poll(final long nowNs)
    {
        final long silenceNs = nowNs - lastReceivedNs;
        if (silenceNs >= timeoutNs)
        {
            return Verdict.TIMED_OUT;
        }
        if (silenceNs >= heartbeatIntervalNs && nowNs - lastProbeNs >= heartbeatIntervalNs)
        {
            lastProbeNs = nowNs;
            return Verdict.PROBE;
        }
        return Verdict.ALIVE;
    }

    public long lastReceivedNs()
    {
        return lastReceivedNs;
    }
}
