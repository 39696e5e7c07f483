package io.deltahedger.marginmonitor.gate;

import io.deltahedger.venues.Side;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static io.deltahedger.marginmonitor.Fixtures.NOW_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gate's incremental scenario cache never serves a stale value: a long-lived gate, after any sequence of mark,
 * index, vol and snapshot updates, gives exactly the verdict of a gate built fresh on the same book.
 */
class ScenarioCachePropertyTest {

    private static final long[] STRIKES = {45_000, 55_000, 65_000};

    @Property(seed = "31337", tries = 60)
    void longLivedGateMatchesAFreshGateAfterEveryUpdate(
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final boolean clockMoves = random.nextBoolean();
        final GateConfig config = new GateConfig(0.8, 1_000_000, new double[] {-0.1, 0.1}, new double[] {0.0, 0.1},
            clockMoves ? 0 : 1_000_000);
        final TestWorld world = new TestWorld(STRIKES);
        world.market(50_000, 0.001, 0.6, NOW_MS);
        final long[] lots = new long[world.book.instrumentCount()];
        world.snapshot(world.deribit, lots, 10, 0, NOW_MS);
        world.snapshot(world.binance, lots, 100_000, 0, NOW_MS);
        final MarginGate cached = new MarginGate(world.book, config);
        final LegGroup group = new LegGroup(4);
        final GateVerdict a = new GateVerdict();
        final GateVerdict b = new GateVerdict();
        long now = NOW_MS;
        for (int step = 0; step < 25; step++) {
            final int i = random.nextInt(world.book.instrumentCount());
            switch (random.nextInt(5)) {
                case 0 -> world.book.onMark(i, world.book.mark(i) * (0.97 + 0.06 * random.nextDouble()));
                case 1 -> world.book.onIndex(world.btc, world.book.index(world.btc) * (0.97 + 0.06 * random.nextDouble()));
                case 2 -> {
                    if (world.book.instrument(i).isOption()) {
                        world.book.onVolatility(i, 0.3 + random.nextDouble());
                    }
                }
                case 3 -> {
                    lots[i] = random.nextLong(-200, 201) * (world.book.instrument(i).isOption() ? 1 : 50);
                    final int account = world.book.accountOf(i);
                    world.snapshot(account, lots, account == world.deribit ? 10 : 100_000,
                        world.modelMm(account, lots), now);
                }
                default -> {
                    // nothing changes: the cache must be reused as is
                }
            }
            if (clockMoves) {
                now += random.nextInt(2_000);
            }
            group.clear();
            final int legs = 1 + random.nextInt(3);
            for (int leg = 0; leg < legs; leg++) {
                final int j = random.nextInt(world.book.instrumentCount());
                group.add(world.book.accountOf(j), j, random.nextBoolean() ? Side.BUY : Side.SELL,
                    world.book.instrument(j).isOption() ? 1 + random.nextInt(50) : 1 + random.nextInt(2_000),
                    Math.max(world.book.mark(j), 0.0005));
            }
            cached.evaluate(group, now, a);
            new MarginGate(world.book, config).evaluate(group, now, b);
            assertEquals(b.toString(), a.toString(), "step " + step);
        }
    }
}
