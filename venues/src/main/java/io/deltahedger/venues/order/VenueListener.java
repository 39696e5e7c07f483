package io.deltahedger.venues.order;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionStateEvent;

import java.util.List;

/**
 * Callbacks from a {@link VenueGateway}. Called on the gateway's I/O thread: implementations only hand the event on
 * (publish to the ring) and return quickly; they never block and never call back into the gateway synchronously.
 */
public interface VenueListener {
    /** An order was acknowledged, filled, cancelled, amended or refused. */
    void onExecutionReport(ExecutionReport report);

    /** The answer to {@link VenueGateway#requestOpenOrders()}: each open order as an {@link ExecType#STATUS} report. */
    void onOpenOrders(Venue venue, List<ExecutionReport> openOrders);

    /** Balances, margins and positions, answering {@link VenueGateway#requestAccount()} or pushed by the venue. */
    void onAccount(AccountSnapshot snapshot);

    /** The session's connection state changed: stop trusting its data at once unless it is LIVE. */
    void onConnectionState(ConnectionStateEvent event);
}
