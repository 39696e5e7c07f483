package io.deltahedger.agent.daemon;

import io.deltahedger.config.DeltahedgerConfig;
import io.deltahedger.config.daemon.JournalSettings;
import io.deltahedger.config.engine.ExecutionSettings;
import io.deltahedger.config.engine.MarginSettings;
import io.deltahedger.config.engine.PipelineSettings;
import io.deltahedger.config.policy.BandSettings;
import io.deltahedger.config.policy.PolicySettings;
import io.deltahedger.config.venue.VenueSettings;
import io.deltahedger.hedger.execution.CircuitBreakerConfig;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.SlicingPolicy;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.hedger.pipeline.HedgeRoute;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.hedger.pipeline.PipelineWaitStrategy;
import io.deltahedger.hedger.pipeline.StageThreading;
import io.deltahedger.hedger.policy.DeltaMeasure;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgeBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.policy.RebalanceTo;
import io.deltahedger.hedger.policy.ScheduleMode;
import io.deltahedger.hedger.policy.WhalleyWilmottBand;
import io.deltahedger.hedger.routing.ExecutionLimits;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.monitor.MonitorConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration's settings records mapped onto the engine's own configuration types, in one place. The config
 * module mirrors the engine's fields and enum constant names (docs/configuration.md, "Mapping"), so the mapping is
 * field by field; everything here is validated again by the engine types' constructors.
 */
final class EngineSettings
{
    /**
     * Lot size of the decider's coin rounding. The hedge instrument's own lots are applied exactly by the planner;
     * the decider only needs a step fine enough not to round a decision away (0.0001 coin).
     */
    static final String DECIDER_LOT_COIN = "0.0001";

    private EngineSettings()
    {
    }

    /** One underlying's hedging policy. */
    static HedgePolicy policy(final String underlying, final PolicySettings p)
    {
        final HedgePolicy.Builder b = HedgePolicy.builder(underlying, DECIDER_LOT_COIN)
            .deltaMeasure(DeltaMeasure.valueOf(p.deltaMeasure().name()))
            .target(p.target(), DeltaUnit.valueOf(p.targetUnit().name()))
            .band(band(p.band()))
            .rebalanceTo(RebalanceTo.valueOf(p.rebalanceTo().name()))
            .rearm(p.hysteresis(), p.rearmAfterMs())
            .maxOrdersPerMinute(p.maxOrdersPerMinute());
        if (p.rebalanceEveryMs() > 0)
        {
            b.every(p.rebalanceEveryMinutes(), ScheduleMode.valueOf(p.schedule().name()));
        }
        if (p.minTradeCoin().signum() > 0)
        {
            b.minTradeSizeCoin(p.minTradeCoin().toPlainString());
        }
        return b.build();
    }

    static HedgeBand band(final BandSettings band)
    {
        if (band instanceof BandSettings.Fixed fixed)
        {
            return new FixedBand(fixed.halfWidth(), DeltaUnit.valueOf(fixed.unit().name()));
        }
        if (band instanceof BandSettings.WhalleyWilmott ww)
        {
            return new WhalleyWilmottBand(ww.cost(), ww.riskAversionPerUsd(), ww.minHalfWidthCoin(), ww.maxHalfWidthCoin());
        }
        return HedgeBand.NONE;
    }

    /** The margin gate. */
    static GateConfig gate(final MarginSettings m)
    {
        return new GateConfig(m.threshold(), m.maxSnapshotAgeMs(), doubles(m.shock().spotMoves()),
            doubles(m.shock().volShifts()), m.revaluationIntervalMs());
    }

    /** Continuous monitoring: alert levels with hysteresis, the de-risk trigger and target. */
    static MonitorConfig monitor(final MarginSettings m)
    {
        return new MonitorConfig(m.alerts().warn(), m.alerts().critical(), m.alerts().hysteresis(), m.deRisk().trigger(),
            m.deRisk().target());
    }

