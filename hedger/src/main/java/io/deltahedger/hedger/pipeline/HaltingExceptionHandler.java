package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.ExceptionHandler;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place an unexpected exception from any stage goes: it halts new risk (no further decision is approved,
 * results become HALTED), counts the exception, tells the {@link HaltListener}, and returns so the stage goes on
 * consuming and the market state stays current. Halting is sticky: a halted pipeline needs an operator.
 */
final class HaltingExceptionHandler implements ExceptionHandler<PipelineEvent>
{
    private final String stage;
    private final AtomicBoolean halted;
    private final AtomicLong exceptions;
    private final HaltListener listener;

    HaltingExceptionHandler(
        final String stage, final AtomicBoolean halted, final AtomicLong exceptions, final HaltListener listener)
    {
        this.stage = stage;
        this.halted = halted;
        this.exceptions = exceptions;
        this.listener = listener;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final PipelineEvent event)
    {
        // Set before this stage releases the sequence, so every later stage sees it for this very event.
        halted.set(true);
        exceptions.incrementAndGet();
        if (event != null && event.kind != EventKind.NONE)
        {
            event.result = PipelineResult.HALTED;
        }
        listener.onStageException(stage, sequence, ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        halted.set(true);
        exceptions.incrementAndGet();
        listener.onStageException(stage, -1, ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        exceptions.incrementAndGet();
        listener.onStageException(stage, -1, ex);
    }
}
