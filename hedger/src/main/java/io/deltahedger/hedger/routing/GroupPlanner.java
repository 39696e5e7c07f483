package io.deltahedger.hedger.routing;

import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.marginmonitor.model.MarginModel;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.instrument.InstrumentKind;

import java.util.List;

/**
 * Splits one underlying's hedge (a signed coin quantity) over its candidate instruments into a {@link LegGroup}, by
 * lowest marginal expected cost (docs/hedging.md "Routing and admission").
 *
 * <p>It walks the candidates' books level by level, always taking next the level whose cost per coin is lowest:
 * <pre>
 *   cost per coin (USD) = side × (level price − reference) + taker fee rate × level price
 * </pre>
 * (side +1 for a buy, −1 for a sell; the reference is the underlying's index), so a wider spread, a deeper level or
 * a higher fee all cost more. A candidate stops at its price-protection bound (mark × (1 ± limitSlippage)), which is
 * also its leg's limit price, at its maximum order size, and when its account runs out of room:
 * <ul>
 *   <li>margin headroom = threshold × equity − maintenance margin (the last account report, account currency): an
 *   account without headroom gets only legs that shrink a position without flipping it; an account with headroom
 *   gets new risk only while the model maintenance margin it adds (the account's own margin model at the mark and
 *   index, no shock) stays within it;</li>
 *   <li>the account's absolute net position in the underlying (coin, over its candidates) stays within
 *   {@link ExecutionLimits#maxPositionCoin()} unless it shrinks.</li>
 * </ul>
 * Amounts are exact lots: a linear lot is {@code lotSize} coin, an inverse lot is {@code lotSize} USD, worth
 * {@code lotSize / mark} coin; lot counts are floored (with the decider's 1e-9 lot snap), so the legs' coin sum never
 * exceeds |q|. A candidate whose total falls under its minimum order is dropped and the rest is re-planned without
 * it. Between levels of equal cost, the account with more headroom left (as a fraction of its equity) goes first.
 * The margin gate (stage 4) stays the authority on shocks and partial fills.
 *
 * <p>Single writer (the decision stage); allocation-free; reads the static {@link MarginBook} registry only at
 * construction and the {@link PlanningMarket} on each plan.
 */
public final class GroupPlanner
{
    /** Lot-count snap: the decider's own rounding tolerance (docs/hedging.md "Lots"). */
    private static final double SNAP_LOTS = 1e-9;

    private final PlanningMarket market;
    private final double limitSlippage;
    private final double threshold;
    private final double maxPositionCoin;
    private final int n;
    private final int[] instrument;
    private final int[] account;
    private final MarginInstrument[] spec;
    private final MarginModel[] model;
    private final boolean[] inverse;
    private final double[] lotSize;
    private final long[] minLots;
    private final double[] tickSize;
    private final double[] feeRate;
    private final long[] maxOrderLots;

    // per plan (scratch)
    private final long[] taken;
    private final int[] level;
    private final long[] levelUsed;
    private final boolean[] active;
    private final double[] coinPerLot;
    private final double[] bound;
    private final long[] boundTicks;
    private final double[] costUsd;
    private final double[] headroomLeft;
    private final boolean[] newRisk;
    private final double[] positionRoomCoin;
    private double expectedCostUsd;
    private double plannedCoin;
    private double reference;

