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
    ACCOUNT,
    /** An {@link io.deltahedger.venues.order.ExecutionReport} of a margin-book account (fills reach the portfolio). */
    EXECUTION_REPORT,
    /** The engine's periodic tick (~100 ms), so deadlines, slices and retries advance without market data. */
    TIMER,
    /** An operator's {@link io.deltahedger.hedger.execution.EngineCommand}, with who asked. */
    COMMAND,
    /** A rebalancing group ended (published by the execution stage): frees its underlying in the decision stage. */
    GROUP_DONE,
    /** An operator's runtime {@link io.deltahedger.hedger.policy.HedgePolicy} for one underlying, with who asked. */
    POLICY
}
