/**
 * Option pricing models, implied volatility, volatility surfaces, portfolio Greeks and scenario shocks.
 */
package io.deltahedger.greeks;
