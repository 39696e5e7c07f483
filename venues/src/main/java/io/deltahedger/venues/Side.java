package io.deltahedger.venues;

/**
 * Buy or sell. For an order it is the order's direction; for a trade it is the taker's (aggressor's) direction;
 * for a book walk it is the side of the aggressing order ({@link #BUY} walks the asks).
 */
public enum Side {
    BUY,
    SELL;

    /** The other side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for a buy, -1 for a sell: the sign a fill of this side gives a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
