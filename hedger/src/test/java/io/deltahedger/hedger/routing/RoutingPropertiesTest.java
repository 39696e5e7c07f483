package io.deltahedger.hedger.routing;

import io.deltahedger.hedger.routing.GroupAdmission.Outcome;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.Side;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded properties over random multi-venue worlds (three BTC perpetuals on three accounts: random books, marks,
 * positions, equity and reported margin): what the planner plans stays within |q|, the limits and the accounts'
 * headroom; no group admission approves breaches the threshold under the configured shocks (checked by projecting
 * with the margin models here, independently of the gate); no strictly risk-reducing group is blocked.
 */
class RoutingPropertiesTest
{
    private static final GateConfig GATE = new GateConfig(0.8, 5_000, new double[] {-0.1, 0.1}, new double[] {0.0}, 0);
    private static final double SLIPPAGE = 0.001;

    /** A random world: marks near the index, books around each mark, positions and account states. */
    private static final class World
    {
        final RoutingWorld w;
        final int[] perps;
        final int[] accounts;
        final double index;
        final double[] mark = new double[3];

        World(final SplittableRandom random)
        {
            w = new RoutingWorld(random.nextBoolean() ? "0.001" : "0.05");
            perps = new int[] {w.deribitPerp, w.binancePerp, w.bybitPerp};
            accounts = new int[] {w.deribit, w.binance, w.bybit};
            index = 20_000 + random.nextDouble(80_000);
        }

        GroupPlanner planner(final ExecutionLimits limits, final SplittableRandom random)
        {
            return new GroupPlanner(w.book, w.market, java.util.List.of(
                new HedgeCandidate("deribit:BTC-PERPETUAL", random.nextDouble(10), 0),
                new HedgeCandidate("binance-usdm:BTCUSDT", random.nextDouble(10), 0),
                new HedgeCandidate("bybit:BTCUSDT", random.nextDouble(10), 0)), limits, SLIPPAGE, GATE.threshold());
        }

        void randomMarket(final SplittableRandom random)
        {
            w.book.onIndex(w.book.underlyingOf(w.binancePerp), index);
            for (int k = 0; k < 3; k++)
            {
                final int i = perps[k];
                final double tick = w.tick(i);
                mark[k] = Math.round(index * (1 + random.nextDouble(-0.002, 0.002)) / tick) * tick;
                w.mark(i, mark[k]);
                w.book.onMark(i, mark[k]);
                final int depth = 1 + random.nextInt(6);
                final double[][] bids = new double[depth][];
                final double[][] asks = new double[depth][];
                final long maxLots = i == w.deribitPerp ? 20_000 : 2_000;
                for (int l = 0; l < depth; l++)
                {
                    final double step = tick * (1 + l * (1 + random.nextInt(40)));
                    bids[l] = new double[] {mark[k] - step, 1 + random.nextLong(maxLots)};
                    asks[l] = new double[] {mark[k] + step, 1 + random.nextLong(maxLots)};
                }
                w.snapshot(i, bids, asks);
            }
        }

        /** Random positions and equity; reported MM: the model's own figure scaled by 0.5..1.5. */
        void randomAccounts(final SplittableRandom random, final boolean nonZero)
        {
            for (int k = 0; k < 3; k++)
            {
                final int i = perps[k];
                final long maxLots = i == w.deribitPerp ? 50_000 : 5_000;
                long lots = random.nextLong(-maxLots, maxLots + 1);
                if (nonZero && lots == 0)
                {
                    lots = 1;
                }
                final MarginInstrument inst = w.book.instrument(i);
                final double mm = w.book.model(accounts[k]).maintenanceMargin(inst, lots * inst.lotSize(), mark[k], index)
                    * random.nextDouble(0.5, 1.5);
                final double valueInAccountCcy = inst.inverse() ? 1.0 : index;
                final double equity = random.nextDouble(0.05, 20.0) * valueInAccountCcy;
                w.account(accounts[k], equity, mm, i, lots);
            }
        }
    }

