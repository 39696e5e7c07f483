package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.CircuitBreakerConfig;
import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.hedger.execution.Reports;
import io.deltahedger.hedger.policy.HedgeReason;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stage 5 through the real Disruptor pipeline: groups, fills into the portfolio, one group per underlying, commands. */
@Timeout(30)
class ExecutionPipelineTest
{
    private static ExecutionConfig config()
    {
        return ExecutionConfig.defaults().withFirstGroupId(100);
    }

    private static ExecutionWorld breached(final ExecutionConfig config)
    {
        final ExecutionWorld w = new ExecutionWorld(config);
        w.calm(100_000);
        w.clock.advanceMs(100);
        w.market(50_000);
        return w;
    }

    @Test
    void aBreachIsSentAsAnIocOrderWhoseFillReachesTheNextDecision()
    {
        try (ExecutionWorld w = breached(config()))
        {
            final OrderRequest order = w.order(1);
            assertEquals(new ClientOrderId(100, 0, 0), order.clientOrderId());
            assertEquals(Side.SELL, order.side());
            assertEquals(OrderType.LIMIT, order.type());
            assertEquals(TimeInForce.IOC, order.timeInForce());
            assertEquals(2_500, order.amountLots());
            assertEquals(499_500, order.priceTicks(), "the 0.1% limit of 50,000 on the tick grid");
            assertEquals(List.of(100L), w.pipeline.status().openGroups().stream()
                .map(g -> g.groupId()).toList());

            w.clock.advanceMs(5);
            w.report(Reports.ack(order, w.clock.epochMs()));
            w.report(Reports.fill(order, 1_000, 1_000, 499_990, w.clock.epochMs()));
            w.report(Reports.fill(order, 1_500, 2_500, 499_980, w.clock.epochMs()));
            w.awaitGroups(1);
            final GroupOutcome outcome = w.sink.groups.get(0);
            assertEquals(GroupState.COMPLETE, outcome.state());
            assertEquals(100, outcome.groupId());
            assertEquals(-2.5, outcome.filledCoin(), 1e-12);
            w.await("account refresh", () -> w.gateway.accountRequests() == 1);

            w.clock.advanceMs(100);
            w.index(50_010);
            final RecordingSink.Outcome next = w.lastDecision();
            assertEquals(0.0, next.deltaCoin(), 1e-12, "2.5 BTC long and 2.5 BTC sold");
            assertEquals(HedgeReason.INSIDE_BAND, next.reason());
            assertEquals(List.of(), w.pipeline.status().openGroups());
            assertEquals(List.of(), w.halts);
        }
    }

    @Test
    void aSecondBreachWhileTheGroupIsInFlightIsHeldNotHedgedAgain()
    {
        try (ExecutionWorld w = breached(config()))
        {
            final OrderRequest order = w.order(1);
            w.clock.advanceMs(100);
            w.market(60_000);
            assertEquals(PipelineResult.GROUP_IN_FLIGHT, w.lastDecision().result());
            assertEquals(1, w.gateway.placed().size(), "never double-hedge");

            // the venue fills only 1 BTC, then the group retries until its deadline and ends
            w.report(Reports.fill(order, 1_000, 1_000, 499_950, w.clock.epochMs()));
            w.report(Reports.canceled(order, 1_000, w.clock.epochMs()));
            w.sync();
            w.clock.advanceMs(ExecutionConfig.DEFAULT_RETRY_INTERVAL_MS);
            w.timer();
            final OrderRequest retry = w.order(2);
            assertEquals(new ClientOrderId(100, 0, 1), retry.clientOrderId());
            assertEquals(1_500, retry.amountLots());
            w.report(Reports.filled(retry, w.clock.epochMs()));
            w.awaitGroups(1);
            assertEquals(GroupState.COMPLETE, w.sink.groups.get(0).state());

            w.clock.advanceMs(100);
            w.index(60_000);
            assertEquals(0.0, w.lastDecision().deltaCoin(), 1e-12);
            assertEquals(HedgeReason.INSIDE_BAND, w.lastDecision().reason());
        }
    }

    @Test
    void aGateBlockedDecisionEndsBlockedAndFreesItsUnderlying()
    {
        try (ExecutionWorld w = new ExecutionWorld(config()))
        {
            w.calm(100);
            w.clock.advanceMs(100);
            w.market(50_000);
            w.awaitGroups(1);
            assertEquals(GroupState.BLOCKED, w.sink.groups.get(0).state());
            assertTrue(w.sink.groups.get(0).reason().startsWith("not approved: GATE_BLOCKED"));
            w.clock.advanceMs(100);
            w.index(50_010);
            assertEquals(PipelineResult.GATE_BLOCKED, w.lastDecision().result(), "decided again, not held in flight");
            assertEquals(List.of(), w.gateway.placed());
        }
    }

    @Test
    void pauseHoldsNewGroupsUntilResume()
    {
        try (ExecutionWorld w = new ExecutionWorld(config()))
        {
            w.calm(100_000);
            w.command(EngineCommand.PAUSE);
            w.clock.advanceMs(100);
            w.market(50_000);
            assertEquals(PipelineResult.PAUSED, w.lastDecision().result());
            assertTrue(w.pipeline.status().paused());
            assertEquals(List.of(), w.gateway.placed());

            w.command(EngineCommand.RESUME);
            w.clock.advanceMs(100);
            w.index(50_010);
            assertEquals(PipelineResult.APPROVED, w.lastDecision().result());
            assertEquals(2_500, w.order(1).amountLots());
            assertFalse(w.pipeline.status().paused());
        }
    }

