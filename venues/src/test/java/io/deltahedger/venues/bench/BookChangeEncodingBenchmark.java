package io.deltahedger.venues.bench;

import io.deltahedger.venues.simulator.book.BookChanges;
import io.deltahedger.venues.simulator.book.OrderBook;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.rpc.DeribitJson;
import io.deltahedger.venues.simulator.rpc.JsonWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The simulator's per-message hot path: move a level in the book, drain the change batch and encode the Deribit
 * {@code book.*} change notification into a pooled buffer. Must not allocate in steady state (check with
 * {@code -prof gc}: gc.alloc.rate.norm ~ 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BookChangeEncodingBenchmark
{
    private final JsonWriter writer = new JsonWriter();
    private final BookChanges changes = new BookChanges();
    /** One reused direct buffer: measures our code; Netty's pooled allocator is measured separately below. */
    private final ByteBuf reused = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
    private OrderBook book;
    private SimInstrument instrument;
    private SimOrder moving;
    private long step;

    @Setup
    public void setUp()
    {
        instrument = new SimInstrument(0, 1, "BTC-PERPETUAL", "BTC", Long.MAX_VALUE, "perpetual", 0.5, 1, 10, 0, 0.0005, 0);
        book = new OrderBook(1);
        for (int i = 0; i < 10; i++)
        {
            book.rest(order(true, 120_000 - i * 10, 100 + i));
            book.rest(order(false, 120_010 + i * 10, 100 + i));
        }
        moving = order(true, 119_995, 7);
        book.rest(moving);
        book.drainChanges(changes);
    }

    @Benchmark
    public int moveDrainAndEncode()
    {
        book.remove(moving);
        moving.priceTicks = 119_995 - (step++ & 7);
        book.rest(moving);
        book.drainChanges(changes);
        final ByteBuf buf = reused.clear();
        writer.wrap(buf).beginObject().name("jsonrpc").string("2.0").name("method").string("subscription")
            .name("params").beginObject().name("channel").string("book.BTC-PERPETUAL.100ms").name("data");
        DeribitJson.bookChange(writer, changes, instrument, 1_767_571_200_000L + step);
        writer.endObject().endObject();
        return buf.readableBytes();
    }

    private static SimOrder order(final boolean buy, final long priceTicks, final long lots)
    {
        final SimOrder order = new SimOrder();
        order.buy = buy;
        order.priceTicks = priceTicks;
        order.amountLots = lots;
        order.ownerId = 0;
        return order;
    }
}
