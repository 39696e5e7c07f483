package io.deltahedger.hedger.engine;

/**
 * The engine's duty-cycle settings, validated on construction. Times are milliseconds of the injected clock.
 *
 * @param accountRequestIntervalMs how often each connection is asked for its accounts ({@code requestAccount}); well
 *                                 below the pipeline's {@code maxInputAgeMs} and the gate's {@code maxSnapshotAgeMs},
 *                                 which refuse new risk on an older snapshot
 * @param timerIntervalMs          how often a TIMER event is put on the ring so deadlines advance without market data
 * @param readyTimeoutMs           how long {@link HedgingEngine#connect} may take until every connection is LIVE and
 *                                 every account has reported; then the engine fails naming what did not come up
 */
public record EngineConfig(long accountRequestIntervalMs, long timerIntervalMs, long readyTimeoutMs)
{
    /** 1 s: a fifth of the default 5 s snapshot age; costs 2 x 500 credits per currency of Deribit's 10,000/s. */
    public static final long DEFAULT_ACCOUNT_REQUEST_INTERVAL_MS = 1_000;
    /** 100 ms: group deadlines and slices are judged at least this often. */
    public static final long DEFAULT_TIMER_INTERVAL_MS = 100;
    /** 30 s: connect, authenticate, subscribe and reconcile take well under a second on a healthy link. */
    public static final long DEFAULT_READY_TIMEOUT_MS = 30_000;

    public EngineConfig
    {
        if (accountRequestIntervalMs <= 0)
        {
            throw new IllegalArgumentException("engine accountRequestIntervalMs must be > 0, was "
                + accountRequestIntervalMs + ": e.g. " + DEFAULT_ACCOUNT_REQUEST_INTERVAL_MS);
        }
        if (timerIntervalMs <= 0)
        {
            throw new IllegalArgumentException("engine timerIntervalMs must be > 0, was " + timerIntervalMs + ": e.g. "
                + DEFAULT_TIMER_INTERVAL_MS);
        }
        if (readyTimeoutMs <= 0)
        {
            throw new IllegalArgumentException("engine readyTimeoutMs must be > 0, was " + readyTimeoutMs + ": e.g. "
                + DEFAULT_READY_TIMEOUT_MS);
        }
    }

    /** Every setting at its documented default. */
    public static EngineConfig defaults()
    {
        return new EngineConfig(DEFAULT_ACCOUNT_REQUEST_INTERVAL_MS, DEFAULT_TIMER_INTERVAL_MS, DEFAULT_READY_TIMEOUT_MS);
    }
}
