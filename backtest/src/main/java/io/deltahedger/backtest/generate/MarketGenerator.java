package io.deltahedger.backtest.generate;

import io.deltahedger.backtest.synthetic.PathRandom;
import io.deltahedger.backtest.synthetic.PathStepper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a seeded synthetic market as Tardis-format gzipped CSV files (venues reference, section 4): for each UTC day,
 * {@code options_chain} (the whole listed chain, priced on the model's surface, {@code OPTIONS}),
 * {@code book_snapshot_25} and/or {@code incremental_book_L2}, {@code derivative_ticker} and {@code trades} of the
 * perpetual ({@code BTC-PERPETUAL}),
 * named {@code deribit_{data_type}_{YYYY-MM-DD}_{SYMBOL}.csv.gz}.
 *
 * <p>The index follows {@link GeneratorConfig#model()} on a grid of {@link GeneratorConfig#stepMillis()}; snapshots are
 * taken on that grid at their intervals from midnight UTC; {@code timestamp} is the grid time (trades: their Poisson
 * time) and {@code local_timestamp} adds a receive latency of 1 to 30 ms. Independent random streams of the seed drive
 * the path (0), the perpetual (1), the chain's sizes (2) and the latencies (3), so the same configuration writes the
 * same bytes. Single-threaded; memory does not grow with the number of days.
 */
public final class MarketGenerator
{
    private static final double MILLIS_PER_YEAR = 365.0 * 86_400_000.0;
    private static final String EXCHANGE = "deribit";

    private MarketGenerator()
    {
    }

    /** Years (ACT/365) in a number of milliseconds. */
    static double years(final long millis)
    {
        return millis / MILLIS_PER_YEAR;
    }

    /**
     * Generates {@code config} into {@code directory} (created if missing). Existing files of the same names are
     * replaced.
     */
    public static GenerationSummary generate(final GeneratorConfig config, final Path directory) throws IOException
    {
        Files.createDirectories(directory);
        final long startMillis = config.startDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        final long endMillis = startMillis + config.days() * 86_400_000L;
        final String perpetual = config.currency() + "-PERPETUAL";

        final PathRandom pathRandom = stream(config, 0);
        final PathRandom perpetualRandom = stream(config, 1);
        final PathRandom chainRandom = stream(config, 2);
        final PathRandom latencyRandom = stream(config, 3);

        final PathStepper path = config.model().newStepper();
        path.start(config.spot());
        final PerpetualMarket perp = new PerpetualMarket(perpetual, config.perpetualTick(), config.tradesPerMinute(),
            perpetualRandom, startMillis * 1_000L);
        final OptionListing listing = new OptionListing(config.currency(), chainRandom);
        final OptionsChainWriter chain = new OptionsChainWriter(config, chainRandom);
        final long endMicros = endMillis * 1_000L;

        try (TardisCsvFile chainFile = new TardisCsvFile(directory, EXCHANGE, "options_chain", "OPTIONS",
                OptionsChainWriter.HEADER, endMicros);
            TardisCsvFile bookFile = new TardisCsvFile(directory, EXCHANGE, "book_snapshot_25", perpetual,
                PerpetualBook.SNAPSHOT_HEADER, endMicros);
            TardisCsvFile incrementalFile = new TardisCsvFile(directory, EXCHANGE, "incremental_book_L2", perpetual,
                PerpetualBook.INCREMENTAL_HEADER, endMicros);
            TardisCsvFile tickerFile = new TardisCsvFile(directory, EXCHANGE, "derivative_ticker", perpetual,
                PerpetualMarket.TICKER_HEADER, endMicros);
            TardisCsvFile tradesFile = new TardisCsvFile(directory, EXCHANGE, "trades", perpetual,
                PerpetualMarket.TRADES_HEADER, endMicros))
        {
            final double stepYears = years(config.stepMillis());
            final double stepSeconds = config.stepMillis() / 1_000.0;
            double spot = config.spot();
            for (long now = startMillis; now < endMillis; now += config.stepMillis())
            {
                final boolean first = now == startMillis;
                if (!first)
                {
                    spot = path.advance(stepYears, pathRandom);
                }
                perp.onStep(spot, stepSeconds, first);
                final long elapsed = now - startMillis;
                final long nowMicros = now * 1_000L;
                if (elapsed % config.bookIntervalMillis() == 0)
                {
                    final PerpetualBook book = perp.updatedBook();
                    final long latency = latencyMicros(latencyRandom);
                    if (config.bookFormat().writesSnapshots())
                    {
                        book.writeSnapshot(bookFile, nowMicros, latency);
                    }
                    if (config.bookFormat().writesIncremental())
                    {
                        book.writeIncremental(incrementalFile, nowMicros, latency);
                    }
                }
                if (elapsed % config.tickerIntervalMillis() == 0)
                {
                    perp.writeTicker(tickerFile, nowMicros, latencyMicros(latencyRandom));
                }
                if (elapsed % config.chainIntervalMillis() == 0)
                {
                    final double variance = path.variance();
                    listing.update(now, spot, config.rate(),
                        years -> Math.sqrt(config.model().expectedTotalVariance(variance, years) / years));
                    chain.write(chainFile, now, latencyMicros(latencyRandom), spot, variance, listing);
                }
                perp.writeTrades(tradesFile, nowMicros + config.stepMillis() * 1_000L, latencyMicros(latencyRandom));
            }
            final List<Path> files = new ArrayList<>();
            files.addAll(chainFile.files());
            files.addAll(bookFile.files());
            files.addAll(incrementalFile.files());
            files.addAll(tickerFile.files());
            files.addAll(tradesFile.files());
            return new GenerationSummary(files, chainFile.rows(), bookFile.rows(), incrementalFile.rows(),
                tickerFile.rows(), tradesFile.rows(), config.spot(), spot);
        }
    }

    private static PathRandom stream(final GeneratorConfig config, final long stream)
    {
        final PathRandom random = new PathRandom(config.seed());
        random.reset(config.seed(), stream);
        return random;
    }

    /** A receive latency of 1 to 30 ms, in microseconds. */
    private static long latencyMicros(final PathRandom random)
    {
        return 1_000L + (long)(random.nextOpenUnit() * 29_000L);
    }
}
