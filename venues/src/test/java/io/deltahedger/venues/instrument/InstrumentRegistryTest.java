package io.deltahedger.venues.instrument;

import io.deltahedger.venues.Venue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentRegistryTest {
    @Test
    void mapsNativeNameCanonicalIdAndDenseIndexBothWays() {
        final InstrumentRegistry registry = TestInstruments.registry();
        assertEquals(3, registry.size());
        assertEquals(0, registry.indexOf("deribit:BTC-PERPETUAL"));
        assertEquals(1, registry.indexOf("deribit:BTC-27DEC24-60000-C"));
        assertEquals("deribit:ETH-PERPETUAL", registry.instrument(2).canonicalId());
        assertEquals(2, registry.indexOfNative(Venue.DERIBIT, "ETH-PERPETUAL"));
        assertEquals(InstrumentRegistry.UNKNOWN, registry.indexOfNative(Venue.BINANCE_USDM, "ETH-PERPETUAL"));
        assertEquals(InstrumentRegistry.UNKNOWN, registry.indexOf("deribit:SOL-PERPETUAL"));
    }

    @Test
    void resolvesANameInsideAFrameWithoutCopyingIt() {
        final InstrumentRegistry registry = TestInstruments.registry();
        final byte[] frame = "\"channel\":\"book.BTC-PERPETUAL.100ms\"".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0, registry.indexOfNative(Venue.DERIBIT, frame, 16, 13));
        assertEquals(InstrumentRegistry.UNKNOWN, registry.indexOfNative(Venue.DERIBIT, frame, 16, 12));
    }

    @Test
    void manyNamesStayResolvableAfterTheTableGrows() {
        final InstrumentRegistry registry = new InstrumentRegistry();
        for (int strike = 1000; strike < 1000 + 500 * 500; strike += 500) {
            registry.register(new Instrument(Venue.DERIBIT, "BTC-27DEC24-" + strike + "-P", InstrumentKind.OPTION, "BTC",
                "BTC", "BTC", "BTC", ContractStyle.INVERSE, BigDecimal.ONE, DecimalGrid.of("0.0005"), DecimalGrid.of("0.1"),
                new BigDecimal("0.1"), 1_735_286_400_000L, BigDecimal.valueOf(strike), OptionType.PUT));
        }
        assertEquals(500, registry.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(i, registry.indexOfNative(Venue.DERIBIT, "BTC-27DEC24-" + (1000 + 500 * i) + "-P"));
        }
    }

    @Test
    void reRegisteringTheSameSpecReturnsTheSameIndexButAConflictingSpecIsRefused() {
        final InstrumentRegistry registry = TestInstruments.registry();
        assertEquals(0, registry.register(TestInstruments.btcPerpetual()));
        final Instrument other = new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD",
            "BTC", "USD", ContractStyle.INVERSE, BigDecimal.TEN, DecimalGrid.of("1"), DecimalGrid.of("10"), BigDecimal.TEN,
            0, null, null);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.register(other));
        assertTrue(e.getMessage().contains("deribit:BTC-PERPETUAL"));
    }

    @Test
    void refusesInconsistentSpecifications() {
        assertThrows(IllegalArgumentException.class, () -> new Instrument(Venue.DERIBIT, "BTC-27DEC24-60000-C",
            InstrumentKind.OPTION, "BTC", "BTC", "BTC", "BTC", ContractStyle.INVERSE, BigDecimal.ONE,
            DecimalGrid.of("0.0005"), DecimalGrid.of("0.1"), new BigDecimal("0.1"), 1L, null, OptionType.CALL));
        assertThrows(IllegalArgumentException.class, () -> new Instrument(Venue.DERIBIT, "BTC-PERPETUAL",
            InstrumentKind.PERPETUAL, "BTC", "USD", "BTC", "USD", ContractStyle.INVERSE, BigDecimal.TEN,
            DecimalGrid.of("0.5"), DecimalGrid.of("10"), new BigDecimal("15"), 0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Instrument(Venue.DERIBIT, "BTC PERP",
            InstrumentKind.PERPETUAL, "BTC", "USD", "BTC", "USD", ContractStyle.INVERSE, BigDecimal.TEN,
            DecimalGrid.of("0.5"), DecimalGrid.of("10"), BigDecimal.TEN, 0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Instrument(Venue.DERIBIT, "BTC-27DEC24",
            InstrumentKind.FUTURE, "BTC", "USD", "BTC", "USD", ContractStyle.INVERSE, BigDecimal.TEN,
            DecimalGrid.of("0.5"), DecimalGrid.of("10"), BigDecimal.TEN, 0, null, null));
    }

    @Test
    void venueCodesRoundTripAndUnknownCodesAreExplained() {
        for (final Venue venue : Venue.values()) {
            assertEquals(venue, Venue.ofCode(venue.code()));
        }
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Venue.ofCode("ftx"));
        assertTrue(e.getMessage().contains("ftx") && e.getMessage().contains("deribit"));
    }
}
