package io.deltahedger.hedger.execution;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.TimeInForce;
import io.deltahedger.marginmonitor.gate.LegGroup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.deltahedger.hedger.execution.ExecutorRig.T0;
import static io.deltahedger.hedger.execution.Reports.ack;
import static io.deltahedger.hedger.execution.Reports.canceled;
import static io.deltahedger.hedger.execution.Reports.fill;
import static io.deltahedger.hedger.execution.Reports.filled;
import static io.deltahedger.hedger.execution.Reports.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The group state machine, transition by transition, against recording gateways. */
class GroupExecutorTest
{
    @Test
    void aFullFillEndsTheGroupCompleteAndRefreshesTheAccount()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config().withFirstGroupId(41));
        assertEquals(41, rig.start(ExecutorRig.sell(2_500, 0)));

        final OrderRequest order = rig.a.last();
        assertEquals(new ClientOrderId(41, 0, 0), order.clientOrderId());
        assertEquals(Side.SELL, order.side());
        assertEquals(OrderType.LIMIT, order.type());
        assertEquals(TimeInForce.IOC, order.timeInForce());
        assertEquals(499_500, order.priceTicks(), "49,950 on the 0.1 grid");
        assertEquals(2_500, order.amountLots());
        assertFalse(order.reduceOnly());
        assertEquals(Side.SELL, rig.sides.sideOf(order.clientOrderId()));
        assertEquals(41, rig.executor.openGroupId(0));
        assertEquals(1, rig.executor.status().openGroups().size());

        rig.report(0, ack(order, T0 + 1), T0 + 1);
        rig.report(0, fill(order, 1_000, 1_000, 499_990, T0 + 2), T0 + 2);
        assertTrue(rig.done.isEmpty());
        rig.report(0, fill(order, 1_500, 2_500, 499_980, T0 + 3), T0 + 3);

        final GroupOutcome outcome = rig.outcome();
        assertEquals(GroupState.COMPLETE, outcome.state());
        assertEquals(-2.5, outcome.filledCoin(), 1e-12);
        assertEquals(-2.5, outcome.decidedCoin(), 1e-12);
        assertEquals(T0 + 3, outcome.endedMs());
        final LegOutcome leg = outcome.legs().get(0);
        assertEquals(2_500, leg.filledLots());
        assertEquals(2_500, leg.sentLots());
        assertEquals(2_500, leg.ackedLots());
        assertEquals((1_000 * 49_999.0 + 1_500 * 49_998.0) / 2_500, leg.averagePrice(), 1e-9);
        assertEquals(1, leg.attempts());
        assertEquals(1, rig.a.accountRequests(), "the touched account is re-read after the group");
        assertEquals(0, rig.b.accountRequests(), "an account the group did not send to is not");
        assertEquals(-1, rig.executor.openGroupId(0));
        assertEquals(42, rig.executor.nextGroupId());
    }

    @Test
    void limitPricesRoundToTheProtectiveSideOfTheTickGrid()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        rig.executor.start(0, new LegGroup(2).add(0, 0, Side.SELL, 10, 49_950.04), rig.decision, T0);
        assertEquals(499_501, rig.a.last().priceTicks(), "a sell never goes below its bound: rounded up");
        rig.report(0, Reports.filled(rig.a.last(), T0), T0);

        rig.executor.start(0, new LegGroup(2).add(0, 0, Side.BUY, 10, 49_950.06), rig.decision, T0);
        assertEquals(499_500, rig.a.last().priceTicks(), "a buy never goes above its bound: rounded down");
    }

    @Test
    void aPartialFillAndCancelledRemainderIsReRoutedToTheOtherAccountAfterTheRetryInterval()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        rig.start(ExecutorRig.sell(2_000, 500));
        final OrderRequest onA = rig.a.last();
        final OrderRequest onB = rig.b.last();
        assertEquals(new ClientOrderId(1, 0, 0), onA.clientOrderId());
        assertEquals(new ClientOrderId(1, 1, 0), onB.clientOrderId());

        rig.report(1, filled(onB, T0 + 5), T0 + 5);
        rig.report(0, fill(onA, 1_200, 1_200, 499_600, T0 + 6), T0 + 6);
        rig.report(0, canceled(onA, 1_200, T0 + 7), T0 + 7);
        rig.executor.poll(T0 + 100);
        assertEquals(1, rig.b.placed().size(), "no re-route before the retry interval");

        rig.executor.poll(T0 + 7 + ExecutionConfig.DEFAULT_RETRY_INTERVAL_MS);
        final OrderRequest reRouted = rig.b.last();
        assertEquals(new ClientOrderId(1, 1, 1), reRouted.clientOrderId(), "a new attempt of the other account's leg");
        assertEquals(800, reRouted.amountLots());
        assertEquals(499_500, reRouted.priceTicks(), "price protection still applies");
        assertEquals(1, rig.a.placed().size());

        rig.report(1, filled(reRouted, T0 + 300), T0 + 300);
        final GroupOutcome outcome = rig.outcome();
        assertEquals(GroupState.COMPLETE, outcome.state());
        assertEquals(List.of(1_200L, 1_300L), outcome.legs().stream().map(LegOutcome::filledLots).toList());
        assertEquals(List.of(1_200L, 1_300L), outcome.legs().stream().map(LegOutcome::wantedLots).toList());
        assertEquals(-2.5, outcome.filledCoin(), 1e-12);
        assertEquals(1, rig.a.accountRequests());
        assertEquals(1, rig.b.accountRequests());
    }

    @Test
    void aNotConnectedAccountsLotsMoveAtOnceToTheOtherAccount()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        rig.a.answer(SendResult.NOT_CONNECTED);
        rig.start(ExecutorRig.sell(2_000, 500));
        rig.report(1, filled(rig.b.last(), T0 + 1), T0 + 1);

        final OrderRequest moved = rig.b.last();
        assertEquals(new ClientOrderId(1, 1, 1), moved.clientOrderId());
        assertEquals(2_000, moved.amountLots());
        rig.report(1, filled(moved, T0 + 2), T0 + 2);
        assertEquals(GroupState.COMPLETE, rig.outcome().state());
        assertEquals(0, rig.a.accountRequests(), "nothing reached account 0");
    }

    @Test
    void everythingRejectedUntilTheDeadlineEndsCompensatedWithNothingToReverse()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config().withTimeouts(1_000, 2_000, 200));
        rig.start(ExecutorRig.sell(2_500, 0));
        long now = T0;
        while (rig.done.isEmpty())
        {
            rig.report(0, rejected(rig.a.last(), RejectReason.RETRYABLE, now), now);
            now += 100;
            rig.executor.poll(now);
            assertTrue(now < T0 + 2_000, "ends at the deadline");
        }
        final GroupOutcome outcome = rig.outcome();
        assertEquals(GroupState.COMPENSATED, outcome.state());
        assertEquals(0.0, outcome.filledCoin());
        assertTrue(outcome.reason().contains("nothing filled"), outcome.reason());
        assertTrue(outcome.endedMs() >= T0 + 1_000);
        final List<ClientOrderId> ids = rig.a.placed().stream().map(OrderRequest::clientOrderId).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), "each retry a new attempt: " + ids);
        assertEquals(5, ids.size(), "a retry every 200 ms within the 1 s deadline: " + ids);
    }

    @Test
    void aPartialFillThatAlreadyPutsTheBookInsideTheBandEndsPartialWithinBand()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        rig.start(ExecutorRig.sell(2_500, 0));
        final OrderRequest first = rig.a.last();
        rig.report(0, fill(first, 1_600, 1_600, 499_800, T0 + 1), T0 + 1);
        rig.report(0, canceled(first, 1_600, T0 + 2), T0 + 2);
        rig.executor.poll(T0 + 300);
        rig.report(0, rejected(rig.a.last(), RejectReason.INSUFFICIENT_MARGIN, T0 + 301), T0 + 301);

        final GroupOutcome outcome = rig.outcome();
        assertEquals(GroupState.PARTIAL_WITHIN_BAND, outcome.state(), "2.5 - 1.6 = 0.9 BTC is inside the 1 BTC band");
        assertEquals(-1.6, outcome.filledCoin(), 1e-12);
        assertTrue(outcome.reason().contains("INSUFFICIENT_MARGIN"), outcome.reason());
    }

    @Test
    void aPartialFillLeftOutsideTheBandIsReversedWithReduceOnlyOrders()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        rig.start(ExecutorRig.sell(2_500, 0));
        final OrderRequest first = rig.a.last();
        rig.report(0, fill(first, 1_000, 1_000, 499_800, T0 + 1), T0 + 1);
        rig.report(0, canceled(first, 1_000, T0 + 2), T0 + 2);
        rig.executor.poll(T0 + 300);
        rig.report(0, rejected(rig.a.last(), RejectReason.INSUFFICIENT_MARGIN, T0 + 301), T0 + 301);
        assertTrue(rig.done.isEmpty());
        assertEquals(GroupState.COMPENSATING, rig.executor.status().openGroups().get(0).state());

        final OrderRequest reverse = rig.a.last();
        assertEquals(new ClientOrderId(1, 0, 2), reverse.clientOrderId());
        assertEquals(Side.BUY, reverse.side());
        assertTrue(reverse.reduceOnly());
        assertEquals(TimeInForce.IOC, reverse.timeInForce());
        assertEquals(1_000, reverse.amountLots());
        assertEquals(502_500, reverse.priceTicks(), "the mark 50,000 + 0.5%");

        rig.report(0, filled(reverse, T0 + 310), T0 + 310);
        final GroupOutcome outcome = rig.outcome();
        assertEquals(GroupState.COMPENSATED, outcome.state());
        assertEquals(0.0, outcome.filledCoin(), 1e-12);
        assertEquals(1_000, outcome.legs().get(0).reversedLots());
        assertEquals(0, outcome.legs().get(0).netSignedLots(), "no untracked exposure");
        assertFalse(rig.executor.breaker().tripped());
    }

    @Test
    void compensationThatCannotFinishByItsDeadlineFailsAndTripsTheBreaker()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config().withTimeouts(1_000, 1_000, 200));
        rig.start(ExecutorRig.sell(2_500, 0));
        final OrderRequest first = rig.a.last();
        rig.report(0, fill(first, 1_000, 1_000, 499_800, T0 + 1), T0 + 1);
        rig.report(0, canceled(first, 1_000, T0 + 2), T0 + 2);
        rig.executor.poll(T0 + 1_000);
        long now = T0 + 1_000;
        while (rig.done.isEmpty())
        {
            final OrderRequest reverse = rig.a.last();
            assertTrue(reverse.reduceOnly());
            rig.report(0, canceled(reverse, 0, now), now);
            now += 100;
            rig.executor.poll(now);
            assertTrue(now < T0 + 3_000, "ends at the compensation deadline");
        }
        final GroupOutcome outcome = rig.outcome();
        assertEquals(GroupState.FAILED, outcome.state());
        assertEquals(-1.0, outcome.filledCoin(), 1e-12, "the exposure it leaves is reported exactly");
        assertTrue(rig.executor.breaker().tripped());
        assertTrue(rig.executor.breaker().reason().contains("group 1 could not be compensated"));
        assertTrue(rig.executor.refusesNewGroups());
        assertTrue(rig.executor.status().breakerTripped());
    }

    @Test
    void aBackPressuredOrderIsPlacedAgainWithTheSameId()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        rig.a.answer(SendResult.BACK_PRESSURED, SendResult.BACK_PRESSURED);
        rig.start(ExecutorRig.sell(2_500, 0));
        rig.executor.poll(T0 + 100);
        rig.executor.poll(T0 + 200);
        final List<OrderRequest> placed = rig.a.placed();
        assertEquals(3, placed.size());
        assertEquals(placed.get(0), placed.get(1));
        assertEquals(placed.get(0), placed.get(2), "the very same request, id included");
        rig.executor.poll(T0 + 300);
        assertEquals(3, rig.a.placed().size(), "sent once accepted");
        rig.report(0, filled(placed.get(2), T0 + 301), T0 + 301);
        assertEquals(GroupState.COMPLETE, rig.outcome().state());
        assertEquals(1, rig.outcome().legs().get(0).attempts());
        assertEquals(2_500, rig.outcome().legs().get(0).sentLots(), "counted once, when the gateway took it");
    }

    @Test
    void anOrderStillBackPressuredAtTheDeadlineIsDroppedNotSentLate()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config().withTimeouts(1_000, 1_000, 200));
        rig.a.answer(SendResult.BACK_PRESSURED, SendResult.BACK_PRESSURED);
        rig.start(ExecutorRig.sell(2_500, 0));
        rig.executor.poll(T0 + 500);
        rig.executor.poll(T0 + 1_000);
        assertEquals(2, rig.a.placed().size(), "not placed again once the deadline passed");
        final GroupOutcome outcome = rig.outcome();
        assertEquals(GroupState.COMPENSATED, outcome.state(), "nothing went out, nothing to reverse");
        assertEquals(0, outcome.legs().get(0).sentLots());
    }

    @Test
    void twapReleasesEqualSlicesOnTheTimerAndTheDeadlineCoversThem()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config().withSlicing(new SlicingPolicy.Twap(4, 1_000)));
        rig.start(ExecutorRig.sell(2_500, 0));
        assertEquals(625, rig.a.last().amountLots());
        rig.report(0, filled(rig.a.last(), T0 + 1), T0 + 1);
        rig.executor.poll(T0 + 999);
        assertEquals(1, rig.a.placed().size());
        for (int k = 1; k < 4; k++)
        {
            rig.executor.poll(T0 + k * 1_000L);
            assertEquals(k + 1, rig.a.placed().size());
            assertEquals(625, rig.a.last().amountLots());
            rig.report(0, filled(rig.a.last(), T0 + k * 1_000L + 1), T0 + k * 1_000L + 1);
        }
        assertEquals(GroupState.COMPLETE, rig.outcome().state());
        assertEquals(T0 + 3_001, rig.outcome().endedMs());
    }

    @Test
    void anIcebergSendsTheNextSliceWhenThePreviousEnds()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config().withSlicing(new SlicingPolicy.Iceberg(1_000)));
        rig.start(ExecutorRig.sell(2_500, 0));
        assertEquals(1_000, rig.a.last().amountLots());
        rig.report(0, filled(rig.a.last(), T0 + 1), T0 + 1);
        assertEquals(1_000, rig.a.last().amountLots());
        rig.report(0, filled(rig.a.last(), T0 + 2), T0 + 2);
        assertEquals(500, rig.a.last().amountLots());
        assertEquals(new ClientOrderId(1, 0, 2), rig.a.last().clientOrderId());
        rig.report(0, filled(rig.a.last(), T0 + 3), T0 + 3);
        assertEquals(GroupState.COMPLETE, rig.outcome().state());
    }

    @Test
    void killCancelsEverythingEndsTheGroupKilledAndCountsItsLateReports()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        rig.start(ExecutorRig.sell(2_000, 500));
        final OrderRequest onA = rig.a.last();
        rig.executor.onCommand(EngineCommand.KILL, "ops", T0 + 5);
        assertEquals(1, rig.a.cancelAlls());
        assertEquals(1, rig.b.cancelAlls());
        assertEquals(GroupState.KILLED, rig.outcome().state());
        assertTrue(rig.outcome().reason().contains("killed by ops"));
        assertTrue(rig.executor.refusesNewGroups());
        assertTrue(rig.executor.status().killed());
        assertEquals("ops", rig.executor.status().lastActor());

        rig.report(0, filled(onA, T0 + 6), T0 + 6);
        assertEquals(1, rig.executor.lateReports());
        rig.report(0, filled(new OrderRequest(new ClientOrderId(999, 0, 0), rig.perpA, Side.BUY, OrderType.LIMIT,
            TimeInForce.IOC, 1, 1, false, false), T0 + 7), T0 + 7);
        assertEquals(1, rig.executor.foreignReports());

        rig.executor.onCommand(EngineCommand.RESUME, "ops", T0 + 8);
        assertFalse(rig.executor.refusesNewGroups());
    }

    @Test
    void pauseRefusesNewGroupsAndOnlyResumeUndoesIt()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        rig.executor.onCommand(EngineCommand.PAUSE, "ops", T0);
        assertTrue(rig.executor.refusesNewGroups());
        rig.executor.onCommand(EngineCommand.RESET_BREAKER, "ops", T0);
        assertTrue(rig.executor.paused(), "a breaker reset does not resume");
        rig.executor.onCommand(EngineCommand.RESUME, "ops", T0);
        assertFalse(rig.executor.refusesNewGroups());
    }

    @Test
    void aSecondGroupOnABusyUnderlyingIsABugOfTheCaller()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        rig.start(ExecutorRig.sell(2_500, 0));
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> rig.start(ExecutorRig.sell(1, 0)));
        assertTrue(e.getMessage().contains("GROUP_IN_FLIGHT"), e.getMessage());
    }

    @Test
    void aBlockedDecisionEndsBlockedWithAnIdAndSendsNothing()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config());
        final long id = rig.executor.block(0, ExecutorRig.sell(2_500, 0), rig.decision, "gate", T0);
        assertEquals(GroupState.BLOCKED, rig.outcome().state());
        assertEquals(id, rig.outcome().groupId());
        assertEquals(List.of(), rig.a.placed());
        assertNotEquals(id, rig.executor.nextGroupId());
    }
}
