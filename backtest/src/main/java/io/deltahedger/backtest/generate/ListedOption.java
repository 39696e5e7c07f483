package io.deltahedger.backtest.generate;

import io.deltahedger.greeks.pricing.OptionType;

/**
 * One generated option instrument, Deribit-style: {@code BTC-9JUN20-9875-P}, one coin per contract, premium in coin,
 * expiring at 08:00 UTC.
 *
 * @param symbol         instrument name.
 * @param type           call or put.
 * @param strike         strike in USD.
 * @param expiryMillis   expiry, epoch milliseconds.
 * @param underlying     the name of its underlying index in the chain ({@code SYN.BTC-9JUN20}).
 * @param openInterest   open interest in contracts (constant over the generated days).
 */
record ListedOption(
    String symbol, OptionType type, double strike, long expiryMillis, String underlying, double openInterest)
{
}
