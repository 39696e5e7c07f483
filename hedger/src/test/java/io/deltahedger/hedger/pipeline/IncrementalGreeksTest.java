package io.deltahedger.hedger.pipeline;

import io.deltahedger.config.time.ManualClock;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.portfolio.PortfolioGreeks;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginBracket;
import io.deltahedger.marginmonitor.model.TieredMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Option tickers with changing mark IVs update the Greeks one option at a time (GreeksStage's incremental path) and
 * every decision still sees the delta a full revaluation gives: a real pipeline hedging BTC with Binance's BTCUSDT and
 * holding 12 Deribit BTC options is fed a seeded mix of option tickers, index moves, passing time and a first account
 * snapshot holding BTCUSDT; each decision's deltaCoin is checked against a full revaluation of a copy of the portfolio
 * given the same vols. The stage-level test shows which path each kind of event takes.
 */
@Timeout(60)
class IncrementalGreeksTest
{
    private static final long T0 = PipelineWorld.T0;
    private static final long DAY_MS = 86_400_000L;
    private static final int OPTIONS = 12;

    /** The margin book, the option instruments' ids and the portfolio's positions. */
    private static final class Setup
    {
        final MarginBook book = new MarginBook(2, 64);
        final int binance = book.addAccount(Venue.BINANCE_USDM, "USDT", new TieredMarginModel(List.of(
            new MarginBracket(0, 50_000, 0.004, 0, 0.008),
            new MarginBracket(50_000, Double.POSITIVE_INFINITY, 0.005, 50, 0.01))));
        final int deribit = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        final int perp = book.addInstrument(binance, PipelineWorld.btcusdt());
        final int[] optionIds = new int[OPTIONS];
        final List<OptionPosition> options = new ArrayList<>();
        final List<DeltaOnePosition> deltaOnes =
            List.of(new DeltaOnePosition("binance-usdm:BTCUSDT", "BTC", false, 0.0, 1.0));

        Setup()
        {
            for (int k = 0; k < OPTIONS; k++)
            {
                final boolean call = k % 2 == 0;
                final long strike = 40_000 + 2_000L * (k / 2);
                final long expiry = T0 + (k % 3 == 0 ? 2 : 30) * DAY_MS;
                final Instrument instrument = new Instrument(Venue.DERIBIT, "BTC-" + k + "-" + strike + (call ? "-C" : "-P"),
                    InstrumentKind.OPTION, "BTC", "BTC", "BTC", "BTC", ContractStyle.INVERSE, BigDecimal.ONE,
                    DecimalGrid.of("0.0005"), DecimalGrid.of("0.1"), new BigDecimal("0.1"), expiry,
                    BigDecimal.valueOf(strike), call ? io.deltahedger.venues.instrument.OptionType.CALL
                    : io.deltahedger.venues.instrument.OptionType.PUT);
                optionIds[k] = book.addInstrument(deribit, instrument);
                options.add(new OptionPosition(instrument.canonicalId(), "BTC", OptionModel.INVERSE,
                    call ? io.deltahedger.greeks.pricing.OptionType.CALL : io.deltahedger.greeks.pricing.OptionType.PUT,
                    strike, expiry, k % 3 == 1 ? -5.0 : 3.0, 1.0, 0.6));
            }
        }

        Portfolio portfolio()
        {
            return Portfolio.of(options, deltaOnes);
        }

        static PipelineConfig config(final StageThreading threading)
        {
            return PipelineConfig.defaults(List.of(new HedgeRoute(
                HedgePolicy.builder("BTC", "0.001").band(new FixedBand(0.5, DeltaUnit.COIN)).build(),
                "binance-usdm:BTCUSDT"))).withStageThreading(threading);
        }
    }

    @ParameterizedTest
    @EnumSource(StageThreading.class)
    void everyDecisionSeesTheDeltaOfAFullRevaluation(final StageThreading threading)
    {
        final Setup setup = new Setup();
        final ManualClock clock = new ManualClock(T0);
        final RecordingSink sink = new RecordingSink();
        final List<String> halts = new ArrayList<>();
        final PipelineConfig config = Setup.config(threading);
        final HedgingPipeline pipeline = new HedgingPipeline(config, setup.portfolio(), setup.book,
            PipelineWorld.GATE, clock, sink, (stage, sequence, error) -> halts.add(stage + ": " + error)).start();
        final Portfolio copy = setup.portfolio();
        final PortfolioGreeks full = new PortfolioGreeks();
        final List<Double> expected = new ArrayList<>();
        final MarketDataEvent md = new MarketDataEvent();
        final SplittableRandom random = new SplittableRandom(20261122L);
        final double[] vol = new double[OPTIONS];
        java.util.Arrays.fill(vol, 0.6);
        double spot = Double.NaN;

        pipeline.publishConnectionState(Venue.BINANCE_USDM, ConnectionState.LIVE);
        pipeline.publishConnectionState(Venue.DERIBIT, ConnectionState.LIVE);
        for (int step = 0; step < 600; step++)
        {
            clock.advanceMs(random.nextInt(1, 80));   // valuation steps of 1 s pass every ~25 events
            final int kind = random.nextInt(20);
            md.clear();
            if (step == 300)
            {
                // the Binance account's first snapshot: 0.75 BTC short of BTCUSDT, seeded into the delta-one position
                pipeline.publishAccount(setup.binance, new AccountSnapshot(Venue.BINANCE_USDM, "USDT", clock.epochMs(),
                    1_000_000, 1_000_000, 1_000_000, 0, 0, List.of(
                        new Position(PipelineWorld.btcusdt(), -750, spot, spot, 0, 0, 0, 0))));
                final int d = copy.deltaOneIndex("binance-usdm:BTCUSDT");
                copy.setDeltaOneAmount(d, copy.deltaOneAmount(d) - 0.75);
                continue;
            }
            if (step >= 15 && (kind < 2 || Double.isNaN(spot)))
            {
                spot = 50_000.0 * Math.exp(random.nextDouble(-0.05, 0.05));
                md.header(Venue.BINANCE_USDM, MarketDataType.INDEX_PRICE, setup.perp, clock.epochMs());
                md.indexPrice(spot);
            }
            else
            {
                // the first 15 events are option tickers before any index: vols change and no spot is known yet
                final int k = random.nextInt(OPTIONS);
                if (random.nextInt(5) != 0)
                {
                    vol[k] = Math.max(0.05, vol[k] * Math.exp(random.nextDouble(-0.05, 0.05)));
                }
                md.header(Venue.DERIBIT, MarketDataType.TICKER, setup.optionIds[k], clock.epochMs());
                md.markPrice(0.01 + 0.001 * k);
                md.markIv(vol[k]);
                if (vol[k] != copy.volatility(k))
                {
                    copy.setVolatility(k, vol[k]);
                }
            }
            pipeline.publishMarketData(md);
            if (Double.isNaN(spot))
            {
                expected.add(Double.NaN);
            }
            else
            {
                copy.revalue(0, spot, Math.floorDiv(clock.epochMs(), config.valuationStepMs()) * config.valuationStepMs(),
                    full);
                expected.add(full.deltaCoin());
            }
        }
        pipeline.close();

        assertEquals(List.of(), halts);
        final List<RecordingSink.Outcome> marketData =
            sink.outcomes.stream().filter(o -> o.kind() == EventKind.MARKET_DATA).toList();
        assertEquals(expected.size(), marketData.size());
        int checked = 0;
        for (int n = 0; n < expected.size(); n++)
        {
            final double want = expected.get(n);
            final double got = marketData.get(n).deltaCoin();
            if (Double.isNaN(want))
            {
                assertTrue(Double.isNaN(got), "no delta before the first index, event " + n);
                continue;
            }
            final int event = n;
            assertEquals(want, got, 1e-9, () -> "deltaCoin of market-data event " + event);
            checked++;
        }
        assertTrue(checked > 500, "checked " + checked);
    }

    /**
     * Option tickers that move mark IVs (the one-option path), with an index move every 50 and a new valuation step
     * every ~1,000, allocate nothing per event: HotSpot's allocated-bytes counter of the thread that publishes and, in
     * {@link StageThreading#CALLER_RUNS}, runs every stage, over 20,000 events after 20,000 of warm-up. One allocation
     * per event would be at least 16 B/event.
     */
    @Test
    void optionTickersAllocateNothingPerEvent()
    {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
            "needs HotSpot's per-thread allocation counter");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Setup setup = new Setup();
        final ManualClock clock = new ManualClock(T0);
        final AllocationMeter.CountingSink sink = new AllocationMeter.CountingSink();
        final HedgingPipeline pipeline = new HedgingPipeline(Setup.config(StageThreading.CALLER_RUNS),
            setup.portfolio(), setup.book, PipelineWorld.GATE, clock, sink, (stage, sequence, error) ->
            {
                throw new AssertionError(stage + " halted: " + error);
            }).start();
        pipeline.publishConnectionState(Venue.BINANCE_USDM, ConnectionState.LIVE);
        pipeline.publishAccount(setup.binance, new AccountSnapshot(Venue.BINANCE_USDM, "USDT", clock.epochMs(),
            1_000_000, 1_000_000, 1_000_000, 0, 0, List.of()));
        final MarketDataEvent md = new MarketDataEvent();
        md.header(Venue.BINANCE_USDM, MarketDataType.TICKER, setup.perp, clock.epochMs());
        md.markPrice(50_000);
        md.bestBid(499_999, 100_000);
        md.bestAsk(500_001, 100_000);
        pipeline.publishMarketData(md);
        final double[] ivs = new double[1024];
        final SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < ivs.length; k++)
        {
            ivs[k] = 0.5 + 0.3 * random.nextDouble();
        }
        final int events = 20_000;
        optionTickers(pipeline, setup, clock, md, ivs, 0, events);
        final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        optionTickers(pipeline, setup, clock, md, ivs, events, events);
        final long after = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        pipeline.close();

        final double perEvent = (after - before) / (double)events;
        assertTrue(perEvent < 1.0, () -> (after - before) + " bytes over " + events + " events = " + perEvent + " B/event");
        assertTrue(sink.decided > events, () -> "decisions taken: " + sink.decided);
    }

    private static void optionTickers(final HedgingPipeline pipeline, final Setup setup, final ManualClock clock,
                                      final MarketDataEvent md, final double[] ivs, final int from, final int count)
    {
        for (int n = from; n < from + count; n++)
        {
            if (n % 10 == 0)
            {
                clock.advanceMs(1);               // 4 s over both runs: the perpetual's mark stays fresh
            }
            md.clear();
            if (n % 50 == 0)
            {
                md.header(Venue.BINANCE_USDM, MarketDataType.INDEX_PRICE, setup.perp, clock.epochMs());
                md.indexPrice(50_000 + (n / 50 % 7) * 5.0);
            }
            else
            {
                md.header(Venue.DERIBIT, MarketDataType.TICKER, setup.optionIds[n % OPTIONS], clock.epochMs());
                md.markPrice(0.02);
                md.markIv(ivs[n & (ivs.length - 1)]);
            }
            pipeline.publishMarketData(md);
        }
    }

    /**
     * Stage 2 alone, given events as stage 1 leaves them (underlying, spot, time), counting which revaluation each
     * took: option tickers revalue their option alone; a spot move, a new valuation step, a delta-one change or more
     * than {@link GreeksStage#MAX_ONE_OPTION_REVALUATIONS} changed options since the last valuation revalue all.
     */
    @Test
    void optionTickersRevalueOneOptionAndSpotTimeAndPositionChangesRevalueAll()
    {
        final Setup setup = new Setup();
        final Portfolio portfolio = setup.portfolio();
        final Routing routing = new Routing(Setup.config(StageThreading.CALLER_RUNS), portfolio, setup.book);
        final GreeksStage greeks = new GreeksStage(routing, portfolio, 1_000);
        final Stage2 stage2 = new Stage2(setup, greeks);

        stage2.optionTicker(0, 0.7, Double.NaN);       // no index yet: the change is listed, nothing is revalued
        assertEquals(0, greeks.fullRevaluations() + greeks.optionRevaluations());
        stage2.index(50_000.0);
        assertEquals(1, greeks.fullRevaluations(), "the first valuation is full");
        assertEquals(fullDelta(setup, portfolio, 50_000.0, T0), stage2.event.deltaCoin, 1e-12);

        stage2.optionTicker(3, 0.75, 50_000.0);
        stage2.optionTicker(4, 0.65, 50_000.0);
        stage2.optionTicker(4, 0.65, 50_000.0);        // the same IV again: nothing changed
        assertEquals(1, greeks.fullRevaluations());
        assertEquals(2, greeks.optionRevaluations(), "one option per ticker whose IV moved");
        assertEquals(fullDelta(setup, portfolio, 50_000.0, T0), stage2.event.deltaCoin, 1e-12);

        // changes listed while the spot is unknown to the stage (as before a first index), then valued together
        for (int k = 0; k < GreeksStage.MAX_ONE_OPTION_REVALUATIONS; k++)
        {
            stage2.optionTicker(k, 0.5, Double.NaN);
        }
        stage2.optionTicker(0, 0.55, Double.NaN);        // listed once
        stage2.index(50_000.0);
        assertEquals(1, greeks.fullRevaluations(), "the unchanged spot and step: no full revalue");
        assertEquals(2 + GreeksStage.MAX_ONE_OPTION_REVALUATIONS, greeks.optionRevaluations());
        assertEquals(fullDelta(setup, portfolio, 50_000.0, T0), stage2.event.deltaCoin, 1e-12);
        for (int k = 0; k < GreeksStage.MAX_ONE_OPTION_REVALUATIONS + 1; k++)
        {
            stage2.optionTicker(k, 0.45, Double.NaN);
        }
        stage2.index(50_000.0);
        assertEquals(2, greeks.fullRevaluations(), "more changed options than the list holds: all");
        assertEquals(2 + GreeksStage.MAX_ONE_OPTION_REVALUATIONS, greeks.optionRevaluations());
        assertEquals(fullDelta(setup, portfolio, 50_000.0, T0), stage2.event.deltaCoin, 1e-12);

        stage2.index(50_100.0);
        assertEquals(3, greeks.fullRevaluations(), "a spot move revalues all");
        stage2.nowMs += 1_000;
        stage2.optionTicker(0, 0.8, 50_100.0);
        assertEquals(4, greeks.fullRevaluations(), "a new valuation step revalues all");
        assertEquals(fullDelta(setup, portfolio, 50_100.0, T0 + 1_000), stage2.event.deltaCoin, 1e-12);

        final PipelineEvent account = new PipelineEvent(4, 4, setup.book.maxAccounts());
        account.kind = EventKind.ACCOUNT;
        account.accountId = setup.binance;
        account.account = new AccountSnapshot(Venue.BINANCE_USDM, "USDT", stage2.nowMs, 1e6, 1e6, 1e6, 0, 0,
            List.of(new Position(PipelineWorld.btcusdt(), -500, 50_000, 50_000, 0, 0, 0, 0)));
        greeks.onEvent(account, 0, true);
        assertEquals(-0.5, portfolio.deltaOneAmount(0), "the first snapshot's BTCUSDT short is seeded");
        stage2.optionTicker(1, 0.9, 50_100.0);
        assertEquals(5, greeks.fullRevaluations(), "a delta-one change revalues all");
        assertEquals(fullDelta(setup, portfolio, 50_100.0, T0 + 1_000), stage2.event.deltaCoin, 1e-12);
        stage2.optionTicker(2, 0.9, 50_100.0);
        assertEquals(5, greeks.fullRevaluations());
        assertEquals(fullDelta(setup, portfolio, 50_100.0, T0 + 1_000), stage2.event.deltaCoin, 1e-12);
    }

    /** Feeds the Greeks stage events as the market-state stage would leave them. */
    private static final class Stage2
    {
        final Setup setup;
        final GreeksStage greeks;
        final PipelineEvent event;
        final MarketDataEvent md = new MarketDataEvent();
        long nowMs = T0;

        Stage2(final Setup setup, final GreeksStage greeks)
        {
            this.setup = setup;
            this.greeks = greeks;
            event = new PipelineEvent(4, 4, setup.book.maxAccounts());
        }

        void optionTicker(final int k, final double iv, final double spot)
        {
            md.clear();
            md.header(Venue.DERIBIT, MarketDataType.TICKER, setup.optionIds[k], nowMs);
            md.markIv(iv);
            run(spot);
        }

        void index(final double spot)
        {
            md.clear();
            md.header(Venue.BINANCE_USDM, MarketDataType.INDEX_PRICE, setup.perp, nowMs);
            md.indexPrice(spot);
            run(spot);
        }

        private void run(final double spot)
        {
            event.clear();
            event.kind = EventKind.MARKET_DATA;
            event.nowMs = nowMs;
            event.lendMarketData(md);
            event.underlying = 0;
            event.spot = spot;
            greeks.onEvent(event, 0, true);
        }
    }

    /** A fresh full revaluation of a portfolio with the same vols and delta-one amounts as {@code portfolio}. */
    private static double fullDelta(final Setup setup, final Portfolio portfolio, final double spot, final long atMs)
    {
        final Portfolio copy = setup.portfolio();
        for (int o = 0; o < copy.optionCount(); o++)
        {
            copy.setVolatility(o, portfolio.volatility(o));
        }
        for (int d = 0; d < copy.deltaOneCount(); d++)
        {
            copy.setDeltaOneAmount(d, portfolio.deltaOneAmount(d));
        }
        final PortfolioGreeks out = new PortfolioGreeks();
        copy.revalue(0, spot, atMs, out);
        return out.deltaCoin();
    }
}
