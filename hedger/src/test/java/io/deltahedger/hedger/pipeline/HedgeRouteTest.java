package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.routing.HedgeCandidate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HedgeRouteTest
{
    private static final HedgePolicy BTC = HedgePolicy.builder("BTC", "0.001").band(new FixedBand(1, DeltaUnit.COIN)).build();

    @Test
    void theOneInstrumentRouteIsOneFeelessCandidate()
    {
        final HedgeRoute route = new HedgeRoute(BTC, "deribit:BTC-PERPETUAL");
        assertEquals(List.of(new HedgeCandidate("deribit:BTC-PERPETUAL", 0, 0)), route.candidates());
        assertEquals("deribit:BTC-PERPETUAL", route.hedgeInstrument());
    }

    @Test
    void refusesMissingDuplicateOrTooManyCandidates()
    {
        assertEquals("hedge route of BTC needs a hedge instrument canonical id, was ' ': e.g. deribit:BTC-PERPETUAL",
            assertThrows(IllegalArgumentException.class, () -> new HedgeRoute(BTC, " ")).getMessage());
        assertEquals("hedge route of BTC lists candidate bybit:BTCUSDT twice: give each instrument once",
            assertThrows(IllegalArgumentException.class, () -> new HedgeRoute(BTC, List.of(
                HedgeCandidate.feeless("bybit:BTCUSDT"), new HedgeCandidate("bybit:BTCUSDT", 5, 0)))).getMessage());
        final List<HedgeCandidate> seventeen = new ArrayList<>();
        for (int k = 0; k < 17; k++)
        {
            seventeen.add(HedgeCandidate.feeless("deribit:BTC-" + k));
        }
        assertEquals("hedge route of BTC needs 1..16 candidate instruments, was 17: e.g. List.of(new HedgeCandidate("
            + "\"deribit:BTC-PERPETUAL\", 5, 0))",
            assertThrows(IllegalArgumentException.class, () -> new HedgeRoute(BTC, seventeen)).getMessage());
        assertEquals("pipeline executionLimits is missing: e.g. ExecutionLimits.unlimited()",
            assertThrows(IllegalArgumentException.class, () -> PipelineConfig.defaults(List.of(
                new HedgeRoute(BTC, "deribit:BTC-PERPETUAL"))).withExecutionLimits(null)).getMessage());
    }
}
