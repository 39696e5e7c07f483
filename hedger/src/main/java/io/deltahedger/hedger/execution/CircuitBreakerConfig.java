package io.deltahedger.hedger.execution;

/**
 * When the circuit breaker trips (docs/hedging.md "Execution"). Validated on construction.
 *
 * @param maxConsecutiveRejects trips on this many venue rejects in a row (a fill resets the run), &gt;= 1
 * @param maxRejectsInWindow    trips on this many rejects within {@code rejectWindowMs}, &gt;= 1
 * @param rejectWindowMs        the reject window, ms &gt; 0
 * @param maxSlippageBps        trips on one fill this far beyond the decision's mark, adverse, in basis points &gt; 0
 * @param maxLossUsd            trips when the adverse slippage cost of hedge fills within {@code lossWindowMs} passes
 *                              this, USD &gt; 0
 * @param lossWindowMs          the loss window, ms &gt; 0 (kept in 60 buckets: the window is exact to 1/60 of itself)
 */
public record CircuitBreakerConfig(
    int maxConsecutiveRejects,
    int maxRejectsInWindow,
    long rejectWindowMs,
    double maxSlippageBps,
    double maxLossUsd,
    long lossWindowMs)
{
    /** 5 rejects in a row: a venue refusing everything, not one unlucky order. */
    public static final int DEFAULT_MAX_CONSECUTIVE_REJECTS = 5;
    /** 10 rejects per minute: intermittent refusals at a rate no healthy account produces. */
    public static final int DEFAULT_MAX_REJECTS_IN_WINDOW = 10;
    public static final long DEFAULT_REJECT_WINDOW_MS = 60_000;
    /** 50 bp: ten times a perpetual's usual spread; an IOC bounded by a 10 bp limit cannot get there honestly. */
    public static final double DEFAULT_MAX_SLIPPAGE_BPS = 50;
    /** 10,000 USD of slippage per hour. */
    public static final double DEFAULT_MAX_LOSS_USD = 10_000;
    public static final long DEFAULT_LOSS_WINDOW_MS = 3_600_000;

    public CircuitBreakerConfig
    {
        if (maxConsecutiveRejects < 1)
        {
            throw new IllegalArgumentException("circuit breaker maxConsecutiveRejects must be >= 1, was "
                + maxConsecutiveRejects + ": e.g. " + DEFAULT_MAX_CONSECUTIVE_REJECTS);
        }
        if (maxRejectsInWindow < 1)
        {
            throw new IllegalArgumentException("circuit breaker maxRejectsInWindow must be >= 1, was "
                + maxRejectsInWindow + ": e.g. " + DEFAULT_MAX_REJECTS_IN_WINDOW);
        }
        if (rejectWindowMs <= 0)
        {
            throw new IllegalArgumentException("circuit breaker rejectWindowMs must be > 0, was " + rejectWindowMs
                + ": e.g. " + DEFAULT_REJECT_WINDOW_MS);
        }
        if (!(maxSlippageBps > 0 && maxSlippageBps < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException("circuit breaker maxSlippageBps must be finite and > 0, was "
                + maxSlippageBps + ": e.g. " + DEFAULT_MAX_SLIPPAGE_BPS);
        }
        if (!(maxLossUsd > 0 && maxLossUsd < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException("circuit breaker maxLossUsd must be finite and > 0, was " + maxLossUsd
                + ": e.g. " + DEFAULT_MAX_LOSS_USD);
        }
        if (lossWindowMs < 60)
        {
            throw new IllegalArgumentException("circuit breaker lossWindowMs must be >= 60, was " + lossWindowMs
                + ": e.g. " + DEFAULT_LOSS_WINDOW_MS);
        }
    }

    public static CircuitBreakerConfig defaults()
    {
        return new CircuitBreakerConfig(DEFAULT_MAX_CONSECUTIVE_REJECTS, DEFAULT_MAX_REJECTS_IN_WINDOW,
            DEFAULT_REJECT_WINDOW_MS, DEFAULT_MAX_SLIPPAGE_BPS, DEFAULT_MAX_LOSS_USD, DEFAULT_LOSS_WINDOW_MS);
    }
}
