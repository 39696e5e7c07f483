package io.deltahedger.marginmonitor.model;

import io.deltahedger.marginmonitor.Fixtures;
import io.deltahedger.venues.instrument.OptionType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarginModelTest {

    private static final double EPS = 1e-12;
    private final DeribitStandardMarginModel deribit = DeribitStandardMarginModel.btc();
    private final MarginInstrument perp = MarginInstrument.of(Fixtures.deribitPerpetual());
    private final MarginInstrument future = MarginInstrument.of(Fixtures.deribitFuture());

    @Test
    void deribitFutureMarginGrowsWithSizeInCoin() {
        // 1,000,000 USD at 50,000 = 20 BTC; MM rate 1% + 20 * 0.005% = 1.1%, IM rate 2.1%.
        assertEquals(0.22, deribit.maintenanceMargin(perp, 1_000_000, 50_000, 50_000), EPS);
        assertEquals(0.42, deribit.initialMargin(perp, 1_000_000, 50_000, 50_000), EPS);
        assertEquals(0.22, deribit.maintenanceMargin(future, -1_000_000, 50_000, 50_000), EPS, "short equals long");
        // 10,000 USD at 50,000 = 0.2 BTC: 0.2 * (0.01 + 0.2 * 0.00005) = 0.002002.
        assertEquals(0.002002, deribit.maintenanceMargin(perp, 10_000, 50_000, 50_000), EPS);
        assertEquals(0.0, deribit.maintenanceMargin(perp, 0, 50_000, 50_000));
    }

    @Test
    void ethParametersUseTheSmallerSizeTerm() {
        // 300,000 USD at 3,000 = 100 ETH: 100 * (0.01 + 100 * 0.000004) = 1.04 ETH.
        assertEquals(1.04, DeribitStandardMarginModel.eth().maintenanceMargin(perp, 300_000, 3_000, 3_000), EPS);
    }

    @Test
    void deribitShortOutOfTheMoneyCallUsesTheInitialFloor() {
        final MarginInstrument call = MarginInstrument.of(Fixtures.deribitOption(60_000, OptionType.CALL));
        // OTM 10,000 / 50,000 = 0.2: max(0.15 - 0.2, 0.1) = 0.1; 2 contracts at mark 0.01.
        assertEquals(0.22, deribit.initialMargin(call, -2, 0.01, 50_000), EPS);
        assertEquals(0.17, deribit.maintenanceMargin(call, -2, 0.01, 50_000), EPS);
    }

    @Test
    void deribitShortInTheMoneyCallPaysTheFullBase() {
        final MarginInstrument call = MarginInstrument.of(Fixtures.deribitOption(40_000, OptionType.CALL));
        assertEquals(0.37, deribit.initialMargin(call, -1, 0.22, 50_000), EPS);
        assertEquals(0.295, deribit.maintenanceMargin(call, -1, 0.22, 50_000), EPS);
    }

    @Test
    void deribitShortPut() {
        final MarginInstrument put = MarginInstrument.of(Fixtures.deribitOption(45_000, OptionType.PUT));
        // OTM 5,000 / 50,000 = 0.1: max(0.05, 0.1) = 0.1; MM per contract max(0.075, 0.0015) + 0.02 = 0.095.
        assertEquals(0.36, deribit.initialMargin(put, -3, 0.02, 50_000), EPS);
        assertEquals(0.285, deribit.maintenanceMargin(put, -3, 0.02, 50_000), EPS);
    }

    @Test
    void deribitDeepShortPutInitialMarginIsAtLeastMaintenance() {
        final MarginInstrument put = MarginInstrument.of(Fixtures.deribitOption(150_000, OptionType.PUT));
        // mark 2.75: MM = 0.075 * 2.75 + 2.75 = 2.95625 > IM formula 0.15 + 2.75 = 2.9.
        assertEquals(2.95625, deribit.maintenanceMargin(put, -1, 2.75, 40_000), EPS);
        assertEquals(2.95625, deribit.initialMargin(put, -1, 2.75, 40_000), EPS);
    }

    @Test
    void deribitLongOptionNeedsNoMargin() {
        final MarginInstrument call = MarginInstrument.of(Fixtures.deribitOption(60_000, OptionType.CALL));
        assertEquals(0.0, deribit.initialMargin(call, 5, 0.01, 50_000));
        assertEquals(0.0, deribit.maintenanceMargin(call, 5, 0.01, 50_000));
    }

    @Test
    void deribitModelRefusesLinearProducts() {
        assertFalse(deribit.supports(MarginInstrument.of(Fixtures.binancePerpetual())));
        assertTrue(deribit.supports(perp));
    }

    @Test
    void bracketModelIsContinuousAtBracketEdges() {
        final TieredMarginModel model = Fixtures.binanceModel();
        final MarginInstrument usdt = MarginInstrument.of(Fixtures.binancePerpetual());
        // 50,000 notional: first bracket 0.4% would give 200; the second 0.5% - 50 gives 200.
        assertEquals(200.0, model.maintenanceMargin(usdt, 1, 50_000, 50_000), 1e-9);
        assertEquals(199.996, model.maintenanceMargin(usdt, 1, 49_999, 49_999), 1e-9);
        assertEquals(200.005, model.maintenanceMargin(usdt, 1, 50_001, 50_001), 1e-9);
        assertEquals(1_200.0, model.maintenanceMargin(usdt, -5, 50_000, 50_000), 1e-9, "250k: 1% - 1,300");
        assertEquals(8_700.0, model.maintenanceMargin(usdt, 20, 50_000, 50_000), 1e-9, "1M opens the 2.5% bracket");
        assertEquals(8_700.0, model.maintenanceMargin(usdt, 20, 49_999.999_999, 49_999.999_999), 1e-6, "and 1% - 1,300 meets it");
        assertEquals(100.0, model.maintenanceMargin(usdt, 0.5, 50_000, 50_000), 1e-9);
    }

    @Test
    void bracketInitialMarginUsesTheBracketRate() {
        final TieredMarginModel model = Fixtures.binanceModel();
        final MarginInstrument usdt = MarginInstrument.of(Fixtures.binancePerpetual());
        assertEquals(200.0, model.initialMargin(usdt, 0.5, 50_000, 50_000), 1e-9);
        assertEquals(5_000.0, model.initialMargin(usdt, 5, 50_000, 50_000), 1e-9, "250k sits in the 2% bracket");
    }

    @Test
    void bracketAboveTheLastCapUsesTheLastBracket() {
        final TieredMarginModel model = new TieredMarginModel(List.of(
            new MarginBracket(0, 1_000, 0.01, 0, 0.02), new MarginBracket(1_000, 2_000, 0.02, 10, 0.04)));
        assertEquals(0.02 * 5_000 - 10, model.maintenanceMargin(MarginInstrument.of(Fixtures.binancePerpetual()), 1, 5_000, 5_000), 1e-9);
    }

    @Test
    void bracketTableWithAWrongMaintenanceAmountIsRefusedWithTheFix() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TieredMarginModel(List.of(
            new MarginBracket(0, 50_000, 0.004, 0, 0.008), new MarginBracket(50_000, 250_000, 0.005, 40, 0.01))));
        assertTrue(e.getMessage().contains("discontinuous at notional 50000") && e.getMessage().contains("should be 50"),
            e.getMessage());
    }

    @Test
    void bracketTableWithAGapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TieredMarginModel(List.of(
            new MarginBracket(0, 50_000, 0.004, 0, 0.008), new MarginBracket(60_000, 250_000, 0.005, 50, 0.01))));
    }

    @Test
    void rateModelOnLinearAndInverseNotional() {
        final RateMarginModel model = new RateMarginModel(0.1, 0.05);
        final MarginInstrument usdt = MarginInstrument.of(Fixtures.binancePerpetual());
        assertEquals(6_000.0, model.initialMargin(usdt, 2, 30_000, 30_000), 1e-9);
        assertEquals(3_000.0, model.maintenanceMargin(usdt, -2, 30_000, 30_000), 1e-9);
        assertEquals(0.001, new RateMarginModel(0.01, 0.005).maintenanceMargin(perp, 10_000, 50_000, 50_000), EPS);
        assertFalse(model.supports(MarginInstrument.of(Fixtures.deribitOption(60_000, OptionType.CALL))));
    }

    @Test
    void rateModelRefusesMaintenanceAboveInitial() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RateMarginModel(0.01, 0.02));
        assertTrue(e.getMessage().contains("maintenanceRate 0.02"), e.getMessage());
    }
}
