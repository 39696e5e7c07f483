package io.deltahedger.venues.order;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.Instrument;

/**
 * The trading interface every venue adapter implements (Deribit over WebSocket JSON-RPC, Binance and Bybit over REST
 * and WebSocket, on-chain swaps through web3j, Hyperliquid over signed HTTPS).
 *
 * <p>Non-blocking: each method only queues the request on the session and returns at once with a
 * {@link SendResult}; what the venue does comes back later through the {@link VenueListener} given to the adapter
 * (an {@link ExecutionReport}, an account snapshot, a connection-state change). Back-pressure is a result, not an
 * exception: on {@link SendResult#BACK_PRESSURED} the caller retries on a later duty cycle. Orders are named by
 * their {@link ClientOrderId} throughout; adapters map it to the venue's field (Deribit {@code label}, Binance
 * {@code newClientOrderId}, Bybit {@code orderLinkId}, Hyperliquid {@code cloid}). A venue without a feature
 * (e.g. amend on an AMM) answers with a {@link ExecType#AMEND_REJECTED} report, reason
 * {@link RejectReason#INVALID_REQUEST}.
 *
 * <p>Threading: call from one thread (the execution stage).
 */
public interface VenueGateway {
    /** The venue this gateway trades on. */
    Venue venue();

    /** Sends a new order. */
    SendResult place(OrderRequest request);

    /** Cancels one order by client order id. */
    SendResult cancel(CancelRequest request);

    /** Changes price and/or amount of a resting order. */
    SendResult amend(AmendRequest request);

    /** Cancels every open order of the account on one instrument, or on all instruments if {@code instrument} is null. */
    SendResult cancelAll(Instrument instrument);

    /** Asks for the open orders; answered by {@link VenueListener#onOpenOrders}. */
    SendResult requestOpenOrders();

    /** Asks for balances, margins and positions; answered by {@link VenueListener#onAccount}. */
    SendResult requestAccount();
}
