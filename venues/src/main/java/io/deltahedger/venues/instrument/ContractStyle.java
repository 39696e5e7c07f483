package io.deltahedger.venues.instrument;

/**
 * How an instrument's PnL and margin are denominated.
 *
 * <p>{@link #INVERSE}: quoted in the quote currency (USD) but margined and settled in the underlying coin; a
 * Deribit BTC-PERPETUAL contract is 10 USD and its PnL in BTC is size_usd * (1/entry - 1/exit). Deribit's
 * coin-settled options are also inverse: premium in BTC, payoff max(S-K,0)/S in BTC.
 * {@link #LINEAR}: PnL in the quote/settlement currency, size in the base coin (Binance BTCUSDT, Deribit
 * BTC_USDC-PERPETUAL, spot and AMM swaps).
 */
public enum ContractStyle {
    INVERSE,
    LINEAR
}
