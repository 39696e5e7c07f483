package io.deltahedger.hedger.pipeline;

/**
 * The outcome the pipeline writes on each event (exchange-core style: a result code on the event, never an exception
 * for a business refusal). Set by the decision stage, finalised by the margin gate and the release stage.
 */
public enum PipelineResult
{
    /** The event touched no hedged underlying (e.g. an account snapshot or a connection change): nothing to decide. */
    NOT_APPLICABLE,
    /** A decision was taken and it does not trade (inside the band, suppressed, below size...: see the decision's reason). */
    NO_ACTION,
    /** An input the decision depends on (hedge instrument book or mark, index, account snapshot) is missing or too old. */
    STALE_INPUT,
    /** The venue connection of the hedge instrument or of the index is not LIVE. */
    CONNECTION_NOT_LIVE,
    /** The pipeline is halted after an unexpected exception: no new risk until an operator resets it. */
    HALTED,
    /** An execution limit refused the group (order size, position or notional per minute: the event's limitBreach). */
    LIMIT_BLOCKED,
    /** An account touched by the group has no order-rate budget for all of its legs right now. */
    RATE_LIMITED,
    /** The margin gate refused the group (the verdict on the event says why). */
    GATE_BLOCKED,
    /** The hedge passed every check and was handed to the decision sink. */
    APPROVED,
    /** A rebalancing group of this underlying is still in flight: no second one (never double-hedge). */
    GROUP_IN_FLIGHT,
    /** An operator paused the engine: no new groups. */
    PAUSED,
    /** The circuit breaker is open: no new groups until an operator resumes or resets it. */
    BREAKER_OPEN,
    /** An operator killed the engine: no new risk until RESUME. */
    KILLED
}
