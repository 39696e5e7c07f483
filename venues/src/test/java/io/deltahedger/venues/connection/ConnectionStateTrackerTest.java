package io.deltahedger.venues.connection;

import io.deltahedger.venues.Venue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionStateTrackerTest {
    private final List<ConnectionStateEvent> events = new ArrayList<>();
    private final ConnectionStateTracker tracker = new ConnectionStateTracker(Venue.DERIBIT, "market-data", 15_000,
        events::add);

    @Test
    void goesLiveThenStaleOnSilenceAndBackOnTheNextMessage() {
        tracker.onConnecting(0);
        tracker.onLive(100);
        tracker.onMessage(10_000);
        assertEquals(0, tracker.poll(25_000));
        assertEquals(1, tracker.poll(25_001));
        assertEquals(ConnectionState.STALE, tracker.state());
        assertFalse(tracker.state().dataTrusted());
        tracker.onMessage(25_500);
        assertTrue(tracker.state().dataTrusted());
        assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.LIVE, ConnectionState.STALE, ConnectionState.LIVE),
            events.stream().map(ConnectionStateEvent::state).toList());
        assertEquals(25_001, events.get(2).timestampMs());
        assertEquals(ConnectionState.LIVE, events.get(2).previous());
    }

    @Test
    void aDropReconnectsAndAGiveUpIsDown() {
        tracker.onConnecting(0);
        tracker.onLive(1);
        tracker.onDisconnected(2, "socket closed");
        assertEquals(ConnectionState.RECONNECTING, tracker.state());
        tracker.onConnecting(3);
        assertEquals(ConnectionState.RECONNECTING, tracker.state(), "still reconnecting until live");
        tracker.onDown(4, "credentials refused");
        assertEquals(ConnectionState.DOWN, tracker.state());
        assertEquals("credentials refused", events.get(events.size() - 1).reason());
    }

    @Test
    void refusesANonPositiveLivenessLimit() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectionStateTracker(Venue.DERIBIT, "x", 0, e -> { }));
    }
}
