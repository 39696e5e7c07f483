package io.deltahedger.backtest.generate;

import io.deltahedger.backtest.synthetic.GbmModel;
import io.deltahedger.backtest.synthetic.HestonModel;
import io.deltahedger.backtest.synthetic.MertonJumpModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link MarketGenerator}: Tardis file names, headers, ordering and a market consistent with its own pricing. */
class MarketGeneratorTest
{
    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    private static GeneratorConfig small(final io.deltahedger.backtest.synthetic.PriceModel model, final long seed,
        final int days)
    {
        return GeneratorConfig.defaults(model, seed, DAY, days, 60_000).withIntervals(3_600_000, 60_000, 60_000, 6);
    }

    private static TardisFiles read(final Path file) throws IOException
    {
        try (InputStream in = Files.newInputStream(file))
        {
            return TardisFiles.read(in);
        }
    }

    private static Set<String> names(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void writesOneGzippedCsvPerDataTypeAndDayInTheTardisFormats(@TempDir final Path out) throws IOException
    {
        final GenerationSummary summary = MarketGenerator.generate(small(new GbmModel(0.0, 0.6), 1, 1), out);
        assertEquals(Set.of("deribit_options_chain_2026-01-01_OPTIONS.csv.gz",
            "deribit_book_snapshot_25_2026-01-01_BTC-PERPETUAL.csv.gz",
            "deribit_derivative_ticker_2026-01-01_BTC-PERPETUAL.csv.gz",
            "deribit_trades_2026-01-01_BTC-PERPETUAL.csv.gz"), names(out));
        assertEquals(4, summary.files().size());

        final TardisFiles chain = read(out.resolve("deribit_options_chain_2026-01-01_OPTIONS.csv.gz"));
        TardisChecks.common(chain, TardisChecks.OPTIONS_CHAIN, DAY);
        TardisChecks.optionsChain(chain);
        final TardisFiles book = read(out.resolve("deribit_book_snapshot_25_2026-01-01_BTC-PERPETUAL.csv.gz"));
        TardisChecks.common(book, TardisChecks.BOOK_SNAPSHOT_25, DAY);
        TardisChecks.book(book, 0.5);
        final TardisFiles ticker = read(out.resolve("deribit_derivative_ticker_2026-01-01_BTC-PERPETUAL.csv.gz"));
        TardisChecks.common(ticker, TardisChecks.DERIVATIVE_TICKER, DAY);
        TardisChecks.ticker(ticker);
        final TardisFiles trades = read(out.resolve("deribit_trades_2026-01-01_BTC-PERPETUAL.csv.gz"));
        TardisChecks.common(trades, TardisChecks.TRADES, DAY);
        TardisChecks.trades(trades, 0.5);

        assertEquals(1_440, book.rows().size(), "one book per minute");
        assertEquals(1_440, ticker.rows().size());
        assertEquals(summary.bookRows(), book.rows().size());
        assertEquals(summary.chainRows(), chain.rows().size());
        // 6 trades a minute over a day: 8640 expected, Poisson standard deviation 93.
        assertEquals(8_640, trades.rows().size(), 5 * 93);
    }

    @Test
    void theChainListsDailyWeeklyAndMonthlyExpiriesWithCallsAndPutsAroundTheForward(@TempDir final Path out)
        throws IOException
    {
        MarketGenerator.generate(small(new GbmModel(0.0, 0.6), 2, 1), out);
        final TardisFiles chain = read(out.resolve("deribit_options_chain_2026-01-01_OPTIONS.csv.gz"));
        final List<String[]> first = chain.rows().stream().filter(r -> r[2].equals(chain.rows().get(0)[2])).toList();
        final Set<String> expiries = new HashSet<>();
        for (final String[] row : first)
        {
            expiries.add(row[1].split("-")[1]);
        }
        // 2026-01-01 00:00 is a Thursday: dailies 1JAN26 and 2JAN26 (also the first Friday), 9JAN26, monthlies
        // 30JAN26 (last Friday of January) and 27FEB26.
        assertEquals(Set.of("1JAN26", "2JAN26", "9JAN26", "30JAN26", "27FEB26"), expiries);
        assertTrue(first.stream().anyMatch(r -> r[1].equals("BTC-30JAN26-60000-C")), "an at-the-money call");
        assertTrue(first.stream().anyMatch(r -> r[1].equals("BTC-30JAN26-60000-P")), "and its put");
        // At-the-money the SSVI surface gives the model's vol: 60% for a GBM at 60%.
        final String[] atm = first.stream().filter(r -> r[1].equals("BTC-30JAN26-60000-C")).findFirst().get();
        assertEquals(60.0, Double.parseDouble(atm[16]), 0.5);
        // After 08:00 the 1JAN26 options have expired and left the chain.
        final long eightAm = DAY.atStartOfDay(java.time.ZoneOffset.UTC).plusHours(8).toInstant().toEpochMilli() * 1000;
        assertFalse(chain.rows().stream().anyMatch(r -> Long.parseLong(r[2]) >= eightAm && r[1].contains("-1JAN26-")));
        assertTrue(chain.rows().stream().anyMatch(r -> Long.parseLong(r[2]) >= eightAm && r[1].contains("-3JAN26-")),
            "a new daily is listed");
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedAnotherMarket(@TempDir final Path out) throws IOException
    {
        final GeneratorConfig config = small(new HestonModel(0.0, 0.36, 2.0, 0.36, 0.8, -0.5), 9, 1);
        MarketGenerator.generate(config, out.resolve("a"));
        MarketGenerator.generate(config, out.resolve("b"));
        final GeneratorConfig other = small(new HestonModel(0.0, 0.36, 2.0, 0.36, 0.8, -0.5), 10, 1);
        MarketGenerator.generate(other, out.resolve("c"));
        for (final String name : names(out.resolve("a")))
        {
            final byte[] a = Files.readAllBytes(out.resolve("a").resolve(name));
            assertArrayEquals(a, Files.readAllBytes(out.resolve("b").resolve(name)), name);
            assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(out.resolve("c").resolve(name))), name);
        }
    }

