package io.deltahedger.backtest.bench;

import io.deltahedger.backtest.replay.Backtest;
import io.deltahedger.backtest.replay.BacktestConfig;
import io.deltahedger.backtest.replay.BacktestResult;
import io.deltahedger.backtest.replay.BookSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Events per second of the historical backtest end to end (gzip inflate, CSV decode, merge, simulated venue, lock-step
 * hand-over to the pipeline's thread and back), on the shipped sample: warm-up runs, then timed runs. Run from the
 * module directory: {@code java -cp <test classpath> io.deltahedger.backtest.bench.HistoricalBacktestThroughput [runs]}.
 */
public final class HistoricalBacktestThroughput
{
    private HistoricalBacktestThroughput()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        final List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("src/main/resources/sample")))
        {
            files = list.filter(f -> f.toString().endsWith(".csv.gz")).sorted().toList();
        }
        final BacktestConfig config = BacktestConfig.of(files, new BookSource.ShortStrangle("BTC", 0.25, 5), "BTC",
            0.5, 50, false);
        for (int i = 0; i < 3; i++)
        {
            Backtest.run(config);
        }
        for (int i = 0; i < runs; i++)
        {
            final long start = System.nanoTime();
            final BacktestResult r = Backtest.run(config);
            final double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d events (%d to the pipeline) in %.3f s: %.0f events/s, %.0f pipeline events/s%n",
                r.events(), r.pipelineEvents(), s, r.events() / s, r.pipelineEvents() / s);
        }
    }
}
