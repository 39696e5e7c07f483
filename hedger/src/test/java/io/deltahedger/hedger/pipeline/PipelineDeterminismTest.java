package io.deltahedger.hedger.pipeline;

import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.venues.connection.ConnectionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same seeded input sequence through two pipelines (each with its own threads) gives the same outcome stream. */
@Timeout(30)
class PipelineDeterminismTest
{
    /** 2026-12-25T08:00:00Z. */
    private static final long EXPIRY_MS = 1_798_185_600_000L;

    private static List<RecordingSink.Outcome> run(final long seed)
    {
        return run(seed, PipelineConfig.DEFAULT_STAGE_THREADING);
    }

    private static List<RecordingSink.Outcome> run(final long seed, final StageThreading threading)
    {
        final HedgePolicy policy = HedgePolicy.builder("BTC", "0.001")
            .band(new FixedBand(0.3, DeltaUnit.COIN))
            .rearm(0.5, 2_000)
            .maxOrdersPerMinute(20)
            .build();
        final List<OptionPosition> options = new ArrayList<>();
        for (int k = 0; k < 20; k++)
        {
            final double strike = 40_000 + 1_000 * k;
            options.add(new OptionPosition("deribit:BTC-25DEC26-" + (long)strike + "-C", "BTC", OptionModel.INVERSE,
                k % 2 == 0 ? OptionType.CALL : OptionType.PUT, strike, EXPIRY_MS, k % 3 == 0 ? -3 : 2, 1.0, 0.55));
        }
        final PipelineWorld w = new PipelineWorld(
            PipelineConfig.defaults(List.of(new HedgeRoute(policy, "binance-usdm:BTCUSDT"))).withStageThreading(threading),
            options, List.of(new DeltaOnePosition("binance-usdm:BTCUSDT", "BTC", false, 0.5, 1.0)));
        final SplittableRandom random = new SplittableRandom(seed);
        double index = 50_000;
        w.live();
        w.account(1_000_000);
        for (int step = 0; step < 600; step++)
        {
            w.clock.advanceMs(50 + random.nextInt(400));
            final int pick = random.nextInt(100);
            if (pick < 55)
            {
                index *= 1 + 0.004 * (random.nextDouble() - 0.5);
                w.index(index);
            }
            else if (pick < 85)
            {
                w.perpTicker(index * (1 + 0.0005 * (random.nextDouble() - 0.5)));
            }
            else if (pick < 95)
            {
                w.account(1_000_000);
            }
            else
            {
                w.connection(random.nextInt(3) == 0 ? ConnectionState.STALE : ConnectionState.LIVE);
            }
        }
        w.close();
        assertEquals(List.of(), w.halts);
        return List.copyOf(w.sink.outcomes);
    }

    @Test
    void theSameSeededEventSequenceGivesTheSameDecisions()
    {
        final List<RecordingSink.Outcome> first = run(20_261_121L);
        final List<RecordingSink.Outcome> second = run(20_261_121L);
        assertEquals(600 + 2, first.size());
        assertEquals(first, second);
        // the stream is not trivial: it hedges, holds and refuses
        final long approved = first.stream().filter(RecordingSink.Outcome::approved).count();
        assertTrue(approved >= 3, () -> "approved " + approved);
        assertTrue(first.stream().anyMatch(o -> o.result() == PipelineResult.NO_ACTION));
        assertTrue(first.stream().anyMatch(o -> o.result() == PipelineResult.CONNECTION_NOT_LIVE));
    }

    @Test
    void oneThreadAThreadPerStageAndTheCallersThreadDecideTheSame()
    {
        final List<RecordingSink.Outcome> single = run(20_261_121L, StageThreading.SINGLE_THREAD);
        final List<RecordingSink.Outcome> perStage = run(20_261_121L, StageThreading.THREAD_PER_STAGE);
        final List<RecordingSink.Outcome> callerRuns = run(20_261_121L, StageThreading.CALLER_RUNS);
        assertEquals(600 + 2, single.size());
        assertEquals(single, perStage);
        assertEquals(single, callerRuns);
    }

    @Test
    void anotherSeedGivesAnotherDecisionStream()
    {
        assertTrue(!run(1L).equals(run(2L)));
    }
}
