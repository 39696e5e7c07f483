package io.deltahedger.hedger.pipeline;

/**
 * Told when a stage threw: the pipeline has halted new risk. Called on the failing stage's thread, once per exception;
 * must not throw.
 */
@FunctionalInterface
public interface HaltListener
{
    /**
     * @param stage    the failing stage's name
     * @param sequence the ring sequence of the event being handled
     * @param error    what was thrown
     */
    void onStageException(String stage, long sequence, Throwable error);
}
