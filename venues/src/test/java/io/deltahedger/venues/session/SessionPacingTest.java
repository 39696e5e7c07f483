package io.deltahedger.venues.session;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class SessionPacingTest
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    void creditLimiterAllowsBurstThenRefillsAtRate()
    {
        // Deribit's default non-matching pool: 50,000 credits, 10,000/s, 500 per request => burst of 100.
        final CreditLimiter limiter = new CreditLimiter(50_000, 10_000, 0);
        int sent = 0;
        while (limiter.tryAcquire(500, 0))
        {
            sent++;
        }
        assertEquals(100, sent);
        assertEquals(50_000_000L, limiter.nanosUntilAvailable(500, 0)); // 500 credits at 10,000/s = 50 ms
        assertFalse(limiter.tryAcquire(500, 49_999_999L));
        assertTrue(limiter.tryAcquire(500, 50_000_000L));
    }

    @Test
    void creditLimiterNeverExceedsItsPool()
    {
        final CreditLimiter limiter = new CreditLimiter(1_000, 100, 0);
        assertEquals(1_000, limiter.available(3_600 * SECOND));
    }

    @Test
    void drainedLimiterWaitsForRefill()
    {
        final CreditLimiter limiter = new CreditLimiter(30_000, 1_000, 0);
        limiter.drain(0);
        assertFalse(limiter.tryAcquire(3_000, SECOND));
        assertTrue(limiter.tryAcquire(3_000, 3 * SECOND));
    }

    @Test
    void rejectsCostLargerThanThePool()
    {
        final CreditLimiter limiter = new CreditLimiter(1_000, 100, 0);
        assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire(1_001, 0));
        assertThrows(IllegalArgumentException.class, () -> limiter.tryAcquire(0, 0));
    }

    @Property(seed = "42", tries = 300)
    void manySmallStepsRefillExactlyAsOneLargeStep(
        @ForAll @IntRange(min = 1, max = 2_000) final int steps,
        @ForAll @LongRange(min = 1, max = 10_000_000) final long stepNs)
    {
        final CreditLimiter stepped = new CreditLimiter(1_000_000, 7_777, 0);
        final CreditLimiter once = new CreditLimiter(1_000_000, 7_777, 0);
        stepped.drain(0);
        once.drain(0);
        long now = 0;
        for (int i = 0; i < steps; i++)
        {
            now += stepNs;
            stepped.available(now);
        }
        assertEquals(once.available(now), stepped.available(now));
        assertEquals(Math.min(1_000_000, now * 7_777 / SECOND), once.available(now));
    }

    @Test
    void backoffGrowsExponentiallyWithinItsCapsAndResets()
    {
        final ReconnectBackoff backoff = new ReconnectBackoff(250_000_000L, 30 * SECOND, new SplittableRandom(7));
        long previousCap = 0;
        for (int i = 0; i < 40; i++)
        {
            final long cap = backoff.capNs(backoff.failures());
            final long delay = backoff.nextDelayNs();
            assertTrue(delay >= 250_000_000L / 4 && delay <= cap, "attempt " + i + " delay " + delay + " cap " + cap);
            assertTrue(cap >= previousCap);
            previousCap = cap;
        }
        assertEquals(30 * SECOND, backoff.capNs(backoff.failures()));
        backoff.reset();
        assertEquals(250_000_000L, backoff.capNs(backoff.failures()));
    }

    @Test
    void backoffIsDeterministicForASeed()
    {
        final ReconnectBackoff a = new ReconnectBackoff(100, 10_000, new SplittableRandom(3));
        final ReconnectBackoff b = new ReconnectBackoff(100, 10_000, new SplittableRandom(3));
        for (int i = 0; i < 20; i++)
        {
            assertEquals(a.nextDelayNs(), b.nextDelayNs());
        }
    }

    @Test
    void livenessProbesAfterSilenceThenTimesOut()
    {
        final LivenessDetector liveness = new LivenessDetector(10 * SECOND, 30 * SECOND, 0);
        assertEquals(LivenessDetector.Verdict.ALIVE, liveness.poll(9 * SECOND));
        assertEquals(LivenessDetector.Verdict.PROBE, liveness.poll(10 * SECOND));
        assertEquals(LivenessDetector.Verdict.ALIVE, liveness.poll(11 * SECOND)); // one probe per interval
        assertEquals(LivenessDetector.Verdict.PROBE, liveness.poll(20 * SECOND));
        liveness.onMessageReceived(21 * SECOND);
        assertEquals(LivenessDetector.Verdict.ALIVE, liveness.poll(30 * SECOND));
        assertEquals(LivenessDetector.Verdict.TIMED_OUT, liveness.poll(51 * SECOND));
    }

    @Test
    void livenessRefusesATimeoutShorterThanTwoHeartbeats()
    {
        assertThrows(IllegalArgumentException.class, () -> new LivenessDetector(10, 15, 0));
    }
}
