package io.deltahedger.hedger.execution;

/**
 * The execution stage's settings, validated once.
 *
 * @param firstGroupId           the first rebalancing group id; ids count up from it (issue 5's journal persists the
 *                               next one across restarts so client order ids never repeat), &gt;= 0
 * @param groupTimeoutMs         a group's deadline after its start (plus the slicing span): no new orders after it,
 *                               ms &gt; 0
 * @param compensationTimeoutMs  the second deadline, after compensation begins: unreversed lots then make the group
 *                               FAILED, ms &gt; 0
 * @param retryIntervalMs        the least time between an order ending short and the re-route or retry of its
 *                               remainder, so an IOC meeting an empty book is not resent on every tick, ms &gt;= 0
 * @param compensationSlippage   a reversing order's limit is the instrument's last mark × (1 ± this), a fraction in
 *                               (0, 0.05] (Deribit refuses prices 5% through the mark)
 * @param slicing                how legs are cut into orders
 * @param breaker                when new groups halt
 * @param doneQueueCapacity      GROUP_DONE events waiting for a free ring slot (the stage never blocks on its own
 *                               ring); overflowing it is a sizing error that halts the pipeline, &gt;= 1
 */
public record ExecutionConfig(
    long firstGroupId,
    long groupTimeoutMs,
    long compensationTimeoutMs,
    long retryIntervalMs,
    double compensationSlippage,
    SlicingPolicy slicing,
    CircuitBreakerConfig breaker,
    int doneQueueCapacity)
{
    public static final long DEFAULT_FIRST_GROUP_ID = 1;
    /** 5 s: an IOC on a live venue answers in milliseconds; a few re-routes fit comfortably. */
    public static final long DEFAULT_GROUP_TIMEOUT_MS = 5_000;
    /** 10 s: reversing is reduce-only and priced through the mark; twice the group's time before giving up. */
    public static final long DEFAULT_COMPENSATION_TIMEOUT_MS = 10_000;
    /** 200 ms: two Deribit book ticks between attempts at the same liquidity. */
    public static final long DEFAULT_RETRY_INTERVAL_MS = 200;
    /** 0.5%: compensation must get done; still ten times inside Deribit's 5% price band. */
    public static final double DEFAULT_COMPENSATION_SLIPPAGE = 0.005;
    /** One slot per group that could end while the ring is full; groups are few (one per underlying at a time). */
    public static final int DEFAULT_DONE_QUEUE_CAPACITY = 1024;

    public ExecutionConfig
    {
        if (firstGroupId < 0)
        {
            throw new IllegalArgumentException("execution firstGroupId must be >= 0, was " + firstGroupId
                + ": start at " + DEFAULT_FIRST_GROUP_ID + " or at the journal's next group id");
        }
        if (groupTimeoutMs <= 0)
        {
            throw new IllegalArgumentException("execution groupTimeoutMs must be > 0, was " + groupTimeoutMs + ": e.g. "
                + DEFAULT_GROUP_TIMEOUT_MS);
        }
        if (compensationTimeoutMs <= 0)
        {
            throw new IllegalArgumentException("execution compensationTimeoutMs must be > 0, was "
                + compensationTimeoutMs + ": e.g. " + DEFAULT_COMPENSATION_TIMEOUT_MS);
        }
        if (retryIntervalMs < 0)
        {
            throw new IllegalArgumentException("execution retryIntervalMs must be >= 0, was " + retryIntervalMs
                + ": e.g. " + DEFAULT_RETRY_INTERVAL_MS);
        }
        if (!(compensationSlippage > 0.0 && compensationSlippage <= 0.05))
        {
            throw new IllegalArgumentException("execution compensationSlippage must be in (0, 0.05], was "
                + compensationSlippage + ": e.g. " + DEFAULT_COMPENSATION_SLIPPAGE + " for 0.5%");
        }
        if (slicing == null)
        {
            throw new IllegalArgumentException("execution slicing is missing: e.g. SlicingPolicy.NONE");
        }
        if (breaker == null)
        {
            throw new IllegalArgumentException("execution breaker is missing: e.g. CircuitBreakerConfig.defaults()");
        }
        if (doneQueueCapacity < 1)
        {
            throw new IllegalArgumentException("execution doneQueueCapacity must be >= 1, was " + doneQueueCapacity
                + ": e.g. " + DEFAULT_DONE_QUEUE_CAPACITY);
        }
    }

    /** Every setting at its documented default. */
    public static ExecutionConfig defaults()
    {
        return new ExecutionConfig(DEFAULT_FIRST_GROUP_ID, DEFAULT_GROUP_TIMEOUT_MS, DEFAULT_COMPENSATION_TIMEOUT_MS,
            DEFAULT_RETRY_INTERVAL_MS, DEFAULT_COMPENSATION_SLIPPAGE, SlicingPolicy.NONE, CircuitBreakerConfig.defaults(),
            DEFAULT_DONE_QUEUE_CAPACITY);
    }

    public ExecutionConfig withFirstGroupId(final long id)
    {
        return new ExecutionConfig(id, groupTimeoutMs, compensationTimeoutMs, retryIntervalMs, compensationSlippage,
            slicing, breaker, doneQueueCapacity);
    }

    public ExecutionConfig withTimeouts(final long groupMs, final long compensationMs, final long retryMs)
    {
        return new ExecutionConfig(firstGroupId, groupMs, compensationMs, retryMs, compensationSlippage, slicing,
            breaker, doneQueueCapacity);
    }

    public ExecutionConfig withSlicing(final SlicingPolicy policy)
    {
        return new ExecutionConfig(firstGroupId, groupTimeoutMs, compensationTimeoutMs, retryIntervalMs,
            compensationSlippage, policy, breaker, doneQueueCapacity);
    }

    public ExecutionConfig withBreaker(final CircuitBreakerConfig config)
    {
        return new ExecutionConfig(firstGroupId, groupTimeoutMs, compensationTimeoutMs, retryIntervalMs,
            compensationSlippage, slicing, config, doneQueueCapacity);
    }
}
