package io.deltahedger.marginmonitor.bench;

import io.deltahedger.marginmonitor.Fixtures;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.venues.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The gate's verdict for a 3-leg group on 2 venues (sell a Deribit option, buy the Deribit perpetual, buy Binance
 * BTCUSDT) against a 100-option Deribit book (50 strikes, calls and puts, seeded positions) with the default shock grid
 * (no move + 3 spot moves x 3 vol shifts = 10 scenarios, 7 subsets).
 * <ul>
 *   <li>{@code verdict}: the book unchanged since the last verdict, so the scenario table is reused (the steady state
 *       of a hedger judging several groups between ticks);</li>
 *   <li>{@code verdictAfterTick}: the perpetual's mark moves before every verdict: only its rows are repriced, and
 *       the account's sums rebuilt;</li>
 *   <li>{@code verdictAfterIndexTick}: the BTC index moves before every verdict, so all 100 options are fully
 *       revalued on all shocked scenarios (900 option pricings) first: the worst case.</li>
 * </ul>
 * Run with {@code -prof gc}: both must show gc.alloc.rate.norm ~ 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MarginGateBenchmark {

    private MarginBook book;
    private MarginGate gate;
    private final LegGroup group = new LegGroup(4);
    private final GateVerdict verdict = new GateVerdict();
    private int perp;
    private double perpMark = 50_000;
    private int btc;
    private double index = 50_000;

    @Setup
    public void setUp() {
        final DeskBook desk = DeskBook.create();
        book = desk.book();
        perp = desk.perp();
        btc = desk.btc();
        final int deribit = desk.deribit();
        final int binance = desk.binance();
        final int usdt = desk.usdt();
        gate = new MarginGate(book, GateConfig.defaults());
        final int option = book.instrumentId("deribit:BTC-25DEC26-60000-C");
        group.clear()
            .add(deribit, option, Side.SELL, 10, book.mark(option))
            .add(deribit, perp, Side.BUY, 100, 50_000)
            .add(binance, usdt, Side.BUY, 20, 50_000);
        if (!gate.evaluate(group, Fixtures.NOW_MS, verdict)) {
            throw new IllegalStateException("benchmark group should be approved: " + verdict);
        }
    }

    @Benchmark
    public boolean verdict() {
        return gate.evaluate(group, Fixtures.NOW_MS, verdict);
    }

    @Benchmark
    public boolean verdictAfterTick() {
        perpMark = perpMark == 50_000 ? 50_000.5 : 50_000;
        book.onMark(perp, perpMark);
        return gate.evaluate(group, Fixtures.NOW_MS, verdict);
    }

    @Benchmark
    public boolean verdictAfterIndexTick() {
        index = index == 50_000 ? 50_001 : 50_000;
        book.onIndex(btc, index);
        return gate.evaluate(group, Fixtures.NOW_MS, verdict);
    }
}
