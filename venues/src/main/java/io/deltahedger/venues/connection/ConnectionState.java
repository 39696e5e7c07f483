package io.deltahedger.venues.connection;

/**
 * The state of a venue session, published whenever it changes so that consumers stop trusting its data at once.
 * Only {@link #LIVE} data may be traded on.
 */
public enum ConnectionState {
    /** Opening the connection or authenticating; no data yet. */
    CONNECTING,
    /** Connected, authenticated, subscriptions confirmed, messages arriving. */
    LIVE,
    /** Connected but silent for longer than the liveness limit: data may be old. */
    STALE,
    /** The connection dropped; trying again. Books are invalid until new snapshots arrive. */
    RECONNECTING,
    /** Given up (e.g. credentials refused, or stopped): needs an operator. */
    DOWN;

    /** Whether market data and account state from the session may be trusted. */
    public boolean dataTrusted() {
        return this == LIVE;
    }
}