    @Test
    void flattenHedgesToZeroEvenInsideTheBand()
    {
        try (ExecutionWorld w = new ExecutionWorld(config()))
        {
            w.calm(100_000);
            w.command(EngineCommand.FLATTEN);
            w.clock.advanceMs(100);
            w.index(40_010);
            final RecordingSink.Outcome decision = w.lastDecision();
            assertEquals(HedgeReason.FLATTEN, decision.reason());
            assertEquals(PipelineResult.APPROVED, decision.result());
            assertEquals(2_500, w.order(1).amountLots());
            assertEquals(Side.SELL, w.order(1).side());
        }
    }

    @Test
    void killCancelsEverythingEndsTheGroupAndHaltsNewRiskButLateFillsStillReachTheBook()
    {
        try (ExecutionWorld w = breached(config()))
        {
            final OrderRequest order = w.order(1);
            w.command(EngineCommand.KILL);
            w.awaitGroups(1);
            assertEquals(GroupState.KILLED, w.sink.groups.get(0).state());
            assertEquals(1, w.gateway.cancelAlls());
            assertTrue(w.pipeline.status().killed());

            w.report(Reports.filled(order, w.clock.epochMs()));
            w.clock.advanceMs(100);
            w.market(60_000);
            final RecordingSink.Outcome held = w.lastDecision();
            assertEquals(PipelineResult.KILLED, held.result());
            w.command(EngineCommand.RESUME);
            w.clock.advanceMs(100);
            w.index(60_010);
            assertEquals(0.0, w.lastDecision().deltaCoin(), 1e-12, "the fill after the kill is in the portfolio");
            assertFalse(w.pipeline.status().killed());
            assertEquals(1, w.gateway.placed().size());
        }
    }

    @Test
    void aTrippedBreakerHoldsNewGroupsUntilAnOperatorResetsIt()
    {
        final ExecutionConfig config = config().withBreaker(new CircuitBreakerConfig(1, 10, 60_000, 50, 10_000, 60_000));
        try (ExecutionWorld w = breached(config))
        {
            w.report(Reports.rejected(w.order(1), RejectReason.INSUFFICIENT_MARGIN, w.clock.epochMs()));
            w.awaitGroups(1);
            assertEquals(GroupState.COMPENSATED, w.sink.groups.get(0).state(), "nothing filled, nothing to reverse");
            assertTrue(w.pipeline.status().breakerTripped());
            assertEquals("1 consecutive rejects", w.pipeline.status().breakerReason());

            w.clock.advanceMs(100);
            w.index(50_010);
            assertEquals(PipelineResult.BREAKER_OPEN, w.lastDecision().result());
            w.command(EngineCommand.PAUSE);
            w.command(EngineCommand.RESET_BREAKER);
            w.clock.advanceMs(100);
            w.index(50_020);
            assertEquals(PipelineResult.PAUSED, w.lastDecision().result(), "a breaker reset leaves the pause");
            w.command(EngineCommand.RESUME);
            w.clock.advanceMs(100);
            w.index(50_030);
            assertEquals(PipelineResult.APPROVED, w.lastDecision().result());
            assertEquals(new ClientOrderId(101, 0, 0), w.order(2).clientOrderId(),
                "the next id: a decision held by stage 3 takes none");
        }
    }

    @Test
    void foreignReportsAreIgnoredWithoutHaltingAndBadPublicationsAreRefused()
    {
        try (ExecutionWorld w = new ExecutionWorld(config()))
        {
            w.calm(100_000);
            w.report(Reports.filled(new OrderRequest(new ClientOrderId(7, 0, 0), w.btcusdt, Side.BUY, OrderType.LIMIT,
                TimeInForce.IOC, 400_000, 5, false, false), w.clock.epochMs()));
            w.clock.advanceMs(100);
            w.index(40_010);
            assertEquals(2.5, w.lastDecision().deltaCoin(), 1e-12, "a foreign fill (side unknown) is left to snapshots");
            assertEquals(List.of(), w.halts);
            final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> w.pipeline.publishCommand(EngineCommand.PAUSE, " "));
            assertTrue(e.getMessage().contains("actor"), e.getMessage());
        }
    }

    @Test
    void theSameEventsGiveTheSameOutcomesTwiceOnAThreadPerStageAndOnTheCallersThread()
    {
        final List<String> once = scenario(StageThreading.SINGLE_THREAD);
        assertEquals(once, scenario(StageThreading.SINGLE_THREAD));
        assertEquals(once, scenario(StageThreading.THREAD_PER_STAGE));
        assertEquals(once, scenario(StageThreading.CALLER_RUNS));
    }

    /** A breach, a partial fill, a timer-driven retry, a second breach held in flight, completion. */
    private static List<String> scenario(final StageThreading threading)
    {
        try (ExecutionWorld w = new ExecutionWorld(config(), threading, null))
        {
            w.calm(100_000);
            w.clock.advanceMs(100);
            w.market(50_000);
            final OrderRequest first = w.order(1);
            w.report(Reports.fill(first, 700, 700, 499_900, w.clock.epochMs()));
            w.report(Reports.canceled(first, 700, w.clock.epochMs()));
            w.clock.advanceMs(100);
            w.market(52_000);
            w.sync();
            w.clock.advanceMs(150);
            w.timer();
            final OrderRequest retry = w.order(2);
            w.report(Reports.filled(retry, w.clock.epochMs()));
            w.awaitGroups(1);
            w.clock.advanceMs(100);
            w.market(30_000);
            w.sync();
            final List<String> outcomes = new java.util.ArrayList<>();
            w.outcomes().forEach(o -> outcomes.add(o.toString()));
            w.sink.groups.forEach(g -> outcomes.add(g.toString()));
            w.gateway.placed().forEach(o -> outcomes.add(o.toString()));
            return outcomes;
        }
    }
}
