package io.deltahedger.hedger.engine;

/** The engine's life cycle. */
public enum EngineState
{
    /** Built, not connected. */
    NEW,
    /** Sessions connecting; waiting until every connection is LIVE and every account has reported. */
    CONNECTING,
    /** Every connection came up: the pipeline decides on live data. */
    HEDGING,
    /** Start-up timed out or the duty cycle failed: see {@link HedgingEngine#failure()}. */
    FAILED,
    /** Closed. */
    CLOSED
}
