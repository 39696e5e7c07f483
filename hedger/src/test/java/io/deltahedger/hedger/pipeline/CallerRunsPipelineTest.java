package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.hedger.execution.Reports;
import io.deltahedger.venues.order.OrderRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link StageThreading#CALLER_RUNS}: the publishing thread runs the stages, so every effect of an event is there when
 * its publish returns, with no waiting; what a stage publishes runs right after the event that caused it.
 */
@Timeout(30)
class CallerRunsPipelineTest
{
    private static ExecutionWorld world()
    {
        return new ExecutionWorld(ExecutionConfig.defaults().withFirstGroupId(100), StageThreading.CALLER_RUNS, null);
    }

    @Test
    void everyStageHasRunOverAnEventWhenItsPublishReturns()
    {
        try (ExecutionWorld w = world())
        {
            w.calm(100_000);
            assertEquals(4, w.sink.outcomes.size(), "the four calm events reached the sink before publish returned");
            assertEquals(0, w.gateway.placed().size());
            w.clock.advanceMs(100);
            w.market(50_000);
            assertEquals(1, w.gateway.placed().size(), "the breach was sent inside publishMarketData");
            assertEquals(6, w.sink.outcomes.size());
            assertEquals(0, w.pipeline.backlog());
            assertEquals(List.of(), w.halts);
        }
    }

    @Test
    void aGroupDoneTheExecutionStagePublishesRunsRightAfterTheReportThatEndedTheGroup()
    {
        try (ExecutionWorld w = world())
        {
            w.calm(100_000);
            w.clock.advanceMs(100);
            w.market(50_000);
            final OrderRequest order = w.gateway.placed().get(0);
            final int before = w.sink.outcomes.size();
            w.report(Reports.filled(order, w.clock.epochMs()));
            // no await: the report and the GROUP_DONE it caused have both passed every stage
            assertEquals(before + 2, w.sink.outcomes.size());
            assertEquals(EventKind.EXECUTION_REPORT, w.sink.outcomes.get(before).kind());
            assertEquals(EventKind.GROUP_DONE, w.sink.outcomes.get(before + 1).kind());
            assertEquals(1, w.sink.groups.size());
            assertEquals(GroupState.COMPLETE, w.sink.groups.get(0).state());
            assertEquals(0, w.pipeline.backlog());
        }
    }

    @Test
    void aSecondPublishingThreadIsRefusedAndTheOwnerCarriesOn() throws InterruptedException
    {
        try (ExecutionWorld w = world())
        {
            w.calm(100_000);
            final AtomicReference<Throwable> refused = new AtomicReference<>();
            final Thread other = new Thread(() ->
            {
                try
                {
                    w.pipeline.publishTimer();
                }
                catch (final Throwable e)
                {
                    refused.set(e);
                }
            }, "intruder");
            other.start();
            other.join();
            assertNotNull(refused.get(), "a publish from a second thread must be refused");
            assertTrue(refused.get() instanceof IllegalStateException, refused.get().toString());
            final String message = refused.get().getMessage();
            assertTrue(message.contains("intruder") && message.contains("one thread")
                && message.contains("SINGLE_THREAD"), message);
            final int before = w.sink.outcomes.size();
            w.clock.advanceMs(100);
            w.market(50_000);
            assertEquals(before + 2, w.sink.outcomes.size());
            assertEquals(1, w.gateway.placed().size());
            assertEquals(List.of(), w.halts);
        }
    }

    @Test
    void eventsPublishedBeforeStartRunWhenItStarts()
    {
        try (ExecutionWorld w = new ExecutionWorld(ExecutionConfig.defaults(), StageThreading.CALLER_RUNS, null, p ->
        {
            p.publishTimer();
            p.publishTimer();
            return p;
        }))
        {
            assertEquals(2, w.sink.outcomes.size());
            assertEquals(EventKind.TIMER, w.sink.outcomes.get(0).kind());
            assertEquals(0, w.pipeline.backlog());
        }
    }
}
