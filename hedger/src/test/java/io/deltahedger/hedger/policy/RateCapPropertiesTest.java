package io.deltahedger.hedger.policy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class RateCapPropertiesTest
{
    @Property(seed = "777", tries = 300)
    void noPolicyTradesMoreThanItsCapInAnyRollingMinute(
        @ForAll @IntRange(min = 1, max = 12) final int cap,
        @ForAll @IntRange(min = 0, max = 2) final int bandKind,
        @ForAll @IntRange(min = 0, max = 3) final int intervalMinutes,
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed)
    {
        final HedgeBand band = switch (bandKind)
        {
            case 0 -> new FixedBand(0.05, DeltaUnit.COIN);
            case 1 -> new WhalleyWilmottBand(0.0005, 1e-4, 0.01, 1.0);
            default -> intervalMinutes == 0 ? new FixedBand(2_000.0, DeltaUnit.USD) : HedgeBand.NONE;
        };
        final HedgeDecider decider = new HedgeDecider(HedgePolicy.builder("BTC", "0.001")
            .band(band)
            .every(intervalMinutes, ScheduleMode.REBALANCE)
            .rebalanceTo(seed % 2 == 0 ? RebalanceTo.TARGET : RebalanceTo.BAND_EDGE)
            .rearm(0.3, 1 + seed % 20_000)
            .maxOrdersPerMinute(cap)
            .build());
        final SplittableRandom random = new SplittableRandom(seed);
        final HedgeDecision out = new HedgeDecision();
        final List<Long> tradeTimes = new ArrayList<>();
        long now = 1_700_000_000_000L;
        double hedge = 0.0;
        double market = 0.0;
        for (int step = 0; step < 2_000; step++)
        {
            now += random.nextInt(4) == 0 ? 0 : random.nextInt(3_000);
            market += random.nextDouble(-0.4, 0.4);
            if (random.nextInt(50) == 0)
            {
                decider.requestFlatten();
            }
            if (random.nextInt(5) == 0)
            {
                decider.rearm(); // an adversarial execution stage that re-arms as often as it can
            }
            decider.decide(market + hedge, random.nextDouble(0.0, 0.01), 60_000.0, now, out);
            if (out.trades())
            {
                assertNotEquals(0, out.lots());
                tradeTimes.add(now);
                if (random.nextBoolean())
                {
                    hedge += out.quantityCoin(); // filled, or not
                }
            }
        }
        for (int i = cap; i < tradeTimes.size(); i++)
        {
            final long span = tradeTimes.get(i) - tradeTimes.get(i - cap);
            assertTrue(span >= HedgePolicy.RATE_WINDOW_MS,
                "trade " + i + " is the " + (cap + 1) + "th within " + span + " ms");
        }
    }

    @Property(seed = "99", tries = 300)
    void theRingAgreesWithCountingEveryEventInTheWindow(
        @ForAll @IntRange(min = 1, max = 8) final int max,
        @ForAll @LongRange(min = 1, max = 10_000) final long windowMs,
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed)
    {
        final RollingRateCap cap = new RollingRateCap(max, windowMs);
        final List<Long> events = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(seed);
        long now = 0;
        for (int i = 0; i < 500; i++)
        {
            now += random.nextLong(windowMs / 2 + 1);
            final long t = now;
            final long inWindow = events.stream().filter(e -> e > t - windowMs).count();
            assertEquals(inWindow < max, cap.allows(now));
            if (cap.allows(now) && random.nextBoolean())
            {
                cap.record(now);
                events.add(now);
            }
        }
    }
}
