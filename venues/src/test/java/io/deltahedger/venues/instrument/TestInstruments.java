package io.deltahedger.venues.instrument;

import io.deltahedger.venues.Venue;

import java.math.BigDecimal;

/** Realistic Deribit specifications for tests (values from public/get_instruments as of 2024). */
public final class TestInstruments {
    private TestInstruments() {
    }

    /** BTC-PERPETUAL: inverse, tick 0.5 USD, amount in USD with step and minimum 10. */
    public static Instrument btcPerpetual() {
        return new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD", "BTC", "USD",
            ContractStyle.INVERSE, new BigDecimal("10"), DecimalGrid.of("0.5"), DecimalGrid.of("10"),
            new BigDecimal("10"), 0, null, null);
    }

    /** BTC-27DEC24-60000-C: inverse option priced in BTC, tick 0.0005 (finest 0.0001 ignored), amount step 0.1 BTC. */
    public static Instrument btcCall() {
        return new Instrument(Venue.DERIBIT, "BTC-27DEC24-60000-C", InstrumentKind.OPTION, "BTC", "BTC", "BTC", "BTC",
            ContractStyle.INVERSE, BigDecimal.ONE, DecimalGrid.of("0.0005"), DecimalGrid.of("0.1"),
            new BigDecimal("0.1"), 1_735_286_400_000L, new BigDecimal("60000"), OptionType.CALL);
    }

    /** ETH-PERPETUAL: inverse, tick 0.05 USD, amount step 1 USD. */
    public static Instrument ethPerpetual() {
        return new Instrument(Venue.DERIBIT, "ETH-PERPETUAL", InstrumentKind.PERPETUAL, "ETH", "USD", "ETH", "USD",
            ContractStyle.INVERSE, BigDecimal.ONE, DecimalGrid.of("0.05"), DecimalGrid.of("1"),
            BigDecimal.ONE, 0, null, null);
    }

    /** A registry holding the three instruments above at indices 0, 1, 2. */
    public static InstrumentRegistry registry() {
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.register(btcPerpetual());
        registry.register(btcCall());
        registry.register(ethPerpetual());
        return registry;
    }
}
