package io.deltahedger.marginmonitor;

import io.deltahedger.marginmonitor.model.MarginBracket;
import io.deltahedger.marginmonitor.model.TieredMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.OptionType;

import java.math.BigDecimal;
import java.util.List;

/** Venue instruments shaped as the venues publish them (reference venues.md 1.8, 2). */
public final class Fixtures {

    /** 2026-12-25T08:00:00Z. */
    public static final long EXPIRY_MS = 1_798_185_600_000L;
    /** 2026-11-21T06:00:00Z. */
    public static final long NOW_MS = 1_795_154_400_000L;

    private Fixtures() {
    }

    /** Deribit BTC-PERPETUAL: inverse, amounts in USD, 10 USD lots. */
    public static Instrument deribitPerpetual() {
        return new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD", "BTC", "USD",
            ContractStyle.INVERSE, new BigDecimal("10"), DecimalGrid.of("0.5"), DecimalGrid.of("10"), new BigDecimal("10"),
            0, null, null);
    }

    /** A Deribit BTC future expiring at {@link #EXPIRY_MS}. */
    public static Instrument deribitFuture() {
        return new Instrument(Venue.DERIBIT, "BTC-25DEC26", InstrumentKind.FUTURE, "BTC", "USD", "BTC", "USD",
            ContractStyle.INVERSE, new BigDecimal("10"), DecimalGrid.of("2.5"), DecimalGrid.of("10"), new BigDecimal("10"),
            EXPIRY_MS, null, null);
    }

    /** A Deribit coin-settled BTC option: premium in BTC, amounts in BTC, 0.1 lots. */
    public static Instrument deribitOption(final long strike, final OptionType type) {
        return new Instrument(Venue.DERIBIT, "BTC-25DEC26-" + strike + (type == OptionType.CALL ? "-C" : "-P"),
            InstrumentKind.OPTION, "BTC", "BTC", "BTC", "BTC", ContractStyle.INVERSE, BigDecimal.ONE,
            DecimalGrid.of("0.0005"), DecimalGrid.of("0.1"), new BigDecimal("0.1"), EXPIRY_MS, BigDecimal.valueOf(strike), type);
    }

    /** Binance USD-M BTCUSDT: linear, amounts in BTC, 0.001 lots, margined in USDT. */
    public static Instrument binancePerpetual() {
        return new Instrument(Venue.BINANCE_USDM, "BTCUSDT", InstrumentKind.PERPETUAL, "BTC", "USDT", "USDT", "BTC",
            ContractStyle.LINEAR, BigDecimal.ONE, DecimalGrid.of("0.1"), DecimalGrid.of("0.001"), new BigDecimal("0.001"),
            0, null, null);
    }

    /** The historical BTCUSDT brackets of the reference (venues.md 2.5) with initial rates of 1/max leverage. */
    public static List<MarginBracket> binanceBrackets() {
        return List.of(
            new MarginBracket(0, 50_000, 0.004, 0, 0.008),
            new MarginBracket(50_000, 250_000, 0.005, 50, 0.01),
            new MarginBracket(250_000, 1_000_000, 0.01, 1_300, 0.02),
            new MarginBracket(1_000_000, 10_000_000, 0.025, 16_300, 0.05),
            new MarginBracket(10_000_000, 20_000_000, 0.05, 266_300, 0.1),
            new MarginBracket(20_000_000, 50_000_000, 0.1, 1_266_300, 0.2),
            new MarginBracket(50_000_000, 100_000_000, 0.125, 2_516_300, 0.25),
            new MarginBracket(100_000_000, 200_000_000, 0.15, 5_016_300, 1.0 / 3.0),
            new MarginBracket(200_000_000, 300_000_000, 0.25, 25_016_300, 0.5),
            new MarginBracket(300_000_000, Double.POSITIVE_INFINITY, 0.5, 100_016_300, 1.0));
    }

    public static TieredMarginModel binanceModel() {
        return new TieredMarginModel(binanceBrackets());
    }
}
