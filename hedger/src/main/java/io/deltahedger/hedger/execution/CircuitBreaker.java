package io.deltahedger.hedger.execution;

import java.util.Arrays;

/**
 * Halts new groups when execution goes wrong: a run of rejects, too many rejects within a window, one fill slipping
 * beyond a bound from the decision's mark, or the slippage cost of fills within a window beyond a bound, or a group
 * whose compensation failed. Once tripped it stays tripped (later events do not re-trip it or change the reason)
 * until {@link #reset()} (an operator's RESUME or RESET_BREAKER). Owned by the execution stage thread; time is the
 * event time; allocation-free except the reason text built once when it trips.
 */
public final class CircuitBreaker
{
    private static final int LOSS_BUCKETS = 60;

    private final CircuitBreakerConfig config;
    private final long[] rejectTimes;
    private int rejectCount;
    private int rejectNext;
    private int consecutiveRejects;
    private final long lossBucketMs;
    private final long[] lossBucketStart = new long[LOSS_BUCKETS + 1];
    private final double[] lossBucketUsd = new double[LOSS_BUCKETS + 1];
    private boolean tripped;
    private String reason = "";
    private long trippedAtMs;

    public CircuitBreaker(final CircuitBreakerConfig config)
    {
        if (config == null)
        {
            throw new IllegalArgumentException("circuit breaker config is missing: e.g. CircuitBreakerConfig.defaults()");
        }
        this.config = config;
        rejectTimes = new long[config.maxRejectsInWindow()];
        lossBucketMs = Math.max(1, config.lossWindowMs() / LOSS_BUCKETS);
        Arrays.fill(lossBucketStart, Long.MIN_VALUE);
    }

    public CircuitBreakerConfig config()
    {
        return config;
    }

    /** A venue refused an order at {@code nowMs}. */
    public void onReject(final long nowMs)
    {
        consecutiveRejects++;
        rejectTimes[rejectNext] = nowMs;
        rejectNext = (rejectNext + 1) % rejectTimes.length;
        rejectCount = Math.min(rejectCount + 1, rejectTimes.length);
        if (consecutiveRejects >= config.maxConsecutiveRejects())
        {
            trip(nowMs, consecutiveRejects + " consecutive rejects");
        }
        // the oldest of the last N rejects is the one about to be overwritten next
        if (rejectCount == rejectTimes.length && nowMs - rejectTimes[rejectNext] <= config.rejectWindowMs())
        {
            trip(nowMs, rejectTimes.length + " rejects within " + config.rejectWindowMs() + " ms");
        }
    }

    /**
     * A hedge fill at {@code nowMs}: resets the run of rejects and checks the slippage and loss bounds.
     *
     * @param slippageBps adverse slippage from the decision's mark, basis points (negative: price improvement)
     * @param costUsd     adverse slippage cost of the fill, USD (negative: improvement, counted against losses)
     */
    public void onFill(final long nowMs, final double slippageBps, final double costUsd)
    {
        consecutiveRejects = 0;
        if (slippageBps > config.maxSlippageBps())
        {
            trip(nowMs, "fill slipped " + Math.round(slippageBps * 10) / 10.0 + " bp beyond the decision's mark (bound "
                + config.maxSlippageBps() + " bp)");
        }
        final long bucketStart = Math.floorDiv(nowMs, lossBucketMs) * lossBucketMs;
        final int b = (int)Math.floorMod(Math.floorDiv(nowMs, lossBucketMs), (long)lossBucketUsd.length);
        if (lossBucketStart[b] != bucketStart)
        {
            lossBucketStart[b] = bucketStart;
            lossBucketUsd[b] = 0.0;
        }
        lossBucketUsd[b] += costUsd;
        final double loss = lossWithinWindow(nowMs);
        if (loss > config.maxLossUsd())
        {
            trip(nowMs, "hedge slippage losses of " + Math.round(loss) + " USD within " + config.lossWindowMs()
                + " ms (bound " + config.maxLossUsd() + " USD)");
        }
    }

    /** The slippage cost of fills in the loss window ending at {@code nowMs}, USD. */
    public double lossWithinWindow(final long nowMs)
    {
        double sum = 0.0;
        for (int i = 0; i < lossBucketUsd.length; i++)
        {
            if (lossBucketStart[i] != Long.MIN_VALUE && lossBucketStart[i] > nowMs - config.lossWindowMs())
            {
                sum += lossBucketUsd[i];
            }
        }
        return sum;
    }

    /** Trips at once (e.g. a group whose compensation failed); the first reason is kept. */
    public void trip(final long nowMs, final String why)
    {
        if (!tripped)
        {
            tripped = true;
            reason = why;
            trippedAtMs = nowMs;
        }
    }

    /** An operator cleared it: counts, windows and the reason start afresh. */
    public void reset()
    {
        tripped = false;
        reason = "";
        trippedAtMs = 0;
        consecutiveRejects = 0;
        rejectCount = 0;
        rejectNext = 0;
        Arrays.fill(lossBucketStart, Long.MIN_VALUE);
        Arrays.fill(lossBucketUsd, 0.0);
    }

    public boolean tripped()
    {
        return tripped;
    }

    /** Why it tripped ("" when not tripped). */
    public String reason()
    {
        return reason;
    }

    /** When it tripped, epoch ms (0 when not tripped). */
    public long trippedAtMs()
    {
        return trippedAtMs;
    }
}
