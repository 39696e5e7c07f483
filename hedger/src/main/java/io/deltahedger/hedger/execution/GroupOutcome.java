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
    String reason)
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
    }
}
