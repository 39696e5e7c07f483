package io.deltahedger.hedger.execution;

import io.deltahedger.venues.order.OrderRequest;
import org.junit.jupiter.api.Test;

import static io.deltahedger.hedger.execution.ExecutorRig.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each trip condition, its window, and that only a reset clears it. */
class CircuitBreakerTest
{
    /** 3 in a row, 5 per 10 s, 50 bp, 1,000 USD per 60 s. */
    private static final CircuitBreakerConfig CONFIG = new CircuitBreakerConfig(3, 5, 10_000, 50, 1_000, 60_000);

    @Test
    void tripsOnARunOfRejectsThatNoFillInterrupts()
    {
        final CircuitBreaker breaker = new CircuitBreaker(CONFIG);
        breaker.onReject(T0);
        breaker.onReject(T0 + 1);
        breaker.onFill(T0 + 2, 0, 0);
        breaker.onReject(T0 + 3);
        breaker.onReject(T0 + 4);
        assertFalse(breaker.tripped(), "the fill broke the run");
        breaker.onReject(T0 + 5);
        assertTrue(breaker.tripped());
        assertEquals("3 consecutive rejects", breaker.reason());
        assertEquals(T0 + 5, breaker.trippedAtMs());
    }

    @Test
    void tripsOnTooManyRejectsWithinTheWindowOnly()
    {
        final CircuitBreaker spread = new CircuitBreaker(CONFIG);
        for (int k = 0; k < 10; k++)
        {
            spread.onReject(T0 + k * 2_600L);
            spread.onFill(T0 + k * 2_600L + 1, 0, 0);
        }
        assertFalse(spread.tripped(), "5 rejects span 10.4 s, more than the window");

        final CircuitBreaker dense = new CircuitBreaker(CONFIG);
        for (int k = 0; k < 5; k++)
        {
            dense.onReject(T0 + k * 2_000L);
            dense.onFill(T0 + k * 2_000L + 1, 0, 0);
        }
        assertTrue(dense.tripped());
        assertEquals("5 rejects within 10000 ms", dense.reason());
    }

    @Test
    void tripsOnOneFillSlippingBeyondTheBound()
    {
        final CircuitBreaker breaker = new CircuitBreaker(CONFIG);
        breaker.onFill(T0, 50.0, 1);
        breaker.onFill(T0, -200.0, -10);
        assertFalse(breaker.tripped(), "at the bound, or a price improvement, is fine");
        breaker.onFill(T0, 50.5, 1);
        assertTrue(breaker.tripped());
        assertTrue(breaker.reason().startsWith("fill slipped 50.5 bp"), breaker.reason());
    }

    @Test
    void tripsOnSlippageLossesWithinTheWindowOnly()
    {
        final CircuitBreaker breaker = new CircuitBreaker(CONFIG);
        breaker.onFill(T0, 10, 600);
        breaker.onFill(T0 + 61_000, 10, 600);
        assertFalse(breaker.tripped(), "the first loss left the window");
        assertEquals(600, breaker.lossWithinWindow(T0 + 61_000), 1e-9);
        breaker.onFill(T0 + 62_000, 10, 401);
        assertTrue(breaker.tripped());
        assertTrue(breaker.reason().startsWith("hedge slippage losses of 1001 USD"), breaker.reason());
    }

    @Test
    void staysTrippedWithItsFirstReasonUntilReset()
    {
        final CircuitBreaker breaker = new CircuitBreaker(CONFIG);
        breaker.trip(T0, "first");
        breaker.trip(T0 + 1, "second");
        breaker.onFill(T0 + 2, 0, 0);
        assertTrue(breaker.tripped());
        assertEquals("first", breaker.reason());
        breaker.reset();
        assertFalse(breaker.tripped());
        assertEquals("", breaker.reason());
        breaker.onReject(T0 + 3);
        breaker.onReject(T0 + 4);
        assertFalse(breaker.tripped(), "counts start afresh after a reset");
    }

    @Test
    void anAdverseFillOfAGroupTripsTheExecutorsBreakerAndResumeClearsIt()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutionConfig.defaults());
        rig.start(ExecutorRig.sell(2_500, 0));
        final OrderRequest order = rig.a.last();
        // a sell filled at 49,700 against the decision's mark of 50,000: 60 bp adverse, over the 50 bp default
        rig.report(0, Reports.fill(order, 2_500, 2_500, 497_000, T0 + 1), T0 + 1);
        assertEquals(GroupState.COMPLETE, rig.outcome().state(), "the group itself still completes");
        assertTrue(rig.executor.breaker().tripped());
        assertTrue(rig.executor.status().breakerTripped());
        assertTrue(rig.executor.status().breakerReason().startsWith("fill slipped 60.0 bp"));
        rig.executor.onCommand(EngineCommand.RESET_BREAKER, "ops", T0 + 2);
        assertFalse(rig.executor.refusesNewGroups());
        assertEquals(1, rig.executor.breakerResets());
    }

    @Test
    void badSettingsNameTheSettingAndAFix()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new CircuitBreakerConfig(0, 5, 10_000, 50, 1_000, 60_000));
        assertTrue(e.getMessage().contains("maxConsecutiveRejects must be >= 1, was 0: e.g. 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreakerConfig(3, 5, 10_000, Double.NaN, 1_000, 60_000));
        final IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
            () -> ExecutionConfig.defaults().withTimeouts(0, 1, 1));
        assertTrue(t.getMessage().contains("groupTimeoutMs must be > 0, was 0"), t.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SlicingPolicy.Twap(1, 100));
        assertThrows(IllegalArgumentException.class, () -> new SlicingPolicy.Iceberg(0));
    }
}
