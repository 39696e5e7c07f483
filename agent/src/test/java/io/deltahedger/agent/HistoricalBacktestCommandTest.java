package io.deltahedger.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deltahedger backtest --data ...} on the shipped sample through {@code Main.execute}. */
class HistoricalBacktestCommandTest
{
    /** The backtest module's shipped sample (the agent's tests run in agent/). */
    static final Path SAMPLE = Path.of("../backtest/src/main/resources/sample");

    private static final String[] SAMPLE_RUN = {"backtest", "--data", SAMPLE.toString(), "--book-rule", "short-strangle",
        "--delta", "0.25", "--coins", "5", "--band", "0.5coin", "--latency-ms", "50"};

    private record Run(int exit, String out, String err)
    {
    }

    private static Run run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        // buffered and without auto-flush, like a console's: output must not stay in the buffer (a sweep's table did)
        final int exit = Main.execute(new PrintWriter(new java.io.BufferedWriter(out)),
            new PrintWriter(new java.io.BufferedWriter(err)), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] with(final String[] base, final String... more)
    {
        final List<String> all = new ArrayList<>(Arrays.asList(base));
        all.addAll(Arrays.asList(more));
        return all.toArray(new String[0]);
    }

    private static String[] replace(final String option, final String value)
    {
        final List<String> all = new ArrayList<>(Arrays.asList(SAMPLE_RUN));
        all.set(all.indexOf(option) + 1, value);
        return all.toArray(new String[0]);
    }

    @Test
    void theSampleIsBacktestedAndTheReportFilesAreWritten(@TempDir final Path dir) throws IOException
    {
        final Run run = run(with(SAMPLE_RUN, "--output-dir", dir.toString()));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("orders") && run.out().contains("report written to"), run.out());
        for (final String f : List.of("report.json", "summary.csv", "pnl.csv", "delta.csv", "margin.csv", "report.html"))
        {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        final JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertTrue(report.get("summary").get("fills").asLong() > 2, report.get("summary").toString());
        assertTrue(run.err().isEmpty(), "no progress bar off a terminal, no bad rows: " + run.err());
    }

