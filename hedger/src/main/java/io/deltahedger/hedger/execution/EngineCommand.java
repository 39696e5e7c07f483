package io.deltahedger.hedger.execution;

/**
 * An operator's command to the engine, published on the ring so it takes effect in ring order (and replays the same
 * way). See docs/hedging.md "Execution" for each command's effect.
 */
public enum EngineCommand
{
    /** No new groups; groups in flight finish (complete, re-route or compensate) normally. */
    PAUSE,
    /** Undoes PAUSE and KILL and resets a tripped circuit breaker. Does not clear a halt after a stage exception. */
    RESUME,
    /** The next decision of every underlying trades delta back to its target, whatever the band says. */
    FLATTEN,
    /** Cancels every open order on every account, ends every group in flight as KILLED and halts new risk until RESUME. */
    KILL,
    /** Resets a tripped circuit breaker only (pause and kill stay as they are). */
    RESET_BREAKER
}