    private static double[] doubles(final List<Double> values)
    {
        final double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = values.get(i);
        }
        return out;
    }

    /** Execution: deadlines, slicing, circuit breaker; the first group id comes from the journal when it has one. */
    static ExecutionConfig execution(final ExecutionSettings e, final long firstGroupId)
    {
        final ExecutionSettings.CircuitBreaker cb = e.circuitBreaker();
        final CircuitBreakerConfig breaker = new CircuitBreakerConfig(cb.rejectRun(),
            Math.max(cb.rejectRun(), CircuitBreakerConfig.DEFAULT_MAX_REJECTS_IN_WINDOW), cb.rejectWindowMs(),
            cb.slippageBoundBps(), cb.lossBoundUsd(), cb.windowMs());
        final ExecutionSettings.Slicing s = e.slicing();
        final SlicingPolicy slicing = switch (s.mode())
        {
            case NONE -> SlicingPolicy.NONE;
            case TWAP -> new SlicingPolicy.Twap(s.slices(), s.intervalMs());
            case ICEBERG -> throw new IllegalArgumentException("execution.slicing.mode iceberg needs a slice size in "
                + "lots, which the configuration does not carry yet: use none or twap");
        };
        return ExecutionConfig.defaults()
            .withFirstGroupId(firstGroupId)
            .withTimeouts(e.groupDeadlineMs(), Math.max(ExecutionConfig.DEFAULT_COMPENSATION_TIMEOUT_MS,
                2 * e.groupDeadlineMs()), ExecutionConfig.DEFAULT_RETRY_INTERVAL_MS)
            .withSlicing(slicing)
            .withBreaker(breaker);
    }

    /**
     * The desk's limits. The engine applies one position, notional and order-rate limit to every account, so the
     * tightest configured venue's values apply to all; order sizes are per instrument.
     */
    static ExecutionLimits limits(final DeltahedgerConfig config, final Map<String, String> hedgeKeyVenue)
    {
        double maxPosition = Double.POSITIVE_INFINITY;
        double maxNotional = Double.POSITIVE_INFINITY;
        int maxOrdersPerSecond = Integer.MAX_VALUE;
        for (final VenueSettings v : config.venues().values())
        {
            maxPosition = Math.min(maxPosition, v.limits().maxPositionCoin());
            maxNotional = Math.min(maxNotional, v.limits().maxNotionalUsdPerMinute());
            maxOrdersPerSecond = Math.min(maxOrdersPerSecond, v.limits().maxOrdersPerSecond());
        }
        final Map<String, Long> maxOrderLots = new HashMap<>();
        for (final Map.Entry<String, String> e : hedgeKeyVenue.entrySet())
        {
            maxOrderLots.put(e.getKey(), config.venue(e.getValue()).limits().maxOrderLots());
        }
        final long defaultMaxOrderLots = maxOrderLots.values().stream().mapToLong(Long::longValue).min().orElse(1);
        return new ExecutionLimits(maxOrderLots, defaultMaxOrderLots, maxPosition, maxNotional, maxOrdersPerSecond);
    }

    /** Routes, stale-data guard, price protection, ring and threading. */
    static PipelineConfig pipeline(final PipelineSettings p, final ExecutionSettings e, final List<HedgeRoute> routes,
                                   final ExecutionLimits limits)
    {
        return new PipelineConfig(routes, p.maxInputAgeMs(), e.priceProtectionBps() / 10_000.0, p.valuationStepMs(),
            p.ringSize(), PipelineWaitStrategy.valueOf(p.waitStrategy().name()),
            StageThreading.valueOf(p.stageThreading().name()))
            .withExecutionLimits(limits);
    }

    /**
     * The journal writer: the writer's defaults (signed in the background, no fsync on flush), the chain head signed
     * at least every {@code sign-every}, and every market-data event journaled in full unless {@code market-data} is
     * false (the pipeline reads that switch from its writer).
     */
    static JournalWriterConfig journal(final JournalSettings j)
    {
        final JournalWriterConfig d = JournalWriterConfig.defaults();
        return new JournalWriterConfig(d.signEveryRecords(), j.signEveryMs(), d.bufferBytes(), false, true)
            .withMarketData(j.marketData());
    }
}
