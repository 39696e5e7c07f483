package io.deltahedger.marginmonitor.bench;

import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.marginmonitor.Fixtures;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.OptionType;
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
        final SplittableRandom random = new SplittableRandom(20261121L);
        book = new MarginBook(2, 128);
        final int deribit = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        final int binance = book.addAccount(Venue.BINANCE_USDM, "USDT", Fixtures.binanceModel());
        final List<Instrument> instruments = new ArrayList<>();
        instruments.add(Fixtures.deribitPerpetual());
        perp = book.addInstrument(deribit, instruments.get(0));
        for (int k = 0; k < 50; k++) {
            for (final OptionType type : OptionType.values()) {
                final Instrument option = Fixtures.deribitOption(30_000 + 1_000L * k, type);
                instruments.add(option);
                book.addInstrument(deribit, option);
            }
        }
        final int usdt = book.addInstrument(binance, Fixtures.binancePerpetual());
        btc = book.underlyingId("BTC");
        book.onIndex(btc, 50_000);
        book.onMark(perp, perpMark);
        book.onMark(usdt, 50_000);
        final List<Position> positions = new ArrayList<>();
        double mm = 0;
        for (int i = 1; i < instruments.size(); i++) {
            final MarginInstrument inst = book.instrument(i);
            final double vol = 0.5 + 0.3 * random.nextDouble();
            final double mark = InverseOptionPricer.DEFAULT.presentValue(inst.optionType(), 50_000, inst.strike(),
                (inst.expiryEpochMs() - Fixtures.NOW_MS) / Portfolio.MILLIS_PER_YEAR, vol, 0);
            book.onVolatility(i, vol);
            book.onMark(i, mark);
            final long lots = random.nextLong(-50, 51);
            positions.add(new Position(instruments.get(i), lots, mark, mark, 0, 0, 0, 0));
            mm += book.model(deribit).maintenanceMargin(inst, lots * inst.lotSize(), mark, 50_000);
        }
        positions.add(new Position(instruments.get(0), -5_000, 50_000, 50_000, 0, 0, 0, 0));
        book.onAccount(deribit, new AccountSnapshot(Venue.DERIBIT, "BTC", Fixtures.NOW_MS, 200, 200, 200, 0, mm + 0.01, positions));
        book.onAccount(binance, new AccountSnapshot(Venue.BINANCE_USDM, "USDT", Fixtures.NOW_MS, 100_000, 100_000,
            100_000, 0, 0, List.of()));
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
