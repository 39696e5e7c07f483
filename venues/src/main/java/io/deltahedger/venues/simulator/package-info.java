/**
 * The embedded Deribit-compatible exchange simulator: a Netty server on loopback speaking Deribit API v2 JSON-RPC over
 * WebSocket ({@code /ws/api/v2}) and HTTP ({@code /api/v2/{method}}), backed by a seeded market (index process,
 * perpetual and dated inverse futures, a coin-settled option chain priced from a seeded volatility surface with the
 * greeks module, resting liquidity), a matching engine, accounts with Deribit-style standard
 * margin and liquidation, credit-based rate limits, heartbeats and seeded fault injection.
 *
 * <p>Threading: all exchange state is owned by ONE Netty event loop (the exchange thread); every connection is
 * registered on it, so request handling, market ticks and publication run single-threaded without locks.
 * Entry point: {@link io.deltahedger.venues.simulator.ExchangeSimulator}.
 */
package io.deltahedger.venues.simulator;
