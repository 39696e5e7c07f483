package io.deltahedger.backtest.generate;

import io.deltahedger.backtest.synthetic.PathRandom;

/**
 * The perpetual's synthetic order book, 25 levels a side, evolving so that consecutive books share most levels (as an
 * incremental feed needs): a price tick carries liquidity on a fixed three quarters of the grid (a hash of the tick
 * decides which), always at the best bid and ask; at each update a level kept from the previous book keeps its amount
 * with probability {@value #KEEP_PROBABILITY}, else (and for a new level) its amount is drawn afresh, log-normal around
 * 20,000 USD growing with depth, in whole 10 USD contracts.
 *
 * <p>Written as {@code book_snapshot_25} rows or as {@code incremental_book_L2} rows: {@code is_snapshot=true} rows for
 * the whole book at the first update and at the first update of each local UTC day (Tardis day files start with a
 * snapshot), then one row per level added, changed or removed ({@code amount} 0), all rows of an update sharing its
 * timestamps. Prices are whole ticks. Not thread-safe.
 */
final class PerpetualBook
{
    static final int LEVELS = 25;
    static final double KEEP_PROBABILITY = 0.7;
    static final String SNAPSHOT_HEADER = snapshotHeader();
    static final String INCREMENTAL_HEADER =
        "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount";
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final String symbol;
    private final double tick;
    private final int tickDecimals;
    private final PathRandom random;

    private final long[] askTicks = new long[LEVELS];
    private final long[] bidTicks = new long[LEVELS];
    private final double[] askAmounts = new double[LEVELS];
    private final double[] bidAmounts = new double[LEVELS];
    private final long[] previousAskTicks = new long[LEVELS];
    private final long[] previousBidTicks = new long[LEVELS];
    private final double[] previousAskAmounts = new double[LEVELS];
    private final double[] previousBidAmounts = new double[LEVELS];
    private boolean hasPrevious;
    private long lastIncrementalDay = Long.MIN_VALUE;

    PerpetualBook(final String symbol, final double tick, final int tickDecimals, final PathRandom random)
    {
        this.symbol = symbol;
        this.tick = tick;
        this.tickDecimals = tickDecimals;
        this.random = random;
    }

    /** Rebuilds the book around {@code bestBidTicks} (best ask one tick above), keeping most of the previous one. */
    void update(final long bestBidTicks)
    {
        hasPrevious = askTicks[0] != 0;
        System.arraycopy(askTicks, 0, previousAskTicks, 0, LEVELS);
        System.arraycopy(bidTicks, 0, previousBidTicks, 0, LEVELS);
        System.arraycopy(askAmounts, 0, previousAskAmounts, 0, LEVELS);
        System.arraycopy(bidAmounts, 0, previousBidAmounts, 0, LEVELS);
        long ask = bestBidTicks + 1;
        long bid = bestBidTicks;
        for (int level = 0; level < LEVELS; level++)
        {
            if (level > 0)
            {
                do
                {
                    ask++;
                }
                while (!hasLiquidity(ask));
                do
                {
                    bid--;
                }
                while (!hasLiquidity(bid) && bid > 1);
            }
            askTicks[level] = ask;
            askAmounts[level] = amount(level, ask, previousAskTicks, previousAskAmounts);
            bidTicks[level] = Math.max(bid, 1);
            bidAmounts[level] = amount(level, bidTicks[level], previousBidTicks, previousBidAmounts);
        }
    }

    /** One book_snapshot_25 row of the current book. */
    void writeSnapshot(final TardisCsvFile file, final long timestampMicros, final long latencyMicros)
    {
        final StringBuilder row = file.begin(symbol);
        final long local = file.localMicros(timestampMicros + latencyMicros);
        row.append(timestampMicros).append(',').append(local);
        for (int level = 0; level < LEVELS; level++)
        {
            row.append(',');
            Decimal.append(row, askTicks[level] * tick, tickDecimals).append(',');
            Decimal.append(row, askAmounts[level], 0).append(',');
            Decimal.append(row, bidTicks[level] * tick, tickDecimals).append(',');
            Decimal.append(row, bidAmounts[level], 0);
        }
        file.write(local);
    }

