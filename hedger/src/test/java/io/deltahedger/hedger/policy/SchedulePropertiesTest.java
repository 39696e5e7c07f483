package io.deltahedger.hedger.policy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class SchedulePropertiesTest
{
    @Property(seed = "1440", tries = 300)
    void aTimeRebalanceHappensExactlyWhenADecisionIsTheFirstAtOrAfterABoundary(
        @ForAll @IntRange(min = 1, max = 60) final int minutes,
        @ForAll @LongRange(min = 1, max = 180_000) final long maxStepMs,
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed)
    {
        final long intervalMs = minutes * 60_000L;
        final HedgeDecider decider = new HedgeDecider(
            HedgePolicy.builder("BTC", "0.01").every(minutes, ScheduleMode.REBALANCE).build());
        final SplittableRandom random = new SplittableRandom(seed);
        final HedgeDecision out = new HedgeDecision();
        long now = 1_700_000_000_000L + random.nextLong(intervalMs);
        decider.decide(1.0, 0.0, 60_000.0, now, out);
        assertFalse(out.trades());
        for (int step = 0; step < 2_000; step++)
        {
            final long previous = now;
            now += random.nextLong(maxStepMs + 1);
            decider.decide(1.0, 0.0, 60_000.0, now, out);
            final boolean crossedABoundary = Math.floorDiv(now, intervalMs) > Math.floorDiv(previous, intervalMs);
            assertEquals(crossedABoundary, out.trades(), "at " + now + " after " + previous);
            if (out.trades())
            {
                assertEquals(HedgeReason.TIME_REBALANCE, out.reason());
                assertEquals(-100, out.lots());
            }
        }
    }
}
