package io.deltahedger.marginmonitor.model;

import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;

import java.util.Objects;

/**
 * The margin-relevant facts of one instrument, resolved once from a venue {@link Instrument} into primitives so the
 * hot path reads fields, never BigDecimals.
 *
 * <p>Units follow the venue layer: an <i>amount</i> is in the instrument's {@code amountCurrency} (Deribit inverse
 * perpetuals and futures: USD; options: coins of underlying; linear contracts: base coin); a <i>price</i> is in its
 * quote currency (Deribit inverse options: coin per option; perpetuals: USD per coin). Margin comes out in the
 * settlement currency.
 *
 * @param canonicalId   the venue instrument's canonical id, for reports
 * @param underlying    the underlying coin (BTC, ETH)
 * @param kind          option, perpetual, future or spot
 * @param inverse       coin-margined with USD amounts (delta-one) or coin premium (options)
 * @param optionType    call or put for options; null otherwise
 * @param strike        USD per coin for options; 0 otherwise
 * @param expiryEpochMs expiry for options and futures; 0 otherwise
 * @param lotSize       amount per lot (the amount grid step), &gt; 0
 * @param minLots       the minimum order amount in lots
 */
public record MarginInstrument(
    String canonicalId,
    String underlying,
    InstrumentKind kind,
    boolean inverse,
    OptionType optionType,
    double strike,
    long expiryEpochMs,
    double lotSize,
    long minLots) {

    public MarginInstrument {
        Objects.requireNonNull(canonicalId, "canonicalId");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(kind, "kind");
        if ((kind == InstrumentKind.OPTION) != (optionType != null)) {
            throw new IllegalArgumentException(canonicalId + ": an option needs a call/put type and only an option has one");
        }
        if (kind == InstrumentKind.OPTION && !(strike > 0 && Double.isFinite(strike))) {
            throw new IllegalArgumentException(canonicalId + ": option strike must be finite and > 0, got " + strike);
        }
        if (!(lotSize > 0 && Double.isFinite(lotSize))) {
            throw new IllegalArgumentException(canonicalId + ": lotSize must be finite and > 0, got " + lotSize);
        }
        if (minLots < 1) {
            throw new IllegalArgumentException(canonicalId + ": minLots must be >= 1, got " + minLots);
        }
    }

    /** Resolves a venue instrument. */
    public static MarginInstrument of(final Instrument instrument) {
        final OptionType type = instrument.optionType() == null ? null
            : instrument.optionType() == io.deltahedger.venues.instrument.OptionType.CALL ? OptionType.CALL : OptionType.PUT;
        return new MarginInstrument(
            instrument.canonicalId(),
            instrument.underlying(),
            instrument.kind(),
            instrument.style() == ContractStyle.INVERSE,
            type,
            instrument.strike() == null ? 0.0 : instrument.strike().doubleValue(),
            instrument.expiryEpochMs(),
            instrument.amountGrid().step().doubleValue(),
            instrument.minAmountLots());
    }

    public boolean isOption() {
        return kind == InstrumentKind.OPTION;
    }
}
