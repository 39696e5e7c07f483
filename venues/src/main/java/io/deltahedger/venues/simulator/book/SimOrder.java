package io.deltahedger.venues.simulator.book;

/**
 * One order inside the simulator, mutable and owned by the exchange thread. Prices are integer ticks of the
 * instrument's tick size; amounts are integer lots of the instrument's amount step (for inverse futures one lot is
 * one contract of {@code contract_size} USD). Converted to Deribit's JSON only at the edge.
 */
public final class SimOrder
{
    public static final String OPEN = "open";
    public static final String FILLED = "filled";
    public static final String CANCELLED = "cancelled";
    public static final String REJECTED = "rejected";

    public long orderId;
    public long ownerId;
    public int instrumentIndex;
    public String label = "";
    public boolean buy;
    public boolean market;
    /** Limit price in ticks; for market orders the most aggressive price the book may give. */
    public long priceTicks;
    public long amountLots;
    public long filledLots;
    /** Sum of fill price (ticks) times fill lots, for the amount-weighted average price. */
    public double filledTickLots;
    public String timeInForce = "good_til_cancelled";
    public boolean postOnly;
    public boolean reduceOnly;
    public boolean liquidation;
    public boolean replaced;
    public String state = OPEN;
    public String cancelReason;
    public long creationMs;
    public long lastUpdateMs;
    /** Fees paid by this order so far, in the settlement currency (negative for a maker rebate). */
    public double commission;

    PriceLevel level;
    SimOrder previous;
    SimOrder next;

    public long remainingLots()
    {
        return amountLots - filledLots;
    }

    public boolean isResting()
    {
        return level != null;
    }

    public String direction()
    {
        return buy ? "buy" : "sell";
    }

    /**
     * @return the amount-weighted average fill price in ticks, or 0 when nothing is filled (as Deribit reports 0).
     */
    public double averagePriceTicks()
    {
        return filledLots == 0 ? 0.0 : filledTickLots / filledLots;
    }
}
