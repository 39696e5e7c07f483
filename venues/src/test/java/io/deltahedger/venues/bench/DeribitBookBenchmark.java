package io.deltahedger.venues.bench;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.deribit.DeribitMarketDataDecoder;
import io.deltahedger.venues.deribit.DeribitMarketDataFeed;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.FrameErrorCounters;
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
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * Decode one Deribit BTC-PERPETUAL book-change frame (2-5 levels) and apply it to a ~100-level book. Cycles through
 * 8192 pre-built chained frames; at the end of the cycle the 200-level snapshot is re-applied to restart the chain
 * (1 in 8193 invocations, included in the figures). Target: median <= 1 us, 0 B/op with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeribitBookBenchmark {
    private static final int FRAMES = 8192;

    private BookChangeFrames frames;
    private DeribitMarketDataFeed feed;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.register(new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD", "BTC",
            "USD", ContractStyle.INVERSE, BigDecimal.TEN, DecimalGrid.of("0.5"), DecimalGrid.of("10"), BigDecimal.TEN,
            0, null, null));
        feed = new DeribitMarketDataFeed(registry,
            new DeribitMarketDataDecoder(registry, new FrameErrorCounters("bench")), 256,
            (index, reason) -> {
                throw new IllegalStateException("benchmark book went invalid: " + reason);
            });
        frames = new BookChangeFrames(FRAMES, 20261121L);
        applySnapshot();
    }

    private void applySnapshot() {
        feed.onFrame(frames.snapshot, 0, frames.snapshot.length);
        next = 0;
    }

    @Benchmark
    public long decodeAndApplyBookChange() {
        if (next == FRAMES) {
            applySnapshot();
        }
        final byte[] frame = frames.changes[next++];
        feed.onFrame(frame, 0, frame.length);
        if (feed.lastBookUpdate() != BookUpdate.APPLIED) {
            throw new IllegalStateException("frame " + (next - 1) + " gave " + feed.lastBookUpdate());
        }
        return feed.book(0).bestBidTicks();
    }
}
