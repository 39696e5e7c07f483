package io.deltahedger.agent.daemon;

import io.deltahedger.agent.control.ControlAction;
import io.deltahedger.agent.control.Actor;
import io.deltahedger.config.time.EpochClock;
import io.deltahedger.hedger.engine.EngineState;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalVerifier;
import io.deltahedger.hedger.journal.VerificationReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The soak: the demo daemon hedging the simulator's market (a tick every 100 ms on both underlyings, books, tickers,
 * account snapshots every second, a flatten every two minutes so groups and orders keep flowing) for
 * {@code DELTAHEDGER_SOAK_MINUTES} minutes (30 by default), sampling the heap after a full collection every 30 s.
 * Passes when the engine is still hedging and not halted, memory is flat (the last samples within 64 MB of the
 * settled level after the first two minutes), and the journal of the whole run verifies.
 *
 * <p>Not in the default suite (tag {@code soak}): {@code mvn -B verify -Psoak -pl agent -am
 * -Dsurefire.failIfNoSpecifiedTests=false} (docs/operations.md, "Soak").
 */
@Tag("soak")
class SoakTest
{
    private static final long FLAT_TOLERANCE_BYTES = 64L << 20;

    @Test
    void theDemoHedgesForHalfAnHourWithFlatMemory() throws Exception
    {
        final int minutes = Integer.parseInt(System.getenv().getOrDefault("DELTAHEDGER_SOAK_MINUTES", "30"));
        final Path journal = Files.createTempDirectory("deltahedger-soak");
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        final List<Long> heapMb = new ArrayList<>();
        try (Daemon daemon = Daemon.start(DaemonTest.demoJournalingTo(journal), 0, name -> null, EpochClock.system()))
        {
            final EngineControlPlane plane = new EngineControlPlane(daemon.engine(), daemon.telemetry(),
                io.deltahedger.config.DeltahedgerConfig.demo(), EpochClock.system());
            final long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            long nextSample = System.nanoTime();
            long nextFlatten = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            final List<Long> used = new ArrayList<>();
            while (System.nanoTime() < end)
            {
                if (System.nanoTime() >= nextSample)
                {
                    System.gc();
                    final long bytes = memory.getHeapMemoryUsage().getUsed();
                    used.add(bytes);
                    heapMb.add(bytes >> 20);
                    nextSample += Duration.ofSeconds(30).toNanos();
                }
                if (System.nanoTime() >= nextFlatten)
                {
                    plane.control(ControlAction.FLATTEN, new Actor("soak", "127.0.0.1", "keep groups flowing"));
                    nextFlatten += Duration.ofMinutes(2).toNanos();
                }
                Thread.sleep(200);
                assertFalse(daemon.engine().halted(), "halted after " + heapMb.size() / 2 + " min");
            }
            assertEquals(EngineState.HEDGING, daemon.engine().state());
            System.out.println("soak " + minutes + " min: heap after GC, MB, every 30 s: " + heapMb
                + "; groups " + daemon.telemetry().recentGroups().size() + " (last 50 kept), fills "
                + daemon.telemetry().reportCount(io.deltahedger.venues.order.ExecType.FILL));
            final int settled = Math.min(4, used.size() - 1);
            final long base = used.subList(settled, used.size()).stream().mapToLong(Long::longValue).min().orElseThrow();
            final int tail = Math.max(settled, used.size() - 4);
            for (final long sample : used.subList(tail, used.size()))
            {
                assertTrue(sample - base < FLAT_TOLERANCE_BYTES, "heap grew from " + (base >> 20) + " MB to "
                    + (sample >> 20) + " MB: " + heapMb);
            }
            daemon.close();
            final VerificationReport report = new JournalVerifier(daemon.journalSigner())
                .verify(JournalFormat.filesIn(daemon.journalDirectory()));
            assertEquals(VerificationReport.OK, report.exitCode(), report.render());
        }
    }
}
