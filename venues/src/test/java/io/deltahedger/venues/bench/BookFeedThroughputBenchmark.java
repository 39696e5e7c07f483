package io.deltahedger.venues.bench;

import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.config.time.ManualClock;
import io.deltahedger.venues.simulator.SimulatorConfig;
import io.deltahedger.venues.simulator.auth.RateLimits;
import io.deltahedger.venues.simulator.market.SimInstrument;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end feed throughput over loopback: the simulator (manual time) steps its market {@link #TICKS_PER_OP}
 * ticks per operation, every book of every instrument changes, and a real WebSocket client (the JDK's) subscribed to
 * all {@code book.*.100ms} channels receives each notification; an operation ends when the client has received every
 * book message the server wrote. The {@code bookMessages} counter is reported in messages per second.
 *
 * <p>Run: {@code mvn -B -Pbench -pl venues -am verify -DskipTests -Dbench.args="-f 1 -wi 2 -w 2 -i 3 -r 3
 * BookFeedThroughputBenchmark"}. Requirement: at least 50,000 book messages/s to one client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BookFeedThroughputBenchmark
{
    static final int TICKS_PER_OP = 50;
    private static final String BOOK_PREFIX =
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.";

    private final AtomicLong received = new AtomicLong();
    private ExchangeSimulator simulator;
    private WebSocket webSocket;

    /** Messages received by the client, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters
    {
        public long bookMessages;
    }

    @Setup(Level.Trial)
    public void start() throws Exception
    {
        final ManualClock clock = new ManualClock(1_767_571_200_000L);
        simulator = ExchangeSimulator.start(
            SimulatorConfig.defaults().withManualTime().withSeed(1).withRateLimits(RateLimits.generous()), clock);
        webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(simulator.webSocketUri(), new CountingListener()).join();
        final StringBuilder channels = new StringBuilder();
        for (final SimInstrument instrument : simulator.instruments())
        {
            channels.append(channels.length() == 0 ? "" : ",").append("\"book.").append(instrument.name()).append(".100ms\"");
        }
        webSocket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"public/subscribe\",\"params\":{\"channels\":["
            + channels + "]}}", true).join();
        Thread.sleep(500);
        received.set(0);
    }

    @TearDown(Level.Trial)
    public void stop()
    {
        webSocket.abort();
        simulator.close();
    }

    @Benchmark
    public void stepMarketAndReceiveEveryBookMessage(final Counters counters)
    {
        final long startReceived = received.get();
        final long before = simulator.bookMessagesSent();
        simulator.advance(TICKS_PER_OP * simulator.config().tickIntervalMs());
        final long target = simulator.bookMessagesSent();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() - startReceived < target - before)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("client received " + (received.get() - startReceived) + " of "
                    + (target - before) + " book messages within 30 s");
            }
            LockSupport.parkNanos(20_000);
        }
        counters.bookMessages += target - before;
    }

    private final class CountingListener implements WebSocket.Listener
    {
        /** The first characters of the message being received (frames may arrive in several chunks). */
        private final StringBuilder head = new StringBuilder(BOOK_PREFIX.length());

        public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last)
        {
            final int wanted = BOOK_PREFIX.length() - head.length();
            if (wanted > 0)
            {
                head.append(data, 0, Math.min(wanted, data.length()));
            }
            if (last)
            {
                // Book notifications start {"jsonrpc":"2.0","method":"subscription","params":{"channel":"book.
                if (BOOK_PREFIX.contentEquals(head))
                {
                    received.incrementAndGet();
                }
                head.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