    /** The incremental_book_L2 rows that turn the previous book into the current one (a snapshot when due). */
    void writeIncremental(final TardisCsvFile file, final long timestampMicros, final long latencyMicros)
    {
        final long local = file.localMicros(timestampMicros + latencyMicros);
        final long day = Math.floorDiv(local, MICROS_PER_DAY);
        final boolean snapshot = !hasPrevious || day != lastIncrementalDay;
        lastIncrementalDay = day;
        if (!snapshot)
        {
            removed(file, timestampMicros, local, "bid", previousBidTicks, bidTicks);
            removed(file, timestampMicros, local, "ask", previousAskTicks, askTicks);
        }
        for (int level = 0; level < LEVELS; level++)
        {
            if (snapshot || changed(bidTicks[level], bidAmounts[level], previousBidTicks, previousBidAmounts))
            {
                row(file, timestampMicros, local, snapshot, "bid", bidTicks[level], bidAmounts[level]);
            }
        }
        for (int level = 0; level < LEVELS; level++)
        {
            if (snapshot || changed(askTicks[level], askAmounts[level], previousAskTicks, previousAskAmounts))
            {
                row(file, timestampMicros, local, snapshot, "ask", askTicks[level], askAmounts[level]);
            }
        }
    }

    private void removed(final TardisCsvFile file, final long timestampMicros, final long local, final String side,
        final long[] previous, final long[] current)
    {
        for (int level = 0; level < LEVELS; level++)
        {
            if (indexOf(current, previous[level]) < 0)
            {
                row(file, timestampMicros, local, false, side, previous[level], 0.0);
            }
        }
    }

    private void row(final TardisCsvFile file, final long timestampMicros, final long local, final boolean snapshot,
        final String side, final long priceTicks, final double amount)
    {
        final StringBuilder row = file.begin(symbol);
        row.append(timestampMicros).append(',').append(local).append(',').append(snapshot).append(',')
            .append(side).append(',');
        Decimal.append(row, priceTicks * tick, tickDecimals).append(',');
        Decimal.append(row, amount, 0);
        file.write(local);
    }

    private static boolean changed(final long priceTicks, final double amount, final long[] previousTicks,
        final double[] previousAmounts)
    {
        final int at = indexOf(previousTicks, priceTicks);
        return at < 0 || previousAmounts[at] != amount;
    }

    private double amount(final int level, final long priceTicks, final long[] previousTicks,
        final double[] previousAmounts)
    {
        final int at = indexOf(previousTicks, priceTicks);
        final double fresh = freshAmount(level);
        return at >= 0 && random.nextOpenUnit() < KEEP_PROBABILITY ? previousAmounts[at] : fresh;
    }

    private double freshAmount(final int level)
    {
        final double usd = 20_000.0 * (1.0 + level / 5.0) * Math.exp(0.8 * random.nextGaussian() - 0.32);
        return PerpetualMarket.CONTRACT_USD * Math.max(1.0, Math.rint(usd / PerpetualMarket.CONTRACT_USD));
    }

    private static int indexOf(final long[] ticks, final long priceTicks)
    {
        for (int i = 0; i < ticks.length; i++)
        {
            if (ticks[i] == priceTicks)
            {
                return i;
            }
        }
        return -1;
    }

    /** Three quarters of the ticks carry liquidity, chosen by a fixed hash of the tick (SplitMix64's finaliser). */
    private static boolean hasLiquidity(final long priceTicks)
    {
        long z = priceTicks * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return ((z ^ (z >>> 31)) & 3) != 0;
    }

    private static String snapshotHeader()
    {
        final StringBuilder header = new StringBuilder("exchange,symbol,timestamp,local_timestamp");
        for (int i = 0; i < LEVELS; i++)
        {
            header.append(",asks[").append(i).append("].price,asks[").append(i).append("].amount,bids[").append(i)
                .append("].price,bids[").append(i).append("].amount");
        }
        return header.toString();
    }
}
