/**
 * P&amp;L accounting of a backtest: {@link io.deltahedger.backtest.pnl.PnlLedger} attributes the P&amp;L to options,
 * hedge, fees, slippage against mid and funding, and keeps the hedging error, drawdown, turnover, margin ratios and
 * net delta over time.
 */
package io.deltahedger.backtest.pnl;