    @Test
    void severalDaysContinueOnePathAndTheIncrementalBookRebuildsTheSnapshots(@TempDir final Path out)
        throws IOException
    {
        final GenerationSummary summary = MarketGenerator.generate(
            small(new MertonJumpModel(0.0, 0.5, 20, -0.02, 0.05), 3, 2).withBookFormat(BookFormat.BOTH), out);
        assertEquals(10, summary.files().size(), "5 data types x 2 days");
        final TardisFiles day1 = read(out.resolve("deribit_derivative_ticker_2026-01-01_BTC-PERPETUAL.csv.gz"));
        final TardisFiles day2 = read(out.resolve("deribit_derivative_ticker_2026-01-02_BTC-PERPETUAL.csv.gz"));
        TardisChecks.common(day2, TardisChecks.DERIVATIVE_TICKER, DAY.plusDays(1));
        final double lastOfDay1 = Double.parseDouble(day1.rows().get(day1.rows().size() - 1)[9]);
        final double firstOfDay2 = Double.parseDouble(day2.rows().get(0)[9]);
        assertTrue(Math.abs(firstOfDay2 / lastOfDay1 - 1) < 0.05, "the index continues across midnight");
        TardisChecks.optionsChain(read(out.resolve("deribit_options_chain_2026-01-02_OPTIONS.csv.gz")));
        for (final LocalDate day : new LocalDate[] {DAY, DAY.plusDays(1)})
        {
            final TardisFiles incremental =
                read(out.resolve("deribit_incremental_book_L2_" + day + "_BTC-PERPETUAL.csv.gz"));
            final TardisFiles snapshots =
                read(out.resolve("deribit_book_snapshot_25_" + day + "_BTC-PERPETUAL.csv.gz"));
            TardisChecks.common(incremental, TardisChecks.INCREMENTAL_BOOK_L2, day);
            assertEquals("true", incremental.rows().get(0)[4], "each day's file starts with a snapshot");
            final java.util.TreeMap<Double, Double> bids = new java.util.TreeMap<>();
            final java.util.TreeMap<Double, Double> asks = new java.util.TreeMap<>();
            int snapshot = 0;
            int updates = 0;
            boolean inSnapshot = false;
            final List<String[]> rows = incremental.rows();
            for (int i = 0; i < rows.size(); i++)
            {
                final String[] row = rows.get(i);
                final boolean isSnapshot = row[4].equals("true");
                if (isSnapshot && !inSnapshot)
                {
                    bids.clear();
                    asks.clear();
                }
                inSnapshot = isSnapshot;
                final java.util.TreeMap<Double, Double> side = row[5].equals("bid") ? bids : asks;
                assertTrue(row[5].equals("bid") || row[5].equals("ask"), row[5]);
                final double price = Double.parseDouble(row[6]);
                final double amount = Double.parseDouble(row[7]);
                if (amount == 0)
                {
                    assertNotNull(side.remove(price), "removes a level that exists: " + String.join(",", row));
                }
                else
                {
                    final Double before = side.put(price, amount);
                    assertTrue(isSnapshot || before == null || before != amount,
                        "an update sends changed levels only: " + String.join(",", row));
                }
                final boolean lastOfMessage = i + 1 == rows.size() || !rows.get(i + 1)[3].equals(row[3]);
                if (lastOfMessage)
                {
                    updates++;
                    final String[] book = snapshots.rows().get(snapshot++);
                    assertEquals(book[2], row[2], "same book time");
                    assertEquals(25, bids.size());
                    assertEquals(25, asks.size());
                    int level = 0;
                    for (final var ask : asks.entrySet())
                    {
                        assertEquals(Double.parseDouble(book[4 + 4 * level]), ask.getKey(), 0.0);
                        assertEquals(Double.parseDouble(book[5 + 4 * level]), ask.getValue(), 0.0);
                        level++;
                    }
                    level = 0;
                    for (final var bid : bids.descendingMap().entrySet())
                    {
                        assertEquals(Double.parseDouble(book[6 + 4 * level]), bid.getKey(), 0.0);
                        assertEquals(Double.parseDouble(book[7 + 4 * level]), bid.getValue(), 0.0);
                        level++;
                    }
                }
            }
            assertEquals(snapshots.rows().size(), updates, "one incremental message per snapshot");
        }
    }

