package io.deltahedger.hedger.execution;

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
import io.deltahedger.venues.order.ExecutionReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link GroupExecutor} over two accounts, each with a linear BTCUSDT perpetual (0.1 USDT ticks, 0.001 BTC lots):
 * account/instrument 0 on Binance USD-M through gateway {@link #a}, 1 on Bybit through {@link #b}. The decision:
 * delta 2.5 BTC at 50,000 against a 1 BTC band, target 0: sell 2.5 BTC (2,500 lots).
 */
final class ExecutorRig
{
    /** 2026-11-21T06:00:00Z. */
    static final long T0 = 1_795_154_400_000L;
    static final double LIMIT = 49_950.0;

    final RecordingGateway a = new RecordingGateway(Venue.BINANCE_USDM);
    final RecordingGateway b = new RecordingGateway(Venue.BYBIT);
    final Instrument perpA = linearPerp(Venue.BINANCE_USDM);
    final Instrument perpB = linearPerp(Venue.BYBIT);
    final List<GroupOutcome> done = new ArrayList<>();
    final OrderSides sides = new OrderSides();
    final GroupExecutor executor;
    final HedgeDecision decision = new HedgeDecision();

    ExecutorRig(final ExecutionConfig config)
    {
        this(config, OrderJournal.NONE);
    }

    ExecutorRig(final ExecutionConfig config, final OrderJournal journal)
    {
        executor = new GroupExecutor(config, ExecutionVenues.builder().gateway(0, a).gateway(1, b)
            .instrument(0, perpA).instrument(1, perpB).build(), 2, 2, 1, done::add, sides, journal);
        final HedgeDecider decider = new HedgeDecider(HedgePolicy.builder("BTC", "0.001")
            .band(new FixedBand(1.0, DeltaUnit.COIN)).build());
        decider.decide(2.5, 0.0, 50_000.0, T0, decision);
        executor.onMark(0, 50_000.0);
        executor.onMark(1, 50_000.0);
    }

    /** Defaults with no breaker trips unless a test asks for them. */
    static ExecutionConfig config()
    {
        return ExecutionConfig.defaults().withBreaker(new CircuitBreakerConfig(1_000, 1_000, 60_000, 1_000, 1e12, 60_000));
    }

    static Instrument linearPerp(final Venue venue)
    {
        return new Instrument(venue, "BTCUSDT", InstrumentKind.PERPETUAL, "BTC", "USDT", "USDT", "BTC",
            ContractStyle.LINEAR, BigDecimal.ONE, DecimalGrid.of("0.1"), DecimalGrid.of("0.001"),
            new BigDecimal("0.001"), 0, null, null);
    }

    /** Sell legs at 49,950: {@code lotsA} on account 0 and, if positive, {@code lotsB} on account 1. */
    static LegGroup sell(final long lotsA, final long lotsB)
    {
        final LegGroup legs = new LegGroup(16).add(0, 0, Side.SELL, lotsA, LIMIT);
        return lotsB > 0 ? legs.add(1, 1, Side.SELL, lotsB, LIMIT) : legs;
    }

    long start(final LegGroup legs)
    {
        return executor.start(0, legs, decision, T0);
    }

    void report(final int account, final ExecutionReport report, final long ms)
    {
        executor.onReport(account, report, ms);
    }

    GroupOutcome outcome()
    {
        if (done.size() != 1)
        {
            throw new AssertionError("expected one ended group, got " + done);
        }
        return done.get(0);
    }
}
