package io.deltahedger.agent.daemon;

import io.deltahedger.config.DeltahedgerConfig;
import io.deltahedger.config.daemon.JournalSettings;
import io.deltahedger.config.time.EpochClock;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.RecordType;
import io.deltahedger.hedger.pipeline.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

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
    void marketDataIsJournaledInFullByDefault(@TempDir final Path dir) throws Exception
    {
        final Map<RecordType, Integer> counts = runDemoAndCount(dir, JournalSettings.DEFAULT.marketData());
        assertTrue(counts.get(RecordType.MARKET) > 0, counts.toString());
        assertTrue(counts.get(RecordType.MARKET_DATA) >= counts.get(RecordType.MARKET),
            "each MARKET follows the MARKET_DATA it came from: " + counts);
    }

    @Test
    void noMarketDataRecordWithMarketDataOff(@TempDir final Path dir) throws Exception
    {
        final Map<RecordType, Integer> counts = runDemoAndCount(dir, false);
        assertTrue(counts.get(RecordType.MARKET) > 0, "market data did flow: " + counts);
        assertEquals(0, counts.get(RecordType.MARKET_DATA), counts.toString());
    }

    /** Runs the demo daemon journaling into {@code dir} until {@link #EVENTS} events were evaluated, stops it and counts its records. */
    private static Map<RecordType, Integer> runDemoAndCount(final Path dir, final boolean marketData)
        throws InterruptedException, IOException
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
