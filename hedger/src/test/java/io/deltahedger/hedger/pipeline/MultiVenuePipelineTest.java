package io.deltahedger.hedger.pipeline;

import io.deltahedger.config.time.ManualClock;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.policy.HedgeReason;
import io.deltahedger.hedger.routing.ExecutionLimits;
import io.deltahedger.hedger.routing.HedgeCandidate;
import io.deltahedger.hedger.routing.LimitBreach;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateReason;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginBracket;
import io.deltahedger.marginmonitor.model.TieredMarginModel;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The real pipeline hedging 2.5 BTC long (a 100,000 USD band, breached at 50,000) over two accounts with different
 * books: Deribit BTC-PERPETUAL (inverse, 10 USD lots, 5 bps taker) and Binance BTCUSDT (linear, 0.001 BTC lots,
 * 4 bps taker). Both marks are 50,000, so the sell bound is 49,950.
 */
@Timeout(20)
class MultiVenuePipelineTest
{
    private static final HedgePolicy POLICY = HedgePolicy.builder("BTC", "0.001")
        .band(new FixedBand(100_000, DeltaUnit.USD))
        .build();
    private static final List<HedgeCandidate> CANDIDATES = List.of(
        new HedgeCandidate("deribit:BTC-PERPETUAL", 5, 0), new HedgeCandidate("binance-usdm:BTCUSDT", 4, 2));

    /** A copy of what a test checks, with every leg. */
    record Leg(int account, int instrument, Side side, long lots, double limitPrice)
    {
    }

    record Outcome(PipelineResult result, HedgeReason reason, List<Leg> legs, double expectedCostUsd,
                   LimitBreach breach, int admissionAccount, GateReason gate)
    {
    }

    private static final class World implements DecisionSink
    {
        final ManualClock clock = new ManualClock(PipelineWorld.T0);
        final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        final MarginBook book = new MarginBook(4, 16);
        final int deribit = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        final int binance = book.addAccount(Venue.BINANCE_USDM, "USDT", new TieredMarginModel(List.of(
            new MarginBracket(0, 50_000, 0.004, 0, 0.008),
            new MarginBracket(50_000, 250_000, 0.005, 50, 0.01),
            new MarginBracket(250_000, Double.POSITIVE_INFINITY, 0.01, 1_300, 0.02))));
        final int deribitPerp = book.addInstrument(deribit, new Instrument(Venue.DERIBIT, "BTC-PERPETUAL",
            InstrumentKind.PERPETUAL, "BTC", "USD", "BTC", "USD", ContractStyle.INVERSE, new BigDecimal("10"),
            DecimalGrid.of("0.5"), DecimalGrid.of("10"), new BigDecimal("10"), 0, null, null));
        final int binancePerp = book.addInstrument(binance, PipelineWorld.btcusdt());
        final List<String> halts = new ArrayList<>();
        final MarketDataEvent md = new MarketDataEvent();
        HedgingPipeline pipeline;

        World start(final ExecutionLimits limits)
        {
            pipeline = new HedgingPipeline(
                PipelineConfig.defaults(List.of(new HedgeRoute(POLICY, CANDIDATES))).withExecutionLimits(limits),
                Portfolio.of(List.of(), List.of(new DeltaOnePosition("binance-usdm:BTC-SPOT", "BTC", false, 2.5, 1.0))),
                book, PipelineWorld.GATE, clock, this, (stage, sequence, error) -> halts.add(stage + ": " + error)).start();
            return this;
        }

        @Override
        public void onApproved(final PipelineEvent event)
        {
            onNotApproved(event);
        }

