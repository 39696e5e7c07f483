package io.deltahedger.venues.bench;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.deribit.DeribitCredentials;
import io.deltahedger.venues.deribit.client.DeribitClientConfig;
import io.deltahedger.venues.deribit.client.DeribitMarketDataListener;
import io.deltahedger.venues.deribit.client.DeribitSession;
import io.deltahedger.venues.deribit.client.NoVenueListener;
import io.deltahedger.venues.deribit.client.SessionFrames;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One Deribit book-change frame through the whole client session path: copied into the I/O hand-over ring (as the
 * Netty thread does), then one {@link DeribitSession#poll} takes it out, decodes it, applies it to the ~100-level
 * book, checks liveness and publishes the valid book to the listener. Cycles through 8192 chained frames and
 * re-applies the snapshot at the end of the cycle. Target: 0 B/op with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeribitSessionFrameBenchmark {
    private static final int FRAMES = 8192;

    private BookChangeFrames frames;
    private DeribitSession session;
    private Blackhole blackhole;
    private int next;

    @Setup(Level.Trial)
    public void setUp(final Blackhole bh) {
        blackhole = bh;
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.register(new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD", "BTC",
            "USD", ContractStyle.INVERSE, BigDecimal.TEN, DecimalGrid.of("0.5"), DecimalGrid.of("10"), BigDecimal.TEN,
            0, null, null));
        final DeribitClientConfig config = DeribitClientConfig.defaults(URI.create("ws://127.0.0.1:9/ws/api/v2"),
            new DeribitCredentials("bench", "bench-secret"), List.of("BTC-PERPETUAL"), List.of("BTC"));
        session = new DeribitSession(config, registry, new SplittableRandom(1), 0, new NoVenueListener(),
            new DeribitMarketDataListener() {
                @Override
                public void onBook(final L2Book book, final MarketDataEvent event) {
                    blackhole.consume(book.bestBidTicks());
                }

                @Override
                public void onBookInvalid(final int instrumentIndex, final BookUpdate reason) {
                    throw new IllegalStateException("benchmark book went invalid: " + reason);
                }

                @Override
                public void onMarketData(final MarketDataEvent event) {
                    blackhole.consume(event);
                }
            });
        frames = new BookChangeFrames(FRAMES, 20261121L);
        SessionFrames.offerText(session, frames.snapshot);
        session.poll(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    @Benchmark
    public int handOverDecodeApplyPublish() {
        if (next == FRAMES) {
            next = 0;
            SessionFrames.offerText(session, frames.snapshot);
            session.poll(0);
        }
        SessionFrames.offerText(session, frames.changes[next++]);
        return session.poll(0);
    }
}
