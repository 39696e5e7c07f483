package io.deltahedger.hedger.engine;

import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.hedger.execution.LegOutcome;
import io.deltahedger.hedger.pipeline.EventKind;
import io.deltahedger.hedger.pipeline.PipelineResult;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.fault.FaultConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A simulated day on two venues: a short-strangle book on BTC and ETH written on sim-a, hedged with both venues'
 * perpetuals, on a jumpy index (80% vol, about two jumps a day), through injected rejects, stale books (partial
 * and missed fills), dropped connections (also while a group works a leg there) and lost replies, and a rally that
 * squeezes sim-a's small BTC account.
 */
class SimulatedDayTest
{
    private static final Map<String, Double> BANDS = Map.of("BTC", 0.02, "ETH", 0.2);
    /** 24 h of 120 s steps. */
    private static final int STEPS = Integer.getInteger("day.steps", 720);

    @Test
    @Timeout(150)
    void holdsTheBandThroughADayOfFaultsWithoutDuplicateLegsOrAMarginBreach() throws Exception
    {
        final RingCapture capture = new RingCapture();
        try (TwoVenueWorld world = new TwoVenueWorld(capture, BANDS))
        {
            world.connect();
            final long startMs = world.engineClock.epochMs();
            final List<long[]> faultWindows = new ArrayList<>();
            final long wall = System.nanoTime();
            for (int i = 0; i < STEPS; i++)
            {
                schedule(world, i, faultWindows);
                world.step();
            }
            // wind down: faults off, a few clean steps so every group ends and every session is back
            world.simA.configureFaults(FaultConfig.none());
            world.simB.configureFaults(FaultConfig.none());
            for (int i = 0; i < 5 || !world.engine.status().openGroups().isEmpty() || !allLive(world); i++)
            {
                world.step();
                assertTrue(i < 20, "after 20 clean steps, groups still open " + world.engine.status().openGroups()
                    + " or a session not back: " + world.engine.connection("sim-a").recentStates() + " "
                    + world.engine.connection("sim-b").recentStates());
            }
            final double wallS = (System.nanoTime() - wall) / 1e9;
            assertEquals(EngineState.HEDGING, world.engine.state(), world.engine.failure());
            world.engine.close();
            assertTrue(world.halts.isEmpty(), "no stage threw: " + world.halts);

            final List<GroupOutcome> groups = new ArrayList<>(capture.groups);
            final Map<GroupState, Long> states = groups.stream()
                .collect(Collectors.groupingBy(GroupOutcome::state, TreeMap::new, Collectors.counting()));
            System.out.println("results " + capture.outcomes.stream().filter(o -> o.underlying() >= 0).collect(
                Collectors.groupingBy(RingCapture.Outcome::result, TreeMap::new, Collectors.counting())));
            System.out.printf("simulated day: %d steps in %.1f s; groups %s; capped steps %d%n", STEPS, wallS, states,
                world.cappedSteps);

            groups.stream().filter(g -> g.state() != GroupState.COMPLETE).limit(8).forEach(g -> System.out.println("  " + g));
            noClientOrderIdIsUsedTwice(world);
            venuePositionsEqualTheEnginesFills(world, groups);
            noAccountPassesTheMarginThreshold(capture, squeezeAtMs[0]);
            theBandHoldsOutsideRebalancingWindows(capture, groups, startMs, faultWindows);
            theFaultsHappened(capture, groups);
        }
    }

    /** The fault plan, by step (120 s each): windows of [startMs, endMs) are recorded for the band measurement. */
    private static final double SQUEEZE = 0.08;
    private static final long[] squeezeAtMs = {Long.MAX_VALUE};
    /** sim-a BTC's maintenance margin over equity on the venue right after the rally. */
    private static final double[] squeezedUsage = {Double.NaN};
    private static final List<String> breakerTrips = new ArrayList<>();

