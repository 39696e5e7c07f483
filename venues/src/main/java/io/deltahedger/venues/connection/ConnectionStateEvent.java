package io.deltahedger.venues.connection;

import io.deltahedger.venues.Venue;

import java.util.Objects;

/**
 * A change of a venue session's {@link ConnectionState}.
 *
 * @param venue       the venue
 * @param session     which session of the venue (e.g. "market-data", "trading")
 * @param state       the new state
 * @param previous    the state before
 * @param timestampMs when, from the injected clock, epoch ms
 * @param reason      why, in words (never null; may be empty)
 */
public record ConnectionStateEvent(Venue venue, String session, ConnectionState state, ConnectionState previous,
                                   long timestampMs, String reason) {
    public ConnectionStateEvent {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(reason, "reason");
    }
}
