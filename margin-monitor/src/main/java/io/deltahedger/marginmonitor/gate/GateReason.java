package io.deltahedger.marginmonitor.gate;

/** Why the margin gate approved or blocked a group. Business refusals are verdicts, never exceptions. */
public enum GateReason {
    /** Every touched account stays below the threshold in every projected subset and scenario, or the group strictly reduces risk. */
    APPROVED,
    /** Some account's projected maintenance margin over margin balance reaches the threshold. */
    BLOCKED_THRESHOLD,
    /** A touched account's snapshot is older than the configured maximum age (fail closed). */
    BLOCKED_STALE_ACCOUNT,
    /** A leg names an account that is not registered or has never reported a snapshot (fail closed). */
    BLOCKED_UNKNOWN_ACCOUNT,
    /** A leg names an instrument not registered on its account, or the account holds positions no model covers. */
    BLOCKED_UNKNOWN_INSTRUMENT,
    /** A mark, index or volatility needed for the projection is missing or invalid (fail closed). */
    BLOCKED_NO_MARKET_DATA,
    /** A leg is malformed: zero or negative amount, a limit price that is not finite and positive, no side, or an empty group. */
    BLOCKED_INVALID_LEG;

    public boolean approved() {
        return this == APPROVED;
    }
}
