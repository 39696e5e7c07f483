package io.deltahedger.hedger.engine;

import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.JournalSummary;
import io.deltahedger.hedger.journal.JournalVerifier;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.hedger.journal.VerificationReport;
import io.deltahedger.hedger.pipeline.EventKind;
import io.deltahedger.hedger.pipeline.HedgingPipeline;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.trading.OrderRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash recovery (issue 5, docs/journal.md "Recovery"): engine A journals while it hedges a jumpy market on two
 * loopback simulators; at a seeded step, right after a seeded shock made it open a group, and a seeded number of duty
 * cycles later (the group's order queued, sent, or reported), it is crashed ({@link HedgingEngine#crash()}: no drain,
 * no close, no signature, sockets dropped, orders left on the venues). Then, as a restarted process finds them, a
 * resting order of A's (a client order id of A's last group, standing in for a leg left working) and a desk order are
 * put on sim-a, and in every other repetition a torn frame is appended to the journal (a write cut by the crash).
 * Engine B starts on the same journal directory and simulators and hedges on. Checked for each seed: no client order
 * id on either venue twice, no order of the agent left open (A's cancelled by B's start-up reconciliation, the desk's
 * untouched), every venue position equals B's portfolio hedge position, B's net delta back inside the band, A's open
 * groups ended in the journal, and the journal directory verifies across both runs.
 */
final class CrashRecoveryTest
{
    private static final Map<String, Double> BANDS = Map.of("BTC", 0.02, "ETH", 0.2);
    private static final int SEEDS = Integer.getInteger("recovery.seeds", 10);
    private static final ChainSigner SIGNER = ChainSigner.generate(new Random(5));
    private static final String DESK_LABEL = "desk-resting-bid";

    @TempDir
    Path tmp;

