package io.deltahedger.venues.simulator.book;

/**
 * A pre-allocated buffer holding one drained batch of level changes of one book, ready to encode as a Deribit
 * {@code book.*} "change" notification. Reused for every batch.
 */
public final class BookChanges
{
    public static final byte NEW = 0;
    public static final byte CHANGE = 1;
    public static final byte DELETE = 2;

    private static final String[] ACTION_NAMES = {"new", "change", "delete"};

    public long changeId;
    public long prevChangeId;
    public int count;
    public boolean[] isBid = new boolean[64];
    public byte[] action = new byte[64];
    public long[] priceTicks = new long[64];
    /** New absolute size of the level in lots (0 for a delete). */
    public long[] lots = new long[64];

    public static String actionName(final byte action)
    {
        return ACTION_NAMES[action];
    }

    void add(final boolean bid, final byte levelAction, final long price, final long levelLots)
    {
        if (count == isBid.length)
        {
            final int capacity = count * 2;
            isBid = java.util.Arrays.copyOf(isBid, capacity);
            action = java.util.Arrays.copyOf(action, capacity);
            priceTicks = java.util.Arrays.copyOf(priceTicks, capacity);
            lots = java.util.Arrays.copyOf(lots, capacity);
        }
        isBid[count] = bid;
        action[count] = levelAction;
        priceTicks[count] = price;
        lots[count] = levelLots;
        count++;
    }
}
