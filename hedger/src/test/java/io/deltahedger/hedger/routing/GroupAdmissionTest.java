package io.deltahedger.hedger.routing;

import io.deltahedger.hedger.routing.GroupAdmission.Outcome;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.gate.GateReason;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.venues.Side;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Admission all or nothing: each limit, the rate budget and the margin gate; nothing charged unless approved. */
class GroupAdmissionTest
{
    /** Snapshots may be 10 minutes old here: these tests move the clock over minutes without new reports. */
    private static final GateConfig GATE = new GateConfig(0.8, 600_000, new double[] {-0.1, 0.1}, new double[] {0.0}, 0);
    private static final double PRICE = 50_000;
    private static final double BUY_LIMIT = PRICE * 1.001;

    private final RoutingWorld w = new RoutingWorld();
    private final LegGroup legs = new LegGroup(16);
    private final GateVerdict verdict = new GateVerdict();

    private GroupAdmission admission(final ExecutionLimits limits)
    {
        w.bookMarket(PRICE);
        w.richAccounts();
        return new GroupAdmission(w.book, new MarginGate(w.book, GATE), limits);
    }

    private static ExecutionLimits limits(final Map<String, Long> orderLots, final double positionCoin,
                                          final double notionalUsd, final int ordersPerSecond)
    {
        return new ExecutionLimits(orderLots, Long.MAX_VALUE, positionCoin, notionalUsd, ordersPerSecond);
    }

    private LegGroup buy(final int instrument, final long lots)
    {
        return legs.clear().add(w.book.accountOf(instrument), instrument, Side.BUY, lots, BUY_LIMIT);
    }

    @Test
    void anOversizedLegBlocksTheWholeGroupNamingTheLegAndChargingNothing()
    {
        final GroupAdmission admission = admission(limits(Map.of("bybit:BTCUSDT", 100L), 1e9, 1e12, 10));
        legs.clear().add(w.binance, w.binancePerp, Side.BUY, 500, BUY_LIMIT).add(w.bybit, w.bybitPerp, Side.BUY, 101, BUY_LIMIT);

        assertEquals(Outcome.LIMIT_BLOCKED, admission.admit(legs, 1_000, verdict));

        assertEquals(LimitBreach.ORDER_SIZE, admission.breach());
        assertEquals(1, admission.offendingLeg());
        assertEquals(w.bybit, admission.offendingAccount());
        assertEquals(0.0, admission.notionalLastMinuteUsd(w.binance, 1_000), "the good leg is not charged either");
        assertEquals(10, admission.rateBudgetAvailable(w.binance, 1_000));
        legs.clear().add(w.binance, w.binancePerp, Side.BUY, 500, BUY_LIMIT).add(w.bybit, w.bybitPerp, Side.BUY, 100, BUY_LIMIT);
        assertEquals(Outcome.APPROVED, admission.admit(legs, 1_000, verdict), verdict::toString);
        assertNull(admission.breach());
    }

    @Test
    void thePositionLimitBlocksGrowthPastItButNotAReduction()
    {
        final GroupAdmission admission = admission(limits(Map.of(), 1.0, 1e12, 100));
        w.account(w.binance, 10_000_000, 0, w.binancePerp, 800);
        w.account(w.bybit, 10_000_000, 0, w.bybitPerp, 3_000);

        assertEquals(Outcome.LIMIT_BLOCKED, admission.admit(buy(w.binancePerp, 201), 1_000, verdict));
        assertEquals(LimitBreach.POSITION, admission.breach());
        assertEquals(w.binance, admission.offendingAccount());
        assertEquals(Outcome.APPROVED, admission.admit(buy(w.binancePerp, 200), 1_000, verdict), "exactly at 1.0 BTC");
        legs.clear().add(w.binance, w.binancePerp, Side.SELL, 1_801, PRICE * 0.999);
        assertEquals(Outcome.LIMIT_BLOCKED, admission.admit(legs, 1_000, verdict), "0.8 long to 1.001 short");
        // Bybit is 3 BTC long, above the limit: selling 1 BTC shrinks it and passes
        legs.clear().add(w.bybit, w.bybitPerp, Side.SELL, 1_000, PRICE * 0.999);
        assertEquals(Outcome.APPROVED, admission.admit(legs, 1_000, verdict), verdict::toString);
    }

    @Test
    void thePositionLimitCountsInverseLotsInCoinAtTheMark()
    {
        final GroupAdmission admission = admission(limits(Map.of(), 1.0, 1e12, 100));
        // 5,000 lots of 10 USD at 50,000 = 1 BTC
        assertEquals(Outcome.APPROVED, admission.admit(buy(w.deribitPerp, 5_000), 1_000, verdict), verdict::toString);
        assertEquals(Outcome.LIMIT_BLOCKED, admission.admit(buy(w.deribitPerp, 5_001), 1_000, verdict));
        assertEquals(LimitBreach.POSITION, admission.breach());
    }