    private static void schedule(final TwoVenueWorld w, final int step, final List<long[]> windows)
    {
        final long now = w.engineClock.epochMs();
        switch (step)
        {
            case 120 -> // 4 h: half of sim-b's orders refused (10047): legs re-route to sim-a
                w.simB.configureFaults(FaultConfig.none().withOrderReject(0.5));
            case 180 ->
            {
                w.simB.configureFaults(FaultConfig.none());
                // a run of rejects trips the circuit breaker; only an operator re-opens it
                breakerTrips.add(w.engine.status().breakerReason());
                w.engine.command(EngineCommand.RESUME, "operator (test) after the reject storm");
            }
            case 240 -> // 8 h: sim-a drops a third of its book messages: books go stale, IOCs fill partly or not
                w.simA.configureFaults(FaultConfig.none().withBookDrop(0.3));
            case 300 -> w.simA.configureFaults(FaultConfig.none());
            case 360 -> // 12 h: sessions drop (sim-b, sometimes in the middle of a group) and replies get lost (sim-a)
            {
                // per tick, and after some of its orders (the reply lost with the connection: a drop mid-group)
                w.simB.configureFaults(FaultConfig.none().withCloseConnection(0.25).withCloseAfterOrder(0.3));
                w.simA.configureFaults(FaultConfig.none().withReplyLoss(0.2));
            }
            case 420 ->
            {
                w.simA.configureFaults(FaultConfig.none());
                w.simB.configureFaults(FaultConfig.none());
            }
            case 480 -> // 16 h: an 8% BTC rally on both venues (inside the gate's 10% shock) squeezes sim-a's BTC account
            {
                squeezeAtMs[0] = now;
                w.simA.shockIndex("BTC", SQUEEZE);
                w.simB.shockIndex("BTC", SQUEEZE);
                w.settle();
                squeezedUsage[0] = w.simA.call(() ->
                {
                    final var account = w.simA.engine().account(TwoVenueWorld.OWNER, "BTC");
                    final double[] marks = w.simA.engine().marks();
                    return account.maintenanceMargin(marks) / account.equity(marks);
                });
            }
            default ->
            {
            }
        }
        if (step == 120 || step == 240 || step == 360 || step == 480)
        {
            windows.add(new long[] {now, now + (step == 480 ? 5 : 60) * TwoVenueWorld.TICK_MS});
        }
    }

    private static boolean allLive(final TwoVenueWorld w)
    {
        return w.engine.connections().stream()
            .allMatch(c -> c.connectionState() == io.deltahedger.venues.connection.ConnectionState.LIVE);
    }

    /** Every order on either venue has its own client order id, and the ids never repeat across venues. */
    private static void noClientOrderIdIsUsedTwice(final TwoVenueWorld w)
    {
        final Set<ClientOrderId> seen = new HashSet<>();
        int orders = 0;
        for (final ExchangeSimulator sim : List.of(w.simA, w.simB))
        {
            final List<SimOrder> stored = sim.call(() -> List.copyOf(sim.engine().userOrders(TwoVenueWorld.OWNER)));
            assertTrue(stored.size() < 10_000, "all orders still held by the simulator's store: " + stored.size());
            for (final SimOrder order : stored)
            {
                if (order.label.equals("demo-book"))
                {
                    continue;
                }
                final ClientOrderId id = ClientOrderId.parse(order.label);
                assertTrue(seen.add(id), "client order id " + id + " sent twice (order " + order.orderId + ")");
                orders++;
            }
        }
        assertTrue(orders > 30, "the day traded: " + orders + " hedge orders");
    }

    /** What the venues hold in each perpetual equals what the engine's groups say they traded there. */
    private static void venuePositionsEqualTheEnginesFills(final TwoVenueWorld w, final List<GroupOutcome> groups)
    {
        final Map<Integer, Long> engineLots = new HashMap<>();
        for (final GroupOutcome g : groups)
        {
            for (final LegOutcome leg : g.legs())
            {
                engineLots.merge(leg.instrumentId(), leg.netSignedLots(), Long::sum);
            }
        }
        for (final String sim : List.of("sim-a", "sim-b"))
        {
            final ExchangeSimulator venue = sim.equals("sim-a") ? w.simA : w.simB;
            for (final String coin : List.of("BTC", "ETH"))
            {
                final int id = w.book.instrumentId(sim + " " + coin + "/deribit:" + coin + "-PERPETUAL");
                final int simIndex = venue.instruments().stream()
                    .filter(x -> x.name().equals(coin + "-PERPETUAL")).findFirst().orElseThrow().index();
                final long venueLots = venue.call(() ->
                    venue.engine().account(TwoVenueWorld.OWNER, coin).position(simIndex).sizeLots());
                assertEquals(venueLots, engineLots.getOrDefault(id, 0L), sim + " " + coin + "-PERPETUAL lots");
            }
        }
    }

