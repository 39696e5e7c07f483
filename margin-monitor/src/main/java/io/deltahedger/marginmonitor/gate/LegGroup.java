package io.deltahedger.marginmonitor.gate;

import io.deltahedger.venues.Side;

/**
 * A pre-allocated, reusable group of legs to be judged together: each leg is an account, an instrument registered on
 * it, a side, an amount in lots and a limit price in the instrument's quote currency. Values are stored as given;
 * the gate validates them (a bad leg is a verdict, not an exception). Single writer.
 */
public final class LegGroup {

    private final int[] account;
    private final int[] instrument;
    private final Side[] side;
    private final long[] lots;
    private final double[] limitPrice;
    private int size;

    /** @param capacity the most legs a group may hold, 1..16 */
    public LegGroup(final int capacity) {
        if (capacity < 1 || capacity > MarginGate.MAX_LEGS) {
            throw new IllegalArgumentException("leg group capacity must be 1.." + MarginGate.MAX_LEGS + ", got " + capacity);
        }
        account = new int[capacity];
        instrument = new int[capacity];
        side = new Side[capacity];
        lots = new long[capacity];
        limitPrice = new double[capacity];
    }

    public LegGroup clear() {
        size = 0;
        return this;
    }

    /** Appends a leg; throws only when the pre-allocated capacity is exceeded (a sizing error of the caller). */
    public LegGroup add(final int accountId, final int instrumentId, final Side legSide, final long amountLots,
                        final double limit) {
        if (size == account.length) {
            throw new IllegalStateException("leg group is full at " + account.length + " legs; allocate a larger one");
        }
        account[size] = accountId;
        instrument[size] = instrumentId;
        side[size] = legSide;
        lots[size] = amountLots;
        limitPrice[size] = limit;
        size++;
        return this;
    }

    public int size() {
        return size;
    }

    public int account(final int leg) {
        return account[leg];
    }

    public int instrument(final int leg) {
        return instrument[leg];
    }

    public Side side(final int leg) {
        return side[leg];
    }

    public long lots(final int leg) {
        return lots[leg];
    }

    public double limitPrice(final int leg) {
        return limitPrice[leg];
    }

    /** Signed lots: positive for a buy. */
    public long signedLots(final int leg) {
        return side[leg].sign() * lots[leg];
    }
}
