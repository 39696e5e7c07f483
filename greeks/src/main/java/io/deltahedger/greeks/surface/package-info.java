/**
 * Volatility surfaces: raw SVI smiles fitted per expiry to implied-volatility quotes, static-arbitrage checks
 * (Gatheral-Jacquier butterfly condition, calendar condition on total variance) and an allocation-free surface that
 * interpolates linearly in total variance across expiries at constant log-moneyness.
 *
 * <p>Units throughout: expiries in years (ACT/365 or whatever year fraction the caller uses consistently), implied
 * volatilities as annualised decimals (0.55 for 55%), log-moneyness {@code k = ln(K / F)} against the expiry's
 * forward, total implied variance {@code w = vol^2 * T}. See {@code docs/volatility-surface.md}.
 */
package io.deltahedger.greeks.surface;