    @Test
    void theNotionalLimitCountsTheRollingMinute()
    {
        final GroupAdmission admission = admission(limits(Map.of(), 1e9, 100_000, 100));
        // each 1 BTC buy is 50,050 USDT at its limit price
        assertEquals(Outcome.APPROVED, admission.admit(buy(w.binancePerp, 1_000), 1_000, verdict));
        assertEquals(50_050, admission.notionalLastMinuteUsd(w.binance, 1_000), 1e-6);
        assertEquals(Outcome.LIMIT_BLOCKED, admission.admit(buy(w.binancePerp, 1_000), 10_000, verdict));
        assertEquals(LimitBreach.NOTIONAL_PER_MINUTE, admission.breach());
        assertEquals(Outcome.APPROVED, admission.admit(buy(w.bybitPerp, 1_000), 10_000, verdict), "per account");
        assertEquals(Outcome.APPROVED, admission.admit(buy(w.binancePerp, 998), 10_000, verdict),
            "49,949.90 more makes 99,999.90: fits");
        assertEquals(Outcome.LIMIT_BLOCKED, admission.admit(buy(w.binancePerp, 1_000), 60_999, verdict));
        assertEquals(Outcome.APPROVED, admission.admit(buy(w.binancePerp, 1_000), 61_000, verdict),
            "the first charge has left the minute");
    }

    @Test
    void theRateBudgetAllowsABurstThenRefillsWithTime()
    {
        final GroupAdmission admission = admission(limits(Map.of(), 1e9, 1e12, 2));
        assertEquals(Outcome.APPROVED, admission.admit(buy(w.binancePerp, 1), 1_000, verdict));
        assertEquals(Outcome.APPROVED, admission.admit(buy(w.binancePerp, 1), 1_000, verdict));
        assertEquals(Outcome.RATE_LIMITED, admission.admit(buy(w.binancePerp, 1), 1_000, verdict));
        assertEquals(w.binance, admission.offendingAccount());
        assertEquals(Outcome.RATE_LIMITED, admission.admit(buy(w.binancePerp, 1), 1_499, verdict));
        assertEquals(Outcome.APPROVED, admission.admit(buy(w.binancePerp, 1), 1_500, verdict), "2 orders/s: one per 500 ms");
    }

    @Test
    void aGroupNeedsABudgetForEveryLegOnEveryAccount()
    {
        final GroupAdmission admission = admission(limits(Map.of(), 1e9, 1e12, 2));
        assertEquals(Outcome.APPROVED, admission.admit(buy(w.bybitPerp, 1), 1_000, verdict));
        assertEquals(Outcome.APPROVED, admission.admit(buy(w.bybitPerp, 1), 1_000, verdict));
        legs.clear().add(w.binance, w.binancePerp, Side.BUY, 1, BUY_LIMIT).add(w.bybit, w.bybitPerp, Side.BUY, 1, BUY_LIMIT);

        assertEquals(Outcome.RATE_LIMITED, admission.admit(legs, 1_000, verdict));

        assertEquals(w.bybit, admission.offendingAccount());
        assertEquals(1, admission.offendingLeg());
        assertEquals(2, admission.rateBudgetAvailable(w.binance, 1_000), "Binance is not charged for a refused group");
    }

    @Test
    void theMarginGateDecidesLastAndItsBlockChargesNothing()
    {
        final GroupAdmission admission = admission(limits(Map.of(), 1e9, 1e12, 10));
        w.account(w.bybit, 100, 0);
        legs.clear().add(w.binance, w.binancePerp, Side.BUY, 1_000, BUY_LIMIT).add(w.bybit, w.bybitPerp, Side.BUY, 1_000, BUY_LIMIT);

        assertEquals(Outcome.GATE_BLOCKED, admission.admit(legs, 1_000, verdict));

        assertEquals(GateReason.BLOCKED_THRESHOLD, verdict.reason());
        assertEquals(w.bybit, verdict.offendingAccount());
        assertEquals(10, admission.rateBudgetAvailable(w.binance, 1_000));
        assertEquals(0.0, admission.notionalLastMinuteUsd(w.binance, 1_000));
    }

    @Test
    void limitsNamingAnUnknownInstrumentAreRefused()
    {
        w.bookMarket(PRICE);
        final String message = assertThrows(IllegalArgumentException.class, () -> new GroupAdmission(w.book,
            new MarginGate(w.book, GATE), limits(Map.of("okx:BTC-USDT-SWAP", 5L), 1, 1, 1))).getMessage();
        assertEquals("execution limits name instrument 'okx:BTC-USDT-SWAP' which is not in the margin book: use a "
            + "registered canonical id, e.g. deribit:BTC-PERPETUAL", message);
    }

    @Test
    void badLimitSettingsAreRefusedNamingTheSettingAndAFix()
    {
        assertEquals("execution limits maxOrdersPerSecond must be >= 1, was 0: e.g. 5 for Deribit's default "
            + "matching-engine budget", assertThrows(IllegalArgumentException.class,
            () -> limits(Map.of(), 1, 1, 0)).getMessage());
        assertEquals("execution limits maxPositionCoin must be > 0 coin, was NaN: e.g. 50 for 50 BTC, "
            + "Double.POSITIVE_INFINITY for none", assertThrows(IllegalArgumentException.class,
            () -> limits(Map.of(), Double.NaN, 1, 1)).getMessage());
        assertEquals("execution limits maxOrderLots of bybit:BTCUSDT must be >= 1 lot, was 0: e.g. 10000 lots of 10 "
            + "USD on deribit:BTC-PERPETUAL", assertThrows(IllegalArgumentException.class,
            () -> limits(Map.of("bybit:BTCUSDT", 0L), 1, 1, 1)).getMessage());
        assertEquals("hedge candidate bybit:BTCUSDT takerFeeBps must be in [0, 100) basis points, was -1.0: e.g. 5 "
            + "for a 0.05% taker fee", assertThrows(IllegalArgumentException.class,
            () -> new HedgeCandidate("bybit:BTCUSDT", -1, 0)).getMessage());
    }
}
