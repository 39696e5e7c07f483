package io.deltahedger.hedger.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TimeRebalanceTest
{
    private static final long MINUTE = 60_000L;
    /** 2023-11-14T22:13:20Z: not on a 15-minute boundary. */
    private static final long START = 1_700_000_000_000L;

    private final HedgeDecision out = new HedgeDecision();

    @Test
    void firesExactlyOnEveryIntervalBoundaryOfAFakeClock()
    {
        final HedgeDecider decider = new HedgeDecider(
            HedgePolicy.builder("BTC", "0.01").every(15, ScheduleMode.REBALANCE).build());
        final List<Long> fired = new ArrayList<>();
        for (long now = START; now <= START + 120 * MINUTE; now += 1_000)
        {
            // no hedge is applied: the delta stays away from the target, so every due time trades
            decider.decide(0.37, 0.0, 50_000.0, now, out);
            if (out.trades())
            {
                assertEquals(HedgeReason.TIME_REBALANCE, out.reason());
                assertEquals(-37, out.lots());
                fired.add(now);
            }
            else
            {
                assertEquals(HedgeReason.INSIDE_BAND, out.reason());
            }
        }
        final long firstBoundary = (START / (15 * MINUTE) + 1) * 15 * MINUTE;
        final List<Long> expected = new ArrayList<>();
        for (long t = firstBoundary; t <= START + 120 * MINUTE; t += 15 * MINUTE)
        {
            expected.add(t);
        }
        assertEquals(8, expected.size());
        assertEquals(expected, fired);
    }

    @Test
    void missedBoundariesFireOnceNotAsACatchUpBurst()
    {
        final HedgeDecider decider = new HedgeDecider(
            HedgePolicy.builder("BTC", "0.01").every(1, ScheduleMode.REBALANCE).build());
        decider.decide(0.5, 0.0, 50_000.0, 0, out);
        assertFalse(out.trades());
        assertEquals(MINUTE, decider.nextScheduledMs());
        decider.decide(0.5, 0.0, 50_000.0, 10 * MINUTE + 5, out);
        assertEquals(HedgeReason.TIME_REBALANCE, out.reason());
        assertEquals(11 * MINUTE, decider.nextScheduledMs());
        decider.decide(0.5, 0.0, 50_000.0, 10 * MINUTE + 6, out);
        assertFalse(out.trades());
    }

    @Test
    void aTimeRebalanceWithNothingToTradeUsesItsSlot()
    {
        final HedgeDecider decider = new HedgeDecider(
            HedgePolicy.builder("BTC", "0.01").every(1, ScheduleMode.REBALANCE).minTradeSizeCoin("0.1").build());
        decider.decide(0.05, 0.0, 50_000.0, 0, out);
        decider.decide(0.05, 0.0, 50_000.0, MINUTE, out);
        assertEquals(HedgeReason.BELOW_MIN_SIZE, out.reason());
        decider.decide(0.5, 0.0, 50_000.0, MINUTE + 1, out);
        assertEquals(HedgeReason.INSIDE_BAND, out.reason());
        assertEquals(2 * MINUTE, decider.nextScheduledMs());
    }

    @Test
    void combinedWithABandTheBandTriggersBetweenScheduledRebalances()
    {
        final HedgeDecider decider = new HedgeDecider(HedgePolicy.builder("BTC", "0.01")
            .band(new FixedBand(0.5, DeltaUnit.COIN)).every(15, ScheduleMode.REBALANCE).build());
        decider.decide(0.2, 0.0, 50_000.0, 0, out);
        assertEquals(HedgeReason.INSIDE_BAND, out.reason());
        decider.decide(0.6, 0.0, 50_000.0, 5 * MINUTE, out);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
        assertEquals(-60, out.lots());
        // the schedule rebalances a delta inside the band all the way to the target, hysteresis or not
        decider.decide(0.3, 0.0, 50_000.0, 15 * MINUTE, out);
        assertEquals(HedgeReason.TIME_REBALANCE, out.reason());
        assertEquals(-30, out.lots());
    }

    @Test
    void checkBandModeLooksAtTheBandOnlyOnTheSchedule()
    {
        final HedgeDecider decider = new HedgeDecider(HedgePolicy.builder("BTC", "0.01")
            .band(new FixedBand(0.5, DeltaUnit.COIN)).every(5, ScheduleMode.CHECK_BAND).build());
        decider.decide(0.9, 0.0, 50_000.0, 0, out);
        assertEquals(HedgeReason.AWAITING_SCHEDULE, out.reason());
        decider.decide(0.9, 0.0, 50_000.0, 5 * MINUTE - 1, out);
        assertEquals(HedgeReason.AWAITING_SCHEDULE, out.reason());
        decider.decide(0.9, 0.0, 50_000.0, 5 * MINUTE, out);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
        assertEquals(-90, out.lots());
        // inside the band at the next check: nothing, and the slot is used
        decider.decide(0.4, 0.0, 50_000.0, 10 * MINUTE, out);
        assertEquals(HedgeReason.INSIDE_BAND, out.reason());
        decider.decide(0.9, 0.0, 50_000.0, 10 * MINUTE + 1, out);
        assertEquals(HedgeReason.AWAITING_SCHEDULE, out.reason());
        // sampled on a schedule, the band is not subject to hysteresis
        decider.decide(0.9, 0.0, 50_000.0, 15 * MINUTE, out);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
    }

    @Test
    void aRebalanceHeldBackByTheRateCapStaysDueUntilAllowed()
    {
        final HedgeDecider decider = new HedgeDecider(HedgePolicy.builder("BTC", "0.01")
            .band(new FixedBand(0.5, DeltaUnit.COIN)).every(15, ScheduleMode.REBALANCE).maxOrdersPerMinute(1).build());
        decider.decide(0.0, 0.0, 50_000.0, 0, out);
        decider.decide(0.6, 0.0, 50_000.0, 15 * MINUTE - 10_000, out);
        assertEquals(HedgeReason.BAND_BREACH, out.reason());
        decider.decide(0.3, 0.0, 50_000.0, 15 * MINUTE, out);
        assertEquals(HedgeReason.SUPPRESSED_RATE_CAP, out.reason());
        decider.decide(0.3, 0.0, 50_000.0, 15 * MINUTE + 49_999, out);
        assertEquals(HedgeReason.SUPPRESSED_RATE_CAP, out.reason());
        decider.decide(0.3, 0.0, 50_000.0, 15 * MINUTE + 50_000, out);
        assertEquals(HedgeReason.TIME_REBALANCE, out.reason());
        assertEquals(30 * MINUTE, decider.nextScheduledMs());
    }
}
