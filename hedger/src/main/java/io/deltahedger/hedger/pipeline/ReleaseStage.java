package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.EventHandler;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stage 5: release. Hands an APPROVED event to the {@link DecisionSink} unless the pipeline halted since the decision
 * (it is then HALTED), every other event to {@link DecisionSink#onNotApproved}, and clears the slot whatever happens
 * (LMAX's clearing handler), so a ring slot never keeps a snapshot or a stale decision alive.
 */
final class ReleaseStage implements EventHandler<PipelineEvent>
{
    private final AtomicBoolean halted;
    private final DecisionSink sink;

    ReleaseStage(final AtomicBoolean halted, final DecisionSink sink)
    {
        this.halted = halted;
        this.sink = sink;
    }

    @Override
    public void onEvent(final PipelineEvent event, final long sequence, final boolean endOfBatch)
    {
        try
        {
            if (event.result == PipelineResult.APPROVED && halted.get())
            {
                event.result = PipelineResult.HALTED;
            }
            if (event.result == PipelineResult.APPROVED)
            {
                sink.onApproved(event);
            }
            else
            {
                sink.onNotApproved(event);
            }
        }
        finally
        {
            event.clear();
        }
    }
}
