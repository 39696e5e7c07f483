package io.deltahedger.venues.deribit;

import io.deltahedger.venues.bench.BookChangeFrames;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.instrument.TestInstruments;
import io.deltahedger.venues.marketdata.FrameErrorCounters;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static io.deltahedger.venues.deribit.DeribitFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Counts this thread's allocated bytes around steady-state decoding: it must be zero (JMH -prof gc confirms). */
class DecoderAllocationTest {
    @Test
    void decodingAndApplyingFramesAllocatesNothingInSteadyState() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final InstrumentRegistry registry = TestInstruments.registry();
        final DeribitMarketDataFeed feed = new DeribitMarketDataFeed(registry,
            new DeribitMarketDataDecoder(registry, new FrameErrorCounters("alloc test")), 256, (i, r) -> { });
        final BookChangeFrames frames = new BookChangeFrames(2000, 99);
        final byte[] ticker = bytes(DeribitFrames.OPTION_TICKER);
        final byte[] trades = bytes(DeribitFrames.TRADES);
        final byte[] bad = bytes(DeribitFrames.change(1, 2, "[\"new\",59000.25,10]"));

        // Warm-up: buffers reach their working size and classes load.
        assertEquals(frames.changes.length, run(feed, frames, ticker, trades, bad));
        assertEquals(frames.changes.length, run(feed, frames, ticker, trades, bad));
        final long before = threads.getCurrentThreadAllocatedBytes();
        final int applied = run(feed, frames, ticker, trades, bad);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(frames.changes.length, applied);

        assertEquals(BookState.VALID, feed.book(0).state());
        assertEquals(0, allocated, "bytes allocated while decoding 2000 book changes, tickers, trades and bad frames");
    }

    private static int run(final DeribitMarketDataFeed feed, final BookChangeFrames frames, final byte[] ticker,
                            final byte[] trades, final byte[] bad) {
        int applied = 0;
        feed.onFrame(frames.snapshot, 0, frames.snapshot.length);
        for (final byte[] change : frames.changes) {
            feed.onFrame(change, 0, change.length);
            if (feed.lastBookUpdate() == BookUpdate.APPLIED) {
                applied++;
            }
            feed.onFrame(ticker, 0, ticker.length);
            feed.onFrame(trades, 0, trades.length);
            feed.onFrame(bad, 0, bad.length);
        }
        return applied;
    }
}
