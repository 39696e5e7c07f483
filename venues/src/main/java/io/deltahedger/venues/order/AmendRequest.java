package io.deltahedger.venues.order;

import io.deltahedger.venues.instrument.Instrument;

import java.util.Objects;

/**
 * Change the price and/or amount of a resting limit order (Deribit private/edit); the client order id stays.
 *
 * @param clientOrderId  the order to amend
 * @param instrument     its instrument
 * @param newPriceTicks  the new limit price in ticks (> 0)
 * @param newAmountLots  the new total amount in lots (at least the instrument's minimum)
 */
public record AmendRequest(ClientOrderId clientOrderId, Instrument instrument, long newPriceTicks, long newAmountLots) {
    public AmendRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        if (newPriceTicks <= 0) {
            throw new IllegalArgumentException(clientOrderId + ": amend needs newPriceTicks > 0, got " + newPriceTicks);
        }
        if (newAmountLots < instrument.minAmountLots()) {
            throw new IllegalArgumentException(clientOrderId + ": amend newAmountLots " + newAmountLots
                + " is below the minimum of " + instrument.minAmountLots() + " lots");
        }
    }
}
