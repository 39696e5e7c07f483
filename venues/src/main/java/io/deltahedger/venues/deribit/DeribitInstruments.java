package io.deltahedger.venues.deribit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.OptionType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the result of Deribit's {@code public/get_instruments} into {@link Instrument}s (start-up, not a hot path;
 * Jackson with exact decimals).
 *
 * <p>Mapping: {@code kind} future + {@code settlement_period} perpetual -&gt; PERPETUAL, other futures -&gt; FUTURE,
 * option -&gt; OPTION, spot -&gt; SPOT; combos are skipped. Inverse when settled in the base coin (BTC-PERPETUAL,
 * coin-settled options), else linear (USDC products). Amounts of inverse futures and perpetuals are in the counter
 * currency (USD), all others in the base coin. The amount step and the minimum are {@code min_trade_amount}; the
 * tick grid is {@code tick_size} (where {@code tick_size_steps} make larger prices coarser, the finest tick is kept:
 * see docs/venues.md). Perpetuals get expiry 0.
 */
public final class DeribitInstruments {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private DeribitInstruments() {
    }

    /**
     * The instruments of a response, and the names skipped (combos, unknown kinds).
     *
     * @param instruments the instruments understood
     * @param skipped     native names not turned into instruments, with the reason
     */
    public record Parsed(List<Instrument> instruments, List<String> skipped) {
        public Parsed {
            instruments = List.copyOf(instruments);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Parses a whole JSON-RPC response ({@code {"result":[...]}}) or just the result array.
     *
     * @throws IllegalArgumentException naming the instrument and the field when an entry is malformed
     */
    public static Parsed parse(final String json) {
        final JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException("get_instruments reply is not JSON: " + e.getOriginalMessage(), e);
        }
        final JsonNode array = root.has("result") ? root.get("result") : root;
        if (!array.isArray()) {
            throw new IllegalArgumentException("get_instruments reply has no result array; got " + root.getNodeType());
        }
        final List<Instrument> instruments = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        for (final JsonNode node : array) {
            final String name = text(node, "instrument_name", "?");
            final String kindText = text(node, "kind", name);
            final InstrumentKind kind;
            switch (kindText) {
                case "option" -> kind = InstrumentKind.OPTION;
                case "spot" -> kind = InstrumentKind.SPOT;
                case "future" -> kind = "perpetual".equals(node.path("settlement_period").asText())
                    ? InstrumentKind.PERPETUAL : InstrumentKind.FUTURE;
                default -> {
                    skipped.add(name + " (kind " + kindText + " is not traded by the agent)");
                    continue;
                }
            }
            instruments.add(instrument(node, name, kind));
        }
        return new Parsed(instruments, skipped);
    }

    private static Instrument instrument(final JsonNode node, final String name, final InstrumentKind kind) {
        final String base = text(node, "base_currency", name);
        final String quote = text(node, "quote_currency", name);
        final String settlement = text(node, "settlement_currency", name);
        final String counter = node.hasNonNull("counter_currency") ? node.get("counter_currency").asText() : quote;
        final ContractStyle style = settlement.equals(base) ? ContractStyle.INVERSE : ContractStyle.LINEAR;
        final boolean usdAmounts = style == ContractStyle.INVERSE
            && (kind == InstrumentKind.PERPETUAL || kind == InstrumentKind.FUTURE);
        final BigDecimal minTrade = decimal(node, "min_trade_amount", name);
        final long expiry = kind.expires() ? node.path("expiration_timestamp").asLong(0) : 0;
        final BigDecimal strike = kind == InstrumentKind.OPTION ? decimal(node, "strike", name) : null;
        final OptionType optionType = kind == InstrumentKind.OPTION ? optionType(node, name) : null;
        try {
            return new Instrument(Venue.DERIBIT, name, kind, base, quote, settlement, usdAmounts ? counter : base, style,
                decimal(node, "contract_size", name), DecimalGrid.of(decimal(node, "tick_size", name)),
                DecimalGrid.of(minTrade), minTrade, expiry, strike, optionType);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("Deribit instrument " + name + ": " + e.getMessage(), e);
        }
    }

    private static OptionType optionType(final JsonNode node, final String name) {
        final String type = text(node, "option_type", name);
        return switch (type) {
            case "call" -> OptionType.CALL;
            case "put" -> OptionType.PUT;
            default -> throw new IllegalArgumentException("Deribit instrument " + name + ": option_type '" + type
                + "' is neither call nor put");
        };
    }

    private static String text(final JsonNode node, final String field, final String name) {
        final JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("Deribit instrument " + name + ": field " + field + " is missing");
        }
        return value.asText();
    }

    private static BigDecimal decimal(final JsonNode node, final String field, final String name) {
        final JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("Deribit instrument " + name + ": field " + field
                + " must be a number, got " + value);
        }
        return value.decimalValue();
    }
}
