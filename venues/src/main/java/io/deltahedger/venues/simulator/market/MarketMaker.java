package io.deltahedger.venues.simulator.market;

import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.trading.TradingEngine;

import java.util.SplittableRandom;

/**
 * The resting liquidity of one book: {@code levels} bids and asks around the fair price, {@code halfSpreadBps}
 * from it and {@code stepBps} apart, each a random size. Each tick it cancels quotes whose price left the ladder,
 * re-sizes a random share of the others and fills the gaps; new quotes that cross a user's resting order trade with
 * it, which is how user orders fill as the market moves.
 */
public final class MarketMaker
{
    private static final double RESIZE_PROBABILITY = 0.2;
    /**
     * Option books: 5 levels a side, best quotes 1.5 % of the mark away (at least one tick), levels 1 % (at least a
     * tick) apart, sizes uniform in [0.1, 5] coin.
     */
    private static final int OPTION_LEVELS = 5;
    private static final double OPTION_HALF_SPREAD_BPS = 150;
    private static final double OPTION_STEP_BPS = 100;
    private static final double OPTION_MAX_LEVEL_COIN = 5;

    private final SimInstrument instrument;
    private final TradingEngine engine;
    private final SplittableRandom random;
    private final int levels;
    private final double halfSpreadBps;
    private final double stepBps;
    private final long maxLevelLots;
    private final SimOrder[] bids;
    private final SimOrder[] asks;
    private final long[] targetBids;
    private final long[] targetAsks;
    private final SimOrder[] pool;
    private int pooled;

    /**
     * @param maxLevelUsd the largest level in the instrument's amount unit (USD for futures, coin for options).
     */
    public MarketMaker(final SimInstrument instrument, final TradingEngine engine, final SplittableRandom random,
        final int levels, final double halfSpreadBps, final double stepBps, final double maxLevelUsd)
    {
        this.instrument = instrument;
        this.engine = engine;
        this.random = random;
        this.levels = levels;
        this.halfSpreadBps = halfSpreadBps;
        this.stepBps = stepBps;
        this.maxLevelLots = Math.max(1, (long)(maxLevelUsd / instrument.contractSizeUsd()));
        this.bids = new SimOrder[levels];
        this.asks = new SimOrder[levels];
        this.targetBids = new long[levels];
        this.targetAsks = new long[levels];
        this.pool = new SimOrder[4 * levels];
    }

    /** The simulator's quoting of an option book (see the OPTION_ constants). */
    public static MarketMaker forOption(final SimInstrument option, final TradingEngine engine,
        final SplittableRandom random)
    {
        if (!option.isOption())
        {
            throw new IllegalArgumentException(option.name() + " is not an option");
        }
        return new MarketMaker(option, engine, random, OPTION_LEVELS, OPTION_HALF_SPREAD_BPS, OPTION_STEP_BPS,
            OPTION_MAX_LEVEL_COIN);
    }

    /**
     * Re-quotes around the fair price (the instrument's price unit: USD for futures, coin for options).
     */
    public void requote(final double fairPrice)
    {
        final double tick = instrument.tickSize();
        final long fairTicks = Math.round(fairPrice / tick);
        final long halfSpreadTicks = Math.max(1, Math.round(fairPrice * halfSpreadBps * 1e-4 / tick));
        final long stepTicks = Math.max(1, Math.round(fairPrice * stepBps * 1e-4 / tick));
        for (int i = 0; i < levels; i++)
        {
            targetBids[i] = fairTicks - halfSpreadTicks - i * stepTicks;
            targetAsks[i] = fairTicks + halfSpreadTicks + i * stepTicks;
        }
        cancelStale(bids, targetBids);
        cancelStale(asks, targetAsks);
        fill(bids, targetBids, true);
        fill(asks, targetAsks, false);
    }

    private void cancelStale(final SimOrder[] quotes, final long[] targets)
    {
        for (int i = 0; i < levels; i++)
        {
            final SimOrder quote = quotes[i];
            if (quote == null)
            {
                continue;
            }
            if (!quote.isResting() || !contains(targets, quote.priceTicks) || random.nextDouble() < RESIZE_PROBABILITY)
            {
                engine.cancelMarketMakerOrder(quote);
                quotes[i] = null;
                // Safe to reuse: the notifications of the event that filled or placed it have been flushed.
                if (pooled < pool.length)
                {
                    pool[pooled++] = quote;
                }
            }
        }
    }

    private void fill(final SimOrder[] quotes, final long[] targets, final boolean buy)
    {
        for (final long target : targets)
        {
            if (target <= 0 || isQuoted(quotes, target))
            {
                continue;
            }
            final long lots = 1 + random.nextLong(maxLevelLots);
            final SimOrder order = pooled > 0
                ? engine.placeMarketMakerOrder(pool[--pooled], instrument.index(), buy, target, lots)
                : engine.placeMarketMakerOrder(instrument.index(), buy, target, lots);
            if (order.isResting())
            {
                for (int slot = 0; slot < levels; slot++)
                {
                    if (quotes[slot] == null)
                    {
                        quotes[slot] = order;
                        break;
                    }
                }
            }
        }
    }

    private boolean isQuoted(final SimOrder[] quotes, final long priceTicks)
    {
        for (final SimOrder quote : quotes)
        {
            if (quote != null && quote.priceTicks == priceTicks)
            {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(final long[] values, final long value)
    {
        for (final long candidate : values)
        {
            if (candidate == value)
            {
                return true;
            }
        }
        return false;
    }
}
