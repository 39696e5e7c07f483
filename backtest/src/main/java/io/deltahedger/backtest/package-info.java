/**
 * Replay of historical data and journals through the same engine on a replay clock. Not built yet: see issue 6.
 */
package io.deltahedger.backtest;
