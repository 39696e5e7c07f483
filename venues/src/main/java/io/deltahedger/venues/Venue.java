package io.deltahedger.venues;

import java.util.Locale;

/**
 * The trading venues the venue layer knows. The {@link #code()} is the prefix of every canonical instrument id
 * ({@code deribit:BTC-PERPETUAL}, see {@link io.deltahedger.venues.instrument.Instrument#canonicalId()}).
 *
 * <p>An enum rather than a string so that hot-path tables can be indexed by {@link #ordinal()}. The embedded
 * simulator speaks the Deribit protocol and is addressed as {@link #DERIBIT} on another endpoint.
 */
public enum Venue {
    /** Deribit (options, inverse and linear futures and perpetuals). */
    DERIBIT("deribit"),
    /** Binance USD-M futures. */
    BINANCE_USDM("binance-usdm"),
    /** Bybit v5 (linear, inverse, options). */
    BYBIT("bybit"),
    /** Hyperliquid HyperCore order book. */
    HYPERLIQUID("hyperliquid"),
    /** On-chain swaps through a Uniswap-v2 style router (native name: token pair, e.g. {@code WETH/USDC}). */
    UNISWAP_V2("uniswap-v2"),
    /** On-chain swaps through the Uniswap-v3 SwapRouter (native name: pair and fee tier, e.g. {@code WETH/USDC/500}). */
    UNISWAP_V3("uniswap-v3");

    private static final Venue[] VALUES = values();

    private final String code;

    Venue(final String code) {
        this.code = code;
    }

    /** The lower-case venue code used in canonical ids and configuration. */
    public String code() {
        return code;
    }

    /**
     * Looks a venue up by its {@link #code()} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the accepted codes when it is unknown
     */
    public static Venue ofCode(final String code) {
        if (code != null) {
            final String lower = code.toLowerCase(Locale.ROOT);
            for (final Venue venue : VALUES) {
                if (venue.code.equals(lower)) {
                    return venue;
                }
            }
        }
        final StringBuilder known = new StringBuilder();
        for (final Venue venue : VALUES) {
            known.append(known.length() == 0 ? "" : ", ").append(venue.code);
        }
        throw new IllegalArgumentException("unknown venue code '" + code + "': use one of " + known);
    }
}
