package io.deltahedger.venues.order;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.instrument.Instrument;

import java.util.Objects;

/**
 * A new order. Price and amount are exact grid units of the instrument (ticks, lots), so what is sent is exactly
 * representable. Validated on construction: a request that a venue would refuse for its shape never leaves.
 *
 * @param clientOrderId the idempotency key
 * @param instrument    what to trade
 * @param side          buy or sell
 * @param type          limit or market
 * @param timeInForce   GTC, IOC or FOK
 * @param priceTicks    limit price in ticks (> 0) for a limit order; 0 for a market order
 * @param amountLots    amount in lots, at least the instrument's minimum
 * @param postOnly      rest only, never take (limit GTC orders only); a crossing post-only order is rejected, not
 *                      repriced (adapters send Deribit's reject_post_only=true)
 * @param reduceOnly    may only reduce the position
 */
public record OrderRequest(
    ClientOrderId clientOrderId,
    Instrument instrument,
    Side side,
    OrderType type,
    TimeInForce timeInForce,
    long priceTicks,
    long amountLots,
    boolean postOnly,
    boolean reduceOnly) {

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        final String id = clientOrderId + " on " + instrument.canonicalId();
        if (amountLots < instrument.minAmountLots()) {
            throw new IllegalArgumentException(id + ": amountLots " + amountLots + " is below the minimum of "
                + instrument.minAmountLots() + " lots (" + instrument.minAmount().toPlainString() + " "
                + instrument.amountCurrency() + ")");
        }
        if (type == OrderType.LIMIT && priceTicks <= 0) {
            throw new IllegalArgumentException(id + ": a limit order needs priceTicks > 0, got " + priceTicks);
        }
        if (type == OrderType.MARKET && priceTicks != 0) {
            throw new IllegalArgumentException(id + ": a market order has no price; pass priceTicks 0, got " + priceTicks);
        }
        if (postOnly && (type != OrderType.LIMIT || timeInForce != TimeInForce.GTC)) {
            throw new IllegalArgumentException(id + ": post-only needs a GTC limit order, got " + type + " " + timeInForce);
        }
    }

    /** A limit order. */
    public static OrderRequest limit(final ClientOrderId id, final Instrument instrument, final Side side,
                                     final long priceTicks, final long amountLots, final TimeInForce tif) {
        return new OrderRequest(id, instrument, side, OrderType.LIMIT, tif, priceTicks, amountLots, false, false);
    }

    /** A market order (IOC). */
    public static OrderRequest market(final ClientOrderId id, final Instrument instrument, final Side side,
                                      final long amountLots) {
        return new OrderRequest(id, instrument, side, OrderType.MARKET, TimeInForce.IOC, 0, amountLots, false, false);
    }
}
