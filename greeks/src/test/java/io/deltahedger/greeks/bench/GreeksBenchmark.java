package io.deltahedger.greeks.bench;

import io.deltahedger.greeks.ReferencePricer;
import io.deltahedger.greeks.impliedvol.ImpliedVolatilityCalculator;
import io.deltahedger.greeks.impliedvol.ImpliedVolatilityResult;
import io.deltahedger.greeks.pricing.Black76OptionPricer;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One option's price with every Greek, and one implied-volatility solve at full accuracy: the fast kernels and the
 * Commons-Math-only {@link ReferencePricer} (for the ratio). Inputs are 4096 pre-generated, varied options (seeded:
 * strikes 0.5..2 x forward, expiries one day to two years, vols 20%..150%, calls and puts), cycled so the JIT cannot
 * fold a constant. Run with {@code -prof gc}: the fast paths must show gc.alloc.rate.norm ~ 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GreeksBenchmark
{
    private static final int SIZE = 4096;
    private static final double RATE = 0.02;

    private final OptionType[] types = new OptionType[SIZE];
    private final double[] forwards = new double[SIZE];
    private final double[] strikes = new double[SIZE];
    private final double[] expiries = new double[SIZE];
    private final double[] vols = new double[SIZE];
    private final double[] prices = new double[SIZE];
    private final OptionGreeks greeks = new OptionGreeks();
    private final ImpliedVolatilityResult result = new ImpliedVolatilityResult();
    private final ReferencePricer reference = new ReferencePricer();
    private int next;

    @Setup
    public void generate()
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

    private int index()
    {
        final int i = next;
        next = (i + 1) & (SIZE - 1);
        return i;
    }

    @Benchmark
    public void black76PriceAndGreeks(final Blackhole blackhole)
    {
        final int i = index();
        Black76OptionPricer.DEFAULT.price(types[i], forwards[i], strikes[i], expiries[i], vols[i], RATE, greeks);
        consume(blackhole, greeks);
    }

    @Benchmark
    public void inversePriceAndGreeks(final Blackhole blackhole)
    {
        final int i = index();
        InverseOptionPricer.DEFAULT.price(types[i], forwards[i], strikes[i], expiries[i], vols[i], 0.0, greeks);
        consume(blackhole, greeks);
        blackhole.consume(greeks.premiumAdjustedDelta());
    }

    @Benchmark
    public void referencePriceAndGreeks(final Blackhole blackhole)
    {
        final int i = index();
        reference.black76(types[i].isCall(), forwards[i], strikes[i], expiries[i], vols[i], RATE);
        blackhole.consume(reference.price);
        blackhole.consume(reference.delta);
        blackhole.consume(reference.gamma);
        blackhole.consume(reference.vega);
        blackhole.consume(reference.theta);
        blackhole.consume(reference.rho);
        blackhole.consume(reference.vanna);
        blackhole.consume(reference.volga);
    }

    @Benchmark
    public double impliedVolatility()
    {
        final int i = index();
        ImpliedVolatilityCalculator.DEFAULT.black76(
            types[i], forwards[i], strikes[i], expiries[i], prices[i], RATE, result);
        return result.volatility();
    }

    @Benchmark
    public double referenceImpliedVolatility()
    {
        final int i = index();
        return reference.black76ImpliedVolatility(
            types[i].isCall(), forwards[i], strikes[i], expiries[i], prices[i], RATE);
    }

    private static void consume(final Blackhole blackhole, final OptionGreeks greeks)
    {
        blackhole.consume(greeks.price());
        blackhole.consume(greeks.delta());
        blackhole.consume(greeks.gamma());
        blackhole.consume(greeks.vega());
        blackhole.consume(greeks.theta());
        blackhole.consume(greeks.rho());
        blackhole.consume(greeks.vanna());
        blackhole.consume(greeks.volga());
    }
}
