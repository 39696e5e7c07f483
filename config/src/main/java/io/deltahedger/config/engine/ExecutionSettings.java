package io.deltahedger.config.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * How approved groups are executed ({@code execution:}).
 *
 * @param groupDeadlineMs    a group not complete after this long is re-routed or compensated, ms &gt; 0.
 * @param priceProtectionBps a leg's limit is the mark ± this many basis points, in [0, 1000).
 * @param firstGroupId       the first group id of a fresh journal, &gt;= 1 (the journal carries it on afterwards).
 * @param slicing            whether and how a large leg is sliced.
 * @param circuitBreaker     when execution halts itself.
 */
public record ExecutionSettings(
    long groupDeadlineMs,
    double priceProtectionBps,
    long firstGroupId,
    Slicing slicing,
    CircuitBreaker circuitBreaker)
{
    /** 10 s deadline, 10 bp price protection (the pipeline's 0.1% limit slippage), ids from 1, no slicing. */
    public static final ExecutionSettings DEFAULT = new ExecutionSettings(10_000, 10.0, 1, Slicing.NONE,
        CircuitBreaker.DEFAULT);

    public ExecutionSettings
    {
        if (groupDeadlineMs <= 0)
        {
            throw new IllegalArgumentException("execution.group-deadline must be > 0, was " + groupDeadlineMs + " ms");
        }
        if (!(priceProtectionBps >= 0 && priceProtectionBps < 1000))
        {
            throw new IllegalArgumentException("execution.price-protection-bps must be in [0, 1000), was " + priceProtectionBps);
        }
        if (firstGroupId < 1)
        {
            throw new IllegalArgumentException("execution.first-group-id must be >= 1, was " + firstGroupId);
        }
        Objects.requireNonNull(slicing, "execution.slicing");
        Objects.requireNonNull(circuitBreaker, "execution.circuit-breaker");
    }

    /** The price protection as a fraction (the pipeline's {@code limitSlippage}). */
    public double priceProtectionFraction()
    {
        return priceProtectionBps / 10_000.0;
    }

    /** Slicing modes. */
    public enum SliceMode
    {
        /** Each leg is one IOC order. */
        NONE,
        /** A leg is sent in {@code slices} equal parts, one every {@code interval}. */
        TWAP,
        /** A leg shows one of {@code slices} equal parts at a time, the next once it fills. */
        ICEBERG;

        public String word()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param mode       the slicing mode.
     * @param slices     parts per leg: 1 for none, in [2, 100] otherwise.
     * @param intervalMs time between TWAP slices, ms &gt; 0; 0 unless TWAP.
     */
    public record Slicing(SliceMode mode, int slices, long intervalMs)
    {
        public static final Slicing NONE = new Slicing(SliceMode.NONE, 1, 0);

        public Slicing
        {
            Objects.requireNonNull(mode, "execution.slicing.mode");
            if (mode == SliceMode.NONE ? slices != 1 : slices < 2 || slices > 100)
            {
                throw new IllegalArgumentException("execution.slicing.slices must be 1 for none and in [2, 100] otherwise, was "
                    + slices);
            }
            if (mode == SliceMode.TWAP ? intervalMs <= 0 : intervalMs != 0)
            {
                throw new IllegalArgumentException("execution.slicing.interval must be > 0 for twap only, was " + intervalMs);
            }
        }
    }

    /**
     * The circuit breaker halts new groups (until reset through the control API) when execution misbehaves.
     *
     * @param rejectRun        trip after this many consecutive venue rejects, &gt;= 1 ...
     * @param rejectWindowMs   ... within this long, ms &gt; 0.
     * @param slippageBoundBps trip when a fill is this far beyond its decision's mark, bp &gt; 0.
     * @param lossBoundUsd     trip when hedging losses (fees plus slippage) within {@code windowMs} exceed this, USD &gt; 0.
     * @param windowMs         the rolling window of the loss bound, ms &gt; 0.
     */
    public record CircuitBreaker(int rejectRun, long rejectWindowMs, double slippageBoundBps, double lossBoundUsd,
        long windowMs)
    {
        /** 3 rejects within 60 s, 50 bp slippage, 10,000 USD lost within 1 h. */
        public static final CircuitBreaker DEFAULT = new CircuitBreaker(3, 60_000, 50.0, 10_000.0, 3_600_000);

        public CircuitBreaker
        {
            if (rejectRun < 1 || rejectWindowMs <= 0 || windowMs <= 0)
            {
                throw new IllegalArgumentException("execution.circuit-breaker: reject-run must be >= 1 and windows > 0, was "
                    + rejectRun + ", " + rejectWindowMs + " ms, " + windowMs + " ms");
            }
            if (!(slippageBoundBps > 0 && Double.isFinite(slippageBoundBps))
                || !(lossBoundUsd > 0 && Double.isFinite(lossBoundUsd)))
            {
                throw new IllegalArgumentException("execution.circuit-breaker bounds must be finite and > 0, was "
                    + slippageBoundBps + " bp, " + lossBoundUsd + " USD");
            }
        }
    }
}
