package io.deltahedger.hedger.bench;

import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.execution.GroupExecutor;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.OrderSides;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgeDecider;
import io.deltahedger.hedger.policy.HedgeDecision;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.order.AmendRequest;
import io.deltahedger.venues.order.CancelRequest;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.VenueGateway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * The execution stage's costs. {@code idle}: what every market-data event costs it while no group is open (a mark
 * store and a poll that finds nothing to do): must be 0 B/op under {@code -prof gc}. {@code groupLifecycle}: one whole
 * group, start (an IOC order placed), ACK and FILL reports, COMPLETE outcome, account refresh: the rare-event cost,
 * allocation included (the benchmark builds the two reports too, as an adapter would).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GroupExecutorBenchmark
{
    private static final long T0 = 1_795_154_400_000L;

    private final LastOrderGateway gateway = new LastOrderGateway();
    private final HedgeDecision decision = new HedgeDecision();
    private final LegGroup legs = new LegGroup(16).add(0, 0, Side.SELL, 2_500, 49_950.0);
    private GroupExecutor executor;
    private GroupOutcome lastOutcome;
    private long nowMs = T0;
    private double mark = 50_000.0;

    @Setup
    public void setUp()
    {
        final Instrument perp = new Instrument(Venue.BINANCE_USDM, "BTCUSDT", InstrumentKind.PERPETUAL, "BTC", "USDT",
            "USDT", "BTC", ContractStyle.LINEAR, BigDecimal.ONE, DecimalGrid.of("0.1"), DecimalGrid.of("0.001"),
            new BigDecimal("0.001"), 0, null, null);
        executor = new GroupExecutor(ExecutionConfig.defaults(),
            ExecutionVenues.builder().gateway(0, gateway).instrument(0, perp).build(), 1, 1, 1,
            outcome -> lastOutcome = outcome, new OrderSides());
        new HedgeDecider(HedgePolicy.builder("BTC", "0.001").band(new FixedBand(1.0, DeltaUnit.COIN)).build())
            .decide(2.5, 0.0, 50_000.0, T0, decision);
    }

    @Benchmark
    public long idle()
    {
        nowMs += 10;
        mark = mark == 50_000.0 ? 50_000.5 : 50_000.0;
        executor.onMark(0, mark);
        executor.poll(nowMs);
        return executor.nextGroupId();
    }

    @Benchmark
    public GroupOutcome groupLifecycle()
    {
        nowMs += 10;
        executor.start(0, legs, decision, nowMs);
        final OrderRequest o = gateway.last;
        executor.onReport(0, new ExecutionReport(o.clientOrderId(), "v", o.instrument(), ExecType.ACK, o.priceTicks(),
            o.amountLots(), 0, 0, 0, null, "", nowMs), nowMs);
        executor.onReport(0, new ExecutionReport(o.clientOrderId(), "v", o.instrument(), ExecType.FILL, o.priceTicks(),
            o.amountLots(), o.priceTicks(), o.amountLots(), o.amountLots(), null, "", nowMs), nowMs);
        return lastOutcome;
    }

    /** Takes everything, keeps only the last order. */
    private static final class LastOrderGateway implements VenueGateway
    {
        OrderRequest last;

        @Override
        public Venue venue()
        {
            return Venue.BINANCE_USDM;
        }

        @Override
        public SendResult place(final OrderRequest request)
        {
            last = request;
            return SendResult.SENT;
        }

        @Override
        public SendResult cancel(final CancelRequest request)
        {
            return SendResult.SENT;
        }

        @Override
        public SendResult amend(final AmendRequest request)
        {
            return SendResult.SENT;
        }

        @Override
        public SendResult cancelAll(final Instrument instrument)
        {
            return SendResult.SENT;
        }

        @Override
        public SendResult requestOpenOrders()
        {
            return SendResult.SENT;
        }

        @Override
        public SendResult requestAccount()
        {
            return SendResult.SENT;
        }
    }
}
