package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.routing.HedgeCandidate;
import io.deltahedger.marginmonitor.gate.MarginGate;

import java.util.List;

/**
 * Where one underlying's delta is hedged: its policy and the delta-one instruments (registered in the margin book,
 * e.g. {@code deribit:BTC-PERPETUAL}, possibly on several accounts) a hedge may be split over, each with its fees.
 * The planner (docs/hedging.md "Routing and admission") chooses among them by expected cost and margin headroom.
 *
 * @param policy     the hedging policy; its {@code underlying()} names the portfolio underlying
 * @param candidates 1..16 distinct candidate instruments of the same underlying; the first is the route's primary
 *                   instrument (its mark is the event's {@link PipelineEvent#hedgeMark()})
 */
public record HedgeRoute(HedgePolicy policy, List<HedgeCandidate> candidates)
{
    public HedgeRoute
    {
        if (policy == null)
        {
            throw new IllegalArgumentException("hedge route policy is missing: build one with HedgePolicy.builder(...)");
        }
        if (candidates == null || candidates.isEmpty() || candidates.size() > MarginGate.MAX_LEGS)
        {
            throw new IllegalArgumentException("hedge route of " + policy.underlying() + " needs 1.." + MarginGate.MAX_LEGS
                + " candidate instruments, was " + (candidates == null ? "none" : candidates.size())
                + ": e.g. List.of(new HedgeCandidate(\"deribit:BTC-PERPETUAL\", 5, 0))");
        }
        candidates = List.copyOf(candidates);
        for (int i = 0; i < candidates.size(); i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (candidates.get(i).instrument().equals(candidates.get(j).instrument()))
                {
                    throw new IllegalArgumentException("hedge route of " + policy.underlying() + " lists candidate "
                        + candidates.get(i).instrument() + " twice: give each instrument once");
                }
            }
        }
    }

    /** A route on one instrument without fees (nothing to compare its cost with). */
    public HedgeRoute(final HedgePolicy policy, final String hedgeInstrument)
    {
        this(policy, List.of(single(policy, hedgeInstrument)));
    }

    private static HedgeCandidate single(final HedgePolicy policy, final String hedgeInstrument)
    {
        if (hedgeInstrument == null || hedgeInstrument.isBlank())
        {
            throw new IllegalArgumentException("hedge route of " + (policy == null ? "?" : policy.underlying())
                + " needs a hedge instrument canonical id, was '" + hedgeInstrument + "': e.g. deribit:BTC-PERPETUAL");
        }
        return HedgeCandidate.feeless(hedgeInstrument);
    }

    /** The primary (first) candidate's canonical id. */
    public String hedgeInstrument()
    {
        return candidates.get(0).instrument();
    }
}