    @Test
    void theShippedSampleIsAValidGeneratedMarket() throws IOException
    {
        for (final String[] file : new String[][] {
            {"deribit_options_chain_2026-01-01_OPTIONS.csv.gz", "chain"},
            {"deribit_book_snapshot_25_2026-01-01_BTC-PERPETUAL.csv.gz", "book"},
            {"deribit_incremental_book_L2_2026-01-01_BTC-PERPETUAL.csv.gz", "incremental"},
            {"deribit_derivative_ticker_2026-01-01_BTC-PERPETUAL.csv.gz", "ticker"},
            {"deribit_trades_2026-01-01_BTC-PERPETUAL.csv.gz", "trades"}})
        {
            try (InputStream in = MarketGeneratorTest.class.getResourceAsStream("/sample/" + file[0]))
            {
                assertNotNull(in, "sample/" + file[0] + " on the classpath");
                final TardisFiles sample = TardisFiles.read(in);
                switch (file[1])
                {
                    case "chain" -> {
                        TardisChecks.common(sample, TardisChecks.OPTIONS_CHAIN, DAY);
                        TardisChecks.optionsChain(sample);
                    }
                    case "book" -> {
                        TardisChecks.common(sample, TardisChecks.BOOK_SNAPSHOT_25, DAY);
                        TardisChecks.book(sample, 0.5);
                    }
                    case "incremental" -> {
                        TardisChecks.common(sample, TardisChecks.INCREMENTAL_BOOK_L2, DAY);
                        assertEquals("true", sample.rows().get(0)[4]);
                    }
                    case "ticker" -> {
                        TardisChecks.common(sample, TardisChecks.DERIVATIVE_TICKER, DAY);
                        TardisChecks.ticker(sample);
                    }
                    default -> {
                        TardisChecks.common(sample, TardisChecks.TRADES, DAY);
                        TardisChecks.trades(sample, 0.5);
                    }
                }
            }
        }
    }

    @Test
    void theShippedSampleIsWhatItsDocumentedCommandWrites(@TempDir final Path out) throws IOException
    {
        // sample/README.md: deltahedger generate --model heston --days 1 --seed 7 --chain-interval 15m
        // --book-interval 1m --ticker-interval 1m --trades-per-minute 6 --book both (defaults: vol 0.6, kappa 2,
        // xi 0.8, rho -0.5).
        // If the generator changes on purpose, regenerate the sample with that command.
        final GeneratorConfig config = GeneratorConfig.defaults(new HestonModel(0.0, 0.36, 2.0, 0.36, 0.8, -0.5), 7,
            DAY, 1, 60_000).withIntervals(900_000, 60_000, 60_000, 6).withBookFormat(BookFormat.BOTH);
        final GenerationSummary summary = MarketGenerator.generate(config, out);
        for (final Path file : summary.files())
        {
            try (InputStream in = MarketGeneratorTest.class.getResourceAsStream("/sample/" + file.getFileName()))
            {
                assertNotNull(in, "sample/" + file.getFileName());
                assertArrayEquals(in.readAllBytes(), Files.readAllBytes(file), file.getFileName() + " regenerated");
            }
        }
    }

    @Test
    void badConfigurationsAreRefusedWithTheSettingAndTheValue()
    {
        final IllegalArgumentException days = assertThrows(IllegalArgumentException.class,
            () -> GeneratorConfig.defaults(new GbmModel(0, 0.5), 1, DAY, 0, 60_000));
        assertTrue(days.getMessage().contains("days") && days.getMessage().contains("0"), days.getMessage());
        final IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
            () -> GeneratorConfig.defaults(new GbmModel(0, 0.5), 1, DAY, 1, 60_000).withIntervals(1_500, 1_000,
                1_000, 1));
        assertTrue(interval.getMessage().contains("options chain interval") && interval.getMessage().contains("1500"),
            interval.getMessage());
    }
}
