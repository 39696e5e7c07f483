package io.deltahedger.marginmonitor.gate;

import io.deltahedger.venues.Side;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.deltahedger.marginmonitor.Fixtures.NOW_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random books, account states and groups: the fast gate against the naive recomputation, the safety property
 * (no approved group breaches the threshold under the shock) and the liveness property (a strictly risk-reducing
 * group is never blocked, even on stale state).
 */
class MarginGatePropertyTest {

    private static final GateConfig CONFIG =
        new GateConfig(0.8, 5_000, new double[] {-0.15, 0.1}, new double[] {-0.1, 0.15}, 0);
    private static final long[] STRIKES = {40_000, 50_000, 60_000, 70_000};

    /** One random world: market, positions and fresh snapshots with reported MM near the model. */
    private static TestWorld world(final SplittableRandom random, final long[] lots, final long snapshotAgeMs) {
        final TestWorld world = new TestWorld(STRIKES);
        final double index = 30_000 + random.nextDouble() * 40_000;
        world.market(index, (random.nextDouble() - 0.5) * 0.004, 0.3 + random.nextDouble() * 0.9, NOW_MS);
        for (int i = 0; i < lots.length; i++) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            final int sign = random.nextBoolean() ? 1 : -1;
            if (i == world.perp || i == world.future) {
                lots[i] = sign * random.nextLong(1, 20_000);
            } else if (i == world.usdt) {
                lots[i] = sign * random.nextLong(1, 5_000);
            } else {
                lots[i] = sign * random.nextLong(1, 300);
            }
        }
        for (final int account : new int[] {world.deribit, world.binance}) {
            final double modelMm = world.modelMm(account, lots);
            final double reported = modelMm * (0.9 + 0.2 * random.nextDouble());
            final double scale = account == world.deribit ? 1.0 : index;
            final double equity = reported > 0 ? reported / (0.05 + 0.9 * random.nextDouble()) : scale * (0.1 + random.nextDouble());
            world.snapshot(account, lots, equity, reported, NOW_MS - snapshotAgeMs);
        }
        return world;
    }

    private static void randomGroup(final SplittableRandom random, final TestWorld world, final LegGroup group) {
        group.clear();
        final int legs = 1 + random.nextInt(4);
        for (int leg = 0; leg < legs; leg++) {
            final int i = random.nextInt(world.book.instrumentCount());
            final long amount = i == world.perp || i == world.future ? random.nextLong(1, 10_000)
                : i == world.usdt ? random.nextLong(1, 3_000) : random.nextLong(1, 200);
            final double limit = world.book.mark(i) * (0.98 + 0.04 * random.nextDouble());
            group.add(world.book.accountOf(i), i, random.nextBoolean() ? Side.BUY : Side.SELL, amount,
                limit > 0 ? limit : 0.0005);
        }
    }

    @Property(seed = "20261121", tries = 300)
    void fastGateAgreesWithTheNaiveRecomputationAndApprovedGroupsStayUnderTheThreshold(
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final TestWorld world = world(random, new long[3 + 2 * STRIKES.length], 0);
        final LegGroup group = new LegGroup(8);
        randomGroup(random, world, group);
        final GateVerdict verdict = new GateVerdict();
        new MarginGate(world.book, CONFIG).evaluate(group, NOW_MS, verdict);
        final NaiveMarginGate.Result naive = new NaiveMarginGate(world.book, CONFIG).evaluate(group, NOW_MS);

        assertEquals(naive.reason(), verdict.reason(), verdict::toString);
        assertEquals(naive.riskReducing(), verdict.riskReducing());
        if (verdict.projected()) {
            assertEquals(naive.worstRatio().size(), verdict.accountCount());
            for (int k = 0; k < verdict.accountCount(); k++) {
                final double expected = naive.worstRatio().get(verdict.accountId(k));
                final double actual = verdict.worstRatio(k);
                if (Double.isInfinite(expected)) {
                    assertEquals(expected, actual);
                } else {
                    assertEquals(expected, actual, 1e-9 * Math.max(1.0, expected), verdict::toString);
                }
            }
        }
        if (verdict.approved() && !verdict.riskReducing()) {
            for (final double ratio : naive.allRatios()) {
                assertTrue(ratio < CONFIG.threshold(), () -> "approved but a projection reaches " + ratio + ": " + verdict);
            }
        }
    }

    @Property(seed = "4242", tries = 300)
    void strictlyRiskReducingGroupsAreNeverBlockedEvenOnStaleState(
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final long[] lots = new long[3 + 2 * STRIKES.length];
        final TestWorld world = world(random, lots, random.nextBoolean() ? 0 : 600_000);
        // Positions that carry margin: delta-one of any sign, short options.
        final List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lots.length; i++) {
            if (lots[i] != 0 && (!world.book.instrument(i).isOption() || lots[i] < 0)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        final LegGroup group = new LegGroup(8);
        final int legs = 1 + random.nextInt(Math.min(4, candidates.size()));
        for (int leg = 0; leg < legs; leg++) {
            final int i = candidates.remove(random.nextInt(candidates.size()));
            final long reduce = random.nextLong(1, Math.abs(lots[i]) + 1);
            group.add(world.book.accountOf(i), i, lots[i] > 0 ? Side.SELL : Side.BUY, reduce,
                Math.max(world.book.mark(i) * (0.9 + 0.2 * random.nextDouble()), 0.0005));
        }
        final NaiveMarginGate naive = new NaiveMarginGate(world.book, CONFIG);
        assertTrue(naive.reducing(group), "the generator builds only strictly reducing groups");
        final GateVerdict verdict = new GateVerdict();
        new MarginGate(world.book, CONFIG).evaluate(group, NOW_MS, verdict);
        assertEquals(GateReason.APPROVED, verdict.reason(), verdict::toString);
        assertTrue(verdict.riskReducing());
    }

    @Property(seed = "777", tries = 100)
    void sevenLegGroupsProjectEachLegAloneAllButEachAndAll(
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final TestWorld world = world(random, new long[3 + 2 * STRIKES.length], 0);
        final LegGroup group = new LegGroup(8);
        randomGroup(random, world, group);
        while (group.size() < 7) {
            final int i = world.options.get(random.nextInt(world.options.size()));
            group.add(world.deribit, i, Side.BUY, 1 + random.nextInt(5), Math.max(world.book.mark(i), 0.0005));
        }
        final GateVerdict verdict = new GateVerdict();
        new MarginGate(world.book, CONFIG).evaluate(group, NOW_MS, verdict);
        if (verdict.projected()) {
            assertEquals(2 * 7 + 1, verdict.subsetCount());
        }
        final Map<Integer, Double> exhaustive = new NaiveMarginGate(world.book, CONFIG).evaluate(group, NOW_MS).worstRatio();
        for (int k = 0; k < verdict.accountCount() && verdict.projected(); k++) {
            assertTrue(verdict.worstRatio(k) <= exhaustive.get(verdict.accountId(k)) * (1 + 1e-9) + 1e-15,
                "a partial enumeration never sees more than the exhaustive one");
        }
    }
}
