package io.deltahedger.venues.instrument;

import io.deltahedger.venues.Venue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The full specification of one tradable instrument on one venue. Immutable, validated on construction.
 *
 * <p><b>Canonical id</b>: {@code <venue code>:<native name>}, e.g. {@code deribit:BTC-PERPETUAL},
 * {@code deribit:BTC-27DEC24-60000-C}, {@code binance-usdm:BTCUSDT}, {@code uniswap-v3:WETH/USDC/500}. The native
 * name is exactly what the venue puts on the wire, so the mapping is a bijection and needs no tables; what the
 * instrument <i>is</i> (underlying, kind, expiry, strike) is in the fields, not parsed from the id.
 *
 * <p><b>Units</b>: prices are in {@code quoteCurrency} per unit of underlying as the venue quotes them (Deribit
 * inverse options: in BTC; perpetuals: in USD) and held as long ticks of {@link #priceGrid()}. Amounts are in the
 * venue's order-amount unit {@code amountCurrency} (Deribit perpetuals: USD, options: coin; Binance: base coin) and
 * held as long lots of {@link #amountGrid()}. {@code contractSize} is the venue's contract size in the same unit as
 * the amount (BTC-PERPETUAL: 10 USD; options: 1 coin).
 *
 * @param venue              where it trades
 * @param nativeName         the venue's own name, as on the wire (no whitespace, at most 64 characters)
 * @param kind               option, perpetual, future or spot
 * @param underlying         the base currency (BTC, ETH, WETH)
 * @param quoteCurrency      the currency prices are quoted in
 * @param settlementCurrency the currency PnL and margin are settled in
 * @param amountCurrency     the unit of order and book amounts
 * @param style              inverse or linear
 * @param contractSize       the venue's contract size, positive, in {@code amountCurrency}
 * @param priceGrid          the tick size grid (the finest tick where the venue has price-dependent ticks)
 * @param amountGrid         the amount step (lot) grid
 * @param minAmount          the minimum order amount, positive and on the amount grid
 * @param expiryEpochMs      expiry in epoch milliseconds for options and futures; 0 for perpetuals and spot
 * @param strike             the strike in quote currency for options; null otherwise
 * @param optionType         call or put for options; null otherwise
 */
public record Instrument(
    Venue venue,
    String nativeName,
    InstrumentKind kind,
    String underlying,
    String quoteCurrency,
    String settlementCurrency,
    String amountCurrency,
    ContractStyle style,
    BigDecimal contractSize,
    DecimalGrid priceGrid,
    DecimalGrid amountGrid,
    BigDecimal minAmount,
    long expiryEpochMs,
    BigDecimal strike,
    OptionType optionType) {

    /** The longest native name accepted (Deribit's longest option names are ~30 characters). */
    public static final int MAX_NATIVE_NAME_LENGTH = 64;

    public Instrument {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(priceGrid, "priceGrid");
        Objects.requireNonNull(amountGrid, "amountGrid");
        if (nativeName == null || nativeName.isEmpty() || nativeName.length() > MAX_NATIVE_NAME_LENGTH
            || nativeName.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("instrument nativeName '" + nativeName + "' must be 1.."
                + MAX_NATIVE_NAME_LENGTH + " printable ASCII characters without spaces, as the venue spells it");
        }
        requireCurrency("underlying", underlying, nativeName);
        requireCurrency("quoteCurrency", quoteCurrency, nativeName);
        requireCurrency("settlementCurrency", settlementCurrency, nativeName);
        requireCurrency("amountCurrency", amountCurrency, nativeName);
        if (contractSize == null || contractSize.signum() <= 0) {
            throw new IllegalArgumentException(nativeName + ": contractSize must be positive, got " + contractSize);
        }
        if (minAmount == null || minAmount.signum() <= 0) {
            throw new IllegalArgumentException(nativeName + ": minAmount must be positive, got " + minAmount);
        }
        if (minAmount.remainder(amountGrid.step()).signum() != 0) {
            throw new IllegalArgumentException(nativeName + ": minAmount " + minAmount.toPlainString()
                + " is not a multiple of the amount step " + amountGrid.step().toPlainString());
        }
        if (kind.expires() && expiryEpochMs <= 0) {
            throw new IllegalArgumentException(nativeName + ": a " + kind + " needs a positive expiryEpochMs, got "
                + expiryEpochMs);
        }
        if (!kind.expires() && expiryEpochMs != 0) {
            throw new IllegalArgumentException(nativeName + ": a " + kind + " does not expire; expiryEpochMs must be 0, got "
                + expiryEpochMs);
        }
        if (kind == InstrumentKind.OPTION) {
            if (strike == null || strike.signum() <= 0 || optionType == null) {
                throw new IllegalArgumentException(nativeName + ": an option needs a positive strike and a call/put type, got "
                    + strike + " / " + optionType);
            }
        } else if (strike != null || optionType != null) {
            throw new IllegalArgumentException(nativeName + ": only options have a strike or option type, this is a " + kind);
        }
    }

    private static void requireCurrency(final String field, final String value, final String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": " + field + " must name a currency (e.g. BTC, USD), got '" + value + "'");
        }
    }

    /** {@code <venue code>:<native name>}; see the class comment. */
    public String canonicalId() {
        return venue.code() + ':' + nativeName;
    }

    /** The minimum order amount in lots. */
    public long minAmountLots() {
        return amountGrid.toUnits(minAmount);
    }

    /** Whether the instrument is an option. */
    public boolean isOption() {
        return kind == InstrumentKind.OPTION;
    }
}
