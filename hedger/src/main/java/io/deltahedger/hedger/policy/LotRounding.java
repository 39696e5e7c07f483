package io.deltahedger.hedger.policy;

import io.deltahedger.venues.instrument.DecimalGrid;

import java.math.BigDecimal;

/**
 * Rounds a wanted hedge quantity in coin to whole lots toward zero (less trading), so that rounding never carries a
 * hedge past its destination. The result is a {@code long} count of lots: the exact quantity is
 * {@code lots × lotSize} on the lot's {@link DecimalGrid}, never a binary floating-point artefact.
 * <p>
 * <b>Snap tolerance.</b> A delta is a sum of doubles and carries their last-bit noise: 0.3 coin arrives as the
 * double just below 0.3, which a strict floor would call 2 lots of 0.1. A quantity within
 * {@link #SNAP_LOTS} lot plus {@link #SNAP_RELATIVE} of itself below the next whole lot therefore counts as that lot.
 * The overshoot this can cause is bounded by that same tolerance (1e-9 lot + 1e-12 relative), far below any
 * venue's precision; the remaining distance to the destination never grows. Immutable and thread-safe.
 */
public final class LotRounding
{
    /** Absolute snap, in lots. */
    public static final double SNAP_LOTS = 1e-9;
    /** Relative snap: covers the rounding of the division by the lot for large quantities. */
    public static final double SNAP_RELATIVE = 1e-12;
    /** The most lots one decision may carry (2^52): beyond it lot counts are no longer exact in a double. */
    public static final long MAX_LOTS = 1L << 52;
    /** Returned by {@link #lotsTowardZero(double)} when the quantity is not finite or exceeds {@link #MAX_LOTS}. */
    public static final long OUT_OF_RANGE = Long.MIN_VALUE;

    private final DecimalGrid grid;
    private final double lotCoin;

    /**
     * @param lotSizeCoin the lot in coin, &gt; 0 with at most 18 decimals.
     */
    public LotRounding(final BigDecimal lotSizeCoin)
    {
        this.grid = DecimalGrid.of(lotSizeCoin);
        this.lotCoin = grid.toDouble(1);
    }

    /** The lot's exact decimal grid, to format a quantity for a venue: {@code grid().format(lots)}. */
    public DecimalGrid grid()
    {
        return grid;
    }

    /** The nearest double to one lot in coin. */
    public double lotCoin()
    {
        return lotCoin;
    }

    /**
     * The signed number of whole lots in {@code quantityCoin}, rounded toward zero (with the snap tolerance above).
     * Allocation-free.
     *
     * @return the lots, with the sign of the quantity, or {@link #OUT_OF_RANGE}
     */
    public long lotsTowardZero(final double quantityCoin)
    {
        final double ratio = Math.abs(quantityCoin) / lotCoin;
        if (!(ratio < MAX_LOTS))
        {
            return OUT_OF_RANGE;
        }
        final long lots = (long)(ratio + ratio * SNAP_RELATIVE + SNAP_LOTS);
        return quantityCoin < 0.0 ? -lots : lots;
    }

    /** The nearest double to {@code lots} lots in coin; for arithmetic, never for what is sent. */
    public double toCoin(final long lots)
    {
        return grid.toDouble(lots);
    }
}
