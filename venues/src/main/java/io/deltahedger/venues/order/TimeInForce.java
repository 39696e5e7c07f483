package io.deltahedger.venues.order;

/**
 * How long an order may rest. Venue names: Deribit good_til_cancelled / immediate_or_cancel / fill_or_kill;
 * Binance and Bybit GTC / IOC / FOK. Post-only is a separate flag on {@link OrderRequest} (Binance GTX, Bybit
 * PostOnly, Hyperliquid Alo map from GTC + post-only).
 */
public enum TimeInForce {
    GTC,
    IOC,
    FOK
}