        @Override
        public void onNotApproved(final PipelineEvent e)
        {
            final List<Leg> legs = new ArrayList<>();
            for (int k = 0; k < e.legs().size(); k++)
            {
                legs.add(new Leg(e.legs().account(k), e.legs().instrument(k), e.legs().side(k), e.legs().lots(k),
                    e.legs().limitPrice(k)));
            }
            final boolean gated = e.result() == PipelineResult.APPROVED || e.result() == PipelineResult.GATE_BLOCKED;
            outcomes.add(new Outcome(e.result(), e.decided() ? e.decision().reason() : null, legs, e.expectedCostUsd(),
                e.limitBreach(), e.admissionAccount(), gated ? e.verdict().reason() : null));
        }

        /** Both sessions LIVE, both accounts reported, both marks 50,000, the two books; then the index. */
        void market()
        {
            pipeline.publishConnectionState(deribit, ConnectionState.LIVE);
            pipeline.publishConnectionState(binance, ConnectionState.LIVE);
            pipeline.publishAccount(deribit, new AccountSnapshot(Venue.DERIBIT, "BTC", clock.epochMs(), 10, 10, 10, 0, 0,
                List.of()));
            pipeline.publishAccount(binance, new AccountSnapshot(Venue.BINANCE_USDM, "USDT", clock.epochMs(), 1e6, 1e6,
                1e6, 0, 0, List.of()));
            mark(deribitPerp, 50_000);
            mark(binancePerp, 50_000);
            // Deribit: 1 BTC (5,000 lots of 10 USD) at 49,999, then 49,900 (beyond the bound)
            book(deribitPerp, 0.5, new double[] {49_999, 5_000, 49_900, 500_000}, new double[] {50_001, 500_000});
            // Binance: 1 BTC at 49,998, then plenty at 49,950 (on the bound)
            book(binancePerp, 0.1, new double[] {49_998, 1_000, 49_950, 100_000}, new double[] {50_002, 100_000});
        }

        void mark(final int instrument, final double mark)
        {
            md.clear();
            md.header(book.venue(book.accountOf(instrument)), MarketDataType.TICKER, instrument, clock.epochMs());
            md.markPrice(mark);
            pipeline.publishMarketData(md);
        }

        void book(final int instrument, final double tick, final double[] bids, final double[] asks)
        {
            md.clear();
            md.header(book.venue(book.accountOf(instrument)), MarketDataType.BOOK_SNAPSHOT, instrument, clock.epochMs());
            md.sequence(1);
            for (int k = 0; k < bids.length; k += 2)
            {
                md.bids().add(Math.round(bids[k] / tick), (long)bids[k + 1]);
            }
            for (int k = 0; k < asks.length; k += 2)
            {
                md.asks().add(Math.round(asks[k] / tick), (long)asks[k + 1]);
            }
            pipeline.publishMarketData(md);
        }

        void gap(final int instrument)
        {
            md.clear();
            md.header(book.venue(book.accountOf(instrument)), MarketDataType.BOOK_CHANGE, instrument, clock.epochMs());
            md.prevSequence(7);
            md.sequence(8);
            pipeline.publishMarketData(md);
        }

        void index(final double price)
        {
            md.clear();
            md.header(Venue.BINANCE_USDM, MarketDataType.INDEX_PRICE, binancePerp, clock.epochMs());
            md.indexPrice(price);
            pipeline.publishMarketData(md);
        }

        Outcome last()
        {
            pipeline.close();
            assertEquals(List.of(), halts);
            return outcomes.get(outcomes.size() - 1);
        }
    }

