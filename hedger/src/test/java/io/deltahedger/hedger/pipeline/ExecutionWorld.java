package io.deltahedger.hedger.pipeline;

import io.deltahedger.config.time.ManualClock;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.execution.RecordingGateway;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.MarginBracket;
import io.deltahedger.marginmonitor.model.TieredMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real pipeline that executes: 2.5 BTC long (a linear delta-one, so 2.5 coin of delta at any spot) under a
 * 100,000 USD band, hedged with Binance's BTCUSDT (linear, 0.1 USDT ticks, 0.001 BTC lots) through a
 * {@link RecordingGateway}; the test plays the venue by publishing execution reports. At 40,000 the delta is inside
 * the band, at 50,000 it breaches: sell 2,500 lots. Every publish is counted so {@link #sync()} can wait until the
 * pipeline has handled all of them.
 */
final class ExecutionWorld implements AutoCloseable
{
    static final HedgePolicy POLICY = HedgePolicy.builder("BTC", "0.001")
        .band(new FixedBand(100_000, DeltaUnit.USD))
        .build();

    final ManualClock clock = new ManualClock(PipelineWorld.T0);
    final RecordingSink sink = new RecordingSink();
    final List<String> halts = new ArrayList<>();
    final MarginBook book = new MarginBook(2, 16);
    final int account = book.addAccount(Venue.BINANCE_USDM, "USDT", new TieredMarginModel(List.of(
        new MarginBracket(0, 50_000, 0.004, 0, 0.008),
        new MarginBracket(50_000, 250_000, 0.005, 50, 0.01),
        new MarginBracket(250_000, Double.POSITIVE_INFINITY, 0.01, 1_300, 0.02))));
    final Instrument btcusdt = PipelineWorld.btcusdt();
    final int perp = book.addInstrument(account, btcusdt);
    final RecordingGateway gateway = new RecordingGateway(Venue.BINANCE_USDM);
    final Portfolio portfolio = Portfolio.of(List.of(), List.of(
        new DeltaOnePosition("binance-usdm:BTC-SPOT", "BTC", false, 2.5, 1.0),
        new DeltaOnePosition("binance-usdm:BTCUSDT", "BTC", false, 0.0, 1.0)));
    final HedgingPipeline pipeline;
    private final MarketDataEvent scratch = new MarketDataEvent();
    private int published;

    ExecutionWorld(final ExecutionConfig config)
    {
        this(config, StageThreading.SINGLE_THREAD, null);
    }

    /** With {@code otherSink} instead of the recording sink (null: record). */
    ExecutionWorld(final ExecutionConfig config, final StageThreading threading, final DecisionSink otherSink)
    {
        this(config, threading, otherSink, p -> p);
    }

    /** As above, with {@code beforeStart} applied to the pipeline before it starts (e.g. to add a journal). */
    ExecutionWorld(final ExecutionConfig config, final StageThreading threading, final DecisionSink otherSink,
                   final java.util.function.UnaryOperator<HedgingPipeline> beforeStart)
    {
        pipeline = beforeStart.apply(new HedgingPipeline(PipelineConfig.defaults(List.of(new HedgeRoute(POLICY, "binance-usdm:BTCUSDT")))
                .withStageThreading(threading),
            portfolio, book, PipelineWorld.GATE, config,
            ExecutionVenues.builder().gateway(account, gateway).instrument(perp, btcusdt).build(),
            clock, otherSink == null ? sink : otherSink, (stage, sequence, error) -> halts.add(stage + ": " + error)))
            .start();
    }

    /** LIVE, an account with equity, perp and index at 40,000: every input fresh, delta inside the band. */
    void calm(final double equityUsdt)
    {
        published += 2;
        pipeline.publishConnectionState(Venue.BINANCE_USDM, ConnectionState.LIVE);
        pipeline.publishAccount(account, new AccountSnapshot(Venue.BINANCE_USDM, "USDT", clock.epochMs(), equityUsdt,
            equityUsdt, equityUsdt, 0, 0, List.of()));
        market(40_000);
    }

    /** Perp ticker and index at {@code price}. */
    void market(final double price)
    {
        ticker(price);
        index(price);
    }

    void ticker(final double mark)
    {
        published++;
        scratch.clear();
        scratch.header(Venue.BINANCE_USDM, MarketDataType.TICKER, perp, clock.epochMs());
        scratch.markPrice(mark);
        final long ticks = Math.round(mark * 10);
        scratch.bestBid(ticks - 1, 100_000);
        scratch.bestAsk(ticks + 1, 100_000);
        pipeline.publishMarketData(scratch);
    }

    void index(final double price)
    {
        published++;
        scratch.clear();
        scratch.header(Venue.BINANCE_USDM, MarketDataType.INDEX_PRICE, perp, clock.epochMs());
        scratch.indexPrice(price);
        pipeline.publishMarketData(scratch);
    }

    /** Publishes a market-data event as an adapter would (the pipeline copies it into its ring slot). */
    void publish(final MarketDataEvent event)
    {
        published++;
        pipeline.publishMarketData(event);
    }

    /** An account snapshot with this equity at the clock's time. */
    void account(final double equityUsdt)
    {
        published++;
        pipeline.publishAccount(account, new AccountSnapshot(Venue.BINANCE_USDM, "USDT", clock.epochMs(), equityUsdt,
            equityUsdt, equityUsdt, 0, 0, List.of()));
    }

    /** An account snapshot holding {@code perpLots} lots of BTCUSDT (signed). */
    void accountHolding(final double equityUsdt, final long perpLots)
    {
        published++;
        pipeline.publishAccount(account, new AccountSnapshot(Venue.BINANCE_USDM, "USDT", clock.epochMs(), equityUsdt,
            equityUsdt, equityUsdt, 0, 0, List.of(new io.deltahedger.venues.account.Position(btcusdt, perpLots,
                40_000, 40_000, 0, 0, 0, 0))));
    }

    void connection(final ConnectionState state)
    {
        published++;
        pipeline.publishConnectionState(account, state);
    }

    void policy(final HedgePolicy policy)
    {
        published++;
        pipeline.publishPolicy(policy, "test-operator");
    }

    void report(final ExecutionReport report)
    {
        published++;
        pipeline.publishExecutionReport(account, report);
    }

    void command(final EngineCommand command)
    {
        published++;
        pipeline.publishCommand(command, "test-operator");
    }

    void timer()
    {
        published++;
        pipeline.publishTimer();
    }

    /** The n-th order the pipeline placed (from 1), waiting for it. */
    OrderRequest order(final int n)
    {
        await("order " + n, () -> gateway.placed().size() >= n);
        return gateway.placed().get(n - 1);
    }

    /** Waits until every event published here has reached the sink. */
    void sync()
    {
        await("the pipeline to handle " + published + " events", () -> outcomes().stream()
            .filter(o -> o.kind() != EventKind.GROUP_DONE).count() >= published);
    }

    /** Waits until {@code n} groups have ended and their GROUP_DONE events passed the pipeline. */
    void awaitGroups(final int n)
    {
        await(n + " group(s) done", () -> sink.groups.size() >= n
            && outcomes().stream().filter(o -> o.kind() == EventKind.GROUP_DONE).count() >= n);
    }

    RecordingSink.Outcome lastDecision()
    {
        sync();
        final List<RecordingSink.Outcome> decisions = outcomes().stream()
            .filter(o -> o.result() != PipelineResult.NOT_APPLICABLE).toList();
        return decisions.get(decisions.size() - 1);
    }

    /** A copy of the sink's outcomes so far (the pipeline thread appends to them). */
    List<RecordingSink.Outcome> outcomes()
    {
        synchronized (sink.outcomes)
        {
            return new ArrayList<>(sink.outcomes);
        }
    }

    void await(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what + "; outcomes " + outcomes() + ", groups "
                    + sink.groups + ", halts " + halts);
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close()
    {
        pipeline.close();
    }
}
