package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.report.ReportJson;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.JournalVerifier;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.RecordType;
import io.deltahedger.hedger.journal.VerificationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's own journal as a backtest's input: the shipped sample day is backtested with its pipeline journaling
 * (as the daemon's does), and that journal, verified, is replayed through the pipeline again.
 */
class JournalBacktestTest
{
    @TempDir
    static Path shared;
    static Path journal;
    static BacktestResult recorded;
    static List<BookSource.Position> book;

    @BeforeAll
    static void recordTheSampleDay() throws IOException
    {
        journal = shared.resolve("journal");
        recorded = new Backtest(SampleBacktestTest.strangle(0.5), null).recordingJournal(journal).run();
        book = new ArrayList<>();
        for (final BacktestResult.BookEvent e : recorded.bookEvents())
        {
            if (e.entered())
            {
                book.add(new BookSource.Position(e.instrument(), e.contracts()));
            }
        }
    }

    private static BacktestConfig replay(final Path directory, final BookSource source, final boolean strict)
    {
        return BacktestConfig.of(new ReplayData.AgentJournal(directory), source, "BTC", 0.5, 50, strict);
    }

    private static long marketDataRecords(final Path directory) throws IOException
    {
        long n = 0;
        try (JournalReader reader = new JournalReader(JournalFormat.filesIn(directory), new JournalReader.Listener() { }))
        {
            while (reader.next())
            {
                n += reader.type() == RecordType.MARKET_DATA ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void aBacktestsJournalVerifiesAndHoldsEveryEventItsPipelineReceived() throws IOException
    {
        assertTrue(recorded.orders() > 0, "the recorded run traded");
        final VerificationReport report = new JournalVerifier(
            ChainSigner.generate(new java.util.Random(Backtest.JOURNAL_KEY_SEED)).address())
            .verify(JournalFormat.filesIn(journal));
        assertTrue(report.ok(), report::render);
        // the segment's opening book snapshot and ticker, then every event the pipeline was handed
        assertEquals(recorded.pipelineEvents() + 2, marketDataRecords(journal));
    }

    @Test
    void theJournalReplaysThroughThePipelineAndHedgesTheSameBook() throws IOException
    {
        final BacktestResult replayed = Backtest.run(replay(journal, new BookSource.Fixed(book), false));
        assertTrue(replayed.halts().isEmpty(), () -> "stage exceptions: " + replayed.halts());
        assertEquals(0, replayed.badRows(), replayed.badRowSummary());
        assertEquals(marketDataRecords(journal), replayed.events(), "every MARKET_DATA record replayed");
        assertTrue(replayed.orders() > 0 && replayed.groups() > 0, "the replay hedged: " + replayed.orders());
        final List<String> entered = replayed.bookEvents().stream().filter(BacktestResult.BookEvent::entered)
            .map(BacktestResult.BookEvent::instrument).sorted().toList();
        assertEquals(book.stream().map(BookSource.Position::instrument).sorted().toList(), entered);
        // the options are marked from the same recorded tickers, so they end at the same marks: the options P&L
        // differs from the Tardis run's exactly by the entry marks (the replay enters its fixed book at the journal's
        // first quotes of the options, the Tardis run's rule a minute after the chain's first)
        double entryDifference = 0;
        for (final BacktestResult.BookEvent r : replayed.bookEvents())
        {
            final BacktestResult.BookEvent o = recorded.bookEvents().stream()
                .filter(e -> e.entered() && e.instrument().equals(r.instrument())).findFirst().orElseThrow();
            entryDifference += r.contracts() * (o.priceCoin() - r.priceCoin());
        }
        final double options = replayed.report().summary().options();
        final double original = recorded.report().summary().options();
        assertEquals(original + entryDifference, options, 1e-9,
            "options P&L " + options + " against " + original + " with entries differing by " + entryDifference);
    }

    @Test
    void theSameJournalReplaysToTheSameReport() throws IOException
    {
        final String first = ReportJson.write(Backtest.run(replay(journal, new BookSource.Fixed(book), false)).report());
        final String second = ReportJson.write(Backtest.run(replay(journal, new BookSource.Fixed(book), false)).report());
        assertEquals(first, second);
    }

    @Test
    void withoutABookTheJournalsAccountSnapshotsMustHoldTheOptions()
    {
        // the simulated account of a backtest holds the hedge only: the book has to be given
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Backtest.run(replay(journal, new BookSource.JournalAccounts(), false)));
        assertTrue(e.getMessage().contains("no BTC option") && e.getMessage().contains("--book FILE"), e.getMessage());
    }

    @Test
    void aTornJournalIsReplayedUpToTheTearOrRefusedWhenStrict(@TempDir final Path dir) throws IOException
    {
        final Path copy = dir.resolve("torn");
        Files.createDirectories(copy);
        final List<Path> files = JournalFormat.filesIn(journal);
        for (final Path f : files)
        {
            Files.copy(f, copy.resolve(f.getFileName()));
        }
        final Path last = copy.resolve(files.get(files.size() - 1).getFileName());
        final long size = Files.size(last);
        try (var channel = java.nio.channels.FileChannel.open(last, java.nio.file.StandardOpenOption.WRITE))
        {
            channel.truncate(size - 10);
        }
        final BacktestResult torn = Backtest.run(replay(copy, new BookSource.Fixed(book), false));
        assertEquals(1, torn.badRows(), torn.badRowSummary());
        assertTrue(torn.badRowMessages().get(0).contains("truncated"), torn.badRowMessages().toString());
        final IllegalArgumentException strict = assertThrows(IllegalArgumentException.class,
            () -> Backtest.run(replay(copy, new BookSource.Fixed(book), true)));
        assertTrue(strict.getMessage().contains(last.toString()) && strict.getMessage().contains("offset"),
            strict.getMessage());
    }

    @Test
    void aMissingDirectoryAJournalWithoutMarketDataAndTheStrangleRuleAreRefusedClearly(@TempDir final Path dir)
    {
        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
            () -> Backtest.run(replay(dir.resolve("nope"), new BookSource.Fixed(book), false)));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        // the parent of a journal directory (the demo writes journal/run-<time>/): the message names the one to give
        final IllegalArgumentException parent = assertThrows(IllegalArgumentException.class,
            () -> Backtest.run(replay(shared, new BookSource.Fixed(book), false)));
        assertTrue(parent.getMessage().contains("[journal]") && parent.getMessage().contains("--journal "
            + shared.resolve("journal")), parent.getMessage());

        final Path silent = dir.resolve("silent");
        try (JournalWriter writer = JournalWriter.open(silent, ChainSigner.generate(new java.util.Random(1)),
            JournalWriterConfig.defaults().inline().withMarketData(false)))
        {
            writer.flush();
        }
        final IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
            () -> Backtest.run(replay(silent, new BookSource.Fixed(book), false)));
        assertTrue(empty.getMessage().contains("journal") && empty.getMessage().contains(silent.toString()),
            empty.getMessage());

        final IllegalArgumentException rule = assertThrows(IllegalArgumentException.class,
            () -> replay(journal, new BookSource.ShortStrangle("BTC", 0.25, 1), false));
        assertTrue(rule.getMessage().contains("--book-rule") && rule.getMessage().contains("--book FILE"),
            rule.getMessage());
    }

    /**
     * A journal at Deribit's live cadence (a perpetual book change and ticker every 100 ms): the backtest takes the
     * book from the account snapshot and decides on every event from the start to the end. (A book period that opened
     * on a perpetual book change once sent that change again after the opening snapshot: the pipeline's book then
     * failed the sequence check and every decision was STALE_INPUT until the next snapshot, which a live feed never
     * sends.)
     */
    @Test
    void aLiveCadenceJournalIsHedgedThroughoutWithTheBookOfItsAccountSnapshot(@TempDir final Path dir)
        throws IOException
    {
        final LiveLikeJournal.Written written = LiveLikeJournal.write(dir, 6, 1_800, 5, 42);
        final BacktestResult result = Backtest.run(BacktestConfig.of(new ReplayData.AgentJournal(dir),
            new BookSource.JournalAccounts(), "BTC", 0.02, 50, true));
        assertTrue(result.halts().isEmpty(), () -> "stage exceptions: " + result.halts());
        assertEquals(written.marketDataRecords(), result.events());
        assertEquals(written.book().stream().map(BookSource.Position::instrument).sorted().toList(),
            result.bookEvents().stream().filter(BacktestResult.BookEvent::entered)
                .map(BacktestResult.BookEvent::instrument).sorted().toList());
        assertTrue(result.bookEvents().stream().allMatch(e -> e.contracts() == -1.0), result.bookEvents().toString());
        final long decided = result.results().getOrDefault("NO_ACTION", 0L) + result.results().getOrDefault("APPROVED", 0L)
            + result.results().getOrDefault("GROUP_IN_FLIGHT", 0L);
        assertTrue(result.results().getOrDefault("STALE_INPUT", 0L) <= 2, result.results().toString());
        assertTrue(decided > 0.9 * result.pipelineEvents(), result.results() + " of " + result.pipelineEvents());
        assertTrue(result.orders() > 0 && result.groups() > 0, result.results().toString());
    }
}
