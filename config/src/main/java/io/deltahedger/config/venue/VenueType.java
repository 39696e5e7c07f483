package io.deltahedger.config.venue;

import java.util.Locale;

/** What speaks at a venue's endpoint. */
public enum VenueType
{
    /** Deribit (production or testnet), JSON-RPC over WebSocket; credentials and limits required. */
    DERIBIT,
    /**
     * The embedded Deribit-compatible exchange simulator: without an endpoint the daemon starts one in-process (paper
     * trading with its public demo key); with an endpoint it connects to a simulator started elsewhere.
     */
    SIMULATOR;

    /** The word used in YAML, e.g. {@code deribit}. */
    public String word()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