    /**
     * @param book          the margin book with every candidate registered (read now, for static facts only)
     * @param market        the planning view of books, marks and accounts; every candidate is tracked in it
     * @param candidates    1..16 delta-one candidates of one underlying, in the route's order
     * @param limits        order-size and position limits to respect
     * @param limitSlippage the price-protection bound as a fraction of the mark, [0, 0.1)
     * @param threshold     the margin gate's threshold (maintenance margin over margin balance), (0, 1]
     */
    public GroupPlanner(
        final MarginBook book,
        final PlanningMarket market,
        final List<HedgeCandidate> candidates,
        final ExecutionLimits limits,
        final double limitSlippage,
        final double threshold)
    {
        if (candidates == null || candidates.isEmpty() || candidates.size() > MarginGate.MAX_LEGS)
        {
            throw new IllegalArgumentException("a hedge needs 1.." + MarginGate.MAX_LEGS + " candidate instruments, was "
                + (candidates == null ? "none" : candidates.size()) + ": one leg per candidate must fit in a group");
        }
        if (!(limitSlippage >= 0.0 && limitSlippage < 0.1))
        {
            throw new IllegalArgumentException("planner limitSlippage must be in [0, 0.1), was " + limitSlippage);
        }
        if (!(threshold > 0.0 && threshold <= 1.0))
        {
            throw new IllegalArgumentException("planner margin threshold must be in (0, 1], was " + threshold);
        }
        this.market = market;
        this.limitSlippage = limitSlippage;
        this.threshold = threshold;
        this.maxPositionCoin = limits.maxPositionCoin();
        n = candidates.size();
        instrument = new int[n];
        account = new int[n];
        spec = new MarginInstrument[n];
        model = new MarginModel[n];
        inverse = new boolean[n];
        lotSize = new double[n];
        minLots = new long[n];
        tickSize = new double[n];
        feeRate = new double[n];
        maxOrderLots = new long[n];
        String underlying = null;
        for (int c = 0; c < n; c++)
        {
            final HedgeCandidate candidate = candidates.get(c);
            final int i = book.instrumentId(candidate.instrument());
            if (i < 0)
            {
                throw new IllegalArgumentException("hedge candidate '" + candidate.instrument() + "' is not registered in"
                    + " the margin book: register it with MarginBook.addInstrument on its account first");
            }
            final MarginInstrument inst = book.instrument(i);
            if (inst.kind() == InstrumentKind.OPTION)
            {
                throw new IllegalArgumentException("hedge candidate '" + candidate.instrument() + "' is an option: a "
                    + "hedge goes on a delta-one instrument (perpetual, future or spot)");
            }
            if (underlying != null && !underlying.equals(inst.underlying()))
            {
                throw new IllegalArgumentException("hedge candidates mix underlyings " + underlying + " and "
                    + inst.underlying() + " (" + candidate.instrument() + "): give each underlying its own route");
            }
            underlying = inst.underlying();
            for (int d = 0; d < c; d++)
            {
                if (instrument[d] == i)
                {
                    throw new IllegalArgumentException("hedge candidate '" + candidate.instrument() + "' is listed twice");
                }
            }
            instrument[c] = i;
            account[c] = book.accountOf(i);
            spec[c] = inst;
            model[c] = book.model(account[c]);
            inverse[c] = inst.inverse();
            lotSize[c] = inst.lotSize();
            minLots[c] = inst.minLots();
            tickSize[c] = book.venueInstrument(i).priceGrid().step().doubleValue();
            feeRate[c] = candidate.takerFeeRate();
            maxOrderLots[c] = limits.maxOrderLots(candidate.instrument());
            market.track(i);
        }
        taken = new long[n];
        level = new int[n];
        levelUsed = new long[n];
        active = new boolean[n];
        coinPerLot = new double[n];
        bound = new double[n];
        boundTicks = new long[n];
        costUsd = new double[n];
        headroomLeft = new double[book.maxAccounts()];
        newRisk = new boolean[book.maxAccounts()];
        positionRoomCoin = new double[book.maxAccounts()];
    }

    public int candidateCount()
    {
        return n;
    }

    /** The margin-book instrument id of candidate {@code c}. */
    public int instrument(final int c)
    {
        return instrument[c];
    }

    /** The margin-book account id of candidate {@code c}. */
    public int account(final int c)
    {
        return account[c];
    }

    /** Of the candidates in {@code mask} (bit c = candidate c), those with a valid book, a mark and an account report. */
    public int plannable(final int mask)
    {
        int out = 0;
        for (int c = 0; c < n; c++)
        {
            if ((mask & (1 << c)) != 0 && market.usable(instrument[c]) && market.hasSnapshot(account[c]))
            {
                out |= 1 << c;
            }
        }
        return out;
    }

