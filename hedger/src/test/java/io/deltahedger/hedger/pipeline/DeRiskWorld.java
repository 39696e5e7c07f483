package io.deltahedger.hedger.pipeline;

import io.deltahedger.config.time.ManualClock;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.RecordingGateway;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.routing.HedgeCandidate;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginBracket;
import io.deltahedger.marginmonitor.model.TieredMarginModel;
import io.deltahedger.marginmonitor.monitor.AlertLevel;
import io.deltahedger.marginmonitor.monitor.MonitorConfig;
import io.deltahedger.venues.Side;
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
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A real executing pipeline with a margin monitor over two accounts: a Binance USDⓈ-M account short 2.5 BTC of
 * BTCUSDT (linear, 0.001 BTC lots, tiered margin: 100,000 USDT of notional needs 0.5% - 50 = 450 USDT) on thin equity,
 * hedging 2.5 BTC long spot; and a Deribit account with 10 BTC and no position (BTC-PERPETUAL, inverse, 10 USD lots),
 * the one with room and the cheaper taker fee (2 against 5 bps). The policy's band is 10,000 USD, so a cut of the short perpetual unhedges enough to be re-hedged.
 * Each gateway is a {@link RecordingGateway}; the test plays both venues by publishing reports.
 */
final class DeRiskWorld implements DecisionSink, AutoCloseable
{
    static final HedgePolicy POLICY = HedgePolicy.builder("BTC", "0.001")
        .band(new FixedBand(10_000, DeltaUnit.USD))
        .build();

    /** An alert change as the sink saw it. */
    record Alert(int account, AlertLevel level, double ratio)
    {
    }

    /** A de-risking plan as the sink saw it. */
    record DeRisk(int account, long groupId, List<MultiLeg> legs, double ratioBefore, double projectedRatio,
                  boolean reachesTarget)
    {
    }

    record MultiLeg(int account, int instrument, Side side, long lots, double limitPrice)
    {
    }

