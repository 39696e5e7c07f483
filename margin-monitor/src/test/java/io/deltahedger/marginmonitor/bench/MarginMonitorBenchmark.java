package io.deltahedger.marginmonitor.bench;

import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.marginmonitor.Fixtures;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.marginmonitor.monitor.AlertLevel;
import io.deltahedger.marginmonitor.monitor.DeRiskPlan;
import io.deltahedger.marginmonitor.monitor.MarginMonitor;
import io.deltahedger.marginmonitor.monitor.MonitorConfig;
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
 * The margin monitor as the pipeline's margin stage runs it (HedgingPipeline.withMonitor), on the same 100-option
 * Deribit book plus a short perpetual as {@link MarginGateBenchmark}:
 * <ul>
 *   <li>{@code onMarketAfterTick}: the perpetual's mark moves, the account's ratio is re-projected (101 positions
 *       through the Deribit model): what every mark of the account's underlying costs stage 4;</li>
 *   <li>{@code planDeRiskPerpetualOnly}: a de-risking plan restricted to the perpetual (options not cuttable), with
 *       levels set so the account is past the trigger.</li>
 * </ul>
 * Run with {@code -prof gc}: both must show gc.alloc.rate.norm ~ 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MarginMonitorBenchmark {

    private MarginBook book;
    private MarginMonitor monitor;
    private MarginMonitor squeezed;
    private final DeRiskPlan plan = new DeRiskPlan(16);
    private boolean[] cuttable;
    private int deribitAccount;
    private int perp;
    private double perpMark = 50_000;
    private int btc;
    private double index = 50_000;

    @Setup
    public void setUp() {
        final SplittableRandom random = new SplittableRandom(20261121L);
        book = new MarginBook(2, 128);
        final int deribit = deribitAccount = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
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
        monitor = new MarginMonitor(book, MonitorConfig.defaults(), (a, from, to, r, now) -> { });
        monitor.onAccount(deribit, Fixtures.NOW_MS);
        final double ratio = monitor.ratio(deribit);
        squeezed = new MarginMonitor(book, new MonitorConfig(ratio / 4, ratio / 2, 0.0, ratio / 2, ratio / 4),
            (a, from, to, r, now) -> { });
        squeezed.onAccount(deribit, Fixtures.NOW_MS);
        cuttable = new boolean[book.maxInstruments()];
        cuttable[perp] = true;
        if (!squeezed.planDeRisk(deribit, plan, cuttable) || plan.count() != 1) {
            throw new IllegalStateException("benchmark account should be past the trigger with a perpetual cut");
        }
    }

    @Benchmark
    public AlertLevel onMarketAfterTick() {
        perpMark = perpMark == 50_000 ? 50_000.5 : 50_000;
        book.onMark(perp, perpMark);
        return monitor.onMarket(deribitAccount, Fixtures.NOW_MS);
    }

    @Benchmark
    public boolean planDeRiskPerpetualOnly() {
        return squeezed.planDeRisk(deribitAccount, plan, cuttable);
    }
}
