package io.deltahedger.hedger.execution;

import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * De-risking groups in the {@link GroupExecutor} ({@link ExecutorRig}: two accounts with a linear BTCUSDT each): one
 * slot per account beside the hedge slot, reduce-only IOC orders, short legs retried on their own route only, never
 * compensated.
 */
class DeRiskGroupTest
{
    private static final long T0 = ExecutorRig.T0;

    /** Buy back 800 lots of a short on account 0, at most 0.5% above the 50,000 mark. */
    private static LegGroup cut(final long lots)
    {
        return new LegGroup(16).add(0, 0, Side.BUY, lots, 50_250.0);
    }

    @Test
    void aDeRiskGroupSendsReduceOnlyIocLimitOrdersAndCompletesOnItsFills()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config().withFirstGroupId(7));
        final long id = rig.executor.startDeRisk(0, cut(800), T0);
        assertEquals(7, id);
        assertEquals(7, rig.executor.openDeRiskGroupId(0));
        assertEquals(-1, rig.executor.openGroupId(0), "the hedge slot of the underlying stays free");
        final OrderRequest order = rig.a.last();
        assertEquals(new ClientOrderId(7, 0, 0), order.clientOrderId());
        assertTrue(order.reduceOnly());
        assertEquals(Side.BUY, order.side());
        assertEquals(OrderType.LIMIT, order.type());
        assertEquals(TimeInForce.IOC, order.timeInForce());
        assertEquals(800, order.amountLots());
        assertEquals(502_500, order.priceTicks());
        assertEquals(-1, rig.executor.status().openGroups().get(0).underlying());

        rig.report(0, Reports.fill(order, 800, 800, 500_100, T0 + 3), T0 + 3);
        final GroupOutcome outcome = rig.outcome();
        assertEquals(GroupState.COMPLETE, outcome.state());
        assertTrue(outcome.deRisk());
        assertEquals(-1, outcome.underlying());
        assertEquals(0, outcome.deRiskAccount());
        assertEquals(0.8, outcome.decidedCoin(), 1e-12);
        assertEquals(0.8, outcome.filledCoin(), 1e-12);
        assertEquals(-1, rig.executor.openDeRiskGroupId(0));
        assertEquals(1, rig.a.accountRequests(), "the account is refreshed after the cut");
    }

    @Test
    void aShortCutIsRetriedOnItsOwnPositionAndWhatFilledStaysAtTheDeadline()
    {
        final ExecutionConfig config = ExecutorRig.config().withTimeouts(1_000, 2_000, 100);
        final ExecutorRig rig = new ExecutorRig(config);
        rig.executor.startDeRisk(0, cut(800), T0);
        final OrderRequest first = rig.a.last();
        rig.report(0, Reports.fill(first, 300, 300, 500_100, T0 + 1), T0 + 1);
        rig.report(0, Reports.canceled(first, 300, T0 + 2), T0 + 2);
        rig.executor.poll(T0 + 50);
        assertEquals(1, rig.a.placed().size(), "the retry waits retryIntervalMs");
        rig.executor.poll(T0 + 102);
        final OrderRequest retry = rig.a.last();
        assertEquals(new ClientOrderId(first.clientOrderId().groupId(), 0, 1), retry.clientOrderId());
        assertEquals(500, retry.amountLots(), "the remainder, on the same position");
        assertTrue(retry.reduceOnly());
        assertEquals(List.of(), rig.b.placed(), "never converted onto another account's instrument");

        rig.report(0, Reports.canceled(retry, 0, T0 + 103), T0 + 103);
        rig.executor.poll(T0 + 1_000);
        final GroupOutcome outcome = rig.outcome();
        assertEquals(GroupState.DE_RISK_SHORT, outcome.state());
        assertEquals(300, outcome.legs().get(0).filledLots());
        assertEquals(0, outcome.legs().get(0).reversedLots(), "a cut only lowers risk: never reversed");
        assertEquals(0.3, outcome.filledCoin(), 1e-12);
        for (final OrderRequest o : rig.a.placed())
        {
            assertEquals(Side.BUY, o.side(), "no compensating sell");
        }
    }

    @Test
    void aHedgeGroupAndADeRiskGroupRunSideBySideAndKillEndsBoth()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        final long deRisk = rig.executor.startDeRisk(1, new LegGroup(4).add(1, 1, Side.SELL, 400, 49_750.0), T0);
        final long hedge = rig.start(ExecutorRig.sell(2_500, 0));
        assertEquals(2, rig.executor.status().openGroups().size());
        assertTrue(rig.b.last().reduceOnly());
        assertTrue(!rig.a.last().reduceOnly(), "a hedge order is not reduce-only");

        rig.executor.onCommand(EngineCommand.KILL, "desk", T0 + 10);
        assertEquals(2, rig.done.size());
        for (final GroupOutcome o : rig.done)
        {
            assertEquals(GroupState.KILLED, o.state());
            assertEquals(o.groupId() == deRisk, o.deRisk());
            assertTrue(o.groupId() == deRisk || o.groupId() == hedge);
        }
    }

    @Test
    void aDeRiskGroupCutsOneAccountAtATime()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        final IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
            () -> rig.executor.startDeRisk(0, new LegGroup(4).add(0, 0, Side.BUY, 1, 50_000).add(1, 1, Side.BUY, 1,
                50_000), T0));
        assertTrue(other.getMessage().contains("one account only"), other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rig.executor.startDeRisk(0, new LegGroup(4), T0));
        rig.executor.startDeRisk(0, cut(10), T0);
        final IllegalStateException twice = assertThrows(IllegalStateException.class,
            () -> rig.executor.startDeRisk(0, cut(10), T0));
        assertTrue(twice.getMessage().contains("still in flight"), twice.getMessage());

        final long blocked = rig.executor.blockDeRisk(1, new LegGroup(4).add(1, 1, Side.SELL, 5, 49_750.0), "killed", T0);
        final GroupOutcome outcome = rig.done.get(0);
        assertEquals(blocked, outcome.groupId());
        assertEquals(GroupState.BLOCKED, outcome.state());
        assertTrue(outcome.deRisk());
        assertEquals(1, outcome.deRiskAccount());
        assertEquals(List.of(), rig.b.placed());
    }
}
