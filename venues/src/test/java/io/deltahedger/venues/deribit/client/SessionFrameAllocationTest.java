package io.deltahedger.venues.deribit.client;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.bench.BookChangeFrames;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.deribit.DeribitCredentials;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session's market-data path (hand-over ring, decode, book, publication) allocates nothing per frame. */
class SessionFrameAllocationTest {
    static DeribitSession benchSession(final DeribitMarketDataListener listener) {
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.register(new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD", "BTC",
            "USD", ContractStyle.INVERSE, BigDecimal.TEN, DecimalGrid.of("0.5"), DecimalGrid.of("10"), BigDecimal.TEN,
            0, null, null));
        final DeribitClientConfig config = DeribitClientConfig.defaults(URI.create("ws://127.0.0.1:9/ws/api/v2"),
            new DeribitCredentials("bench", "bench-secret"), List.of("BTC-PERPETUAL"), List.of("BTC"));
        return new DeribitSession(config, registry, new SplittableRandom(1), 0, new NoVenueListener(), listener);
    }

    @Test
    @Timeout(30)
    void handingOverDecodingApplyingAndPublishingFramesAllocatesNothingInSteadyState() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long[] published = new long[1];
        try (DeribitSession session = benchSession(new DeribitMarketDataListener() {
            @Override
            public void onBook(final L2Book book, final MarketDataEvent event) {
                published[0]++;
            }

            @Override
            public void onBookInvalid(final int instrumentIndex, final BookUpdate reason) {
                throw new AssertionError("book went invalid: " + reason);
            }

            @Override
            public void onMarketData(final MarketDataEvent event) {
            }
        })) {
            final BookChangeFrames frames = new BookChangeFrames(2000, 99);
            for (int i = 0; i < 10; i++) {
                run(session, frames); // warm-up: buffers at working size, classes loaded, hot code compiled
            }
            // steady state: the best of five measured runs (a run that meets a JIT tier change or deoptimisation on
            // a loaded machine may allocate while the compiled code does not; one allocation per frame would show in
            // all five)
            long allocated = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 5 && allocated != 0; attempt++) {
                final long before = threads.getCurrentThreadAllocatedBytes();
                final long publishedBefore = published[0];
                run(session, frames);
                allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
                assertEquals(frames.changes.length + 1, published[0] - publishedBefore,
                    "snapshot and every change published");
            }
            assertEquals(BookState.VALID, session.book(0).state());
            assertEquals(0, allocated, "bytes allocated handling 2001 frames through the session");
        }
    }

    private static void run(final DeribitSession session, final BookChangeFrames frames) {
        assertTrue(SessionFrames.offerText(session, frames.snapshot));
        session.poll(0);
        for (final byte[] change : frames.changes) {
            SessionFrames.offerText(session, change);
            session.poll(0);
        }
    }
}
