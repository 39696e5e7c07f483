package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.execution.GroupExecutor;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.hedger.execution.OrderSides;
import io.deltahedger.hedger.execution.RecordingGateway;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stage 5 on its own: every marked decision becomes one group, and GROUP_DONE never waits for a ring slot. */
class ExecutionStageTest
{
    /** A ring that is full until told otherwise. */
    private static final class Ring implements ExecutionStage.GroupDonePublisher
    {
        boolean full = true;
        final List<Long> published = new ArrayList<>();

        @Override
        public boolean tryPublish(final GroupOutcome outcome, final boolean breakerOpen, final long breakerResets)
        {
            if (full)
            {
                return false;
            }
            published.add(outcome.groupId());
            return true;
        }
    }

    private final AtomicBoolean halted = new AtomicBoolean();
    private final RecordingSink sink = new RecordingSink();
    private final ExecutionStage stage = new ExecutionStage(halted, sink);
    private final Ring ring = new Ring();
    private final RecordingGateway gateway = new RecordingGateway(Venue.BINANCE_USDM);

    ExecutionStageTest()
    {
        final GroupExecutor executor = new GroupExecutor(ExecutionConfig.defaults(),
            ExecutionVenues.builder().gateway(0, gateway).instrument(0, PipelineWorld.btcusdt()).build(), 1, 1, 1, stage,
            new OrderSides());
        stage.execute(executor, ring, 2);
    }

    private static PipelineEvent blockedDecision()
    {
        final PipelineEvent event = new PipelineEvent(4, 4);
        event.kind = EventKind.MARKET_DATA;
        event.marketData().header(Venue.BINANCE_USDM, io.deltahedger.venues.marketdata.MarketDataType.INDEX_PRICE, 0,
            PipelineWorld.T0);
        event.nowMs = PipelineWorld.T0;
        event.underlying = 0;
        event.legs().add(0, 0, Side.SELL, 2_500, 49_950.0);
        event.result = PipelineResult.GATE_BLOCKED;
        event.groupPending = true;
        return event;
    }

    private static PipelineEvent timer()
    {
        final PipelineEvent event = new PipelineEvent(4, 4);
        event.kind = EventKind.TIMER;
        event.nowMs = PipelineWorld.T0 + 100;
        return event;
    }

    @Test
    void groupDonesWaitForAFreeSlotAndGoOutInOrderOnALaterEvent()
    {
        stage.onEvent(blockedDecision(), 0, true);
        stage.onEvent(blockedDecision(), 1, true);
        assertEquals(List.of(GroupState.BLOCKED, GroupState.BLOCKED), sink.groups.stream().map(GroupOutcome::state).toList());
        assertEquals(2, stage.unpublishedGroupDones(), "the ring is full: nothing waited, both queued");
        assertEquals(List.of(), gateway.placed());

        ring.full = false;
        stage.onEvent(timer(), 2, true);
        assertEquals(List.of(1L, 2L), ring.published);
        assertEquals(0, stage.unpublishedGroupDones());
    }

    @Test
    void aFullGroupDoneQueueIsASizingErrorNamingTheSetting()
    {
        stage.onEvent(blockedDecision(), 0, true);
        stage.onEvent(blockedDecision(), 1, true);
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> stage.onEvent(blockedDecision(), 2, true));
        assertTrue(e.getMessage().contains("ExecutionConfig.doneQueueCapacity"), e.getMessage());
    }

    @Test
    void anApprovedDecisionAfterAHaltIsBlockedAndStillEndsItsGroup()
    {
        halted.set(true);
        final PipelineEvent approved = blockedDecision();
        approved.result = PipelineResult.APPROVED;
        ring.full = false;
        stage.onEvent(approved, 0, true);
        assertEquals(PipelineResult.HALTED, sink.last().result());
        assertEquals(GroupState.BLOCKED, sink.groups.get(0).state());
        assertTrue(sink.groups.get(0).reason().contains("HALTED"));
        assertEquals(List.of(1L), ring.published, "the underlying is freed");
        assertEquals(List.of(), gateway.placed());
    }
}
