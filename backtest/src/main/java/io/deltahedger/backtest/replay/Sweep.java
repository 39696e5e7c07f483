package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.pnl.PnlSummary;
import io.deltahedger.backtest.report.BacktestReport;
import io.deltahedger.backtest.report.Series;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A grid over a policy parameter: one independent backtest per value (each its own replay, venue, ledger and
 * pipeline), run in parallel on a fixed pool; each run is deterministic, so a point equals the single run of the same
 * configuration whatever the thread count. Parameters: {@code band} (coin) and {@code latency-ms}.
 */
public final class Sweep
{
    /** One point of the frontier. */
    public record Point(double value, BacktestResult result, double cost, double hedgingError, double rmsNetDelta,
                        double hedgedPnlStepStd)
    {
    }

    private Sweep()
    {
    }

    /**
     * Parses {@code name=v1,v2,...}.
     *
     * @throws IllegalArgumentException naming the value and the fix
     */
    public static Grid parse(final String text)
    {
        final int eq = text == null ? -1 : text.indexOf('=');
        if (eq <= 0)
        {
            throw new IllegalArgumentException("invalid --sweep '" + text + "': write name=v1,v2,... e.g. band=0.1,0.2,0.5");
        }
        final String name = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (!"band".equals(name) && !"latency-ms".equals(name))
        {
            throw new IllegalArgumentException("invalid --sweep parameter '" + name + "': allowed are band (coin) and "
                + "latency-ms, e.g. band=0.1,0.2,0.5");
        }
        final List<Double> values = new ArrayList<>();
        for (final String v : text.substring(eq + 1).split(",", -1))
        {
            final String s = v.strip().replaceFirst("(?i)coin$", "");
            try
            {
                values.add(Double.parseDouble(s));
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException("invalid --sweep value '" + v + "' of " + name
                    + ": give numbers separated by commas, e.g. band=0.1,0.2,0.5", e);
            }
        }
        if (values.size() < 2 || values.size() > 256)
        {
            throw new IllegalArgumentException("invalid --sweep '" + text + "': give 2 to 256 values");
        }
        return new Grid(name, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A parameter and its values. */
    public record Grid(String name, double[] values)
    {
        public Grid
        {
            values = values.clone();
        }

        /** The configuration of one point (its checks apply: a band must be > 0, a latency 0..60000 ms). */
        public BacktestConfig apply(final BacktestConfig base, final double value)
        {
            if ("band".equals(name))
            {
                return base.withBandCoin(value);
            }
            if (value != Math.rint(value))
            {
                throw new IllegalArgumentException("invalid --sweep latency-ms value " + value + ": whole milliseconds");
            }
            return new BacktestConfig(base.data(), base.book(), base.coin(), base.bandCoin(), (long) value,
                base.strict(), base.initialBalance(), base.accountIntervalMs(), base.sampleIntervalMs(),
                base.maxInputAgeMs(), base.title());
        }
    }

    /** Runs every point of the grid on {@code threads} threads; points come back in grid order. */
    public static List<Point> run(final BacktestConfig base, final Grid grid, final int threads)
    {
        final List<BacktestConfig> configs = new ArrayList<>();
        for (final double v : grid.values())
        {
            configs.add(grid.apply(base, v)); // fail on a bad value before any run starts
        }
        final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, configs.size())));
        try
        {
            final List<Future<BacktestResult>> futures = new ArrayList<>();
            for (final BacktestConfig c : configs)
            {
                futures.add(pool.submit(() -> Backtest.run(c)));
            }
            final List<Point> points = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++)
            {
                points.add(point(grid.values()[i], futures.get(i).get()));
            }
            return points;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        }
        catch (final ExecutionException e)
        {
            if (e.getCause() instanceof IOException io)
            {
                throw new UncheckedIOException(io);
            }
            if (e.getCause() instanceof RuntimeException r)
            {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /** The frontier figures of one run. */
    public static Point point(final double value, final BacktestResult result)
    {
        final BacktestReport report = result.report();
        final PnlSummary s = report.summary();
        double sumSq = 0;
        final double[] delta = report.delta().isEmpty() ? new double[0] : report.delta().get(0).values();
        for (final double d : delta)
        {
            sumSq += d * d;
        }
        final double rms = delta.length == 0 ? 0 : Math.sqrt(sumSq / delta.length);
        return new Point(value, result, s.cost(), s.hedgingError(), rms, stepStd(report));
    }

    /** Standard deviation of the hedged book's (options + hedge) P&amp;L change between consecutive samples. */
    static double stepStd(final BacktestReport report)
    {
        Series options = null;
        Series hedge = null;
        for (final Series s : report.pnl())
        {
            if ("options".equals(s.name()))
            {
                options = s;
            }
            if ("hedge".equals(s.name()))
            {
                hedge = s;
            }
        }
        if (options == null || hedge == null || options.size() < 3)
        {
            return 0;
        }
        final int n = options.size() - 1;
        double sum = 0;
        double sumSq = 0;
        for (int i = 1; i <= n; i++)
        {
            final double step = options.values()[i] + hedge.values()[i] - options.values()[i - 1] - hedge.values()[i - 1];
            sum += step;
            sumSq += step * step;
        }
        final double mean = sum / n;
        return Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
    }

    /** The frontier as an aligned text table. */
    public static String table(final String parameter, final String currency, final List<Point> points)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-12s %14s %14s %14s %16s %14s %7s %7s%n", parameter, "cost " + currency,
            "hedging_error", "rms_net_delta", "pnl_step_std", "total " + currency, "groups", "fills"));
        for (final Point p : points)
        {
            final PnlSummary s = p.result().report().summary();
            out.append(String.format(Locale.ROOT, "%-12s %14.6g %14.6g %14.6g %16.6g %14.6g %7d %7d%n",
                trim(p.value()), p.cost(), p.hedgingError(), p.rmsNetDelta(), p.hedgedPnlStepStd(), s.total(), s.groups(),
                s.fills()));
        }
        return out.toString();
    }

    static String trim(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
