package io.deltahedger.backtest.bench;

import io.deltahedger.backtest.montecarlo.HedgedPosition;
import io.deltahedger.backtest.montecarlo.HedgingStudy;
import io.deltahedger.backtest.montecarlo.HedgingStudyResult;
import io.deltahedger.backtest.montecarlo.HedgingStudySpec;
import io.deltahedger.backtest.synthetic.GbmModel;
import io.deltahedger.backtest.synthetic.HestonModel;
import io.deltahedger.greeks.pricing.OptionType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The Monte Carlo target: a 10,000-path weekly-rebalanced study of a 20-week option (Hull's example) in under
 * 2 s. One operation is one whole study; gc.alloc.rate.norm divided by 10,000 is the allocation per path, all of it the
 * per-path result slots and the sorted copies for the quantiles (the path loop itself allocates nothing:
 * PathHedgerAllocationTest).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HedgingStudyBenchmark
{
    private static final double WEEK = 7.0 / 365.0;

    private final HedgingStudySpec hull = new HedgingStudySpec(new GbmModel(0.13, 0.2), OptionType.CALL,
        HedgedPosition.SHORT, 49, 50, 0.05, 0.2, 20 * WEEK, WEEK, 10_000, 1L, 0.0);
    private final HedgingStudySpec hestonDaily = new HedgingStudySpec(
        new HestonModel(0.0, 0.36, 2.0, 0.36, 0.8, -0.5), OptionType.CALL, HedgedPosition.SHORT, 60_000, 60_000, 0.0,
        0.6, 20 * WEEK, 1.0 / 365, 10_000, 1L, 5.0);

    @Benchmark
    public HedgingStudyResult hull10kPathsWeeklyOneThread()
    {
        return HedgingStudy.run(hull, 1);
    }

    @Benchmark
    public HedgingStudyResult hull10kPathsWeeklyAllCores()
    {
        return HedgingStudy.run(hull);
    }

    @Benchmark
    public HedgingStudyResult heston10kPathsDailyAllCores()
    {
        return HedgingStudy.run(hestonDaily);
    }
}