    final ManualClock clock = new ManualClock(PipelineWorld.T0);
    final MarginBook book = new MarginBook(4, 16);
    final TieredMarginModel binanceModel = new TieredMarginModel(List.of(
        new MarginBracket(0, 50_000, 0.004, 0, 0.008),
        new MarginBracket(50_000, 250_000, 0.005, 50, 0.01),
        new MarginBracket(250_000, Double.POSITIVE_INFINITY, 0.01, 1_300, 0.02)));
    final int binance = book.addAccount(Venue.BINANCE_USDM, "USDT", binanceModel);
    final int deribit = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
    final Instrument btcusdt = PipelineWorld.btcusdt();
    final Instrument btcPerpetual = new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC",
        "USD", "BTC", "USD", ContractStyle.INVERSE, new BigDecimal("10"), DecimalGrid.of("0.5"), DecimalGrid.of("10"),
        new BigDecimal("10"), 0, null, null);
    final int binancePerp = book.addInstrument(binance, btcusdt);
    final int deribitPerp = book.addInstrument(deribit, btcPerpetual);
    final RecordingGateway binanceGateway = new RecordingGateway(Venue.BINANCE_USDM);
    final RecordingGateway deribitGateway = new RecordingGateway(Venue.DERIBIT);
    final List<String> halts = Collections.synchronizedList(new ArrayList<>());
    final List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
    final List<DeRisk> deRisks = Collections.synchronizedList(new ArrayList<>());
    final List<GroupOutcome> groups = Collections.synchronizedList(new ArrayList<>());
    final List<RecordingSink.Outcome> decisions = Collections.synchronizedList(new ArrayList<>());
    final HedgingPipeline pipeline;
    private final MarketDataEvent scratch = new MarketDataEvent();
    private volatile int released;
    private volatile int groupDones;
    private int published;

    /**
     * @param deRisk  whether the monitor may cut
     * @param execute whether the pipeline executes (false: decision-only, monitoring only)
     */
    DeRiskWorld(final boolean deRisk, final boolean execute)
    {
        this(deRisk, execute, p -> p);
    }

    /** As above, with {@code beforeStart} applied to the pipeline before it starts (e.g. to add a journal). */
    DeRiskWorld(final boolean deRisk, final boolean execute,
                final java.util.function.UnaryOperator<HedgingPipeline> beforeStart)
    {
        final Portfolio portfolio = Portfolio.of(List.of(), List.of(
            new DeltaOnePosition("binance-usdm:BTC-SPOT", "BTC", false, 2.5, 1.0),
            new DeltaOnePosition("binance-usdm:BTCUSDT", "BTC", false, 0.0, 0.001),
            new DeltaOnePosition("deribit:BTC-PERPETUAL", "BTC", true, 0.0, 10)));
        final PipelineConfig config = PipelineConfig.defaults(List.of(new HedgeRoute(POLICY, List.of(
            new HedgeCandidate("deribit:BTC-PERPETUAL", 2, 0), new HedgeCandidate("binance-usdm:BTCUSDT", 5, 2)))));
        final HedgingPipeline p = execute
            ? new HedgingPipeline(config, portfolio, book, PipelineWorld.GATE,
                ExecutionConfig.defaults().withFirstGroupId(100),
                ExecutionVenues.builder().gateway(binance, binanceGateway).gateway(deribit, deribitGateway)
                    .instrument(binancePerp, btcusdt).instrument(deribitPerp, btcPerpetual).build(),
                clock, this, (stage, sequence, error) -> halts.add(stage + ": " + error))
            : new HedgingPipeline(config, portfolio, book, PipelineWorld.GATE, clock, this,
                (stage, sequence, error) -> halts.add(stage + ": " + error));
        pipeline = beforeStart.apply(p.withMonitor(MonitorConfig.defaults(), deRisk)).start();
    }

    /**
     * Both sessions LIVE, both marks and the index at {@code price}, then the snapshots: Binance short
     * {@code binanceLots} lots with this equity and maintenance margin, Deribit 10 BTC flat.
     */
    void open(final double price, final long binanceLots, final double equityUsdt, final double maintenanceUsdt)
    {
        live();
        market(price);
        binanceAccount(binanceLots, equityUsdt, maintenanceUsdt);
        published++;
        pipeline.publishAccount(deribit, new AccountSnapshot(Venue.DERIBIT, "BTC", clock.epochMs(), 10, 10, 10, 0, 0,
            List.of()));
    }

    /** Both sessions LIVE. */
    void live()
    {
        published += 2;
        pipeline.publishConnectionState(binance, ConnectionState.LIVE);
        pipeline.publishConnectionState(deribit, ConnectionState.LIVE);
    }

    /** Both perpetuals' tickers (mark, a one-tick book) and the index at {@code price}. */
    void market(final double price)
    {
        ticker(binancePerp, Venue.BINANCE_USDM, price, 0.1);
        ticker(deribitPerp, Venue.DERIBIT, price, 0.5);
        published++;
        scratch.clear();
        scratch.header(Venue.BINANCE_USDM, MarketDataType.INDEX_PRICE, binancePerp, clock.epochMs());
        scratch.indexPrice(price);
        pipeline.publishMarketData(scratch);
    }

    private void ticker(final int instrument, final Venue venue, final double mark, final double tick)
    {
        published++;
        scratch.clear();
        scratch.header(venue, MarketDataType.TICKER, instrument, clock.epochMs());
        scratch.markPrice(mark);
        final long ticks = Math.round(mark / tick);
        scratch.bestBid(ticks - 1, 10_000_000);
        scratch.bestAsk(ticks + 1, 10_000_000);
        pipeline.publishMarketData(scratch);
    }

    /** A Binance snapshot: {@code lots} of BTCUSDT (signed), equity and the venue's maintenance margin, USDT. */
    void binanceAccount(final long lots, final double equityUsdt, final double maintenanceUsdt)
    {
        published++;
        pipeline.publishAccount(binance, new AccountSnapshot(Venue.BINANCE_USDM, "USDT", clock.epochMs(), equityUsdt,
            equityUsdt, equityUsdt - maintenanceUsdt, maintenanceUsdt, maintenanceUsdt,
            lots == 0 ? List.of() : List.of(new Position(btcusdt, lots, 40_000, 40_000, 0, 0, 0, 0))));
    }

    void binanceReport(final ExecutionReport report)
    {
        published++;
        pipeline.publishExecutionReport(binance, report);
    }

    void command(final EngineCommand command)
    {
        published++;
        pipeline.publishCommand(command, "test-operator");
    }

    /** The n-th order placed on the account's gateway (from 1), waiting for it. */
    OrderRequest order(final RecordingGateway gateway, final int n)
    {
        await("order " + n + " on " + gateway.venue(), () -> gateway.placed().size() >= n);
        return gateway.placed().get(n - 1);
    }

    /** Waits until every event published here has left the pipeline. */
    void sync()
    {
        await("the pipeline to release " + published + " events", () -> released >= published);
    }

    void awaitGroups(final int n)
    {
        await(n + " group(s) done", () -> groups.size() >= n && groupDones >= n);
    }

    void await(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what + "; alerts " + alerts + ", de-risks "
                    + deRisks + ", groups " + groups + ", halts " + halts);
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void onApproved(final PipelineEvent event)
    {
        onNotApproved(event);
    }

    @Override
    public void onNotApproved(final PipelineEvent e)
    {
        if (e.kind() == EventKind.GROUP_DONE)
        {
            groupDones++;
            return;
        }
        if (e.result() != PipelineResult.NOT_APPLICABLE)
        {
            decisions.add(new RecordingSink.Outcome(e.kind(), e.nowMs(), e.result(), e.spot(), e.deltaCoin(),
                e.decided() ? e.decision().reason() : null, e.legs().size() > 0 ? e.legs().side(0) : null,
                e.legs().size() > 0 ? e.legs().lots(0) : 0, e.legs().size() > 0 ? e.legs().limitPrice(0) : Double.NaN,
                null));
        }
        released++;
    }

    @Override
    public void onGroupDone(final GroupOutcome outcome)
    {
        groups.add(outcome);
    }

    @Override
    public void onAlert(final int accountId, final AlertLevel level, final double ratio)
    {
        alerts.add(new Alert(accountId, level, ratio));
    }

    @Override
    public void onDeRisk(final PipelineEvent e)
    {
        final List<MultiLeg> legs = new ArrayList<>();
        for (int k = 0; k < e.deRiskLegs().size(); k++)
        {
            legs.add(new MultiLeg(e.deRiskLegs().account(k), e.deRiskLegs().instrument(k), e.deRiskLegs().side(k),
                e.deRiskLegs().lots(k), e.deRiskLegs().limitPrice(k)));
        }
        deRisks.add(new DeRisk(e.deRiskAccount(), e.deRiskGroupId(), legs, e.deRiskRatioBefore(),
            e.deRiskProjectedRatio(), e.deRiskReachesTarget()));
    }

    @Override
    public void close()
    {
        pipeline.close();
    }
}
