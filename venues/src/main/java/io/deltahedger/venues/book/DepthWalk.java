package io.deltahedger.venues.book;

/**
 * The reusable result of {@link L2Book#walk}: what an aggressive order of a given size would take from the book,
 * level by level from the best price. Exact: the notional is the sum of price ticks times lots, in tick-lots.
 */
public final class DepthWalk {
    long requestedLots;
    long filledLots;
    long notionalTickLots;
    long worstPriceTicks;
    int levels;

    void reset(final long requestedLots) {
        this.requestedLots = requestedLots;
        filledLots = 0;
        notionalTickLots = 0;
        worstPriceTicks = 0;
        levels = 0;
    }

    /** The lots asked for. */
    public long requestedLots() {
        return requestedLots;
    }

    /** The lots the book could fill (= requested unless the side is too thin). */
    public long filledLots() {
        return filledLots;
    }

    /** Whether the whole request could be filled. */
    public boolean complete() {
        return filledLots == requestedLots;
    }

    /** Sum over touched levels of price ticks * lots taken: the exact cost in tick-lots. */
    public long notionalTickLots() {
        return notionalTickLots;
    }

    /** The last (worst) price touched, in ticks; 0 if nothing was filled. */
    public long worstPriceTicks() {
        return worstPriceTicks;
    }

    /** How many levels were touched. */
    public int levels() {
        return levels;
    }

    /** The volume-weighted average price in ticks (fractional); 0 if nothing was filled. */
    public double vwapTicks() {
        return filledLots == 0 ? 0.0 : (double) notionalTickLots / filledLots;
    }
}
