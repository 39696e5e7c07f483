package io.deltahedger.backtest.replay;

import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.venues.marketdata.MarketDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal's read-ahead thread: order, time, stopping early, and a strict failure after the good records. */
@Timeout(30)
class JournalReadAheadTest
{
    private static long readerThreads()
    {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("journal-reader") && t.isAlive()).count();
    }

    @Test
    void everyRecordComesOnceInJournalOrderWithTimesThatNeverGoBack(@TempDir final Path dir) throws IOException
    {
        final LiveLikeJournal.Written written = LiveLikeJournal.write(dir, 4, 120, 3, 7);
        try (JournalSource source = new JournalSource(dir, true))
        {
            long n = 0;
            long last = Long.MIN_VALUE;
            int books = 0;
            while (source.next())
            {
                n++;
                assertTrue(source.timeMs() >= last, "time went back at event " + n);
                last = source.timeMs();
                books += source.event().type() == MarketDataType.BOOK_CHANGE ? 1 : 0;
            }
            assertEquals(written.marketDataRecords(), n);
            assertEquals(1_200, books, "a book change every 100 ms for 120 s");
            assertEquals(source.totalBytes(), source.bytesRead(), "the progress reaches the end");
            assertFalse(source.next(), "the end stays the end");
        }
    }

    @Test
    void closingMidwayStopsTheReadingThread(@TempDir final Path dir) throws IOException
    {
        LiveLikeJournal.write(dir, 4, 600, 3, 7); // more events than the read-ahead holds: it waits for the replay
        final long before = readerThreads();
        try (JournalSource source = new JournalSource(dir, false))
        {
            for (int i = 0; i < 10; i++)
            {
                assertTrue(source.next());
            }
        }
        assertEquals(before, readerThreads(), "close() joined the reading thread");
    }

    @Test
    void aStrictReplayGetsEveryGoodRecordBeforeTheDamageFails(@TempDir final Path dir) throws IOException
    {
        final LiveLikeJournal.Written written = LiveLikeJournal.write(dir, 4, 120, 3, 7);
        final List<Path> files = JournalFormat.filesIn(dir);
        final Path file = files.get(files.size() - 1);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(Files.size(file) - 7);
        }
        try (JournalSource source = new JournalSource(dir, true))
        {
            final long[] counted = {0};
            final IllegalArgumentException damage = assertThrows(IllegalArgumentException.class, () ->
            {
                while (source.next())
                {
                    counted[0]++;
                }
            });
            final long n = counted[0];
            assertTrue(damage.getMessage().contains(file.toString()) && damage.getMessage().contains("offset"),
                damage.getMessage());
            // the torn frame is the last record (an ACCOUNT or a MARKET/MARKET_DATA): at most one event is lost
            assertTrue(n >= written.marketDataRecords() - 1 && n <= written.marketDataRecords(), n + " events");
        }
    }
}
