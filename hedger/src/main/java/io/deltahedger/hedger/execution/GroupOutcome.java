package io.deltahedger.hedger.execution;

import java.util.List;

/**
 * An ended rebalancing group, for the journal, metrics and tests. Immutable.
 *
 * @param groupId         the group id (the client order ids' group)
 * @param underlying      the portfolio underlying index
 * @param state           the terminal state
 * @param decidedCoin     the decided signed coin quantity (positive buys delta)
 * @param filledCoin      the signed coin delta the group's fills left on the book after compensation (inverse lots
 *                        valued at their fill prices)
 * @param startedMs       when the decision was taken, epoch ms
 * @param endedMs         when the group ended, epoch ms
 * @param legs            every leg, in leg order
 * @param reason          why it ended so, in words (the breaker's reason, a kill's actor, an unreachable route...)
 * @param deRisk          a reduce-only de-risking group of one account (its underlying is then -1), not a hedge
 */
public record GroupOutcome(
    long groupId,
    int underlying,
    GroupState state,
    double decidedCoin,
    double filledCoin,
    long startedMs,
    long endedMs,
    List<LegOutcome> legs,
    String reason,
    boolean deRisk)
{
    public GroupOutcome
    {
        if (state == null || !state.terminal())
        {
            throw new IllegalArgumentException("a group outcome needs a terminal state, was " + state);
        }
        legs = List.copyOf(legs);
        if (reason == null)
        {
            throw new IllegalArgumentException("group outcome reason is null: use \"\"");
        }
        if (deRisk && (underlying != -1 || legs.isEmpty()))
        {
            throw new IllegalArgumentException("a de-risk group outcome has underlying -1 and at least one leg, was "
                + underlying + " with " + legs.size() + " legs");
        }
    }

    /** A hedge group's outcome (not de-risking). */
    public GroupOutcome(final long groupId, final int underlying, final GroupState state, final double decidedCoin,
                        final double filledCoin, final long startedMs, final long endedMs, final List<LegOutcome> legs,
                        final String reason)
    {
        this(groupId, underlying, state, decidedCoin, filledCoin, startedMs, endedMs, legs, reason, false);
    }

    /** The account a de-risk group cut positions on (all its legs are on it), or -1 for a hedge group. */
    public int deRiskAccount()
    {
        return deRisk ? legs.get(0).accountId() : -1;
    }
}