    @Test
    @Timeout(170)
    void aCrashedEngineRestartsWithoutDuplicateLegsAndWithTheVenuesPositions() throws Exception
    {
        int crashedInGroup = 0;
        int tornTails = 0;
        final List<String> lines = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++)
        {
            final Run run = runOnce(seed, tmp.resolve("journal-" + seed));
            crashedInGroup += run.openGroupsAtCrash > 0 ? 1 : 0;
            tornTails += run.torn ? 1 : 0;
            lines.add(run.toString());
        }
        lines.forEach(System.out::println);
        // the seeds must actually crash A in the middle of groups, not only between them
        assertTrue(crashedInGroup >= SEEDS / 2, "crashes inside a group: " + crashedInGroup + " of " + SEEDS);
        assertTrue(tornTails > 0, "some repetitions tore the journal's tail");
    }

    /** Where in a group A dies. */
    private enum CrashPoint
    {
        /** As soon as the group is open: its first order journaled and queued, most likely not yet sent. */
        GROUP_JUST_OPENED,
        /** As soon as the venue holds a new order of the group, before A's session has read its report. */
        ORDER_ON_THE_VENUE,
        /** A seeded number of duty cycles into the group (reports read, re-routes, the group ending). */
        CYCLES_INTO_A_GROUP
    }

    /** What one repetition saw. */
    private record Run(long seed, CrashPoint point, int crashStep, int extraCycles, int openGroupsAtCrash, long aOrdersOnVenues,
                       boolean torn, long cancelledAtStartUp, int groupsEndedByRestart, int bGroups)
    {
        @Override
        public String toString()
        {
            return String.format("seed %d: crash %s at step %d +%d cycles with %d open group(s), %d orders of A on the "
                    + "venues; torn tail %s; B cancelled %d at start-up, ended %d group(s) of A, ran %d group(s)",
                seed, point, crashStep, extraCycles, openGroupsAtCrash, aOrdersOnVenues, torn, cancelledAtStartUp,
                groupsEndedByRestart, bGroups);
        }
    }

    private Run runOnce(final long seed, final Path dir) throws Exception
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final RingCapture captureA = new RingCapture();
        try (TwoVenueWorld world = new TwoVenueWorld(captureA, BANDS,
            JournalWriter.open(dir, SIGNER, JournalWriterConfig.defaults())))
        {
            // ---- run A, then crash it while a group is open
            world.connect();
            final int crashStep = 2 + random.nextInt(6);
            for (int i = 0; i < crashStep; i++)
            {
                world.step();
            }
            final CrashPoint point = CrashPoint.values()[(int) (seed % CrashPoint.values().length)];
            final int extraCycles = point == CrashPoint.CYCLES_INTO_A_GROUP ? 1 + random.nextInt(12) : 0;
            final int openAtCrash = shockAndCrash(world, random, point, extraCycles);
            final long aOrders = agentOrders(world.simA) + agentOrders(world.simB);

            // ---- what the restarted process finds: a resting leg of A's, a desk order, maybe a torn journal tail
            final JournalSummary afterA = JournalSummary.scan(JournalFormat.filesIn(dir));
            final ClientOrderId leftWorking = new ClientOrderId(Math.max(0, afterA.maxGroupId()), 9, 0);
            final long leftWorkingOrderId = restingBid(world.simA, leftWorking.text());
            final long deskOrderId = restingBid(world.simA, DESK_LABEL);
            final boolean torn = seed % 2 == 0;
            if (torn)
            {
                tearTail(dir);
            }
            // the restart takes a tick of market time
            world.simA.advance(TwoVenueWorld.TICK_MS);
            world.simB.advance(TwoVenueWorld.TICK_MS);
            world.engineClock.advanceMs(TwoVenueWorld.TICK_MS);

            // ---- run B on the same journal and venues
            final RingCapture captureB = new RingCapture();
            world.restart(captureB, JournalWriter.open(dir, SIGNER, JournalWriterConfig.defaults()));
            final JournalSummary resumed = world.engine.resumedJournal();
            assertEquals(afterA.maxGroupId(), resumed.maxGroupId(), "B read the journal A left (torn tail cut off)");
            world.connect();
            final long cancelledAtStartUp = world.engine.connection("sim-a").ordersCancelledAtStartUp()
                + world.engine.connection("sim-b").ordersCancelledAtStartUp();
            assertEquals(1, cancelledAtStartUp, "B cancelled A's resting leg before hedging");
            for (int i = 0; i < 6 || !world.engine.status().openGroups().isEmpty() || !insideBands(captureB); i++)
            {
                assertTrue(i < 30, "seed " + seed + ": after 30 steps B still has open groups "
                    + world.engine.status().openGroups() + " or is outside the band " + lastDeltas(captureB));
                world.step();
            }
            assertEquals(EngineState.HEDGING, world.engine.state(), world.engine.failure());
            world.engine.close();
            assertTrue(world.halts.isEmpty(), "no stage of B threw: " + world.halts);

            // ---- checks
            noClientOrderIdIsUsedTwice(world);
            assertEquals(SimOrder.CANCELLED, orderState(world.simA, leftWorkingOrderId), "A's resting leg cancelled");
            assertEquals(SimOrder.OPEN, orderState(world.simA, deskOrderId), "the desk's order left alone");
            noOrderOfTheAgentIsOpen(world);
            venuePositionsEqualTheHedgePositions(world);
            final int ended = groupsEndedByRestart(dir, resumed);
            final JournalSummary afterB = JournalSummary.scan(JournalFormat.filesIn(dir));
            assertTrue(afterB.openGroups().isEmpty(), "every group ended in the journal: " + afterB.openGroups());
            final VerificationReport report = new JournalVerifier(SIGNER.address()).verify(JournalFormat.filesIn(dir));
            assertTrue(report.ok(), "the journal of both runs verifies:\n" + report.render());
            return new Run(seed, point, crashStep, extraCycles, openAtCrash, aOrders, torn, cancelledAtStartUp, ended,
                captureB.groups.size());
        }
    }

    /**
     * A BTC shock of 1.5-4 % (either sign) on both venues, then duty cycles until A has a group open (at most
     * 2 s), then {@code extraCycles} more, then the crash. Returns the groups open at the crash.
     */
    private static int shockAndCrash(final TwoVenueWorld w, final SplittableRandom random, final CrashPoint point,
        final int extraCycles)
    {
        final long ordersBefore = agentOrders(w.simA) + agentOrders(w.simB);
        final double move = (random.nextBoolean() ? 1 : -1) * (0.015 + 0.025 * random.nextDouble());
        w.simA.shockIndex("BTC", move);
        w.simB.shockIndex("BTC", move);
        final long deadline = System.nanoTime() + 2_000_000_000L;
        while (w.engine.status().openGroups().isEmpty() && System.nanoTime() < deadline)
        {
            if (w.engine.dutyCycle(w.engineClock.epochMs()) == 0)
            {
                Thread.yield();
            }
        }
        if (point == CrashPoint.ORDER_ON_THE_VENUE)
        {
            // one duty cycle at a time: it sends what the group queued; the venue's answer is read by a later cycle
            final long until = System.nanoTime() + 2_000_000_000L;
            while (agentOrders(w.simA) + agentOrders(w.simB) == ordersBefore && System.nanoTime() < until)
            {
                w.engine.dutyCycle(w.engineClock.epochMs());
            }
        }
        for (int i = 0; i < extraCycles; i++)
        {
            w.engine.dutyCycle(w.engineClock.epochMs());
        }
        final int open = w.engine.status().openGroups().size();
        w.engine.crash();
        return open;
    }

    /** A GTC bid at half the mark on the perpetual of BTC (never fills here), placed straight on the venue. */
    private static long restingBid(final ExchangeSimulator sim, final String label)
    {
        return sim.call(() ->
        {
            final SimInstrument perp = perpetual(sim, "BTC");
            final long ticks = Math.round(sim.engine().mark(perp.index()) * 0.5 / perp.price(1));
            return sim.engine().place(TwoVenueWorld.OWNER, new OrderRequest(perp.index(), true, false, 1, ticks,
                "good_til_cancelled", false, false, false, label)).orderId;
        });
    }

    /** A write the crash cut short: a frame's length and the first bytes of its body, no hash. */
    private static void tearTail(final Path dir) throws IOException
    {
        final List<Path> files = JournalFormat.filesIn(dir);
        final ByteBuffer torn = ByteBuffer.allocate(4 + 11).order(ByteOrder.LITTLE_ENDIAN);
        torn.putInt(200).put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}).flip();
        try (var channel = Files.newByteChannel(files.get(files.size() - 1), StandardOpenOption.APPEND))
        {
            channel.write(torn);
        }
    }

    private static SimInstrument perpetual(final ExchangeSimulator sim, final String coin)
    {
        return sim.instruments().stream().filter(x -> x.name().equals(coin + "-PERPETUAL")).findFirst().orElseThrow();
    }

    private static String orderState(final ExchangeSimulator sim, final long orderId)
    {
        return sim.call(() -> sim.engine().userOrder(orderId).state);
    }

    private static long agentOrders(final ExchangeSimulator sim)
    {
        return sim.call(() -> sim.engine().userOrders(TwoVenueWorld.OWNER).stream()
            .filter(o -> ClientOrderId.parseOrNull(o.label) != null).count());
    }

    /** Every order on either venue has its own client order id, across both runs and both venues. */
    private static void noClientOrderIdIsUsedTwice(final TwoVenueWorld w)
    {
        final Set<ClientOrderId> seen = new HashSet<>();
        for (final ExchangeSimulator sim : List.of(w.simA, w.simB))
        {
            for (final SimOrder order : sim.call(() -> List.copyOf(sim.engine().userOrders(TwoVenueWorld.OWNER))))
            {
                final ClientOrderId id = ClientOrderId.parseOrNull(order.label);
                if (id != null)
                {
                    assertTrue(seen.add(id), "client order id " + id + " sent twice (order " + order.orderId + ")");
                }
            }
        }
        assertTrue(seen.size() > 1, "the runs traded: " + seen);
    }

    private static void noOrderOfTheAgentIsOpen(final TwoVenueWorld w)
    {
        for (final ExchangeSimulator sim : List.of(w.simA, w.simB))
        {
            final List<String> open = sim.call(() -> sim.engine().openOrders(TwoVenueWorld.OWNER).stream()
                .map(o -> o.label).filter(l -> ClientOrderId.parseOrNull(l) != null).toList());
            assertTrue(open.isEmpty(), "orders of the agent left open: " + open);
        }
    }

    /** Per perpetual: what both venues hold together equals B's portfolio hedge position (read after B closed). */
    private static void venuePositionsEqualTheHedgePositions(final TwoVenueWorld w)
    {
        final Portfolio portfolio = w.portfolio;
        for (final String coin : List.of("BTC", "ETH"))
        {
            double venues = 0;
            for (final ExchangeSimulator sim : List.of(w.simA, w.simB))
            {
                final SimInstrument perp = perpetual(sim, coin);
                final long lots = sim.call(() ->
                    sim.engine().account(TwoVenueWorld.OWNER, coin).position(perp.index()).sizeLots());
                venues += perp.amount(lots);
            }
            final int d = portfolio.deltaOneIndex("deribit:" + coin + "-PERPETUAL");
            assertTrue(d >= 0, "the portfolio holds the " + coin + " perpetual");
            assertEquals(venues, portfolio.deltaOneAmount(d), 1e-9, coin + "-PERPETUAL: venues vs B's hedge position");
        }
    }

    /** The last decision's net delta of each underlying is inside its band. */
    private static boolean insideBands(final RingCapture capture)
    {
        final Map<Integer, Double> last = lastDeltas(capture);
        return last.size() == 2 && Math.abs(last.get(0)) <= BANDS.get("BTC") && Math.abs(last.get(1)) <= BANDS.get("ETH");
    }

    private static Map<Integer, Double> lastDeltas(final RingCapture capture)
    {
        final Map<Integer, Double> last = new HashMap<>();
        synchronized (capture.outcomes)
        {
            for (final RingCapture.Outcome o : capture.outcomes)
            {
                if (o.kind() == EventKind.MARKET_DATA && o.underlying() >= 0 && Double.isFinite(o.deltaCoin()))
                {
                    last.put(o.underlying(), o.deltaCoin());
                }
            }
        }
        return last;
    }

    /** B's session ended each of A's unended groups right after its HEADER. */
    private static int groupsEndedByRestart(final Path dir, final JournalSummary resumed) throws IOException
    {
        final Set<Long> ended = new HashSet<>();
        try (JournalReader reader = new JournalReader(JournalFormat.filesIn(dir), new JournalReader.Listener()
        {
        }))
        {
            while (reader.next())
            {
                if (reader.entry() instanceof JournalEntry.GroupDone d
                    && d.state().equals(HedgingPipeline.GROUP_ENDED_BY_RESTART))
                {
                    ended.add(d.groupId());
                }
            }
        }
        final Set<Long> expected = new HashSet<>();
        resumed.openGroups().forEach(g -> expected.add(g.groupId()));
        assertEquals(expected, ended, "A's unended groups are ended by B's restart, and only they");
        return ended.size();
    }
}
