package io.deltahedger.greeks.bench;

import io.deltahedger.greeks.impliedvol.ImpliedVolatilityCalculator;
import io.deltahedger.greeks.impliedvol.ImpliedVolatilityResult;
import io.deltahedger.greeks.pricing.Black76OptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import org.HdrHistogram.Histogram;

import java.util.SplittableRandom;

/**
 * Latency distribution of one price with every Greek and of one implied-volatility solve, recorded in HdrHistogram:
 * the medians the targets are stated in.
 * <p>
 * JMH's sample mode times every call with its own pair of {@code System.nanoTime()} reads, which costs ~20-25 ns and
 * has ~10 ns granularity here: too coarse for a ~60 ns call. This harness times batches of {@value #BATCH} calls on
 * consecutive inputs and records the per-call mean of each batch, so timer overhead is below 1 ns per call. The
 * inputs are the same 4096 seeded options as {@code GreeksBenchmark} (strikes 0.5-2 x F, one day to two years, vols
 * 20-150%, calls and puts), cycled. Run:
 * <pre>
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl greeks exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath io.deltahedger.greeks.bench.PricingLatencyHarness"
 * </pre>
 */
public final class PricingLatencyHarness
{
    private static final int SIZE = 4096;
    private static final int BATCH = 64;
    private static final double RATE = 0.02;
    private static final int WARM_UP_BATCHES = 200_000;
    private static final int MEASURED_BATCHES = 400_000;

    private final OptionType[] types = new OptionType[SIZE];
    private final double[] forwards = new double[SIZE];
    private final double[] strikes = new double[SIZE];
    private final double[] expiries = new double[SIZE];
    private final double[] vols = new double[SIZE];
    private final double[] prices = new double[SIZE];
    private final OptionGreeks greeks = new OptionGreeks();
    private final ImpliedVolatilityResult result = new ImpliedVolatilityResult();
    private double sink;

    private PricingLatencyHarness()
    {
        final SplittableRandom random = new SplittableRandom(20261121L);
        for (int i = 0; i < SIZE; i++)
        {
            types[i] = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
            forwards[i] = 60_000 * (0.9 + 0.2 * random.nextDouble());
            strikes[i] = forwards[i] * Math.exp(Math.log(0.5) + Math.log(4.0) * random.nextDouble());
            expiries[i] = Math.exp(Math.log(1.0 / 365) + Math.log(730.0) * random.nextDouble());
            vols[i] = 0.2 + 1.3 * random.nextDouble();
            prices[i] = Black76OptionPricer.DEFAULT.presentValue(
                types[i], forwards[i], strikes[i], expiries[i], vols[i], RATE);
        }
    }

    public static void main(final String[] args)
    {
        final PricingLatencyHarness harness = new PricingLatencyHarness();
        report("price + every Greek (Black-76)", harness.measure(false));
        report("implied volatility, full accuracy", harness.measure(true));
        System.out.println("(sink " + harness.sink + ")");
    }

    private Histogram measure(final boolean impliedVol)
    {
        final Histogram histogram = new Histogram(1_000_000L, 3);
        int next = 0;
        for (int b = 0; b < WARM_UP_BATCHES + MEASURED_BATCHES; b++)
        {
            final long start = System.nanoTime();
            for (int k = 0; k < BATCH; k++)
            {
                final int i = next;
                next = (i + 1) & (SIZE - 1);
                if (impliedVol)
                {
                    ImpliedVolatilityCalculator.DEFAULT.black76(
                        types[i], forwards[i], strikes[i], expiries[i], prices[i], RATE, result);
                    sink += result.volatility();
                }
                else
                {
                    Black76OptionPricer.DEFAULT.price(
                        types[i], forwards[i], strikes[i], expiries[i], vols[i], RATE, greeks);
                    sink += greeks.delta();
                }
            }
            final long elapsed = System.nanoTime() - start;
            if (b >= WARM_UP_BATCHES)
            {
                // per-call mean of the batch, in tenths of a nanosecond for resolution
                histogram.recordValue(Math.max(1, Math.min(elapsed * 10 / BATCH, 999_999)));
            }
        }
        return histogram;
    }

    private static void report(final String what, final Histogram tenthsOfNs)
    {
        System.out.printf(
            "%-36s per call (batches of %d): p50 %.1f ns  p90 %.1f ns  p99 %.1f ns  p99.9 %.1f ns  max %.1f ns%n",
            what, BATCH, tenthsOfNs.getValueAtPercentile(50) / 10.0, tenthsOfNs.getValueAtPercentile(90) / 10.0,
            tenthsOfNs.getValueAtPercentile(99) / 10.0, tenthsOfNs.getValueAtPercentile(99.9) / 10.0,
            tenthsOfNs.getMaxValue() / 10.0);
    }
}