    @Test
    void oneDecisionBecomesOneGroupWithLegsOnBothAccountsCheapestDepthFirst()
    {
        final World w = new World().start(ExecutionLimits.unlimited());
        w.market();
        w.index(50_000);

        final Outcome hedge = w.last();
        assertEquals(PipelineResult.APPROVED, hedge.result(), hedge::toString);
        assertEquals(HedgeReason.BAND_BREACH, hedge.reason());
        assertEquals(GateReason.APPROVED, hedge.gate());
        // per coin: Binance 49,998 costs 2 + 4 bps = 21.9992; Deribit 49,999 costs 1 + 5 bps = 25.9995; then Binance
        // 49,950 costs 50 + 4 bps = 69.98 for the last 0.5 BTC; Deribit 49,900 is beyond the bound
        assertEquals(List.of(
            new Leg(w.deribit, w.deribitPerp, Side.SELL, 5_000, 50_000 * 0.999),
            new Leg(w.binance, w.binancePerp, Side.SELL, 1_500, 50_000 * 0.999)), hedge.legs());
        assertEquals(21.9992 + 25.9995 + 0.5 * 69.98, hedge.expectedCostUsd(), 1e-6);
    }

    @Test
    void anAccountWhoseSessionIsDownIsLeftOut()
    {
        final World w = new World().start(ExecutionLimits.unlimited());
        w.market();
        w.pipeline.publishConnectionState(w.deribit, ConnectionState.RECONNECTING);
        w.index(50_000);

        final Outcome hedge = w.last();
        assertEquals(PipelineResult.APPROVED, hedge.result(), hedge::toString);
        assertEquals(List.of(new Leg(w.binance, w.binancePerp, Side.SELL, 2_500, 50_000 * 0.999)), hedge.legs());
    }

    @Test
    void invalidBooksEverywhereRefuseTheInputWithoutAskingTheDecider()
    {
        final World w = new World().start(ExecutionLimits.unlimited());
        w.market();
        w.gap(w.deribitPerp);
        w.gap(w.binancePerp);
        w.index(50_000);

        final Outcome last = w.last();
        assertEquals(PipelineResult.STALE_INPUT, last.result());
        assertNull(last.reason());
    }

    @Test
    void aGroupOverTheNotionalLimitIsBlockedNamingTheLimitAndTheAccount()
    {
        // the Binance leg is 1.5 BTC x 49,950 = 74,925 USDT of notional, over 60,000 a minute
        final World w = new World().start(new ExecutionLimits(Map.of(), Long.MAX_VALUE, Double.POSITIVE_INFINITY,
            60_000, 10));
        w.market();
        w.index(50_000);

        final Outcome last = w.last();
        assertEquals(PipelineResult.LIMIT_BLOCKED, last.result());
        assertEquals(LimitBreach.NOTIONAL_PER_MINUTE, last.breach());
        assertEquals(w.binance, last.admissionAccount());
        assertEquals(2, last.legs().size(), "the planned group stays on the event for the journal");
    }

    @Test
    void thePlannerKeepsEachAccountWithinThePositionLimit()
    {
        final World w = new World().start(new ExecutionLimits(Map.of(), Long.MAX_VALUE, 1.0,
            Double.POSITIVE_INFINITY, 10));
        w.market();
        w.index(50_000);

        final Outcome hedge = w.last();
        assertEquals(PipelineResult.APPROVED, hedge.result(), hedge::toString);
        assertEquals(List.of(
            new Leg(w.deribit, w.deribitPerp, Side.SELL, 5_000, 50_000 * 0.999),
            new Leg(w.binance, w.binancePerp, Side.SELL, 1_000, 50_000 * 0.999)), hedge.legs());
    }

    @Test
    void aVenueWithSeveralAccountsNeedsTheAccountIdForItsConnectionState()
    {
        final World w = new World();
        w.book.addAccount(Venue.DERIBIT, "ETH", DeribitStandardMarginModel.eth());
        w.start(ExecutionLimits.unlimited());

        final String message = assertThrows(IllegalArgumentException.class,
            () -> w.pipeline.publishConnectionState(Venue.DERIBIT, ConnectionState.LIVE)).getMessage();
        assertEquals("connection state for venue deribit is ambiguous: margin-book accounts 0 and 2 are both on it; "
            + "publish it per account id", message);
        w.pipeline.publishConnectionState(Venue.BINANCE_USDM, ConnectionState.LIVE);
        w.pipeline.close();
    }
}
