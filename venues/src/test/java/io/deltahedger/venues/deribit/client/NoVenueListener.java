package io.deltahedger.venues.deribit.client;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionStateEvent;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.VenueListener;

import java.util.List;

/** A venue listener that ignores everything (market-data-only tests and benchmarks). */
public final class NoVenueListener implements VenueListener {
    @Override
    public void onExecutionReport(final ExecutionReport report) {
    }

    @Override
    public void onOpenOrders(final Venue venue, final List<ExecutionReport> openOrders) {
    }

    @Override
    public void onAccount(final AccountSnapshot snapshot) {
    }

    @Override
    public void onConnectionState(final ConnectionStateEvent event) {
    }
}