    private static void noAccountPassesTheMarginThreshold(final RingCapture capture, final long squeezeMs)
    {
        double beforeSqueeze = 0;
        final double afterSqueeze = squeezedUsage[0];
        final double[] worstOf = new double[4];
        double worst = 0;
        for (final RingCapture.Input input : capture.inputs)
        {
            if (input.kind() == EventKind.ACCOUNT)
            {
                final double usage = input.account().maintenanceMarginUsage();
                worst = Math.max(worst, usage);
                worstOf[input.accountId()] = Math.max(worstOf[input.accountId()], usage);
                if (input.accountId() == 0 && input.nowMs() < squeezeMs)
                {
                    beforeSqueeze = usage; // the last sim-a BTC report before the rally
                }

                assertTrue(usage < TwoVenueWorld.GATE.threshold(), "account " + input.accountId() + " at "
                    + input.nowMs() + ": maintenance margin usage " + usage);
            }
        }
        System.out.printf("worst maintenance margin usage %.3f (threshold %.2f), per account %s; sim-a BTC %.3f "
                + "before the rally, %.3f on the venue right after it%n", worst, TwoVenueWorld.GATE.threshold(),
            java.util.Arrays.toString(worstOf), beforeSqueeze, afterSqueeze);
        assertTrue(afterSqueeze > beforeSqueeze, "the rally squeezed sim-a's BTC account: " + beforeSqueeze
            + " -> " + afterSqueeze);
        assertTrue(afterSqueeze < TwoVenueWorld.GATE.threshold(), "the rally alone stays below the threshold");
    }

    /**
     * |delta| is inside the band except in rebalancing windows: a stretch of out-of-band events starts at a breach and
     * ends at the first event back inside. Outside fault windows a stretch lasts at most three 120 s steps: a group
     * ends within its step or, waiting for its 5 s deadline, at the next step's TIMER (compressed time); a group that
     * found no liquidity at a bound planned on the previous tick (after a jump) ends so with nothing filled, and the
     * next decision hedges.
     */
    private static void theBandHoldsOutsideRebalancingWindows(final RingCapture capture, final List<GroupOutcome> groups,
        final long startMs, final List<long[]> faultWindows)
    {
        final long[] breachSince = {-1, -1};
        final List<String> explained = new ArrayList<>();
        final List<String> unexplained = new ArrayList<>();
        final List<Long> clean = new ArrayList<>();
        final List<Long> faulted = new ArrayList<>();
        for (final RingCapture.Outcome o : capture.outcomes)
        {
            if (o.kind() != EventKind.MARKET_DATA || o.underlying() < 0 || !Double.isFinite(o.deltaCoin())
                || o.nowMs() < startMs + 2 * TwoVenueWorld.TICK_MS)
            {
                continue;
            }
            final double band = BANDS.get(o.underlying() == 0 ? "BTC" : "ETH");
            final boolean out = Math.abs(o.deltaCoin()) > band;
            final int u = o.underlying();
            if (out && breachSince[u] < 0)
            {
                breachSince[u] = o.nowMs();
            }
            else if (!out && breachSince[u] >= 0)
            {
                final long since = breachSince[u];
                final long length = o.nowMs() - since;
                if (length > 2 * TwoVenueWorld.TICK_MS && !inFault(since, faultWindows))
                {
                    final String cause = cause(capture, groups, u, since, o.nowMs());
                    if (cause == null)
                    {
                        unexplained.add(since + ".." + o.nowMs());
                    }
                    else
                    {
                        explained.add((length / 1000) + " s: " + cause);
                    }
                }
                (inFault(since, faultWindows) ? faulted : clean).add(length);
                breachSince[u] = -1;
            }
        }
        final long cleanMax = clean.stream().mapToLong(Long::longValue).max().orElse(0);
        final long faultMax = faulted.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf("rebalancing windows: %d clean (max %d s, %d longer than a step), %d in fault windows "
                + "(max %d s)%n", clean.size(), cleanMax / 1000,
            clean.stream().filter(l -> l > TwoVenueWorld.TICK_MS).count(), faulted.size(), faultMax / 1000);
        System.out.println("clean windows longer than two steps, each with its documented cause: " + explained);
        assertTrue(clean.size() > 20, "the jumpy day breached the bands: " + clean.size());
        assertTrue(unexplained.isEmpty(), "clean rebalancing windows longer than two steps without a group that ended "
            + "short or a refusal in them: " + unexplained);
        assertTrue(cleanMax <= 5 * TwoVenueWorld.TICK_MS, "a clean rebalancing window lasted " + cleanMax + " ms");
    }

