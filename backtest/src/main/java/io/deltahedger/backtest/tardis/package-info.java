/**
 * Streaming readers for Tardis.dev historical CSV files (options_chain, incremental_book_L2, book_snapshot_25/5,
 * trades, derivative_ticker), gzipped or plain, decoded into the venues module's normalised
 * {@link io.deltahedger.venues.marketdata.MarketDataEvent}s without allocating per row, and a k-way merge of many
 * files by local timestamp with bounded memory. Bad rows are counted per kind with file and line, or fatal in
 * strict mode. See docs/backtest.md, section "Tardis input".
 */
package io.deltahedger.backtest.tardis;
