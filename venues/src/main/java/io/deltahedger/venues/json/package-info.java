/**
 * A small allocation-free JSON scanner shared by the venue decoders (Deribit now; Binance, Bybit and Hyperliquid
 * speak JSON too). It reads a byte region in place: strings as offsets, numbers as exact decimal
 * (mantissa, scale) pairs.
 */
package io.deltahedger.venues.json;
