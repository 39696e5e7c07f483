package io.deltahedger.marginmonitor.bench;

import io.deltahedger.marginmonitor.Fixtures;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.monitor.AlertLevel;
import io.deltahedger.marginmonitor.monitor.DeRiskPlan;
import io.deltahedger.marginmonitor.monitor.MarginMonitor;
import io.deltahedger.marginmonitor.monitor.MonitorConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

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
        final DeskBook desk = DeskBook.create();
        book = desk.book();
        perp = desk.perp();
        btc = desk.btc();
        final int deribit = desk.deribit();
        deribitAccount = deribit;
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
