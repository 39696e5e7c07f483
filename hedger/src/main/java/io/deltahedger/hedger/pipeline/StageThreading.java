package io.deltahedger.hedger.pipeline;

/**
 * How the five stages are given threads.
 * <ul>
 *   <li>{@link #SINGLE_THREAD}: one consumer thread calls the stages in order for each event. Every hand-over is a
 *       method call, so on a machine with few cores (the 2-core default) an event never waits for another thread
 *       to be scheduled. Single ownership holds trivially: one thread owns all stage state.</li>
 *   <li>{@link #THREAD_PER_STAGE}: the Disruptor's chain, one thread per stage, so stages overlap on consecutive
 *       events: more throughput and isolation where there is a core per stage.</li>
 * </ul>
 * Both give the same decisions for the same events; an exception in a stage halts new risk the same way.
 */
public enum StageThreading
{
    SINGLE_THREAD,
    THREAD_PER_STAGE
}