    /**
     * Plans {@code quantityCoin} (positive buys delta) into {@code out} (cleared first): at most one leg per candidate,
     * in candidate order, each with its bound as limit price.
     *
     * @param referencePrice the underlying's index, USD per coin, the price costs are measured against
     * @param mask           the candidates the stale-data guard allows (bit c = candidate c)
     * @return whether any leg was planned; {@link #expectedCostUsd()} and {@link #plannedCoin()} describe the plan
     */
    public boolean plan(final double quantityCoin, final double referencePrice, final int mask, final LegGroup out)
    {
        out.clear();
        expectedCostUsd = 0.0;
        plannedCoin = 0.0;
        if (!(Math.abs(quantityCoin) > 0.0 && Math.abs(quantityCoin) < Double.POSITIVE_INFINITY)
            || !(referencePrice > 0.0 && referencePrice < Double.POSITIVE_INFINITY))
        {
            return false;
        }
        final Side side = quantityCoin > 0.0 ? Side.BUY : Side.SELL;
        reference = referencePrice;
        int excluded = ~plannable(mask);
        for (int attempt = 0; attempt <= n; attempt++)
        {
            walk(Math.abs(quantityCoin), referencePrice, side, excluded);
            int small = 0;
            for (int c = 0; c < n; c++)
            {
                if (taken[c] > 0 && taken[c] < minLots[c])
                {
                    small |= 1 << c;
                }
            }
            if (small == 0)
            {
                break;
            }
            excluded |= small;
        }
        for (int c = 0; c < n; c++)
        {
            if (taken[c] >= minLots[c] && taken[c] > 0)
            {
                out.add(account[c], instrument[c], side, taken[c], bound[c]);
                expectedCostUsd += costUsd[c];
                plannedCoin += taken[c] * coinPerLot[c];
            }
        }
        return out.size() > 0;
    }

    /** The expected cost of the last plan in USD against the reference: spread, depth impact and taker fees. */
    public double expectedCostUsd()
    {
        return expectedCostUsd;
    }

    /** The coin the last plan's legs carry (&lt;= |q|). */
    public double plannedCoin()
    {
        return plannedCoin;
    }

