package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.routing.ExecutionLimits;

import java.util.List;

/**
 * The pipeline's settings, validated once.
 *
 * @param routes             one hedge route per hedged underlying (at least one; one per underlying)
 * @param maxInputAgeMs      the stale-data guard: no new hedge while the hedge instrument's book or mark, the index
 *                           or the hedge account's snapshot is older than this, ms &gt; 0
 * @param limitSlippage      the hedge leg's limit price is the mark × (1 ± this) (a fraction, [0, 0.1)), the price the
 *                           margin gate charges the fill at
 * @param valuationStepMs    the portfolio's valuation time is the clock floored to this step, ms &gt; 0: the time-only
 *                           part of the revaluation is redone once per step, not on every tick
 * @param ringSize           ring slots, a power of two &gt;= 64 ({@link StageThreading#CALLER_RUNS} uses at most 256: its
 *                           ring only holds what one event publishes)
 * @param waitStrategy       how stage threads wait
 * @param stageThreading     one consumer thread for all stages, or one per stage
 * @param executionLimits    order-size, position, notional-per-minute and order-rate limits, checked at admission
 *                           (stage 4) and respected by the planner
 */
public record PipelineConfig(
    List<HedgeRoute> routes,
    long maxInputAgeMs,
    double limitSlippage,
    long valuationStepMs,
    int ringSize,
    PipelineWaitStrategy waitStrategy,
    StageThreading stageThreading,
    ExecutionLimits executionLimits)
{
    /** 5 s: Deribit tickers arrive every 100 ms and account snapshots every few seconds when subscribed. */
    public static final long DEFAULT_MAX_INPUT_AGE_MS = 5_000;
    /** 0.1%: a marketable limit for a perpetual hedge without chasing through a thin book. */
    public static final double DEFAULT_LIMIT_SLIPPAGE = 0.001;
    /** 1 s: theta over one second is far below any band; saves the per-option time preparation on each tick. */
    public static final long DEFAULT_VALUATION_STEP_MS = 1_000;
    /** 4096 slots: several seconds of a busy options feed, a few MB of pre-allocated events. */
    public static final int DEFAULT_RING_SIZE = 4096;
    /**
     * Sleeping. The pipeline has five stage threads plus the publishing I/O threads; on a 2-core machine they cannot
     * each own a core. A yielding or spinning stage then competes for the CPU with the very stage it waits for: measured
     * on the loaded 2-core build box, yielding gave a median of 4 ms per event (a scheduler tick per hand-off), while
     * sleeping (spin, yield, then park 100 ns at a time) gave a median of about 23 µs and about 200,000 events/s,
     * and blocking about 43 µs with a worse tail. With a dedicated core per stage, {@link PipelineWaitStrategy#YIELDING}
     * or {@link PipelineWaitStrategy#BUSY_SPIN} is the faster choice (docs/hedging.md "Pipeline").
     */
    public static final PipelineWaitStrategy DEFAULT_WAIT_STRATEGY = PipelineWaitStrategy.SLEEPING;
    /** One consumer thread: on 2 cores a thread per stage waits on the scheduler at every hand-over (hedging.md). */
    public static final StageThreading DEFAULT_STAGE_THREADING = StageThreading.SINGLE_THREAD;

    public PipelineConfig
    {
        if (routes == null || routes.isEmpty())
        {
            throw new IllegalArgumentException("pipeline routes are missing: give one HedgeRoute per hedged underlying");
        }
        routes = List.copyOf(routes);
        for (int i = 0; i < routes.size(); i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (routes.get(i).policy().underlying().equals(routes.get(j).policy().underlying()))
                {
                    throw new IllegalArgumentException("pipeline routes name underlying "
                        + routes.get(i).policy().underlying() + " twice: give one route per underlying");
                }
            }
        }
        if (maxInputAgeMs <= 0)
        {
            throw new IllegalArgumentException("pipeline maxInputAgeMs must be > 0, was " + maxInputAgeMs + ": e.g. "
                + DEFAULT_MAX_INPUT_AGE_MS);
        }
        if (!(limitSlippage >= 0.0 && limitSlippage < 0.1))
        {
            throw new IllegalArgumentException("pipeline limitSlippage must be in [0, 0.1), was " + limitSlippage
                + ": e.g. " + DEFAULT_LIMIT_SLIPPAGE + " for 0.1%");
        }
        if (valuationStepMs <= 0)
        {
            throw new IllegalArgumentException("pipeline valuationStepMs must be > 0, was " + valuationStepMs + ": e.g. "
                + DEFAULT_VALUATION_STEP_MS);
        }
        if (ringSize < 64 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("pipeline ringSize must be a power of two >= 64, was " + ringSize
                + ": e.g. " + DEFAULT_RING_SIZE);
        }
        if (stageThreading == null)
        {
            throw new IllegalArgumentException("pipeline stageThreading is missing: e.g. " + DEFAULT_STAGE_THREADING);
        }
        if (waitStrategy == null)
        {
            throw new IllegalArgumentException("pipeline waitStrategy is missing: e.g. " + DEFAULT_WAIT_STRATEGY);
        }
        if (executionLimits == null)
        {
            throw new IllegalArgumentException("pipeline executionLimits is missing: e.g. ExecutionLimits.unlimited()");
        }
    }

    /** Without execution limits ({@link ExecutionLimits#unlimited()}). */
    public PipelineConfig(
        final List<HedgeRoute> routes,
        final long maxInputAgeMs,
        final double limitSlippage,
        final long valuationStepMs,
        final int ringSize,
        final PipelineWaitStrategy waitStrategy,
        final StageThreading stageThreading)
    {
        this(routes, maxInputAgeMs, limitSlippage, valuationStepMs, ringSize, waitStrategy, stageThreading,
            ExecutionLimits.unlimited());
    }

    /** The routes with every other setting at its documented default. */
    public static PipelineConfig defaults(final List<HedgeRoute> routes)
    {
        return new PipelineConfig(routes, DEFAULT_MAX_INPUT_AGE_MS, DEFAULT_LIMIT_SLIPPAGE, DEFAULT_VALUATION_STEP_MS,
            DEFAULT_RING_SIZE, DEFAULT_WAIT_STRATEGY, DEFAULT_STAGE_THREADING, ExecutionLimits.unlimited());
    }

    /** A copy with another maximum input age. */
    public PipelineConfig withMaxInputAgeMs(final long ms)
    {
        return new PipelineConfig(routes, ms, limitSlippage, valuationStepMs, ringSize, waitStrategy, stageThreading,
            executionLimits);
    }

    /** A copy with another wait strategy. */
    public PipelineConfig withStageThreading(final StageThreading threading)
    {
        return new PipelineConfig(routes, maxInputAgeMs, limitSlippage, valuationStepMs, ringSize, waitStrategy, threading,
            executionLimits);
    }

    public PipelineConfig withWaitStrategy(final PipelineWaitStrategy strategy)
    {
        return new PipelineConfig(routes, maxInputAgeMs, limitSlippage, valuationStepMs, ringSize, strategy, stageThreading,
            executionLimits);
    }

    /** A copy with other execution limits. */
    public PipelineConfig withExecutionLimits(final ExecutionLimits limits)
    {
        return new PipelineConfig(routes, maxInputAgeMs, limitSlippage, valuationStepMs, ringSize, waitStrategy,
            stageThreading, limits);
    }
}
