package io.deltahedger.hedger.pipeline;

import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.policy.HedgeReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A runtime policy change travels the ring like any input: applied in order by the decision stage, shown by
 * {@link HedgingPipeline#policy(String)} once applied, and it changes the very next decision. 2.5 BTC long, first
 * under a 200,000 USD band (inside at 40,000), then under a 1 BTC band (a breach at the same spot).
 */
@Timeout(20)
class PolicyChangeTest
{
    private static final HedgePolicy WIDE = HedgePolicy.builder("BTC", "0.001")
        .band(new FixedBand(200_000, DeltaUnit.USD)).build();
    private static final HedgePolicy NARROW = HedgePolicy.builder("BTC", "0.001")
        .band(new FixedBand(1.0, DeltaUnit.COIN)).build();

    @Test
    void aNarrowerBandAppliedAtRuntimeHedgesTheNextTick()
    {
        final PipelineWorld w = new PipelineWorld(WIDE, List.of(),
            List.of(new DeltaOnePosition("binance-usdm:BTC-SPOT", "BTC", false, 2.5, 1.0)));
        w.live();
        w.account(100_000);
        w.perpTicker(40_000);
        w.index(40_000);
        w.clock.advanceMs(100);
        w.index(40_001);
        w.pipeline.publishPolicy(NARROW, "alice");
        w.clock.advanceMs(100);
        w.index(40_002);
        w.close();

        final List<RecordingSink.Outcome> decisions = w.sink.decisions();
        assertEquals(HedgeReason.INSIDE_BAND, decisions.get(decisions.size() - 2).reason(), () -> decisions.toString());
        final RecordingSink.Outcome after = decisions.get(decisions.size() - 1);
        assertEquals(HedgeReason.BAND_BREACH, after.reason(), () -> decisions.toString());
        assertEquals(PipelineResult.APPROVED, after.result());
        assertEquals(2_500, after.lots(), "hedged back to the target");
        assertSame(NARROW, w.pipeline.policy("BTC"));
    }

    @Test
    void aPolicyForAnUnhedgedUnderlyingIsRefusedNamingTheHedgedOnes()
    {
        final PipelineWorld w = new PipelineWorld(WIDE, List.of(),
            List.of(new DeltaOnePosition("binance-usdm:BTC-SPOT", "BTC", false, 2.5, 1.0)));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> w.pipeline.publishPolicy(HedgePolicy.builder("ETH", "0.01").band(new FixedBand(1.0, DeltaUnit.COIN)).build(), "alice"));
        assertTrue(e.getMessage().contains("'ETH' is not hedged here: hedged are [BTC]"), e.getMessage());
        assertSame(WIDE, w.pipeline.policy("BTC"));
        w.close();
    }
}
