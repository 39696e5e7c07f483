package io.deltahedger.agent.daemon;

import io.deltahedger.config.DeltahedgerConfig;
import io.deltahedger.config.daemon.JournalSettings;
import io.deltahedger.config.time.EpochClock;
import io.deltahedger.agent.Main;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalHeader;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.RecordType;
import io.deltahedger.hedger.pipeline.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code journal.market-data} reaches the engine's journal: the demo daemon on the embedded simulator journals every
 * market-data event in full by default (MARKET_DATA records, what {@code backtest --journal} replays) and none with
 * {@code market-data: false}, while the MARKET records of what the margin book was given are written either way.
 */
@Timeout(60)
class DaemonJournalMarketDataTest
{
    private static final String TOKEN = "a-test-token-of-at-least-32-characters-0123";

    /** Pipeline events evaluated before the daemon is stopped: enough for market data to have flowed. */
    private static final long EVENTS = 200;

    @Test
    void marketDataIsJournaledInFullByDefaultAndTheJournalReplaysThroughTheBacktest(@TempDir final Path dir)
        throws Exception
    {
        final Path journal = runDemo(dir, JournalSettings.DEFAULT.marketData());
        final Map<RecordType, Integer> counts = count(journal);
        assertTrue(counts.get(RecordType.MARKET) > 0, counts.toString());
        assertTrue(counts.get(RecordType.MARKET_DATA) >= counts.get(RecordType.MARKET),
            "each MARKET follows the MARKET_DATA it came from: " + counts);

        // what the live agent received, replayed: the demo's BTC options (its HEADER's) as the book
        final StringBuilder book = new StringBuilder();
        try (JournalReader reader = new JournalReader(JournalFormat.filesIn(journal), new JournalReader.Listener() { }))
        {
            while (reader.next() && book.length() == 0)
            {
                if (reader.type() == RecordType.HEADER)
                {
                    for (final JournalHeader.InstrumentSetup i : ((JournalEntry.Header)reader.entry()).header().instruments())
                    {
                        if (i.instrument().isOption() && i.instrument().underlying().equals("BTC"))
                        {
                            book.append(i.instrument().canonicalId().substring("deribit:".length())).append(",-1\n");
                        }
                    }
                }
            }
        }
        final Path bookFile = Files.writeString(dir.resolve("book.csv"), book);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "backtest", "--journal",
            journal.toString(), "--book", bookFile.toString(), "--band", "0.05coin", "--strict");
        assertEquals(0, exit, err.toString() + out);
        assertTrue(out.toString().contains("entered BTC-"), out.toString());
        final Matcher events = Pattern.compile("events (\\d+), to the pipeline (\\d+)").matcher(out.toString());
        assertTrue(events.find(), out.toString());
        assertTrue(Long.parseLong(events.group(2)) > 0, out.toString());
    }

    @Test
    void noMarketDataRecordWithMarketDataOff(@TempDir final Path dir) throws Exception
    {
        final Map<RecordType, Integer> counts = count(runDemo(dir, false));
        assertTrue(counts.get(RecordType.MARKET) > 0, "market data did flow: " + counts);
        assertEquals(0, counts.get(RecordType.MARKET_DATA), counts.toString());
    }

    /** Runs the demo daemon journaling into {@code dir} until {@link #EVENTS} events were evaluated; its journal. */
    private static Path runDemo(final Path dir, final boolean marketData) throws InterruptedException
    {
        final DeltahedgerConfig d = DeltahedgerConfig.demo();
        final DeltahedgerConfig config = new DeltahedgerConfig(d.venues(), d.book(), d.underlyings(), d.margin(),
            d.execution(), d.pipeline(), new JournalSettings(dir, d.journal().roll(), d.journal().signingKey(),
                d.journal().signEveryMs(), marketData), d.control(), d.logging());
        final Path journalDirectory;
        try (Daemon daemon = Daemon.start(config, 0, Map.of("DELTAHEDGER_API_TOKEN", TOKEN)::get, EpochClock.system()))
        {
            journalDirectory = daemon.journalDirectory();
            final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (evaluated(daemon) < EVENTS)
            {
                if (System.nanoTime() > deadline)
                {
                    throw new AssertionError("only " + evaluated(daemon) + " events evaluated in 30 s");
                }
                Thread.sleep(20);
            }
        }
        return journalDirectory;
    }

    private static Map<RecordType, Integer> count(final Path journalDirectory) throws IOException
    {
        final Map<RecordType, Integer> counts = new EnumMap<>(RecordType.class);
        for (final RecordType t : RecordType.values())
        {
            counts.put(t, 0);
        }
        try (JournalReader reader = new JournalReader(JournalFormat.filesIn(journalDirectory),
            new JournalReader.Listener() { }))
        {
            while (reader.next())
            {
                counts.merge(reader.type(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static long evaluated(final Daemon daemon)
    {
        long n = 0;
        for (final PipelineResult r : PipelineResult.values())
        {
            n += daemon.telemetry().resultCount(r);
        }
        return n;
    }
}
