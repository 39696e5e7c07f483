package io.deltahedger.config.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * The hedging pipeline's ring and threads ({@code pipeline:}); mirrors the hedger's {@code PipelineConfig}, whose
 * javadoc explains each default.
 *
 * @param ringSize        ring slots, a power of two &gt;= 64.
 * @param waitStrategy    how stage threads wait.
 * @param stageThreading  one consumer thread, or one per stage.
 * @param maxInputAgeMs   stale-data guard: no hedge on inputs older than this, ms &gt; 0.
 * @param valuationStepMs the portfolio's valuation time step, ms &gt; 0.
 */
public record PipelineSettings(int ringSize, WaitStrategy waitStrategy, StageThreading stageThreading,
    long maxInputAgeMs, long valuationStepMs)
{
    /** 4096 slots, sleeping wait, one thread, 5 s input age, 1 s valuation step (the hedger's defaults). */
    public static final PipelineSettings DEFAULT = new PipelineSettings(4096, WaitStrategy.SLEEPING,
        StageThreading.SINGLE_THREAD, 5_000, 1_000);

    /** How stage threads wait (the hedger's {@code PipelineWaitStrategy}). */
    public enum WaitStrategy
    {
        BLOCKING, SLEEPING, YIELDING, BUSY_SPIN;

        public String word()
        {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The hedger's {@code StageThreading}. */
    public enum StageThreading
    {
        SINGLE_THREAD, THREAD_PER_STAGE;

        public String word()
        {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public PipelineSettings
    {
        if (ringSize < 64 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("pipeline.ring-size must be a power of two >= 64, was " + ringSize);
        }
        Objects.requireNonNull(waitStrategy, "pipeline.wait-strategy");
        Objects.requireNonNull(stageThreading, "pipeline.stage-threading");
        if (maxInputAgeMs <= 0 || valuationStepMs <= 0)
        {
            throw new IllegalArgumentException("pipeline.max-input-age and valuation-step must be > 0, was "
                + maxInputAgeMs + " ms, " + valuationStepMs + " ms");
        }
    }
}
