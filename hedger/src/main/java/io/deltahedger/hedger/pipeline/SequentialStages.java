package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;

/**
 * Runs the pipeline's stages in order on one consumer thread ({@link StageThreading#SINGLE_THREAD}). An exception
 * in a stage goes to that stage's own halting handler, exactly as with a thread per stage, and the later stages
 * still see the event (marked halted), so state stays current.
 */
final class SequentialStages implements EventHandler<PipelineEvent>
{
    private final EventHandler<PipelineEvent>[] stages;
    private final ExceptionHandler<PipelineEvent>[] handlers;

    SequentialStages(final EventHandler<PipelineEvent>[] stages, final ExceptionHandler<PipelineEvent>[] handlers)
    {
        if (stages.length != handlers.length)
        {
            throw new IllegalArgumentException(
                "one exception handler per stage: " + stages.length + " stages, " + handlers.length + " handlers");
        }
        this.stages = stages.clone();
        this.handlers = handlers.clone();
    }

    @Override
    public void onEvent(final PipelineEvent event, final long sequence, final boolean endOfBatch)
    {
        for (int i = 0; i < stages.length; i++)
        {
            try
            {
                stages[i].onEvent(event, sequence, endOfBatch);
            }
            catch (final Throwable ex)
            {
                handlers[i].handleEventException(ex, sequence, event);
            }
        }
    }
}
