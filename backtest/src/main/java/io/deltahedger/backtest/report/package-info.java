/**
 * A backtest's results: the {@link io.deltahedger.backtest.report.BacktestReport} record and its JSON, CSV, text and
 * self-contained HTML forms.
 */
package io.deltahedger.backtest.report;
