package io.deltahedger.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deltahedger generate} through {@code Main.execute}. */
class GenerateCommandTest
{
    private record Run(int exit, String out, String err)
    {
    }

    private static Run run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void writesTheTardisFilesOfEachDayAndListsThem(@TempDir final Path dir) throws IOException
    {
        final Run run = run("generate", "--model", "jump", "--days", "1", "--seed", "5", "--out", dir.toString(),
            "--start", "2026-03-02", "--chain-interval", "6h", "--book-interval", "1h", "--ticker-interval", "1h",
            "--trades-per-minute", "1", "--currency", "ETH", "--spot", "3000", "--perpetual-tick", "0.05",
            "--jump-intensity", "30", "--book", "incremental_book_L2");
        assertEquals(0, run.exit(), run.err());
        final Path ticker = dir.resolve("deribit_derivative_ticker_2026-03-02_ETH-PERPETUAL.csv.gz");
        assertTrue(run.out().contains(ticker.toString()), run.out());
        assertTrue(run.out().contains("0 book_snapshot_25"), run.out());
        assertTrue(Files.exists(dir.resolve("deribit_incremental_book_L2_2026-03-02_ETH-PERPETUAL.csv.gz")));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(ticker)), StandardCharsets.US_ASCII)))
        {
            assertEquals("exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,"
                + "predicted_funding_rate,open_interest,last_price,index_price,mark_price", reader.readLine());
            assertTrue(reader.readLine().startsWith("deribit,ETH-PERPETUAL,1772409600000000,"));
        }
        assertTrue(Files.exists(dir.resolve("deribit_options_chain_2026-03-02_OPTIONS.csv.gz")));
    }

    @Test
    void durationsTakeMilliseconds()
    {
        assertEquals(Duration.ofMillis(100), new DurationText.Converter().convert("100ms"));
        assertEquals(Duration.ofMillis(1_500), new DurationText.Converter().convert("1500MS"));
        assertEquals(Duration.ofSeconds(100), new DurationText.Converter().convert("100s"), "s alone is still seconds");
        assertEquals(Duration.ofMinutes(100), new DurationText.Converter().convert("100m"), "m alone is still minutes");
        for (final String refused : new String[] {"0ms", "ms", "-5ms", "1.5ms"})
        {
            final CommandLine.TypeConversionException ex = assertThrows(CommandLine.TypeConversionException.class,
                () -> new DurationText.Converter().convert(refused));
            assertTrue(ex.getMessage().contains("'" + refused + "'"), ex.getMessage());
            assertTrue(ex.getMessage().contains("ms (milliseconds)") && ex.getMessage().contains("100ms"),
                ex.getMessage());
        }
    }

    @Test
    void millisecondIntervalsWriteRowsThatFarApart(@TempDir final Path dir) throws IOException
    {
        final Run run = run("generate", "--model", "gbm", "--days", "1", "--seed", "7", "--out", dir.toString(),
            "--start", "2026-03-02", "--chain-interval", "1d", "--book-interval", "1d", "--ticker-interval", "500ms",
            "--trades-per-minute", "0.1");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains(" 172800 derivative_ticker "), "two rows a second for a day: " + run.out());
        final Path ticker = dir.resolve("deribit_derivative_ticker_2026-03-02_BTC-PERPETUAL.csv.gz");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(ticker)), StandardCharsets.US_ASCII)))
        {
            reader.readLine();
            final long startMicros = 1_772_409_600_000_000L;
            for (int row = 0; row < 5; row++)
            {
                assertEquals(startMicros + row * 500_000L, Long.parseLong(reader.readLine().split(",")[2]),
                    "row " + row + " is 500 ms after the one before");
            }
        }
    }

    @Test
    void badArgumentsNameTheOptionTheValueAndWhatIsAllowed(@TempDir final Path dir)
    {
        assertUsageError(new String[] {"generate", "--model", "garch", "--days", "1", "--seed", "1", "--out",
            dir.toString()}, "garch", "gbm, heston, jump");
        assertUsageError(new String[] {"generate", "--model", "gbm", "--days", "0", "--seed", "1", "--out",
            dir.toString()}, "--days 0", "from 1 to 3660");
        assertUsageError(new String[] {"generate", "--model", "gbm", "--days", "1", "--seed", "1", "--out",
            dir.toString(), "--start", "1/1/2026"}, "--start '1/1/2026'", "YYYY-MM-DD");
        assertUsageError(new String[] {"generate", "--model", "gbm", "--days", "1", "--seed", "1", "--out",
            dir.toString(), "--skew", "1.5"}, "skew", "1.5");
        assertUsageError(new String[] {"generate", "--model", "gbm", "--days", "1", "--seed", "1", "--out",
            dir.toString(), "--chain-interval", "5"}, "'5'", "1w, 1d, 4h");
        assertUsageError(new String[] {"generate", "--model", "gbm", "--days", "1", "--seed", "1", "--out",
            dir.toString(), "--ticker-interval", "0ms"}, "--ticker-interval", "'0ms'", "ms (milliseconds)", "100ms");
        assertUsageError(new String[] {"generate", "--model", "gbm", "--days", "1", "--seed", "1", "--out",
            dir.toString(), "--book-interval", "ms"}, "--book-interval", "'ms'", "ms (milliseconds)", "100ms");
        assertUsageError(new String[] {"generate", "--model", "gbm", "--days", "1", "--seed", "1", "--out",
            dir.toString(), "--ticker-interval", "250ms"}, "ticker interval", "multiple of the 100 ms step", "250 ms");
        assertUsageError(new String[] {"generate", "--model", "gbm", "--days", "1", "--seed", "1", "--out",
            dir.toString(), "--heston-xi", "0.5"}, "--heston-xi", "--model heston only");
        assertUsageError(new String[] {"generate", "--model", "gbm", "--days", "1", "--seed", "1", "--out",
            dir.toString(), "--currency", "btc"}, "currency 'btc'", "upper-case");
        assertUsageError(new String[] {"generate", "--model", "gbm", "--days", "1", "--seed", "1", "--out",
            dir.toString(), "--book", "l3"}, "'l3'", "book_snapshot_25, incremental_book_L2, both");
    }

    private static void assertUsageError(final String[] args, final String... fragments)
    {
        final Run run = run(args);
        assertEquals(2, run.exit(), run.err() + run.out());
        for (final String fragment : fragments)
        {
            assertTrue(run.err().contains(fragment), "'" + fragment + "' in: " + run.err());
        }
    }
}
