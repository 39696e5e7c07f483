package io.deltahedger.hedger.bench;

import io.deltahedger.hedger.routing.ExecutionLimits;
import io.deltahedger.hedger.routing.GroupAdmission;
import io.deltahedger.hedger.routing.GroupPlanner;
import io.deltahedger.hedger.routing.HedgeCandidate;
import io.deltahedger.hedger.routing.PlanningMarket;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginBracket;
import io.deltahedger.marginmonitor.model.TieredMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Stages 3-4 of a trading decision over three venues (Deribit BTC-PERPETUAL inverse, Binance and Bybit BTCUSDT
 * linear), each with a 20-level book on each side: {@link GroupPlanner#plan} alone, and plan plus
 * {@link GroupAdmission#admit} (limits, rate budget and the margin gate with spot ±10%). 4096 seeded hedge quantities
 * from -5 to 5 BTC are cycled, the clock advancing 10 ms per group. Run with {@code -prof gc}: gc.alloc.rate.norm
 * must be ~ 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GroupPlannerBenchmark
{
    private static final int SIZE = 4096;
    private static final double PRICE = 50_000;

    private final double[] quantities = new double[SIZE];
    private final LegGroup legs = new LegGroup(16);
    private final GateVerdict verdict = new GateVerdict();
    private GroupPlanner planner;
    private GroupAdmission admission;
    private int next;
    private long nowMs = 1_000;

    @Setup
    public void setUp()
    {
        final List<MarginBracket> brackets = List.of(
            new MarginBracket(0, 50_000, 0.004, 0, 0.008),
            new MarginBracket(50_000, 250_000, 0.005, 50, 0.01),
            new MarginBracket(250_000, Double.POSITIVE_INFINITY, 0.01, 1_300, 0.02));
        final MarginBook book = new MarginBook(4, 16);
        final int deribit = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        final int binance = book.addAccount(Venue.BINANCE_USDM, "USDT", new TieredMarginModel(brackets));
        final int bybit = book.addAccount(Venue.BYBIT, "USDT", new TieredMarginModel(brackets));
        final int[] perps = {
            book.addInstrument(deribit, new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC",
                "USD", "BTC", "USD", ContractStyle.INVERSE, new BigDecimal("10"), DecimalGrid.of("0.5"),
                DecimalGrid.of("10"), new BigDecimal("10"), 0, null, null)),
            book.addInstrument(binance, linear(Venue.BINANCE_USDM)),
            book.addInstrument(bybit, linear(Venue.BYBIT))};
        final double[] ticks = {0.5, 0.1, 0.1};
        final long[] levelLots = {2_000, 100, 100};
        final PlanningMarket market = new PlanningMarket(book);
        final ExecutionLimits limits = new ExecutionLimits(Map.of(), 1_000_000, 100.0, 1e15, 1_000_000);
        planner = new GroupPlanner(book, market, List.of(new HedgeCandidate("deribit:BTC-PERPETUAL", 5, 0),
            new HedgeCandidate("binance-usdm:BTCUSDT", 4, 2), new HedgeCandidate("bybit:BTCUSDT", 5.5, 2)),
            limits, 0.001, 0.8);
        admission = new GroupAdmission(book, new MarginGate(book, new GateConfig(0.8, Long.MAX_VALUE / 4,
            new double[] {-0.1, 0.1}, new double[] {0.0}, 0)), limits);
        book.onIndex(book.underlyingOf(perps[0]), PRICE);
        final MarketDataEvent md = new MarketDataEvent();
        final SplittableRandom random = new SplittableRandom(5);
        for (int k = 0; k < 3; k++)
        {
            book.onMark(perps[k], PRICE);
            md.clear();
            md.header(Venue.DERIBIT, MarketDataType.TICKER, perps[k], 0);
            md.markPrice(PRICE);
            market.onMarketData(md);
            md.clear();
            md.header(Venue.DERIBIT, MarketDataType.BOOK_SNAPSHOT, perps[k], 0);
            md.sequence(1);
            final long mid = Math.round(PRICE / ticks[k]);
            for (int l = 1; l <= 20; l++)
            {
                md.bids().add(mid - l * (1 + k), 1 + random.nextLong(levelLots[k]));
                md.asks().add(mid + l * (1 + k), 1 + random.nextLong(levelLots[k]));
            }
            market.onMarketData(md);
        }
        final AccountSnapshot btc = new AccountSnapshot(Venue.DERIBIT, "BTC", 0, 100, 100, 100, 0, 0, List.of());
        final AccountSnapshot usdt1 = new AccountSnapshot(Venue.BINANCE_USDM, "USDT", 0, 1e7, 1e7, 1e7, 0, 0, List.of());
        final AccountSnapshot usdt2 = new AccountSnapshot(Venue.BYBIT, "USDT", 0, 1e7, 1e7, 1e7, 0, 0, List.of());
        market.onAccount(deribit, btc);
        market.onAccount(binance, usdt1);
        market.onAccount(bybit, usdt2);
        book.onAccount(deribit, btc);
        book.onAccount(binance, usdt1);
        book.onAccount(bybit, usdt2);
        for (int k = 0; k < SIZE; k++)
        {
            quantities[k] = random.nextDouble(-5, 5);
        }
    }

    private static Instrument linear(final Venue venue)
    {
        return new Instrument(venue, "BTCUSDT", InstrumentKind.PERPETUAL, "BTC", "USDT", "USDT", "BTC",
            ContractStyle.LINEAR, BigDecimal.ONE, DecimalGrid.of("0.1"), DecimalGrid.of("0.001"),
            new BigDecimal("0.001"), 0, null, null);
    }

    @Benchmark
    public int plan()
    {
        final double q = quantities[next];
        next = (next + 1) & (SIZE - 1);
        planner.plan(q, PRICE, 0b111, legs);
        return legs.size();
    }

    @Benchmark
    public GroupAdmission.Outcome planAndAdmit()
    {
        final double q = quantities[next];
        next = (next + 1) & (SIZE - 1);
        nowMs += 10;
        planner.plan(q, PRICE, 0b111, legs);
        return admission.admit(legs, nowMs, verdict);
    }
}
