package io.deltahedger.hedger.pipeline;

/** What a {@link PipelineEvent} carries. */
public enum EventKind
{
    /** A cleared slot (never published). */
    NONE,
    /** A copy of a venue adapter's {@link io.deltahedger.venues.marketdata.MarketDataEvent}. */
    MARKET_DATA,
    /** A venue session's {@link io.deltahedger.venues.connection.ConnectionState} change. */
    CONNECTION_STATE,
    /** A venue account's {@link io.deltahedger.venues.account.AccountSnapshot}. */
    ACCOUNT
}
