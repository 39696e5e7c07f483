package io.deltahedger.greeks.bench;

import io.deltahedger.greeks.ReferencePricer;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.portfolio.PortfolioGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Revalue a whole options book after a spot move and aggregate its Greeks: the fast {@link Portfolio} and the same
 * loop on the Commons-Math-only {@link ReferencePricer} (for the ratio). The book is a seeded Deribit-like chain of
 * coin-settled and linear calls and puts: 8 expiries from 1 day to 1 year, strikes 0.5..2 x spot, long and short.
 * Each invocation moves spot (cycling through 1,024 pre-generated prices) and revalues every option.
 *
 * <p>An option ticker (a new mark IV for one option, spot and valuation time unchanged): {@code volTickOneOption}
 * sets the vol and revalues that option alone into the aggregate ({@link Portfolio#revalueOption}), against
 * {@code volTickFullBook}, which revalues the whole book after it as the pipeline did before. Each invocation takes
 * the next option and the next of 1,024 pre-generated vols.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PortfolioBenchmark
{
    private static final long NOW = 1_700_000_000_000L;
    private static final int SPOTS = 1024;

    @Param("1000")
    public int options;

    private Portfolio portfolio;
    private final PortfolioGreeks greeks = new PortfolioGreeks();
    private final ReferencePricer reference = new ReferencePricer();
    private final double[] spots = new double[SPOTS];
    private boolean[] coinSettled;
    private boolean[] calls;
    private double[] strikes;
    private double[] expiries;
    private double[] quantities;
    private double[] vols;
    private int next;

    private Portfolio ticked;
    private final PortfolioGreeks tickedGreeks = new PortfolioGreeks();
    private final double[] tickVols = new double[SPOTS];
    private int nextOption;
    private int nextVol;

    @Setup
    public void build()
    {
        final SplittableRandom random = new SplittableRandom(20261121L);
        final double spot = 60_000.0;
        final List<OptionPosition> positions = new ArrayList<>();
        coinSettled = new boolean[options];
        calls = new boolean[options];
        strikes = new double[options];
        expiries = new double[options];
        quantities = new double[options];
        vols = new double[options];
        final double[] expiryDays = {1, 2, 7, 14, 30, 90, 180, 365};
        for (int i = 0; i < options; i++)
        {
            coinSettled[i] = random.nextInt(4) != 0;
            calls[i] = random.nextBoolean();
            strikes[i] = Math.round(spot * Math.exp(Math.log(0.5) + Math.log(4.0) * random.nextDouble()) / 500) * 500.0;
            expiries[i] = expiryDays[i % expiryDays.length] / 365.0;
            quantities[i] = Math.round(random.nextDouble(-50, 50) * 10) / 10.0;
            vols[i] = 0.4 + 0.6 * random.nextDouble();
            positions.add(new OptionPosition(
                "O" + i, "BTC", coinSettled[i] ? OptionModel.INVERSE : OptionModel.LINEAR,
                calls[i] ? OptionType.CALL : OptionType.PUT, strikes[i],
                NOW + Math.round(expiries[i] * Portfolio.MILLIS_PER_YEAR), quantities[i], 1.0, vols[i]));
        }
        portfolio = Portfolio.of(positions, List.of(new DeltaOnePosition("BTC-PERPETUAL", "BTC", true, -10_000, 10)));
        for (int i = 0; i < SPOTS; i++)
        {
            spots[i] = spot * (1.0 + 0.02 * (random.nextDouble() - 0.5));
            tickVols[i] = 0.4 + 0.6 * random.nextDouble();
        }
        ticked = Portfolio.of(positions, List.of(new DeltaOnePosition("BTC-PERPETUAL", "BTC", true, -10_000, 10)));
        ticked.revalue(0, spot, NOW, tickedGreeks);
    }

    private double nextSpot()
    {
        final double spot = spots[next];
        next = (next + 1) & (SPOTS - 1);
        return spot;
    }

    @Benchmark
    public PortfolioGreeks revalueBook()
    {
        portfolio.revalue(0, nextSpot(), NOW, greeks);
        return greeks;
    }

    /** One option's mark IV moved: set it and revalue that option alone into the aggregate. */
    @Benchmark
    public PortfolioGreeks volTickOneOption()
    {
        final int option = volTick();
        ticked.revalueOption(option, tickedGreeks);
        return tickedGreeks;
    }

    /** One option's mark IV moved: set it and revalue the whole book at the same spot and time. */
    @Benchmark
    public PortfolioGreeks volTickFullBook()
    {
        volTick();
        ticked.revalue(0, tickedGreeks.spot(), NOW, tickedGreeks);
        return tickedGreeks;
    }

    private int volTick()
    {
        final int option = nextOption;
        nextOption = option + 1 == options ? 0 : option + 1;
        ticked.setVolatility(option, tickVols[nextVol]);
        nextVol = (nextVol + 1) & (SPOTS - 1);
        return option;
    }

    /** The same book, priced option by option with the Commons-Math reference and summed the same way. */
    @Benchmark
    public double revalueBookReference()
    {
        final double spot = nextSpot();
        double delta = 0.0;
        double gamma = 0.0;
        double vega = 0.0;
        double theta = 0.0;
        double value = 0.0;
        for (int i = 0; i < options; i++)
        {
            final ReferencePricer r = coinSettled[i] ?
                reference.inverse(calls[i], spot, strikes[i], expiries[i], vols[i], 0.0) :
                reference.black76(calls[i], spot, strikes[i], expiries[i], vols[i], 0.0);
            final double q = quantities[i];
            value += q * (coinSettled[i] ? r.price * spot : r.price);
            delta += q * r.delta;
            gamma += q * r.gamma;
            vega += q * r.vega;
            theta += q * r.theta;
        }
        return value + delta + gamma + vega + theta;
    }
}
