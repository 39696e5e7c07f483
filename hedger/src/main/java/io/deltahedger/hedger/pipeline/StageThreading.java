package io.deltahedger.hedger.pipeline;

/**
 * How the five stages are given threads.
 * <ul>
 *   <li>{@link #SINGLE_THREAD}: one consumer thread calls the stages in order for each event. Every hand-over is a
 *       method call, so on a machine with few cores (the 2-core default) an event never waits for another thread
 *       to be scheduled. Single ownership holds trivially: one thread owns all stage state.</li>
 *   <li>{@link #THREAD_PER_STAGE}: the Disruptor's chain, one thread per stage, so stages overlap on consecutive
 *       events: more throughput and isolation where there is a core per stage.</li>
 *   <li>{@link #CALLER_RUNS}: no consumer thread; the thread that publishes runs the stages in order inside each
 *       {@code publish...} call, before it returns. For replays and backtests, where one thread drives the clock,
 *       the simulated venues and the pipeline: no hand-over to another thread per event, and the driver sees the
 *       event's effects (orders placed, the sink told) as soon as the call returns. Events a stage publishes itself
 *       (a group's GROUP_DONE, a report of a venue that answers inside {@code place}) wait in the ring and run right
 *       after the current event, in the order they were published. One publishing thread only (checked); a live
 *       engine, whose adapters publish from their I/O threads, must use one of the other two.</li>
 * </ul>
 * All three give the same decisions for the same events; an exception in a stage halts new risk the same way.
 */
public enum StageThreading
{
    SINGLE_THREAD,
    THREAD_PER_STAGE,
    CALLER_RUNS
}