    @Test
    void jsonOutputIsTheReport()
    {
        final Run run = run(with(SAMPLE_RUN, "--output", "json"));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().strip().startsWith("{") && run.out().contains("\"summary\""), run.out());
    }

    @Test
    void badRowsAreCountedAndReportedWithFileAndLineOrFatalWhenStrict(@TempDir final Path dir) throws IOException
    {
        for (final Path f : Files.list(SAMPLE).filter(p -> p.toString().endsWith(".gz")).toList())
        {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        final Path ticker = dir.resolve("deribit_derivative_ticker_2026-01-01_BTC-PERPETUAL.csv.gz");
        final String text;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(ticker)))
        {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
        final String[] lines = text.split("\n", -1);
        final String[] cells = lines[5].split(",", -1);
        cells[10] = "NaN"; // mark_price of data line 5 (file line 6)
        lines[5] = String.join(",", cells);
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(ticker)))
        {
            out.write(String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        final Run lenient = run(replace("--data", dir.toString()));
        assertEquals(0, lenient.exit(), lenient.err());
        assertTrue(lenient.err().contains("1 bad row") && lenient.err().contains(ticker.getFileName() + ":6: NOT_A_NUMBER"),
            lenient.err());
        final Run strict = run(with(replace("--data", dir.toString()), "--strict"));
        assertEquals(1, strict.exit(), strict.out());
        assertTrue(strict.err().contains(ticker.getFileName() + ":6: NOT_A_NUMBER"), strict.err());
    }

    @Test
    void usageErrorsNameTheOptionTheValueAndTheFix()
    {
        assertUsage(replace("--band", "wide"), "--band", "wide", "0.5coin");
        assertUsage(replace("--band", "-1"), "--band", "-1", "> 0");
        assertUsage(replace("--latency-ms", "-5"), "--latency-ms", "-5", "0..60000");
        assertUsage(replace("--book-rule", "long-straddle"), "--book-rule", "long-straddle", "short-strangle");
        assertUsage(replace("--delta", "0.7"), "--delta", "0.7", "(0, 0.5)");
        assertUsage(replace("--data", "no/such/dir"), "--data", "no/such/dir", "Tardis");
        assertUsage(with(SAMPLE_RUN, "--sweep", "band=0.1,x"), "--sweep", "x", "band=0.1,0.2,0.5");
        assertUsage(with(SAMPLE_RUN, "--sweep", "gamma=1,2"), "--sweep", "gamma", "band");
        assertUsage(with(SAMPLE_RUN, "--spot", "100"), "--spot", "--synthetic", "drop");
        assertUsage(with(SAMPLE_RUN, "--book", "x.csv"), "--book", "--book-rule", "choose one");
        assertUsage(new String[] {"backtest", "--data", SAMPLE.toString()}, "--book", "--book-rule", "options book");
        assertUsage(new String[] {"backtest", "--synthetic", "gbm", "--data", SAMPLE.toString()}, "--data",
            "--synthetic", "drop");
    }

    private static void assertUsage(final String[] args, final String... expected)
    {
        final Run run = run(args);
        assertEquals(2, run.exit(), run.err());
        for (final String e : expected)
        {
            assertTrue(run.err().contains(e), "'" + e + "' in: " + run.err());
        }
    }

    @Test
    void aSweepPrintsTheFrontierAndWritesOneReportPerValue(@TempDir final Path dir) throws IOException
    {
        final Run run = run(with(SAMPLE_RUN, "--sweep", "band=0.2,1", "--output-dir", dir.toString()));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("band") && run.out().contains("hedging_error"), run.out());
        assertTrue(Files.exists(dir.resolve("band=0.2/report.html")) && Files.exists(dir.resolve("band=1/report.json")));
        assertTrue(Files.readString(dir.resolve("sweep.html")).contains("<svg"));
    }

    @Test
    void theProgressLineShowsPercentRateAndTimeLeft()
    {
        final String line = HistoricalBacktest.ProgressBar.line(500_000, 25, 100, 2.0);
        assertTrue(line.contains(" 25%") && line.contains("250,000 events/s") && line.contains("0:06 left"), line);
    }

    @Test
    void aRecordedJournalVerifiesAndIsReplayedWithJournal(@TempDir final Path dir) throws IOException
    {
        final Path journal = dir.resolve("journal");
        final Run recorded = run(with(SAMPLE_RUN, "--record-journal", journal.toString()));
        assertEquals(0, recorded.exit(), recorded.err());
        final Run verified = run("verify", journal.toString());
        assertEquals(0, verified.exit(), verified.err() + verified.out());
        // the book the Tardis run entered, as a book file
        final StringBuilder book = new StringBuilder("instrument,contracts\n");
        for (final String line : recorded.out().split("\n"))
        {
            if (line.startsWith("entered "))
            {
                final String[] words = line.split(" ");
                book.append(words[1]).append(',').append(words[2]).append('\n');
            }
        }
        final Path bookFile = Files.writeString(dir.resolve("book.csv"), book);
        final Run replayed = run("backtest", "--journal", journal.toString(), "--book", bookFile.toString(), "--band",
            "0.5coin");
        assertEquals(0, replayed.exit(), replayed.err());
        assertTrue(replayed.out().startsWith("journal backtest (journal): book book.csv"), replayed.out());
        assertTrue(replayed.out().contains("entered "), replayed.out());
        assertTrue(replayed.out().contains("journal: 1 session(s)") && replayed.out().contains("0 skipped"),
            replayed.out());
        // the JSON report carries the same note
        final Run json = run("backtest", "--journal", journal.toString(), "--book", bookFile.toString(), "--output",
            "json");
        assertEquals(0, json.exit(), json.err());
        final JsonNode notes = new ObjectMapper().readTree(json.out()).get("notes");
        assertTrue(notes.isArray() && notes.get(0).asText().startsWith("journal: 1 session(s)"), json.out());
    }

    @Test
    void journalUsageErrorsNameTheConflict(@TempDir final Path dir)
    {
        final Run both = run("backtest", "--journal", dir.toString(), "--data", SAMPLE.toString(), "--book-rule",
            "short-strangle");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("--data and --journal both given"), both.err());
        final Run rule = run("backtest", "--journal", dir.toString(), "--book-rule", "short-strangle");
        assertEquals(2, rule.exit());
        assertTrue(rule.err().contains("--book-rule needs the whole option chain"), rule.err());
        final Run sweep = run(with(SAMPLE_RUN, "--sweep", "band=0.2,0.5", "--record-journal", dir.toString()));
        assertEquals(2, sweep.exit());
        assertTrue(sweep.err().contains("--record-journal records one run"), sweep.err());
        final Run missing = run("backtest", "--journal", dir.resolve("nope").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }
}