    @Property(seed = "20261121", tries = 300)
    void plansStayWithinTheQuantityTheBoundsTheLimitsAndTheHeadroom(@ForAll @LongRange(min = 1) final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final World world = new World(random);
        final ExecutionLimits limits = new ExecutionLimits(Map.of("deribit:BTC-PERPETUAL", 1 + random.nextLong(30_000)),
            1 + random.nextLong(3_000), random.nextDouble(0.1, 10.0), Double.POSITIVE_INFINITY, 100);
        final GroupPlanner planner = world.planner(limits, random);
        world.randomMarket(random);
        world.randomAccounts(random, false);
        final double q = random.nextDouble(-5.0, 5.0);
        final LegGroup legs = new LegGroup(16);

        planner.plan(q, world.index, 0b111, legs);

        double coin = 0.0;
        for (int leg = 0; leg < legs.size(); leg++)
        {
            final int i = legs.instrument(leg);
            final int k = i == world.w.deribitPerp ? 0 : i == world.w.binancePerp ? 1 : 2;
            final MarginInstrument inst = world.w.book.instrument(i);
            final double coinPerLot = inst.inverse() ? inst.lotSize() / world.mark[k] : inst.lotSize();
            final long position = world.w.book.positionLots(i);
            final boolean buy = legs.side(leg) == Side.BUY;
            assertEquals(q > 0, buy, "side follows the sign of q");
            assertTrue(legs.lots(leg) >= inst.minLots(), "at least the minimum order");
            assertTrue(legs.lots(leg) <= limits.maxOrderLots(inst.canonicalId()), "within the order size limit");
            assertEquals(world.mark[k] * (buy ? 1 + SLIPPAGE : 1 - SLIPPAGE), legs.limitPrice(leg), 1e-9);
            final double before = position * coinPerLot;
            final double after = before + (buy ? 1 : -1) * legs.lots(leg) * coinPerLot;
            assertTrue(Math.abs(after) <= limits.maxPositionCoin() + 1e-9 || Math.abs(after) < Math.abs(before),
                () -> "position " + before + " -> " + after + " over " + limits.maxPositionCoin());
            final int a = legs.account(leg);
            final double headroom = GATE.threshold() * world.w.book.equity(a) - world.w.book.reportedMaintenanceMargin(a);
            final double addedMm = world.w.book.model(a).maintenanceMargin(inst, (position + legs.signedLots(leg))
                * inst.lotSize(), world.mark[k], world.index) - world.w.book.model(a).maintenanceMargin(inst,
                position * inst.lotSize(), world.mark[k], world.index);
            if (headroom <= 0)
            {
                assertTrue(Long.signum(position) == -Long.signum(legs.signedLots(leg)) && legs.lots(leg) <= Math.abs(position),
                    "an account without headroom only reduces");
            }
            else
            {
                assertTrue(addedMm <= headroom * (1 + 1e-12), () -> "added margin " + addedMm + " over headroom " + headroom);
            }
            coin += legs.lots(leg) * coinPerLot;
        }
        assertTrue(coin <= Math.abs(q) * (1 + 1e-9), "legs carry " + coin + " coin for q = " + q);
        assertEquals(coin, planner.plannedCoin(), 1e-9);
    }

    @Property(seed = "4242", tries = 400)
    void noApprovedGroupBreachesTheThresholdUnderTheShocks(@ForAll @LongRange(min = 1) final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final World world = new World(random);
        final GroupPlanner planner = world.planner(ExecutionLimits.unlimited(), random);
        world.randomMarket(random);
        world.randomAccounts(random, false);
        final LegGroup legs = new LegGroup(16);
        if (random.nextBoolean())
        {
            planner.plan(random.nextDouble(-5.0, 5.0), world.index, 0b111, legs);
        }
        else
        {
            for (int k = 0, n = 1 + random.nextInt(3); k < n; k++)
            {
                final int c = random.nextInt(3);
                final boolean buy = random.nextBoolean();
                legs.add(world.accounts[c], world.perps[c], buy ? Side.BUY : Side.SELL,
                    1 + random.nextLong(c == 0 ? 20_000 : 2_000), world.mark[c] * (buy ? 1 + SLIPPAGE : 1 - SLIPPAGE));
            }
        }
        if (legs.size() == 0)
        {
            return;
        }
        final GroupAdmission admission = new GroupAdmission(world.w.book, new MarginGate(world.w.book, GATE),
            ExecutionLimits.unlimited());
        final GateVerdict verdict = new GateVerdict();
        if (admission.admit(legs, 1_000, verdict) != Outcome.APPROVED || verdict.riskReducing())
        {
            return;
        }
        for (int a : world.accounts)
        {
            for (int subset = 1; subset < (1 << legs.size()); subset++)
            {
                for (int s = 0; s < GATE.scenarioCount(); s++)
                {
                    final double ratio = projectedRatio(world.w.book, legs, subset, a, GATE.scenarioSpotMove(s));
                    assertTrue(ratio < GATE.threshold(), () -> "account " + a + " reaches " + ratio + "; " + verdict);
                }
            }
        }
    }

