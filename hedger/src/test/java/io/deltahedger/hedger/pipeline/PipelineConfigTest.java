package io.deltahedger.hedger.pipeline;

import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineConfigTest
{
    private static final HedgePolicy BTC = HedgePolicy.builder("BTC", "0.001").band(new FixedBand(1, DeltaUnit.COIN)).build();
    private static final List<HedgeRoute> ROUTES = List.of(new HedgeRoute(BTC, "binance-usdm:BTCUSDT"));

    private static String refusal(final Runnable build)
    {
        return assertThrows(IllegalArgumentException.class, build::run).getMessage();
    }

    @Test
    void defaultsAreTheDocumentedOnes()
    {
        final PipelineConfig config = PipelineConfig.defaults(ROUTES);
        assertEquals(5_000, config.maxInputAgeMs());
        assertEquals(PipelineWaitStrategy.SLEEPING, config.waitStrategy());
        assertEquals(4096, config.ringSize());
    }

    @Test
    void refusesBadSettingsNamingTheSettingTheValueAndAFix()
    {
        assertEquals("pipeline maxInputAgeMs must be > 0, was 0: e.g. 5000",
            refusal(() -> PipelineConfig.defaults(ROUTES).withMaxInputAgeMs(0)));
        assertEquals("pipeline ringSize must be a power of two >= 64, was 1000: e.g. 4096",
            refusal(() -> new PipelineConfig(ROUTES, 5_000, 0.001, 1_000, 1000, PipelineWaitStrategy.SLEEPING, StageThreading.SINGLE_THREAD)));
        assertTrue(refusal(() -> new PipelineConfig(ROUTES, 5_000, 0.5, 1_000, 4096, PipelineWaitStrategy.SLEEPING, StageThreading.SINGLE_THREAD))
            .startsWith("pipeline limitSlippage must be in [0, 0.1), was 0.5"));
        assertTrue(refusal(() -> PipelineConfig.defaults(List.of(ROUTES.get(0), ROUTES.get(0))))
            .contains("name underlying BTC twice"));
        assertTrue(refusal(() -> PipelineConfig.defaults(List.of())).contains("routes are missing"));
    }

    @Test
    void refusesAHedgeInstrumentTheMarginBookDoesNotKnow()
    {
        final List<HedgeRoute> routes = List.of(new HedgeRoute(BTC, "binance-usdm:BTCUSDC"));
        final String message = refusal(() -> new PipelineWorld(PipelineConfig.defaults(routes), List.of(),
            List.of(new DeltaOnePosition("x", "BTC", false, 1, 1))));
        assertEquals("hedge instrument 'binance-usdm:BTCUSDC' of BTC is not registered in the margin book: register it"
            + " with MarginBook.addInstrument first", message);
    }

    @Test
    void refusesAnUnderlyingWithoutPositions()
    {
        final HedgePolicy eth = HedgePolicy.builder("ETH", "0.001").band(new FixedBand(1, DeltaUnit.COIN)).build();
        final String message = refusal(() -> new PipelineWorld(
            PipelineConfig.defaults(List.of(new HedgeRoute(eth, "binance-usdm:BTCUSDT"))), List.of(),
            List.of(new DeltaOnePosition("x", "BTC", false, 1, 1))));
        assertTrue(message.startsWith("underlying 'ETH' has no position in this portfolio"), message);
    }
}
