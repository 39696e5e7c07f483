package io.deltahedger.hedger.execution;

/** Where a rebalancing group is: two working states, then exactly one terminal state. */
public enum GroupState
{
    /** Legs are being sent, filled, re-routed. */
    WORKING(false),
    /** The target was not reached and the book is outside the band: the filled lots are being reversed. */
    COMPENSATING(false),
    /** Every planned lot filled. */
    COMPLETE(true),
    /** Not every lot filled, but the filled part already puts the book inside the band: nothing is reversed. */
    PARTIAL_WITHIN_BAND(true),
    /** The remainder was unreachable and the book outside the band: every filled lot was reversed (possibly none). */
    COMPENSATED(true),
    /** Compensation could not finish by its deadline: the circuit breaker trips and new risk halts. */
    FAILED(true),
    /** The margin gate, the limits or the engine state (paused, breaker, kill, halt) refused it: nothing was sent. */
    BLOCKED(true),
    /** A KILL command ended it (its orders were cancelled on every account). */
    KILLED(true),
    /**
     * A de-risking group ended with lots it could not cut by its deadline (or with no route left). What filled stays:
     * a de-risking cut only lowers risk, so it is never reversed. The margin monitor plans again from the next snapshot.
     */
    DE_RISK_SHORT(true);

    private final boolean terminal;

    GroupState(final boolean terminal)
    {
        this.terminal = terminal;
    }

    public boolean terminal()
    {
        return terminal;
    }
}
