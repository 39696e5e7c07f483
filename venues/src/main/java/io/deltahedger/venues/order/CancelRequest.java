package io.deltahedger.venues.order;

import io.deltahedger.venues.instrument.Instrument;

import java.util.Objects;

/**
 * Cancel one order, named by its client order id (Deribit cancel_by_label, Binance origClientOrderId).
 *
 * @param clientOrderId the order to cancel
 * @param instrument    its instrument (venues need it to route the cancel)
 */
public record CancelRequest(ClientOrderId clientOrderId, Instrument instrument) {
    public CancelRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
    }
}
