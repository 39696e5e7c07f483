package io.deltahedger.hedger.bench;

import io.deltahedger.hedger.engine.EngineFixture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * One ticker through a {@code VenueConnection}'s listener (session index to margin-book id, copy into the ring) with
 * the pipeline consuming on its thread (the engine paused: decisions answer PAUSED). Run with {@code -prof gc}:
 * gc.alloc.rate.norm must be ~ 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VenueConnectionBenchmark
{
    private EngineFixture fixture;
    private long i;

    @Setup
    public void setUp()
    {
        fixture = new EngineFixture();
    }

    @TearDown
    public void tearDown()
    {
        fixture.close();
    }

    @Benchmark
    public void publishTicker()
    {
        fixture.publishTicker(i++);
    }
}
