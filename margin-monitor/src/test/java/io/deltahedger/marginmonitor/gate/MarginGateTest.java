package io.deltahedger.marginmonitor.gate;

import io.deltahedger.marginmonitor.Fixtures;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.OptionType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.deltahedger.marginmonitor.Fixtures.NOW_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarginGateTest {

    private static final GateConfig CONFIG =
        new GateConfig(0.8, 5_000, new double[] {-0.1, 0.1}, new double[] {-0.1, 0.1}, 0);

    private TestWorld world;
    private MarginGate gate;
    private final LegGroup group = new LegGroup(8);
    private final GateVerdict verdict = new GateVerdict();
    private long[] lots;

    @BeforeEach
    void setUp() {
        world = new TestWorld(new long[] {50_000, 60_000});
        world.market(50_000, 0.0, 0.6, NOW_MS);
        gate = new MarginGate(world.book, CONFIG);
        lots = new long[world.book.instrumentCount()];
    }

    private int call60k() {
        return world.book.instrumentId("deribit:BTC-25DEC26-60000-C");
    }

    private void deribitAccount(final double equity, final long ageMs) {
        world.snapshot(world.deribit, lots, equity, world.modelMm(world.deribit, lots), NOW_MS - ageMs);
    }

    @Test
    void approvesASmallHedgeAndReportsTheWorstScenarioByHand() {
        deribitAccount(1.0, 0);
        group.clear().add(world.deribit, world.perp, Side.BUY, 1_000, 50_000);
        assertTrue(gate.evaluate(group, NOW_MS, verdict), verdict::toString);
        // 10,000 USD long; worst at -10%: size 10,000/45,000 coin, loss 10,000 (1/50,000 - 1/45,000) coin.
        final double size = 10_000 / 45_000.0;
        final double mm = size * (0.01 + size * 0.00005);
        final double equity = 1.0 + 10_000 * (1 / 50_000.0 - 1 / 45_000.0);
        assertEquals(1, verdict.accountCount());
        assertEquals(mm / equity, verdict.worstRatio(0), 1e-12);
        assertEquals(-0.1, verdict.worstSpotMove(0));
        assertEquals(mm, verdict.projectedMaintenanceMargin(0), 1e-12);
        assertEquals(equity, verdict.projectedEquity(0), 1e-12);
        assertEquals(1, verdict.subsetCount());
        assertFalse(verdict.riskReducing());
    }

    @Test
    void blocksGroupThatWouldPassTheThreshold() {
        deribitAccount(0.5, 0);
        group.clear().add(world.deribit, call60k(), Side.SELL, 300, 0.01);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_THRESHOLD, verdict.reason());
        assertEquals(world.deribit, verdict.offendingAccount());
        assertTrue(verdict.worstRatio(0) >= 0.8, verdict::toString);
    }

    @Test
    void shortCallsAreWorstOnTheUpMoveWithVolUp() {
        deribitAccount(5.0, 0);
        group.clear().add(world.deribit, call60k(), Side.SELL, 50, 0.01);
        assertTrue(gate.evaluate(group, NOW_MS, verdict), verdict::toString);
        assertEquals(0.1, verdict.worstSpotMove(0));
        assertEquals(0.1, verdict.worstVolShift(0));
    }

    @Test
    void partialFillCanBeWorseThanTheWholeGroupAndIsWhatBlocks() {
        lots[world.perp] = -20_000; // short 200,000 USD
        deribitAccount(2.0, 0);
        group.clear()
            .add(world.deribit, world.perp, Side.BUY, 20_000, 50_000)
            .add(world.deribit, call60k(), Side.SELL, 50, world.book.mark(call60k()));
        assertTrue(gate.evaluate(group, NOW_MS, verdict), verdict::toString);
        assertEquals(0b10, verdict.worstSubset(0), "the call sold while the short perpetual stays open");
        assertEquals(3, verdict.subsetCount());
        final double worst = verdict.worstRatio(0);

        final GateConfig tight = new GateConfig(worst - 1e-6, 5_000, new double[] {-0.1, 0.1}, new double[] {-0.1, 0.1}, 0);
        final MarginGate tightGate = new MarginGate(world.book, tight);
        assertFalse(tightGate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_THRESHOLD, verdict.reason());
        // The whole group alone would pass the tight threshold: only the partial fill blocks it.
        group.clear()
            .add(world.deribit, world.perp, Side.BUY, 20_000, 50_000);
        final GateVerdict perpOnly = new GateVerdict();
        tightGate.evaluate(group, NOW_MS, perpOnly);
        assertTrue(perpOnly.approved(), perpOnly::toString);
    }

    @Test
    void projectsEveryAccountTheGroupTouches() {
        deribitAccount(1.0, 0);
        world.snapshot(world.binance, lots, 10_000, 0, NOW_MS);
        group.clear()
            .add(world.deribit, world.perp, Side.SELL, 1_000, 50_000)
            .add(world.binance, world.usdt, Side.BUY, 200, 50_000);
        assertTrue(gate.evaluate(group, NOW_MS, verdict), verdict::toString);
        assertEquals(2, verdict.accountCount());
        assertEquals(world.deribit, verdict.accountId(0));
        assertEquals(world.binance, verdict.accountId(1));
        // 0.2 BTC at 45,000 on the 0.4% bracket: 36 USDT; loss 0.2 * 5,000 = 1,000.
        assertEquals(0.2 * 45_000 * 0.004 / (10_000 - 1_000), verdict.worstRatio(1), 1e-12);
        assertEquals(0b10, verdict.worstSubset(1) & 0b10);
    }

    @Test
    void blocksAStaleAccount() {
        deribitAccount(1.0, 5_001);
        group.clear().add(world.deribit, world.perp, Side.BUY, 1_000, 50_000);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_STALE_ACCOUNT, verdict.reason());
        assertEquals(world.deribit, verdict.offendingAccount());
        deribitAccount(1.0, 5_000);
        assertTrue(gate.evaluate(group, NOW_MS, verdict), "exactly the maximum age is still fresh");
    }

    @Test
    void blocksAnAccountThatNeverReported() {
        group.clear().add(world.deribit, world.perp, Side.BUY, 1_000, 50_000);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_UNKNOWN_ACCOUNT, verdict.reason());
        assertEquals(world.deribit, verdict.offendingAccount());
    }

    @Test
    void blocksAnUnregisteredAccount() {
        group.clear().add(3, world.perp, Side.BUY, 1_000, 50_000);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_UNKNOWN_ACCOUNT, verdict.reason());
        assertEquals(0, verdict.offendingLeg());
    }

    @Test
    void blocksAnInstrumentOfAnotherAccountOrUnregistered() {
        deribitAccount(1.0, 0);
        group.clear().add(world.deribit, world.perp, Side.BUY, 1_000, 50_000).add(world.deribit, world.usdt, Side.BUY, 1, 50_000);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_UNKNOWN_INSTRUMENT, verdict.reason());
        assertEquals(1, verdict.offendingLeg());
        group.clear().add(world.deribit, 999, Side.BUY, 1, 50_000);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_UNKNOWN_INSTRUMENT, verdict.reason());
    }

    @Test
    void blocksAnAccountHoldingAPositionNoModelCovers() {
        final var unknown = Fixtures.deribitOption(99_000, OptionType.CALL);
        world.book.onAccount(world.deribit, new AccountSnapshot(world.book.venue(world.deribit), "BTC", NOW_MS, 1, 1, 1, 0, 0,
            List.of(new Position(unknown, -10, 0.001, 0.001, 0, 0, 0, 0))));
        group.clear().add(world.deribit, world.perp, Side.BUY, 1_000, 50_000);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_UNKNOWN_INSTRUMENT, verdict.reason());
        assertEquals(-1, verdict.offendingLeg());
    }

    @Test
    void blocksANaNLimitPriceAZeroAmountAndAnEmptyGroup() {
        deribitAccount(1.0, 0);
        group.clear().add(world.deribit, world.perp, Side.BUY, 1_000, 50_000).add(world.deribit, world.perp, Side.BUY, 1_000, Double.NaN);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_INVALID_LEG, verdict.reason());
        assertEquals(1, verdict.offendingLeg());
        group.clear().add(world.deribit, world.perp, Side.BUY, 0, 50_000);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_INVALID_LEG, verdict.reason());
        group.clear().add(world.deribit, world.perp, Side.BUY, 10, Double.POSITIVE_INFINITY);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_INVALID_LEG, verdict.reason());
        group.clear();
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_INVALID_LEG, verdict.reason());
        assertEquals(-1, verdict.offendingLeg());
    }

    @Test
    void blocksWhenAMarkIsNaNOrAVolatilityMissing() {
        deribitAccount(1.0, 0);
        world.book.onMark(world.perp, Double.NaN);
        group.clear().add(world.deribit, world.perp, Side.BUY, 1_000, 50_000);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_NO_MARKET_DATA, verdict.reason());
        world.market(50_000, 0.0, 0.6, NOW_MS);
        world.book.onVolatility(call60k(), Double.NaN);
        group.clear().add(world.deribit, call60k(), Side.SELL, 10, 0.01);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_NO_MARKET_DATA, verdict.reason());
        assertEquals(0, verdict.offendingLeg());
    }

    @Test
    void strictlyReducingGroupIsAllowedOnAStaleAccountAboveTheThreshold() {
        lots[world.perp] = -20_000;
        deribitAccount(0.045, 60_000); // MM 0.0408 over 0.045: 0.91, and a minute old
        group.clear().add(world.deribit, world.perp, Side.BUY, 10_000, 50_000);
        assertTrue(gate.evaluate(group, NOW_MS, verdict), verdict::toString);
        assertTrue(verdict.riskReducing());
        assertEquals(0.0408 / 0.045, verdict.reportedRatio(0), 1e-12);
    }

    @Test
    void flippingThePositionIsNotRiskReducing() {
        lots[world.perp] = -20_000;
        deribitAccount(0.045, 60_000);
        group.clear().add(world.deribit, world.perp, Side.BUY, 30_000, 50_000);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_STALE_ACCOUNT, verdict.reason());
        // Two legs that each reduce but together flip are not reducing either.
        group.clear().add(world.deribit, world.perp, Side.BUY, 15_000, 50_000).add(world.deribit, world.perp, Side.BUY, 15_000, 50_000);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_STALE_ACCOUNT, verdict.reason());
    }

    @Test
    void closingALongOptionDoesNotStrictlyLowerMarginSoStaleDataStillBlocks() {
        lots[call60k()] = 10;
        deribitAccount(1.0, 60_000);
        group.clear().add(world.deribit, call60k(), Side.SELL, 10, 0.01);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_STALE_ACCOUNT, verdict.reason());
    }

    @Test
    void reducingOnAnAccountThatNeverReportedIsBlocked() {
        group.clear().add(world.deribit, world.perp, Side.BUY, 10_000, 50_000);
        assertFalse(gate.evaluate(group, NOW_MS, verdict));
        assertEquals(GateReason.BLOCKED_UNKNOWN_ACCOUNT, verdict.reason());
    }
}
