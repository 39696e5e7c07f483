package io.deltahedger.hedger.pipeline;


import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.hedger.pipeline.AllocationMeter.CountingSink;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static io.deltahedger.hedger.pipeline.AllocationMeter.awaitReleased;
import static io.deltahedger.hedger.pipeline.AllocationMeter.drive;
import static io.deltahedger.hedger.pipeline.AllocationMeter.measuredThreads;
import static io.deltahedger.hedger.pipeline.AllocationMeter.pipelineThreadIds;
import static io.deltahedger.hedger.pipeline.AllocationMeter.sinePath;
import static io.deltahedger.hedger.pipeline.AllocationMeter.sum;
import static io.deltahedger.hedger.pipeline.AllocationMeter.threadsRunning;

/**
 * With a journal (default settings: background signing) steady state still allocates nothing per event: as
 * {@link PipelineAllocationTest}, HotSpot's allocated-bytes counters of the publishing thread and the stage threads
 * (the execution stage owns the journal writer) over 20,000 market-data events, every one journaled as a MARKET
 * record and flushed at the end of its batch, with a background chain signature every 1,000 records.
 */
@Timeout(60)
class JournaledPipelineAllocationTest
{
    private static final int EVENTS = 20_000;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(StageThreading.class)
    void journalingEveryEventAllocatesNothingPerEvent(final StageThreading threading) throws java.io.IOException
    {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
            "needs HotSpot's per-thread allocation counter");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final List<OptionPosition> options = new ArrayList<>();
        for (int k = 0; k < 40; k++)
        {
            options.add(new OptionPosition("opt-" + k, "BTC", OptionModel.INVERSE,
                k % 2 == 0 ? OptionType.CALL : OptionType.PUT, 40_000 + 500 * k, PipelineWorld.T0 + 30L * 86_400_000L,
                k % 3 == 0 ? -1 : 1, 1.0, 0.6));
        }
        final PipelineWorld w = new PipelineWorld(PipelineConfig.defaults(List.of(new HedgeRoute(
            HedgePolicy.builder("BTC", "0.001").band(new FixedBand(0.5, DeltaUnit.COIN)).build(),
            "binance-usdm:BTCUSDT"))).withStageThreading(threading), options,
            List.of(new DeltaOnePosition("spot", "BTC", false, 0.1, 1.0)), null,
            p -> p.withJournal(io.deltahedger.hedger.journal.JournalWriter.open(dir.resolve("warm-up"),
                io.deltahedger.hedger.journal.ChainSigner.generate(new java.util.Random(42)),
                io.deltahedger.hedger.journal.JournalWriterConfig.defaults()), "hedger-alloc-test"));
        final double[] path = sinePath();
        w.live();
        w.account(1_000_000);
        drive(w, path, EVENTS);
        w.pipeline.close();
        // a second pipeline after the JIT has seen the first, with a counting sink that allocates nothing: measure it
        final CountingSink counting = new CountingSink();
        final List<Long> earlier = pipelineThreadIds();
        final PipelineWorld m = new PipelineWorld(PipelineConfig.defaults(List.of(new HedgeRoute(
            HedgePolicy.builder("BTC", "0.001").band(new FixedBand(0.5, DeltaUnit.COIN)).build(),
            "binance-usdm:BTCUSDT"))).withStageThreading(threading), options,
            List.of(new DeltaOnePosition("spot", "BTC", false, 0.1, 1.0)), counting,
            p -> p.withJournal(io.deltahedger.hedger.journal.JournalWriter.open(dir,
                io.deltahedger.hedger.journal.ChainSigner.generate(new java.util.Random(42)),
                io.deltahedger.hedger.journal.JournalWriterConfig.defaults()), "hedger-alloc-test"));
        m.live();
        m.account(1_000_000);
        drive(m, path, 2_000);
        awaitReleased(counting, 2_000 + 2);

        final long[] ids = measuredThreads(earlier);
        assertEquals(threadsRunning(threading), ids.length,
            "the publisher and the stage thread(s) of " + threading);
        final long before = sum(threads.getThreadAllocatedBytes(ids));
        drive(m, path, EVENTS);
        awaitReleased(counting, EVENTS + 2_000 + 2);
        final long after = sum(threads.getThreadAllocatedBytes(ids));
        m.close();

        final io.deltahedger.hedger.journal.VerificationReport report = new io.deltahedger.hedger.journal.JournalVerifier(
            null).verify(io.deltahedger.hedger.journal.JournalFormat.filesIn(dir));
        assertTrue(report.ok(), report.render());
        assertTrue(report.records() > EVENTS, () -> "every event journaled: " + report.records() + " records");
        assertTrue(report.verdictsChecked() > 0, report::render);
        final double perEvent = (after - before) / (double)EVENTS;
        assertTrue(perEvent < 1.0, () -> (after - before) + " bytes over " + EVENTS + " events = " + perEvent + " B/event");
        assertTrue(counting.decided > EVENTS / 2, () -> "decisions taken: " + counting.decided);
    }
}
