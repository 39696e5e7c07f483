package io.deltahedger.hedger.bench;

import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgeDecider;
import io.deltahedger.hedger.policy.HedgeDecision;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.policy.RebalanceTo;
import io.deltahedger.hedger.policy.ScheduleMode;
import io.deltahedger.hedger.policy.WhalleyWilmottBand;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One {@link HedgeDecider#decide} on primitive Greeks, for a Whalley-Wilmott band with a 15-minute schedule and for
 * a USD band that trades to its edge. Inputs are 4096 pre-generated (seeded) delta, gamma and spot triples, cycled
 * with the clock advancing 50 ms per decision, so every branch runs: inside the band, breaches, hysteresis, the
 * rate cap, the schedule. Run with {@code -prof gc}: gc.alloc.rate.norm must be ~ 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HedgeDeciderBenchmark
{
    private static final int SIZE = 4096;

    private final double[] deltas = new double[SIZE];
    private final double[] gammas = new double[SIZE];
    private final double[] spots = new double[SIZE];
    private final HedgeDecision out = new HedgeDecision();
    private HedgeDecider whalleyWilmott;
    private HedgeDecider usdBandToEdge;
    private long nowMs = 1_700_000_000_000L;
    private int next;

    @Setup
    public void generate()
    {
        final SplittableRandom random = new SplittableRandom(20261121L);
        double delta = 0.0;
        for (int i = 0; i < SIZE; i++)
        {
            delta += random.nextDouble(-0.2, 0.2);
            deltas[i] = delta;
            gammas[i] = random.nextDouble(0.0, 0.002);
            spots[i] = 60_000.0 * (0.95 + 0.1 * random.nextDouble());
        }
        whalleyWilmott = new HedgeDecider(HedgePolicy.builder("BTC", "0.0001")
            .band(new WhalleyWilmottBand(0.0005, 1e-4, 0.05, 5.0))
            .every(15, ScheduleMode.REBALANCE)
            .maxOrdersPerMinute(30)
            .build());
        usdBandToEdge = new HedgeDecider(HedgePolicy.builder("BTC", "0.001")
            .band(new FixedBand(20_000.0, DeltaUnit.USD))
            .rebalanceTo(RebalanceTo.BAND_EDGE)
            .target(0.5, DeltaUnit.COIN)
            .build());
    }

    @Benchmark
    public long decideWhalleyWilmott()
    {
        return decide(whalleyWilmott);
    }

    @Benchmark
    public long decideUsdBandToEdge()
    {
        return decide(usdBandToEdge);
    }

    private long decide(final HedgeDecider decider)
    {
        final int i = next;
        next = (i + 1) & (SIZE - 1);
        nowMs += 50;
        decider.decide(deltas[i], gammas[i], spots[i], nowMs, out);
        return out.lots();
    }
}
