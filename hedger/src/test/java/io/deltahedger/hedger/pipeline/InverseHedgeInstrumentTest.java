package io.deltahedger.hedger.pipeline;

import io.deltahedger.config.time.ManualClock;

import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateReason;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deribit's BTC-PERPETUAL (inverse, amounts in 10 USD lots) as the hedge: coin quantities become USD lots at the mark. */
@Timeout(20)
class InverseHedgeInstrumentTest
{
    @Test
    void aCoinHedgeBecomesUsdLotsAtTheMarkRoundedTowardZero()
    {
        final ManualClock clock = new ManualClock(PipelineWorld.T0);
        final RecordingSink sink = new RecordingSink();
        final MarginBook book = new MarginBook(1, 4);
        final int account = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        final int perp = book.addInstrument(account, new Instrument(Venue.DERIBIT, "BTC-PERPETUAL",
            InstrumentKind.PERPETUAL, "BTC", "USD", "BTC", "USD", ContractStyle.INVERSE, new BigDecimal("10"),
            DecimalGrid.of("0.5"), DecimalGrid.of("10"), new BigDecimal("10"), 0, null, null));
        final HedgePolicy policy = HedgePolicy.builder("BTC", "0.0001").band(new FixedBand(1.0, DeltaUnit.COIN)).build();
        final HedgingPipeline pipeline = new HedgingPipeline(
            PipelineConfig.defaults(List.of(new HedgeRoute(policy, "deribit:BTC-PERPETUAL"))),
            Portfolio.of(List.of(), List.of(new DeltaOnePosition("spot", "BTC", false, -1.23456, 1.0))),
            book, PipelineWorld.GATE, clock, sink, (stage, sequence, error) -> { }).start();

        pipeline.publishConnectionState(Venue.DERIBIT, ConnectionState.LIVE);
        pipeline.publishAccount(account, new AccountSnapshot(Venue.DERIBIT, "BTC", clock.epochMs(), 10, 10, 10, 0, 0,
            List.of()));
        final MarketDataEvent ticker = new MarketDataEvent();
        ticker.header(Venue.DERIBIT, MarketDataType.TICKER, perp, clock.epochMs());
        ticker.markPrice(50_001);
        ticker.bestBid(100_000, 10_000);
        ticker.bestAsk(100_004, 10_000);
        ticker.indexPrice(50_000);
        pipeline.publishMarketData(ticker);
        pipeline.close();

        final RecordingSink.Outcome hedge = sink.last();
        assertEquals(PipelineResult.APPROVED, hedge.result(), sink.outcomes::toString);
        assertEquals(GateReason.APPROVED, hedge.gateReason());
        assertEquals(Side.BUY, hedge.side());
        // buy 1.2345 coin (the decider's 0.0001 lots, toward zero) x 50,001 USD = 61,726.23 USD = 6,172 lots of 10 USD
        assertEquals(6_172, hedge.lots());
        assertEquals(50_001 * 1.001, hedge.limitPrice(), 1e-9);
    }
}
