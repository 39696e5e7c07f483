package io.deltahedger.venues.deribit;

import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.instrument.OptionType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitInstrumentsTest {
    /** Shaped like a public/get_instruments reply (fields per venues.md 1.8). */
    private static final String REPLY = """
        {"jsonrpc":"2.0","id":7617,"result":[
          {"tick_size":0.5,"taker_commission":0.0005,"settlement_period":"perpetual","settlement_currency":"BTC",
           "quote_currency":"USD","min_trade_amount":10,"max_leverage":50,"maker_commission":0.0,"kind":"future",
           "is_active":true,"instrument_name":"BTC-PERPETUAL","instrument_id":124972,
           "expiration_timestamp":32503708800000,"creation_timestamp":1534242287000,"counter_currency":"USD",
           "contract_size":10.0,"base_currency":"BTC","instrument_type":"reversed"},
          {"tick_size":2.5,"settlement_period":"month","settlement_currency":"BTC","quote_currency":"USD",
           "min_trade_amount":10,"kind":"future","instrument_name":"BTC-27DEC24","expiration_timestamp":1735286400000,
           "counter_currency":"USD","contract_size":10.0,"base_currency":"BTC"},
          {"tick_size":0.0001,"tick_size_steps":[{"above_price":0.005,"tick_size":0.0005}],"strike":60000.0,
           "settlement_period":"month","settlement_currency":"BTC","quote_currency":"BTC","option_type":"call",
           "min_trade_amount":0.1,"kind":"option","instrument_name":"BTC-27DEC24-60000-C",
           "expiration_timestamp":1735286400000,"counter_currency":"USD","contract_size":1.0,"base_currency":"BTC"},
          {"tick_size":0.0001,"settlement_period":"perpetual","settlement_currency":"USDC","quote_currency":"USDC",
           "min_trade_amount":0.001,"kind":"future","instrument_name":"BTC_USDC-PERPETUAL",
           "expiration_timestamp":32503708800000,"counter_currency":"USDC","contract_size":0.001,"base_currency":"BTC",
           "instrument_type":"linear"},
          {"tick_size":0.5,"settlement_period":"month","settlement_currency":"BTC","quote_currency":"USD",
           "min_trade_amount":10,"kind":"future_combo","instrument_name":"BTC-FS-27DEC24_PERP",
           "expiration_timestamp":1735286400000,"contract_size":10.0,"base_currency":"BTC"}
        ]}""";

    @Test
    void mapsPerpetualsFuturesOptionsAndLinearProducts() {
        final DeribitInstruments.Parsed parsed = DeribitInstruments.parse(REPLY);
        assertEquals(4, parsed.instruments().size());
        assertEquals(1, parsed.skipped().size());
        assertTrue(parsed.skipped().get(0).contains("BTC-FS-27DEC24_PERP"));

        final Instrument perp = parsed.instruments().get(0);
        assertEquals(InstrumentKind.PERPETUAL, perp.kind());
        assertEquals(ContractStyle.INVERSE, perp.style());
        assertEquals("USD", perp.amountCurrency());
        assertEquals(0, perp.expiryEpochMs());
        assertEquals(120_001, perp.priceGrid().toUnits("60000.5"));
        assertEquals(3, perp.amountGrid().toUnits("30"));

        final Instrument future = parsed.instruments().get(1);
        assertEquals(InstrumentKind.FUTURE, future.kind());
        assertEquals(1735286400000L, future.expiryEpochMs());

        final Instrument call = parsed.instruments().get(2);
        assertEquals(InstrumentKind.OPTION, call.kind());
        assertEquals(OptionType.CALL, call.optionType());
        assertEquals(0, new BigDecimal("60000").compareTo(call.strike()));
        assertEquals("BTC", call.amountCurrency());
        assertEquals(1, call.minAmountLots());
        assertEquals(556, call.priceGrid().toUnits("0.0556"));

        final Instrument linear = parsed.instruments().get(3);
        assertEquals(ContractStyle.LINEAR, linear.style());
        assertEquals("BTC", linear.amountCurrency());
        assertNull(linear.strike());

        final InstrumentRegistry registry = new InstrumentRegistry();
        parsed.instruments().forEach(registry::register);
        assertEquals(2, registry.indexOf("deribit:BTC-27DEC24-60000-C"));
    }

    @Test
    void aMalformedEntryIsRefusedNamingInstrumentAndField() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeribitInstruments.parse(
            "[{\"kind\":\"option\",\"instrument_name\":\"BTC-X\",\"base_currency\":\"BTC\",\"quote_currency\":\"BTC\","
                + "\"settlement_currency\":\"BTC\",\"min_trade_amount\":0.1,\"contract_size\":1,\"tick_size\":\"0.0005\"}]"));
        assertTrue(e.getMessage().contains("BTC-X") && e.getMessage().contains("strike"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeribitInstruments.parse("not json"));
    }
}
