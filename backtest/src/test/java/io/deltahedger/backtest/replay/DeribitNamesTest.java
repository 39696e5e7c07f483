package io.deltahedger.backtest.replay;

import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.OptionType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitNamesTest
{
    @Test
    void optionsFuturesAndPerpetualsGetDeribitsSpecifications()
    {
        final Instrument call = DeribitNames.instrument("BTC-9JUN20-9875-C");
        assertEquals(InstrumentKind.OPTION, call.kind());
        assertEquals(OptionType.CALL, call.optionType());
        assertEquals(new BigDecimal("9875"), call.strike());
        assertEquals(1_591_689_600_000L, call.expiryEpochMs()); // 2020-06-09T08:00:00Z
        assertEquals(new BigDecimal("0.1"), call.minAmount());
        assertEquals("BTC", call.settlementCurrency());
        final Instrument ethPut = DeribitNames.instrument("ETH-27DEC24-3000-P");
        assertEquals(OptionType.PUT, ethPut.optionType());
        assertEquals(BigDecimal.ONE, ethPut.minAmount());
        final Instrument perp = DeribitNames.instrument("BTC-PERPETUAL");
        assertEquals(ContractStyle.INVERSE, perp.style());
        assertEquals(BigDecimal.TEN, perp.contractSize());
        assertEquals(new BigDecimal("0.5"), perp.priceGrid().step());
        final Instrument future = DeribitNames.instrument("ETH-27DEC24");
        assertEquals(InstrumentKind.FUTURE, future.kind());
        assertEquals(1_735_286_400_000L, future.expiryEpochMs());
    }

    @Test
    void otherNamesAreNotRecognised()
    {
        for (final String name : new String[] {"BTC_USDC-PERPETUAL", "SOL-PERPETUAL", "BTC-31FEB24", "BTC-09JUN20",
            "BTC-9JUN20-9875-X", "BTC-9JUN20-0d5-C", "BTC-9Jun20-9875-C", "BTC", "", "BTC-PERPETUAL-X"})
        {
            assertNull(DeribitNames.instrument(name), name);
        }
    }

    @Test
    void monthlyExpiriesAreTheLastFridayOfTheMonth()
    {
        assertTrue(ChainQuotes.isMonthly(DeribitNames.instrument("BTC-30JAN26").expiryEpochMs()));
        assertTrue(ChainQuotes.isMonthly(DeribitNames.instrument("BTC-27FEB26").expiryEpochMs()));
        assertFalse(ChainQuotes.isMonthly(DeribitNames.instrument("BTC-23JAN26").expiryEpochMs()));
        assertFalse(ChainQuotes.isMonthly(DeribitNames.instrument("BTC-31JAN26").expiryEpochMs()));
    }
}