    /**
     * The gate's projection written out here for delta-one positions: MM' = reported MM + model MM(positions after
     * the subset, shocked) - model MM(now); equity' = equity + fill PnL at the limits + shock PnL after the fills.
     */
    private static double projectedRatio(final MarginBook book, final LegGroup legs, final int subset, final int a,
                                         final double move)
    {
        boolean touched = false;
        for (int leg = 0; leg < legs.size(); leg++)
        {
            touched |= (subset & (1 << leg)) != 0 && legs.account(leg) == a;
        }
        if (!touched)
        {
            return 0.0;
        }
        double mmNow = 0.0;
        double mmAfter = 0.0;
        double pnl = 0.0;
        for (int k = 0; k < book.accountInstrumentCount(a); k++)
        {
            final int i = book.accountInstrument(a, k);
            final MarginInstrument inst = book.instrument(i);
            final double mark = book.mark(i);
            final double index = book.index(book.underlyingOf(i));
            final double shocked = mark * (1 + move);
            double amount = book.positionAmount(i);
            mmNow += book.model(a).maintenanceMargin(inst, amount, mark, index);
            for (int leg = 0; leg < legs.size(); leg++)
            {
                if ((subset & (1 << leg)) != 0 && legs.instrument(leg) == i)
                {
                    final double legAmount = legs.signedLots(leg) * inst.lotSize();
                    final double limit = legs.limitPrice(leg);
                    pnl += inst.inverse() ? legAmount * (1 / limit - 1 / mark) : legAmount * (mark - limit);
                    amount += legAmount;
                }
            }
            mmAfter += book.model(a).maintenanceMargin(inst, amount, shocked, index * (1 + move));
            pnl += inst.inverse() ? amount * (1 / mark - 1 / shocked) : amount * (shocked - mark);
        }
        final double mm = Math.max(0.0, book.reportedMaintenanceMargin(a) + mmAfter - mmNow);
        final double equity = book.equity(a) + pnl;
        return MarginGate.ratio(mm, equity);
    }

    @Property(seed = "777", tries = 400)
    void noStrictlyRiskReducingGroupIsBlocked(@ForAll @LongRange(min = 1) final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final World world = new World(random);
        world.planner(ExecutionLimits.unlimited(), random);
        world.randomMarket(random);
        world.randomAccounts(random, true);
        final LegGroup legs = new LegGroup(16);
        for (int c = 0; c < 3; c++)
        {
            if (c == 0 || random.nextBoolean())
            {
                final long position = world.w.book.positionLots(world.perps[c]);
                final long lots = 1 + random.nextLong(Math.abs(position));
                final boolean buy = position < 0;
                legs.add(world.accounts[c], world.perps[c], buy ? Side.BUY : Side.SELL, lots,
                    world.mark[c] * (buy ? 1 + SLIPPAGE : 1 - SLIPPAGE));
            }
        }
        final GroupAdmission admission = new GroupAdmission(world.w.book, new MarginGate(world.w.book, GATE),
            ExecutionLimits.unlimited());
        final GateVerdict verdict = new GateVerdict();

        assertEquals(Outcome.APPROVED, admission.admit(legs, 1_000, verdict), verdict::toString);
        assertTrue(verdict.riskReducing());
    }
}
