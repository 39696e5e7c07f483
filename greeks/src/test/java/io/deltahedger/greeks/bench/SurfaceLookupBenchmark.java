package io.deltahedger.greeks.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.deltahedger.greeks.surface.SliceQuotes;
import io.deltahedger.greeks.surface.SviFit;
import io.deltahedger.greeks.surface.SviFitter;
import io.deltahedger.greeks.surface.SviParameters;
import io.deltahedger.greeks.surface.VolQuote;
import io.deltahedger.greeks.surface.VolSurface;
import io.deltahedger.greeks.surface.WeightingMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Volatility look-ups on a fitted 6-expiry SVI surface at random (T, k), which must not allocate
 * (gc.alloc.rate.norm ~ 0 B/op), and, for information, one SVI fit of a 30-quote slice (which allocates).
 *
 * <p>Run: {@code mvn -B -Pbench -pl greeks -am verify -DskipTests
 * -Dbench.args="-prof gc -f 1 -wi 2 -w 1 -i 3 -r 1 SurfaceLookupBenchmark"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SurfaceLookupBenchmark {

    private static final double FORWARD = 90_000;
    /** 1 day, 1 week, 1 month, 3 months, 6 months, 1 year. */
    private static final double[] EXPIRIES = {1 / 365.0, 7 / 365.0, 30 / 365.0, 91 / 365.0, 182 / 365.0, 1.0};
    private static final int POINTS = 1 << 12;

    private VolSurface surface;
    private SliceQuotes thirtyQuotes;
    private final double[] expiry = new double[POINTS];
    private final double[] logMoneyness = new double[POINTS];
    private int next;

    @Setup
    public void setUp() {
        final Random random = new Random(20261121);
        final SviFitter fitter = new SviFitter(WeightingMode.SPREAD);
        final List<SviFit> fits = new ArrayList<>();
        for (final double t : EXPIRIES) {
            final SliceQuotes quotes = quotes(t, 30, random);
            fits.add(fitter.fit(quotes));
            if (t == 30 / 365.0) {
                thirtyQuotes = quotes;
            }
        }
        surface = VolSurface.fromFits(fits);
        for (int i = 0; i < POINTS; i++) {
            expiry[i] = random.nextDouble() * 1.2;             // before, between and after the slices
            logMoneyness[i] = (random.nextDouble() - 0.5) * 2;  // k in [-1, 1]
        }
    }

    /** 30 bid/ask quotes from a crypto-like smile (60% ATM, put skew), noise 0.3 vol point, spread 2 vol points. */
    private static SliceQuotes quotes(final double t, final int count, final Random random) {
        final double minW = 0.6 * 0.6 * t;
        final double b = 0.25 * Math.sqrt(t);
        final double rho = -0.25;
        final double sigma = 0.1 + 0.2 * Math.sqrt(t);
        final SviParameters smile = new SviParameters(minW - b * sigma * Math.sqrt(1 - rho * rho), b, rho, 0.0, sigma);
        final double width = 0.25 + 0.75 * Math.sqrt(t);
        final List<VolQuote> quotes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final double k = -width + 2 * width * i / (count - 1);
            final double mid = smile.impliedVolatility(k, t) + 0.003 * random.nextGaussian();
            quotes.add(VolQuote.bidAsk("K" + i, FORWARD * Math.exp(k), mid - 0.01, mid + 0.01));
        }
        return new SliceQuotes(t, FORWARD, quotes);
    }

    @Benchmark
    public double volatilityLookUp() {
        final int i = next++ & (POINTS - 1);
        return surface.volatility(expiry[i], logMoneyness[i]);
    }

    @Benchmark
    public double totalVarianceLookUp() {
        final int i = next++ & (POINTS - 1);
        return surface.totalVariance(expiry[i], logMoneyness[i]);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public SviFit fitThirtyQuoteSlice() {
        return new SviFitter(WeightingMode.SPREAD).fit(thirtyQuotes);
    }
}
