package io.deltahedger.venues.simulator.book;

/**
 * The levels of one side, kept sorted best first in a plain array (books here hold tens of levels, so an array
 * beats a tree and allocates nothing once the pool is warm).
 */
final class BookSide
{
    private final boolean bids;
    private PriceLevel[] levels = new PriceLevel[64];
    private int count;
    private PriceLevel[] pool = new PriceLevel[64];
    private int pooled;

    BookSide(final boolean bids)
    {
        this.bids = bids;
    }

    int count()
    {
        return count;
    }

    PriceLevel levelAt(final int index)
    {
        return levels[index];
    }

    PriceLevel best()
    {
        return count == 0 ? null : levels[0];
    }

    /**
     * @return the level at the price, or null.
     */
    PriceLevel find(final long priceTicks)
    {
        final int index = search(priceTicks);
        return index >= 0 ? levels[index] : null;
    }

    PriceLevel findOrCreate(final long priceTicks)
    {
        int index = search(priceTicks);
        if (index >= 0)
        {
            return levels[index];
        }
        index = -index - 1;
        if (count == levels.length)
        {
            levels = java.util.Arrays.copyOf(levels, count * 2);
        }
        System.arraycopy(levels, index, levels, index + 1, count - index);
        final PriceLevel level = pooled > 0 ? pool[--pooled] : new PriceLevel();
        level.priceTicks = priceTicks;
        level.totalLots = 0;
        level.head = null;
        level.tail = null;
        levels[index] = level;
        count++;
        return level;
    }

    void removeIfEmpty(final PriceLevel level)
    {
        if (!level.isEmpty())
        {
            return;
        }
        final int index = search(level.priceTicks);
        if (index < 0)
        {
            return;
        }
        System.arraycopy(levels, index + 1, levels, index, count - index - 1);
        levels[--count] = null;
        if (pooled == pool.length)
        {
            pool = java.util.Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = level;
    }

    /** Binary search in best-first order; returns the index or (-(insertion point) - 1). */
    private int search(final long priceTicks)
    {
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midPrice = levels[mid].priceTicks;
            final boolean before = bids ? midPrice > priceTicks : midPrice < priceTicks;
            if (midPrice == priceTicks)
            {
                return mid;
            }
            if (before)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }
}
