/** Normalised, pre-allocated market-data events (books, tickers, trades, funding, index) and decoder error counting. */
package io.deltahedger.venues.marketdata;