    private void walk(final double quantity, final double reference, final Side side, final int excluded)
    {
        final double sign = side == Side.BUY ? 1.0 : -1.0;
        final Side bookSide = side == Side.BUY ? Side.SELL : Side.BUY;
        for (int c = 0; c < n; c++)
        {
            final int a = account[c];
            headroomLeft[a] = threshold * market.equity(a) - market.maintenanceMargin(a);
            newRisk[a] = headroomLeft[a] > 0.0;
            positionRoomCoin[a] = maxPositionCoin;
        }
        for (int c = 0; c < n; c++)
        {
            final int i = instrument[c];
            taken[c] = 0;
            level[c] = 0;
            levelUsed[c] = 0;
            costUsd[c] = 0.0;
            active[c] = (excluded & (1 << c)) == 0;
            final double m = market.mark(i);
            coinPerLot[c] = inverse[c] ? lotSize[c] / m : lotSize[c];
            bound[c] = m * (1.0 + sign * limitSlippage);
            // the last tick inside the bound (a level exactly on it is inside, whatever the binary rounding)
            final double boundInTicks = bound[c] / tickSize[c];
            boundTicks[c] = sign > 0 ? (long)Math.floor(boundInTicks + 1e-9) : (long)Math.ceil(boundInTicks - 1e-9);
        }
        // the room left to the position limit in the trading direction: max - side × current net coin position
        for (int c = 0; c < n; c++)
        {
            final long lots = market.positionLots(instrument[c]);
            if (lots != 0)
            {
                // NaN (a position at an unknown mark) fails closed: no lots fit the account's room
                positionRoomCoin[account[c]] -= sign * lots * coinPerLot[c];
            }
        }
        double remaining = quantity;
        while (true)
        {
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int c = 0; c < n; c++)
            {
                if (!active[c])
                {
                    continue;
                }
                final L2Book book = market.book(instrument[c]);
                if (level[c] >= book.depth(bookSide))
                {
                    active[c] = false;
                    continue;
                }
                final long ticks = book.priceAt(bookSide, level[c]);
                if (sign * (ticks - boundTicks[c]) > 0.0)
                {
                    active[c] = false;
                    continue;
                }
                final double price = ticks * tickSize[c];
                final double cost = sign * (price - reference) + feeRate[c] * price;
                if (cost < bestCost || (best >= 0 && cost == bestCost && headroomFraction(c) > headroomFraction(best)))
                {
                    bestCost = cost;
                    best = c;
                }
            }
            if (best < 0)
            {
                return;
            }
            final int c = best;
            final int a = account[c];
            final L2Book book = market.book(instrument[c]);
            final long levelLots = book.sizeAt(bookSide, level[c]) - levelUsed[c];
            long k = Math.min(levelLots, maxOrderLots[c] - taken[c]);
            k = Math.min(k, lotsWithin(remaining, c));
            k = Math.min(k, lotsWithin(positionRoomCoin[a], c));
            final long positionLots = market.positionLots(instrument[c]) + (long)sign * taken[c];
            k = marginCap(c, a, sign, positionLots, k);
            if (k <= 0)
            {
                active[c] = false;
                continue;
            }
            final double price = book.priceAt(bookSide, level[c]) * tickSize[c];
            final double coin = k * coinPerLot[c];
            taken[c] += k;
            levelUsed[c] += k;
            if (levelUsed[c] == book.sizeAt(bookSide, level[c]))
            {
                level[c]++;
                levelUsed[c] = 0;
            }
            remaining = Math.max(0.0, remaining - coin);
            positionRoomCoin[a] -= coin;
            costUsd[c] += coin * (sign * (price - reference) + feeRate[c] * price);
        }
    }

    /** The margin headroom left on candidate c's account as a fraction of its equity (currency-free, for ties). */
    private double headroomFraction(final int c)
    {
        final int a = account[c];
        final double equity = market.equity(a);
        return equity > 0.0 ? headroomLeft[a] / equity : Double.NEGATIVE_INFINITY;
    }

    /** The whole lots of candidate c whose coin fits in {@code coin} (0 if none). */
    private long lotsWithin(final double coin, final int c)
    {
        if (!(coin > 0.0))
        {
            return 0;
        }
        final double lots = coin / coinPerLot[c];
        return lots >= Long.MAX_VALUE ? Long.MAX_VALUE : (long)Math.floor(lots + SNAP_LOTS + lots * 1e-12);
    }

    /**
     * The most of {@code k} lots the account's margin allows: without headroom only a reduction that does not flip;
     * with headroom, as long as the model maintenance margin added stays within what is left (binary search: the added
     * margin first falls while a position shrinks, then grows, so "fits" holds on a prefix of lot counts).
     */
    private long marginCap(final int c, final int a, final double sign, final long positionLots, final long k)
    {
        if (k <= 0)
        {
            return 0;
        }
        if (!newRisk[a])
        {
            final boolean reducing = Long.signum(positionLots) == -(long)sign;
            return reducing ? Math.min(k, Math.abs(positionLots)) : 0;
        }
        final int i = instrument[c];
        final double m = market.mark(i);
        final double index = reference;
        final double before = model[c].maintenanceMargin(spec[c], positionLots * lotSize[c], m, index);
        final double all = added(c, sign, positionLots, k, m, index, before);
        if (all <= headroomLeft[a])
        {
            headroomLeft[a] -= all;
            return k;
        }
        long lo = 0;
        long hi = k;
        while (hi - lo > 1)
        {
            final long mid = lo + (hi - lo) / 2;
            if (added(c, sign, positionLots, mid, m, index, before) <= headroomLeft[a])
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        if (lo > 0)
        {
            headroomLeft[a] -= added(c, sign, positionLots, lo, m, index, before);
        }
        return lo;
    }

    private double added(final int c, final double sign, final long positionLots, final long k, final double mark,
                         final double index, final double before)
    {
        final double after = (positionLots + (long)sign * k) * lotSize[c];
        return model[c].maintenanceMargin(spec[c], after, mark, index) - before;
    }
}
