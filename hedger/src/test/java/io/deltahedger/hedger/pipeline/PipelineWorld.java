package io.deltahedger.hedger.pipeline;

import io.deltahedger.config.time.ManualClock;

import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.model.MarginBracket;
import io.deltahedger.marginmonitor.model.TieredMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A real pipeline on a Binance USD-M account hedging BTC with BTCUSDT (linear, 0.001 BTC lots, as the venue lists it;
 * reference venues.md 2), a manual clock and a recording sink. Publishes as an adapter would.
 */
final class PipelineWorld implements AutoCloseable
{
    /** 2026-11-21T06:00:00Z. */
    static final long T0 = 1_795_154_400_000L;
    static final GateConfig GATE = new GateConfig(0.8, 5_000, new double[] {-0.1, 0.1}, new double[] {0.0}, 0);

    final ManualClock clock = new ManualClock(T0);
    final RecordingSink sink = new RecordingSink();
    final List<String> halts = new ArrayList<>();
    final MarginBook book = new MarginBook(2, 1024);
    final int account = book.addAccount(Venue.BINANCE_USDM, "USDT", new TieredMarginModel(List.of(
        new MarginBracket(0, 50_000, 0.004, 0, 0.008),
        new MarginBracket(50_000, 250_000, 0.005, 50, 0.01),
        new MarginBracket(250_000, Double.POSITIVE_INFINITY, 0.01, 1_300, 0.02))));
    final int perp = book.addInstrument(account, btcusdt());
    final HedgingPipeline pipeline;
    private final MarketDataEvent scratch = new MarketDataEvent();

    PipelineWorld(final HedgePolicy policy, final List<OptionPosition> options, final List<DeltaOnePosition> deltaOnes)
    {
        this(PipelineConfig.defaults(List.of(new HedgeRoute(policy, "binance-usdm:BTCUSDT"))), options, deltaOnes);
    }

    PipelineWorld(final PipelineConfig config, final List<OptionPosition> options, final List<DeltaOnePosition> deltaOnes)
    {
        this(config, options, deltaOnes, null);
    }

    /** With {@code otherSink} instead of the recording sink (null: record). */
    PipelineWorld(
        final PipelineConfig config,
        final List<OptionPosition> options,
        final List<DeltaOnePosition> deltaOnes,
        final DecisionSink otherSink)
    {
        this(config, options, deltaOnes, otherSink, p -> p);
    }

    /** As above, with {@code beforeStart} applied to the pipeline before it starts (e.g. to add a journal). */
    PipelineWorld(
        final PipelineConfig config,
        final List<OptionPosition> options,
        final List<DeltaOnePosition> deltaOnes,
        final DecisionSink otherSink,
        final java.util.function.UnaryOperator<HedgingPipeline> beforeStart)
    {
        pipeline = beforeStart.apply(new HedgingPipeline(config, Portfolio.of(options, deltaOnes), book, GATE, clock,
            otherSink == null ? sink : otherSink,
            (stage, sequence, error) -> halts.add(stage + ": " + error.getMessage()))).start();
    }

    static Instrument btcusdt()
    {
        return new Instrument(Venue.BINANCE_USDM, "BTCUSDT", InstrumentKind.PERPETUAL, "BTC", "USDT", "USDT", "BTC",
            ContractStyle.LINEAR, BigDecimal.ONE, DecimalGrid.of("0.1"), DecimalGrid.of("0.001"),
            new BigDecimal("0.001"), 0, null, null);
    }

    void live()
    {
        pipeline.publishConnectionState(Venue.BINANCE_USDM, ConnectionState.LIVE);
    }

    void connection(final ConnectionState state)
    {
        pipeline.publishConnectionState(Venue.BINANCE_USDM, state);
    }

    void account(final double equityUsdt)
    {
        pipeline.publishAccount(account, new AccountSnapshot(Venue.BINANCE_USDM, "USDT", clock.epochMs(), equityUsdt,
            equityUsdt, equityUsdt, 0, 0, List.of()));
    }

    /** A BTCUSDT ticker: mark and a one-tick-wide top of book around it. */
    void perpTicker(final double mark)
    {
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
        indexOn(perp, price);
    }

    void indexOn(final int instrumentIndex, final double price)
    {
        scratch.clear();
        scratch.header(Venue.BINANCE_USDM, MarketDataType.INDEX_PRICE, instrumentIndex, clock.epochMs());
        scratch.indexPrice(price);
        pipeline.publishMarketData(scratch);
    }

    /** Drains every published event through the release stage and stops the pipeline. */
    @Override
    public void close()
    {
        pipeline.close();
    }
}
