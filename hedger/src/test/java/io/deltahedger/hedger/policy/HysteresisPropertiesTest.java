package io.deltahedger.hedger.policy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class HysteresisPropertiesTest
{
    @Property(seed = "31337", tries = 300)
    void aDeltaThatNeverComesBackInsideTheReArmBandTradesOnceWhateverItsOscillation(
        @ForAll @DoubleRange(min = 0.05, max = 2.0) final double halfWidth,
        @ForAll @DoubleRange(min = 0.0, max = 0.95) final double rearmFraction,
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed)
    {
        final HedgeDecider decider = new HedgeDecider(HedgePolicy.builder("BTC", "0.001")
            .band(new FixedBand(halfWidth, DeltaUnit.COIN))
            .rebalanceTo(seed % 2 == 0 ? RebalanceTo.TARGET : RebalanceTo.BAND_EDGE)
            .rearm(rearmFraction, 3_600_000)
            .maxOrdersPerMinute(600)
            .build());
        final SplittableRandom random = new SplittableRandom(seed);
        final HedgeDecision out = new HedgeDecision();
        final double rearmEdge = rearmFraction * halfWidth + 0.001;
        int trades = 0;
        long now = 0;
        for (int step = 0; step < 1_000; step++)
        {
            now += random.nextInt(1_000);
            // anywhere on either side, as long as it stays outside the re-arm band: in and out of the band
            final double distance = rearmEdge + 1e-9 + random.nextDouble(0.0, 2.0 * halfWidth);
            decider.decide(random.nextBoolean() ? distance : -distance, 0.0, 60_000.0, now, out);
            trades += out.trades() ? 1 : 0;
        }
        assertTrue(trades <= 1, trades + " trades");
    }
}