    /**
     * Why a long window lasted: a group of the underlying started in it that did not complete (no liquidity at its
     * bound, a deadline), or an event of it refused for a documented reason (breaker, connection, stale input, gate,
     * limits); null if neither.
     */
    private static String cause(final RingCapture capture, final List<GroupOutcome> groups, final int u,
        final long fromMs, final long toMs)
    {
        for (final GroupOutcome g : groups)
        {
            if (g.underlying() == u && g.startedMs() >= fromMs && g.startedMs() <= toMs && g.state() != GroupState.COMPLETE)
            {
                return "group " + g.groupId() + " " + g.state() + " (" + g.reason() + ")";
            }
        }
        for (final RingCapture.Outcome o : capture.outcomes)
        {
            if (o.underlying() == u && o.nowMs() >= fromMs && o.nowMs() <= toMs && o.result() != PipelineResult.NO_ACTION
                && o.result() != PipelineResult.APPROVED && o.result() != PipelineResult.GROUP_IN_FLIGHT
                && o.result() != PipelineResult.NOT_APPLICABLE)
            {
                return o.result().toString();
            }
        }
        return null;
    }

    private static boolean inFault(final long atMs, final List<long[]> windows)
    {
        for (final long[] w : windows)
        {
            if (atMs >= w[0] && atMs < w[1])
            {
                return true;
            }
        }
        return false;
    }

    private static void theFaultsHappened(final RingCapture capture, final List<GroupOutcome> groups)
    {
        final Map<ExecType, Long> reports = capture.inputs.stream().filter(i -> i.kind() == EventKind.EXECUTION_REPORT)
            .collect(Collectors.groupingBy(i -> i.report().type(), TreeMap::new, Collectors.counting()));
        final long reconnects = capture.inputs.stream().filter(i -> i.kind() == EventKind.CONNECTION_STATE
            && i.state() == io.deltahedger.venues.connection.ConnectionState.RECONNECTING).count();
        // a drop while a group had a leg working on that account: "a disconnect in the middle of a group"
        long dropsMidGroup = 0;
        for (final RingCapture.Input in : capture.inputs)
        {
            if (in.kind() == EventKind.CONNECTION_STATE
                && in.state() == io.deltahedger.venues.connection.ConnectionState.RECONNECTING)
            {
                dropsMidGroup += groups.stream().filter(g -> g.startedMs() <= in.nowMs() && in.nowMs() <= g.endedMs()
                    && g.legs().stream().anyMatch(l -> l.accountId() == in.accountId() && l.attempts() > 0)).count();
            }
        }
        System.out.println("connection drops while a group had a leg on the account: " + dropsMidGroup);
        final long rerouted = groups.stream().filter(g -> g.legs().stream().mapToInt(LegOutcome::attempts).sum() > 1)
            .count();
        System.out.printf("reports %s; reconnect events %d; groups with more than one order %d; breaker before the "
            + "operator's resume: %s%n", reports, reconnects, rerouted, breakerTrips);
        assertTrue(reports.getOrDefault(ExecType.REJECTED, 0L) > 0, "rejects were injected");
        assertTrue(reconnects > 0, "connections dropped");
        assertTrue(reports.getOrDefault(ExecType.PARTIAL_FILL, 0L) > 0, "stale books made IOCs fill partly");
        assertTrue(dropsMidGroup > 0, "a connection dropped while a group worked a leg on it");
        assertTrue(rerouted > 0, "remainders were re-routed or retried");
    }
}
