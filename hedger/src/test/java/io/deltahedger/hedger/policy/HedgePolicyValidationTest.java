package io.deltahedger.hedger.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.*;

class HedgePolicyValidationTest
{
    private static void assertRejected(final Executable build, final String... fragments)
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        for (final String fragment : fragments)
        {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' should contain '" + fragment + "'");
        }
    }

    private static HedgePolicy.Builder btc()
    {
        return HedgePolicy.builder("BTC", "0.0001").band(new FixedBand(0.5, DeltaUnit.COIN));
    }

    @Test
    void acceptsAValidPolicyAndDefaultsTheMinimumTradeToOneLot()
    {
        final HedgePolicy policy = btc().build();
        assertEquals(new BigDecimal("0.0001"), policy.minTradeSizeCoin());
        assertEquals(0L, policy.rebalanceIntervalMs());
        assertEquals(15 * 60_000L, btc().every(15, ScheduleMode.REBALANCE).build().rebalanceIntervalMs());
    }

    @Test
    void rejectsAPolicyThatCouldNeverHedge()
    {
        assertRejected(
            () -> HedgePolicy.builder("BTC", "0.0001").build(),
            "policy[BTC].band", "NONE", "rebalanceIntervalMinutes is 0", "configure a band, a time interval");
    }

    @Test
    void rejectsCheckingABandOnScheduleWithoutABand()
    {
        assertRejected(
            () -> HedgePolicy.builder("BTC", "0.0001").every(5, ScheduleMode.CHECK_BAND).build(),
            "CHECK_BAND needs a band");
    }

    @Test
    void rejectsBadNumbersNamingFieldValueAndFix()
    {
        assertRejected(() -> btc().target(Double.NaN, DeltaUnit.COIN).build(), "policy[BTC].target", "NaN", "use 0");
        assertRejected(() -> btc().every(-1, ScheduleMode.REBALANCE).build(), "rebalanceIntervalMinutes", "-1");
        assertRejected(() -> btc().every(1441, ScheduleMode.REBALANCE).build(), "rebalanceIntervalMinutes", "1441");
        assertRejected(() -> btc().rearm(1.0, 60_000).build(), "rearmFraction", "[0, 1)", "1.0", "e.g. 0.5");
        assertRejected(() -> btc().rearm(-0.1, 60_000).build(), "rearmFraction", "-0.1");
        assertRejected(() -> btc().rearm(0.5, 0).build(), "rearmAfterMs", "was 0");
        assertRejected(() -> btc().maxOrdersPerMinute(0).build(), "maxOrdersPerMinute", "was 0");
        assertRejected(() -> btc().maxOrdersPerMinute(601).build(), "maxOrdersPerMinute", "601");
        assertRejected(() -> HedgePolicy.builder("BTC", "0").band(HedgeBand.NONE).every(1, ScheduleMode.REBALANCE)
            .build(), "lotSizeCoin", "was 0", "e.g. 0.0001");
        assertRejected(() -> HedgePolicy.builder("BTC", "-0.1").every(1, ScheduleMode.REBALANCE).build(),
            "lotSizeCoin", "-0.1");
        assertRejected(() -> btc().minTradeSizeCoin("0.00015").build(),
            "minTradeSizeCoin", "whole multiple of lotSizeCoin (0.0001)", "0.00015");
        assertRejected(() -> btc().minTradeSizeCoin("0.00005").build(), "minTradeSizeCoin", "0.00005");
        assertRejected(() -> HedgePolicy.builder(" ", "0.1").build(), "policy.underlying is missing");
        assertRejected(() -> HedgePolicy.builder("BTC", "0,1"), "policy[BTC].lotSizeCoin", "decimal", "'0,1'");
        assertRejected(() -> btc().minTradeSizeCoin("1e"), "policy[BTC].minTradeSizeCoin", "'1e'");
        assertRejected(() -> btc().deltaMeasure(null).build(), "deltaMeasure is missing", "PREMIUM_ADJUSTED");
        assertRejected(() -> btc().band(null).build(), "band is missing");
    }

    @Test
    void rejectsBadBands()
    {
        assertRejected(() -> new FixedBand(0.0, DeltaUnit.COIN), "band.halfWidth", "> 0 COIN", "was 0.0");
        assertRejected(() -> new FixedBand(Double.POSITIVE_INFINITY, DeltaUnit.USD), "band.halfWidth", "Infinity");
        assertRejected(() -> new FixedBand(1.0, null), "band.unit is missing");
        assertRejected(() -> new WhalleyWilmottBand(0.0, 1e-4, 0.1, 5.0), "band.proportionalCost", "was 0.0", "5 bp");
        assertRejected(() -> new WhalleyWilmottBand(0.2, 1e-4, 0.1, 5.0), "band.proportionalCost", "0.2");
        assertRejected(() -> new WhalleyWilmottBand(5e-4, 0.0, 0.1, 5.0), "band.riskAversionPerUsd", "was 0.0");
        assertRejected(() -> new WhalleyWilmottBand(5e-4, Double.NaN, 0.1, 5.0), "band.riskAversionPerUsd", "NaN");
        assertRejected(() -> new WhalleyWilmottBand(5e-4, 1e-4, 0.0, 5.0), "band.minHalfWidthCoin", "gamma is 0");
        assertRejected(() -> new WhalleyWilmottBand(5e-4, 1e-4, 0.1, 0.05), "band.maxHalfWidthCoin", "0.05", "(0.1)");
    }
}
