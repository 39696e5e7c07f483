package io.deltahedger.venues.bench;

import io.deltahedger.venues.simulator.book.BookChanges;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.market.InstrumentCatalog;
import io.deltahedger.venues.simulator.market.Market;
import io.deltahedger.venues.simulator.market.MarketMaker;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.market.UnderlyingSpec;
import io.deltahedger.venues.simulator.trading.EngineListener;
import io.deltahedger.venues.simulator.trading.Execution;
import io.deltahedger.venues.simulator.trading.TradingEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One market tick of the simulator without the network: step the indices, re-price the option chain from the
 * surfaces, re-quote every book (BTC and ETH: eight futures at 10 levels a side and 112 options at 5) and drain each
 * book's change batch. The exchange thread does this every 100 ms in
 * real time and as fast as it can in manual time. Expect ~0 B/op in steady state ({@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MarketTickBenchmark
{
    private final BookChanges changes = new BookChanges();
    private final List<MarketMaker> makers = new ArrayList<>();
    private Market market;
    private TradingEngine engine;
    private long nowMs = 1_767_571_200_000L;

    @Setup
    public void setUp()
    {
        final List<UnderlyingSpec> underlyings = List.of(UnderlyingSpec.btc(), UnderlyingSpec.eth());
        final List<SimInstrument> instruments = InstrumentCatalog.create(underlyings, nowMs);
        final SplittableRandom random = new SplittableRandom(1);
        market = new Market(underlyings, instruments, random.split(), nowMs);
        engine = new TradingEngine(instruments, underlyings, market.marks(), market.indexPrices(),
            market.options().underlyingPrices(), () -> nowMs,
            new EngineListener()
            {
                public void onOrderUpdated(final SimOrder order)
                {
                }

                public void onExecution(final Execution execution)
                {
                }
            });
        for (final SimInstrument instrument : instruments)
        {
            makers.add(instrument.isOption()
                ? MarketMaker.forOption(instrument, engine, random.split())
                : new MarketMaker(instrument, engine, random.split(), 10, 1.0, 0.5, 50_000));
        }
    }

    @Benchmark
    public int tick()
    {
        nowMs += 100;
        market.advanceTo(nowMs);
        int entries = 0;
        for (int i = 0; i < makers.size(); i++)
        {
            makers.get(i).requote(market.fairPrice(i));
            entries += engine.book(i).drainChanges(changes);
        }
        return entries;
    }
}
