package io.deltahedger.agent;

import io.deltahedger.backtest.replay.Backtest;
import io.deltahedger.backtest.replay.BacktestConfig;
import io.deltahedger.backtest.replay.BacktestResult;
import io.deltahedger.backtest.replay.BookSource;
import io.deltahedger.backtest.replay.ReplayData;
import io.deltahedger.backtest.replay.Sweep;
import io.deltahedger.backtest.replay.SweepHtml;
import io.deltahedger.backtest.report.ReportFiles;
import io.deltahedger.backtest.report.ReportJson;
import io.deltahedger.backtest.report.ReportText;
import io.deltahedger.backtest.tardis.TardisDataException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The historical mode of {@code deltahedger backtest}: Tardis files ({@code --data}) or the agent's own journal
 * ({@code --journal}) through the real hedging pipeline and a simulated Deribit account ({@link Backtest}); prints the summary, writes the report files, reports bad rows
 * with file and line, shows a progress bar on a terminal, and runs sweeps in parallel.
 */
final class HistoricalBacktest
{
    @Option(names = "--data", arity = "1..*", paramLabel = "FILE|DIR",
        description = "Historical backtest: Tardis CSV files (.csv or .csv.gz), or directories of them, merged by "
            + "local timestamp.")
    List<Path> data;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "Historical backtest on the agent's own journal directory: replays the market data the live agent "
            + "received (its MARKET_DATA records) through the pipeline. The book is the option positions of the journal's "
            + "first account snapshots unless --book is given.")
    Path journal;

    @Option(names = "--book", paramLabel = "FILE",
        description = "Options book: one 'instrument,contracts' line per option (e.g. BTC-30JAN26-70000-C,-5).")
    Path book;

    @Option(names = "--book-rule", paramLabel = "short-strangle",
        description = "Options book from a rule: short-strangle writes the --delta strangle of the nearest monthly "
            + "expiry, --coins a wing, rolled at expiry.")
    String bookRule;

    @Option(names = "--delta", paramLabel = "D", description = "Wing delta of --book-rule short-strangle. Default: 0.25.")
    Double delta;

    @Option(names = "--coins", paramLabel = "N", description = "Coins written per wing by --book-rule. Default: 1.")
    Double coins;

    @Option(names = "--coin", paramLabel = "BTC|ETH", description = "The hedged coin (its perpetual hedges). Default: BTC.")
    String coin;

    @Option(names = "--band", paramLabel = "COINS", description = "Fixed band half-width, coin (0.5 or 0.5coin). "
        + "Default: 0.5coin.")
    String band;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "Order latency of the simulated venue. Default: 50.")
    Long latencyMs;

    @Option(names = "--strict", description = "The first bad row is fatal (default: counted, reported and skipped).")
    boolean strict;

    @Option(names = "--output-dir", paramLabel = "DIR",
        description = "Write report.json, the CSVs and report.html here (a sweep: one directory per value and sweep.html).")
    Path outputDir;

    @Option(names = "--record-journal", paramLabel = "DIR",
        description = "Write the run's journal here, in the agent's format (verify it with deltahedger verify, replay it "
            + "with --journal). Not with --sweep.")
    Path recordJournal;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    @Option(names = "--sweep", paramLabel = "NAME=V1,V2,...",
        description = "Grid over a policy parameter, run in parallel on all cores: band=0.1,0.2,0.5 or latency-ms=0,50,200.")
    String sweep;

    /** Whether any historical option was given. */
    boolean given()
    {
        return firstGiven() != null;
    }

    String firstGiven()
    {
        final Object[][] options = {{"--data", data}, {"--journal", journal}, {"--book", book}, {"--book-rule", bookRule}, {"--delta", delta},
            {"--coins", coins}, {"--coin", coin}, {"--band", band}, {"--latency-ms", latencyMs},
            {"--output-dir", outputDir}, {"--sweep", sweep}, {"--record-journal", recordJournal}};
        for (final Object[] o : options)
        {
            if (o[1] != null)
            {
                return (String) o[0];
            }
        }
        return strict ? "--strict" : quiet ? "--quiet" : null;
    }

    int run(final CommandLine commandLine, final OptionArguments.Output output)
    {
        final BacktestConfig config = config(commandLine);
        final PrintWriter out = commandLine.getOut();
        final PrintWriter err = commandLine.getErr();
        try
        {
            if (sweep != null)
            {
                if (recordJournal != null)
                {
                    throw new CommandLine.ParameterException(commandLine, "--record-journal records one run; a sweep "
                        + "runs one per value: drop --record-journal, or run the value you want recorded on its own");
                }
                final Sweep.Grid grid;
                try
                {
                    grid = Sweep.parse(sweep);
                    for (final double v : grid.values())
                    {
                        grid.apply(config, v);
                    }
                }
                catch (final IllegalArgumentException e)
                {
                    throw new CommandLine.ParameterException(commandLine, e.getMessage());
                }
                final List<Sweep.Point> points = Sweep.run(config, grid, Runtime.getRuntime().availableProcessors());
                for (final Sweep.Point p : points)
                {
                    reportBadRows(err, p.result());
                }
                if (outputDir != null)
                {
                    for (final Sweep.Point p : points)
                    {
                        ReportFiles.write(p.result().report(), outputDir.resolve(SweepHtml.directoryOf(grid.name(),
                            p.value())));
                    }
                    Files.writeString(outputDir.resolve("sweep.html"), SweepHtml.write(config.title() + " sweep",
                        grid.name(), config.coin(), points));
                }
                if (output == OptionArguments.Output.JSON)
                {
                    out.println(sweepJson(grid.name(), points));
                }
                else
                {
                    out.print(Sweep.table(grid.name(), config.coin(), points));
                }
                return 0;
            }
            final ProgressBar bar = new ProgressBar(err, !quiet && System.console() != null);
            final Backtest backtest = new Backtest(config, bar);
            if (recordJournal != null)
            {
                backtest.recordingJournal(recordJournal);
            }
            final BacktestResult result = backtest.run();
            bar.done();
            reportBadRows(err, result);
            if (outputDir != null)
            {
                ReportFiles.write(result.report(), outputDir);
            }
            if (output == OptionArguments.Output.JSON)
            {
                out.println(ReportJson.write(result.report()));
            }
            else
            {
                out.print(ReportText.summary(result.report()));
                out.printf(Locale.ROOT, "events %d, to the pipeline %d, orders %d, groups %d, bad rows %d%n",
                    result.events(), result.pipelineEvents(), result.orders(), result.groups(), result.badRows());
                for (final String note : result.report().notes())
                {
                    out.println(note);
                }
                for (final BacktestResult.BookEvent e : result.bookEvents())
                {
                    out.println(e);
                }
                if (outputDir != null)
                {
                    out.println("report written to " + outputDir.resolve("report.html"));
                }
            }
            return 0;
        }
        catch (final TardisDataException e)
        {
            err.println("bad row (--strict): " + e.getMessage());
            return 1;
        }
        catch (final IOException e)
        {
            err.println("cannot read the data: " + e.getMessage());
            return 1;
        }
        catch (final UncheckedIOException e)
        {
            err.println(e.getMessage());
            return 1;
        }
        catch (final IllegalArgumentException e)
        {
            err.println("backtest refused: " + e.getMessage());
            return 1;
        }
    }

    private static void reportBadRows(final PrintWriter err, final BacktestResult result)
    {
        if (result.badRows() > 0)
        {
            err.println(result.badRowSummary());
            for (final String m : result.badRowMessages())
            {
                err.println("  " + m);
            }
            if (result.badRowMessages().size() < result.badRows())
            {
                err.println("  ... (the first " + result.badRowMessages().size() + " shown)");
            }
        }
    }

    private static String sweepJson(final String name, final List<Sweep.Point> points)
    {
        final StringBuilder b = new StringBuilder("{\"parameter\":\"").append(name).append("\",\"points\":[");
        for (int i = 0; i < points.size(); i++)
        {
            final Sweep.Point p = points.get(i);
            b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                "{\"value\":%s,\"cost\":%s,\"hedging_error\":%s,\"rms_net_delta\":%s,\"pnl_step_std\":%s,\"total\":%s,"
                    + "\"groups\":%d,\"fills\":%d}",
                Double.toString(p.value()), Double.toString(p.cost()), Double.toString(p.hedgingError()),
                Double.toString(p.rmsNetDelta()), Double.toString(p.hedgedPnlStepStd()),
                Double.toString(p.result().report().summary().total()), p.result().report().summary().groups(),
                p.result().report().summary().fills()));
        }
        return b.append("]}").toString();
    }

    private BacktestConfig config(final CommandLine commandLine)
    {
        if (data != null && journal != null)
        {
            throw new CommandLine.ParameterException(commandLine, "--data and --journal both given: replay either Tardis "
                + "files or the agent's journal");
        }
        final ReplayData replayData = journal != null ? new ReplayData.AgentJournal(journal)
            : new ReplayData.TardisFiles(files(commandLine));
        final String theCoin = coin == null ? "BTC" : coin.toUpperCase(Locale.ROOT);
        if (!"BTC".equals(theCoin) && !"ETH".equals(theCoin))
        {
            throw new CommandLine.ParameterException(commandLine, "invalid --coin '" + coin + "': allowed are BTC, ETH");
        }
        if (journal != null && bookRule != null)
        {
            throw new CommandLine.ParameterException(commandLine, "--book-rule needs the whole option chain, and a journal "
                + "holds only the options the agent's book held: give --book FILE, or leave the book out to take the "
                + "option positions of the journal's first account snapshots");
        }
        if (journal == null && (book == null) == (bookRule == null))
        {
            throw new CommandLine.ParameterException(commandLine, book == null
                ? "missing --book FILE or --book-rule short-strangle: the backtest needs an options book to hedge"
                : "--book and --book-rule both given: choose one options book");
        }
        final BookSource source;
        if (journal != null && book == null)
        {
            if (delta != null || coins != null)
            {
                throw new CommandLine.ParameterException(commandLine, (delta != null ? "--delta" : "--coins")
                    + " belongs to --book-rule, which a journal backtest does not take: drop it");
            }
            source = new BookSource.JournalAccounts();
        }
        else if (bookRule != null)
        {
            if (!"short-strangle".equals(bookRule))
            {
                throw new CommandLine.ParameterException(commandLine, "invalid --book-rule '" + bookRule
                    + "': allowed is short-strangle (with --delta 0.25 --coins N)");
            }
            final double d = delta == null ? 0.25 : delta;
            final double c = coins == null ? 1.0 : coins;
            if (!(d > 0 && d < 0.5))
            {
                throw new CommandLine.ParameterException(commandLine, "invalid --delta " + delta
                    + ": the wing delta must be in (0, 0.5), e.g. 0.25");
            }
            if (!(c > 0 && c <= 1e6))
            {
                throw new CommandLine.ParameterException(commandLine, "invalid --coins " + coins
                    + ": coins written per wing must be > 0, e.g. 5");
            }
            source = new BookSource.ShortStrangle(theCoin, d, c);
        }
        else
        {
            if (delta != null || coins != null)
            {
                throw new CommandLine.ParameterException(commandLine, (delta != null ? "--delta" : "--coins")
                    + " belongs to --book-rule; a --book file gives its own contracts: drop it");
            }
            try
            {
                source = BookSource.Fixed.read(book);
            }
            catch (final IOException e)
            {
                throw new CommandLine.ParameterException(commandLine, "invalid --book " + book + ": cannot read it ("
                    + e.getMessage() + ")");
            }
            catch (final IllegalArgumentException e)
            {
                throw new CommandLine.ParameterException(commandLine, "invalid --book: " + e.getMessage());
            }
        }
        final double bandCoin = band(commandLine);
        final long latency = latencyMs == null ? 50 : latencyMs;
        if (latency < 0 || latency > 60_000)
        {
            throw new CommandLine.ParameterException(commandLine, "invalid --latency-ms " + latencyMs
                + ": must be 0..60000 milliseconds, e.g. 50");
        }
        final String bookTitle = bookRule != null ? "short " + (delta == null ? 0.25 : delta) + "-delta strangle, "
            + (coins == null ? 1.0 : coins) + " " + theCoin + " a wing, rolled"
            : book != null ? "book " + book.getFileName() : "the journal's book";
        try
        {
            final BacktestConfig base = BacktestConfig.of(replayData, source, theCoin, bandCoin, latency, strict);
            return new BacktestConfig(replayData, source, theCoin, bandCoin, latency, strict, base.initialBalance(),
                base.accountIntervalMs(), base.sampleIntervalMs(), base.maxInputAgeMs(),
                (journal != null ? "journal backtest (" + journal.getFileName() + "): " : "historical backtest: ")
                    + bookTitle + ", band " + bandCoin + " " + theCoin + ", latency " + latency + " ms");
        }
        catch (final IllegalArgumentException e)
        {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    private double band(final CommandLine commandLine)
    {
        if (band == null)
        {
            return 0.5;
        }
        final String number = band.strip().toLowerCase(Locale.ROOT).replaceFirst("coins?$", "");
        try
        {
            final double v = Double.parseDouble(number);
            if (v > 0 && Double.isFinite(v))
            {
                return v;
            }
        }
        catch (final NumberFormatException e)
        {
            // reported below
        }
        throw new CommandLine.ParameterException(commandLine, "invalid --band '" + band
            + "': give a half-width in coin > 0, e.g. 0.5coin or 0.5");
    }

    private List<Path> files(final CommandLine commandLine)
    {
        final List<Path> files = new ArrayList<>();
        for (final Path p : data)
        {
            if (Files.isDirectory(p))
            {
                try (Stream<Path> list = Files.list(p))
                {
                    list.filter(f -> f.getFileName().toString().matches(".*\\.csv(\\.gz)?$")).sorted().forEach(files::add);
                }
                catch (final IOException e)
                {
                    throw new CommandLine.ParameterException(commandLine, "invalid --data " + p + ": cannot list it ("
                        + e.getMessage() + ")");
                }
            }
            else if (Files.isRegularFile(p))
            {
                files.add(p);
            }
            else
            {
                throw new CommandLine.ParameterException(commandLine, "invalid --data " + p
                    + ": no such file or directory; give Tardis .csv/.csv.gz files or a directory of them");
            }
        }
        if (files.isEmpty())
        {
            throw new CommandLine.ParameterException(commandLine, "invalid --data " + data
                + ": no .csv or .csv.gz file found; give Tardis files or a directory of them");
        }
        return files;
    }

    /** Progress on stderr: events/s, percent of the files' bytes read, time left. Off unless on a terminal. */
    static final class ProgressBar implements Backtest.Progress
    {
        private final PrintWriter err;
        private final boolean on;
        private final long startNanos = System.nanoTime();
        private long lastDrawNanos;

        ProgressBar(final PrintWriter err, final boolean on)
        {
            this.err = err;
            this.on = on;
        }

        @Override
        public void onProgress(final long events, final long bytesRead, final long totalBytes, final long replayMs)
        {
            if (!on)
            {
                return;
            }
            final long now = System.nanoTime();
            if (now - lastDrawNanos < 200_000_000L && bytesRead < totalBytes)
            {
                return;
            }
            lastDrawNanos = now;
            err.print("\r" + line(events, bytesRead, totalBytes, (now - startNanos) / 1e9));
            err.flush();
        }

        void done()
        {
            if (on)
            {
                err.println();
            }
        }

        static String line(final long events, final long bytesRead, final long totalBytes, final double seconds)
        {
            final double fraction = totalBytes <= 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
            final int width = 30;
            final int filled = (int) Math.round(fraction * width);
            final double rate = seconds > 0 ? events / seconds : 0;
            final double left = fraction > 0 ? seconds * (1 - fraction) / fraction : Double.NaN;
            return String.format(Locale.ROOT, "[%s%s] %3.0f%% %,.0f events/s, %s left", "#".repeat(filled),
                " ".repeat(width - filled), fraction * 100, rate,
                Double.isFinite(left) ? String.format(Locale.ROOT, "%d:%02d", (long) left / 60, (long) left % 60) : "?");
        }
    }
}
