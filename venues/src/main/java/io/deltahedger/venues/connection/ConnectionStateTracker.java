package io.deltahedger.venues.connection;

import io.deltahedger.venues.Venue;

import java.util.function.Consumer;

/**
 * The connection-state machine of one venue session, polled with the time passed in (Artio's
 * {@code LivenessDetector} style): the session tells it what happened, {@link #poll(long)} turns silence longer than
 * {@code staleAfterMs} into {@link ConnectionState#STALE}, and every change is published once as a
 * {@link ConnectionStateEvent}. Single-threaded (the session's thread); allocates only on a state change.
 */
public final class ConnectionStateTracker {
    private final Venue venue;
    private final String session;
    private final long staleAfterMs;
    private final Consumer<ConnectionStateEvent> listener;
    private ConnectionState state = ConnectionState.DOWN;
    private long lastMessageMs;

    /**
     * @param staleAfterMs silence after which a LIVE session becomes STALE; Deribit heartbeats every
     *                     {@code interval} seconds (>= 10), so 1.5x the heartbeat interval is a sensible value
     */
    public ConnectionStateTracker(final Venue venue, final String session, final long staleAfterMs,
                                  final Consumer<ConnectionStateEvent> listener) {
        if (staleAfterMs <= 0) {
            throw new IllegalArgumentException("staleAfterMs must be > 0, got " + staleAfterMs
                + ": use about 1.5x the venue heartbeat interval, e.g. 15000");
        }
        this.venue = venue;
        this.session = session;
        this.staleAfterMs = staleAfterMs;
        this.listener = listener;
    }

    public ConnectionState state() {
        return state;
    }

    /** Opening a connection (first time or after {@link #onDisconnected}). */
    public void onConnecting(final long nowMs) {
        transition(state == ConnectionState.DOWN ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING, nowMs,
            "connecting");
    }

    /** Authenticated and subscribed: data flows. */
    public void onLive(final long nowMs) {
        lastMessageMs = nowMs;
        transition(ConnectionState.LIVE, nowMs, "subscribed");
    }

    /** Any message received: refreshes liveness and turns STALE back into LIVE. */
    public void onMessage(final long nowMs) {
        lastMessageMs = nowMs;
        if (state == ConnectionState.STALE) {
            transition(ConnectionState.LIVE, nowMs, "messages resumed");
        }
    }

    /** The connection dropped; the session will reconnect. */
    public void onDisconnected(final long nowMs, final String reason) {
        if (state != ConnectionState.DOWN) {
            transition(ConnectionState.RECONNECTING, nowMs, reason);
        }
    }

    /** The session gave up or was stopped. */
    public void onDown(final long nowMs, final String reason) {
        transition(ConnectionState.DOWN, nowMs, reason);
    }

    /**
     * Checks liveness at {@code nowMs}.
     *
     * @return 1 if the state changed (work done, for an agent's duty cycle), else 0
     */
    public int poll(final long nowMs) {
        if (state == ConnectionState.LIVE && nowMs - lastMessageMs > staleAfterMs) {
            transition(ConnectionState.STALE, nowMs, "no message for " + (nowMs - lastMessageMs) + " ms");
            return 1;
        }
        return 0;
    }

    private void transition(final ConnectionState next, final long nowMs, final String reason) {
        if (next != state) {
            final ConnectionState previous = state;
            state = next;
            listener.accept(new ConnectionStateEvent(venue, session, next, previous, nowMs, reason));
        }
    }
}
