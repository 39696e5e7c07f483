package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.policy.HedgePolicy;

/**
 * Where one underlying's delta is hedged: its policy and the delta-one instrument (registered in the margin book,
 * e.g. {@code deribit:BTC-PERPETUAL}) that carries the hedge leg.
 *
 * @param policy          the hedging policy; its {@code underlying()} names the portfolio underlying
 * @param hedgeInstrument the canonical id of a perpetual, future or spot instrument of the same underlying in the
 *                        margin book
 */
public record HedgeRoute(HedgePolicy policy, String hedgeInstrument)
{
    public HedgeRoute
    {
        if (policy == null)
        {
            throw new IllegalArgumentException("hedge route policy is missing: build one with HedgePolicy.builder(...)");
        }
        if (hedgeInstrument == null || hedgeInstrument.isBlank())
        {
            throw new IllegalArgumentException("hedge route of " + policy.underlying()
                + " needs a hedge instrument canonical id, was '" + hedgeInstrument + "': e.g. deribit:BTC-PERPETUAL");
        }
    }
}
