package io.deltahedger.hedger.engine;

import io.deltahedger.config.time.ManualClock;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.pipeline.DecisionSink;
import io.deltahedger.hedger.pipeline.HedgeRoute;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.hedger.pipeline.PipelineEvent;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.deribit.DeribitCredentials;
import io.deltahedger.venues.deribit.client.DeribitClientConfig;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/**
 * An engine with one (never connected) Deribit connection holding BTC-PERPETUAL, for measuring what the connection's
 * publishing path costs: the session's listener callbacks are called directly, as the session's poll would.
 */
public final class EngineFixture implements AutoCloseable
{
    /** 2026-01-05T00:00:00Z. */
    static final long T0 = 1_767_571_200_000L;

    final ManualClock clock = new ManualClock(T0);
    final HedgingEngine engine;
    final VenueConnection connection;
    final MarketDataEvent ticker = new MarketDataEvent();

    public EngineFixture()
    {
        final Instrument perp = new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD",
            "BTC", "USD", ContractStyle.INVERSE, BigDecimal.TEN, DecimalGrid.of("0.5"), DecimalGrid.of("10"),
            BigDecimal.TEN, 0, null, null);
        final InstrumentRegistry registry = new InstrumentRegistry();
        final int index = registry.register(perp);
        final MarginBook book = new MarginBook(2, 8);
        DemoBook.addAccounts(book, "bench", List.of("BTC"));
        final int id = book.addInstrument(book.accountId("bench BTC"), perp);
        final HedgePolicy policy = HedgePolicy.builder("BTC", "0.0001").band(new FixedBand(1.0, DeltaUnit.COIN)).build();
        final DeribitClientConfig client = DeribitClientConfig.defaults(URI.create("ws://127.0.0.1:9/ws/api/v2"),
            new DeribitCredentials("id", "secret"), List.of("BTC-PERPETUAL"), List.of("BTC"));
        engine = new HedgingEngine(EngineConfig.defaults(), List.of(new ConnectionConfig("bench", client, registry, 1)),
            book, Portfolio.of(List.of(), List.of(DemoBook.flatHedge(perp.canonicalId(), perp))),
            PipelineConfig.defaults(List.of(new HedgeRoute(policy, book.instrumentKey(id)))), TwoVenueWorld.GATE,
            ExecutionConfig.defaults(), clock, new DecisionSink()
            {
                @Override
                public void onApproved(final PipelineEvent event)
                {
                }
            }, (stage, sequence, error) -> { });
        connection = engine.connection("bench");
        ticker.header(Venue.DERIBIT, MarketDataType.TICKER, index, T0);
        ticker.markPrice(60_000.0);
        ticker.indexPrice(59_990.0);
        ticker.bestBid(119_990, 1_000);
        ticker.bestAsk(120_010, 1_000);
    }

    /** One ticker through the connection's listener into the ring. */
    public void publishTicker(final long i)
    {
        ticker.markPrice(60_000.0 + (i & 63));
        connection.onMarketData(ticker);
    }

    @Override
    public void close()
    {
        engine.close();
    }
}
