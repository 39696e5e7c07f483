package io.deltahedger.backtest.venue;

import io.deltahedger.venues.Side;

import java.util.Arrays;

/**
 * The private overlay over a recorded book: lots our own aggressive orders have taken at a (side, price) that the
 * recorded data does not know about. A level's usable size is the recorded size minus what is consumed here, until the
 * next book update at that price replaces the level (the data has then caught up with reality) or a snapshot replaces
 * the book. A handful of entries at most: a linear scan over primitive arrays, allocation-free once grown.
 */
final class ConsumedLiquidity
{
    private boolean[] bid = new boolean[8];
    private long[] priceTicks = new long[8];
    private long[] lots = new long[8];
    private int count;

    /** Lots consumed at a price on a book side ({@link Side#BUY} = bids). */
    long consumed(final Side bookSide, final long price)
    {
        final boolean b = bookSide == Side.BUY;
        for (int i = 0; i < count; i++)
        {
            if (priceTicks[i] == price && bid[i] == b)
            {
                return lots[i];
            }
        }
        return 0;
    }

    void consume(final Side bookSide, final long price, final long taken)
    {
        final boolean b = bookSide == Side.BUY;
        for (int i = 0; i < count; i++)
        {
            if (priceTicks[i] == price && bid[i] == b)
            {
                lots[i] += taken;
                return;
            }
        }
        if (count == priceTicks.length)
        {
            bid = Arrays.copyOf(bid, count * 2);
            priceTicks = Arrays.copyOf(priceTicks, count * 2);
            lots = Arrays.copyOf(lots, count * 2);
        }
        bid[count] = b;
        priceTicks[count] = price;
        lots[count] = taken;
        count++;
    }

    /** The data replaced the level: forget what we took there. */
    void release(final Side bookSide, final long price)
    {
        final boolean b = bookSide == Side.BUY;
        for (int i = 0; i < count; i++)
        {
            if (priceTicks[i] == price && bid[i] == b)
            {
                count--;
                bid[i] = bid[count];
                priceTicks[i] = priceTicks[count];
                lots[i] = lots[count];
                return;
            }
        }
    }

    void clear()
    {
        count = 0;
    }

    int size()
    {
        return count;
    }
}
