package io.deltahedger.venues.simulator.book;

/**
 * A price-time priority limit order book for one instrument, with the bookkeeping Deribit's {@code book.*} channels
 * need: every level whose total changes is remembered with its size before the batch, and
 * {@link #drainChanges(BookChanges)} turns the batch into {@code new/change/delete} entries under a fresh
 * {@code change_id}. Owned by the exchange thread; allocation-free in steady state.
 */
public final class OrderBook
{
    private final BookSide bids = new BookSide(true);
    private final BookSide asks = new BookSide(false);
    private long changeId;

    private int pendingCount;
    private boolean[] pendingIsBid = new boolean[64];
    private long[] pendingPrice = new long[64];
    private long[] pendingBefore = new long[64];

    public OrderBook(final long firstChangeId)
    {
        this.changeId = firstChangeId;
    }

    /**
     * @return the change id of the last drained batch: the state a snapshot taken now describes.
     */
    public long changeId()
    {
        return changeId;
    }

    public boolean hasPendingChanges()
    {
        return pendingCount > 0;
    }

    public int levelCount(final boolean bid)
    {
        return side(bid).count();
    }

    public long levelPriceTicks(final boolean bid, final int index)
    {
        return side(bid).levelAt(index).priceTicks;
    }

    public long levelLots(final boolean bid, final int index)
    {
        return side(bid).levelAt(index).totalLots;
    }

    /**
     * @return the best price in ticks, or {@code Long.MIN_VALUE} when the side is empty.
     */
    public long bestPriceTicks(final boolean bid)
    {
        final PriceLevel best = side(bid).best();
        return best == null ? Long.MIN_VALUE : best.priceTicks;
    }

    /**
     * @return the first order (time priority) at the best price of the side, or null when the side is empty.
     */
    public SimOrder bestOrder(final boolean bid)
    {
        final PriceLevel best = side(bid).best();
        return best == null ? null : best.head;
    }

    /**
     * @return the lots a {@code buy} (or sell) taker could fill up to {@code limitTicks} inclusive.
     */
    public long lotsUpTo(final boolean buy, final long limitTicks)
    {
        long total = 0;
        for (int i = 0; i < levelCount(!buy); i++)
        {
            final long price = levelPriceTicks(!buy, i);
            if (buy ? price > limitTicks : price < limitTicks)
            {
                break;
            }
            total += levelLots(!buy, i);
        }
        return total;
    }

    public long bestLots(final boolean bid)
    {
        final PriceLevel best = side(bid).best();
        return best == null ? 0 : best.totalLots;
    }

    /**
     * @return true if a limit order at this price on this side would execute immediately.
     */
    public boolean wouldCross(final boolean buy, final long priceTicks)
    {
        final PriceLevel best = side(!buy).best();
        return best != null && (buy ? priceTicks >= best.priceTicks : priceTicks <= best.priceTicks);
    }

    /**
     * Executes the taker against the opposite side while it crosses and has remaining lots. Filled makers leave the
     * book. The taker never rests here: call {@link #rest(SimOrder)} afterwards if it should.
     */
    public void match(final SimOrder taker, final MatchListener listener)
    {
        final BookSide opposite = side(!taker.buy);
        while (taker.remainingLots() > 0)
        {
            final PriceLevel level = opposite.best();
            if (level == null || (taker.buy ? level.priceTicks > taker.priceTicks : level.priceTicks < taker.priceTicks))
            {
                return;
            }
            final SimOrder maker = level.head;
            if (maker.ownerId == taker.ownerId)
            {
                remove(maker);
                maker.state = SimOrder.CANCELLED;
                maker.cancelReason = "self_trade";
                listener.onSelfTradeCancelled(maker);
                continue;
            }
            final long lots = Math.min(maker.remainingLots(), taker.remainingLots());
            remember(!taker.buy, level.priceTicks, level.totalLots);
            level.totalLots -= lots;
            maker.filledLots += lots;
            maker.filledTickLots += (double)level.priceTicks * lots;
            taker.filledLots += lots;
            taker.filledTickLots += (double)level.priceTicks * lots;
            final long priceTicks = level.priceTicks;
            if (maker.remainingLots() == 0)
            {
                maker.state = SimOrder.FILLED;
                level.unlink(maker);
                opposite.removeIfEmpty(level);
            }
            if (taker.remainingLots() == 0)
            {
                taker.state = SimOrder.FILLED;
            }
            listener.onMatch(maker, taker, priceTicks, lots);
        }
    }

    /**
     * Puts an order with remaining lots at the back of its price level.
     */
    public void rest(final SimOrder order)
    {
        if (order.isResting())
        {
            throw new IllegalStateException("order " + order.orderId + " already rests in the book");
        }
        if (order.remainingLots() <= 0)
        {
            throw new IllegalStateException("order " + order.orderId + " has nothing left to rest");
        }
        final BookSide side = side(order.buy);
        final PriceLevel level = side.findOrCreate(order.priceTicks);
        remember(order.buy, order.priceTicks, level.totalLots);
        level.append(order);
    }

    /**
     * Takes a resting order out of the book (cancel, or the first half of an edit).
     */
    public void remove(final SimOrder order)
    {
        final PriceLevel level = order.level;
        if (level == null)
        {
            return;
        }
        remember(order.buy, level.priceTicks, level.totalLots);
        level.unlink(order);
        side(order.buy).removeIfEmpty(level);
    }

    /**
     * Reduces a resting order's total amount in place, keeping its time priority (Deribit keeps priority when an
     * edit only lowers the amount).
     *
     * @param newAmountLots the new total amount, more than the filled lots and at most the current amount.
     */
    public void reduceInPlace(final SimOrder order, final long newAmountLots)
    {
        final PriceLevel level = order.level;
        if (level == null || newAmountLots > order.amountLots || newAmountLots <= order.filledLots)
        {
            throw new IllegalArgumentException("cannot reduce order " + order.orderId + " to " + newAmountLots);
        }
        remember(order.buy, level.priceTicks, level.totalLots);
        level.totalLots -= order.amountLots - newAmountLots;
        order.amountLots = newAmountLots;
    }

    /**
     * Moves the batch of remembered level changes into {@code out} and, if anything really changed, advances the
     * change id. Levels that changed and came back to the same size are dropped.
     *
     * @return the number of entries written; 0 means no notification is due and the change id did not move.
     */
    public int drainChanges(final BookChanges out)
    {
        out.count = 0;
        for (int i = 0; i < pendingCount; i++)
        {
            final boolean bid = pendingIsBid[i];
            final long price = pendingPrice[i];
            final PriceLevel level = side(bid).find(price);
            final long after = level == null ? 0 : level.totalLots;
            final long before = pendingBefore[i];
            if (after == before)
            {
                continue;
            }
            final byte action = before == 0 ? BookChanges.NEW : after == 0 ? BookChanges.DELETE : BookChanges.CHANGE;
            out.add(bid, action, price, after);
        }
        pendingCount = 0;
        if (out.count > 0)
        {
            out.prevChangeId = changeId;
            changeId++;
            out.changeId = changeId;
        }
        return out.count;
    }

    private void remember(final boolean bid, final long price, final long lotsBefore)
    {
        for (int i = 0; i < pendingCount; i++)
        {
            if (pendingPrice[i] == price && pendingIsBid[i] == bid)
            {
                return;
            }
        }
        if (pendingCount == pendingPrice.length)
        {
            final int capacity = pendingCount * 2;
            pendingIsBid = java.util.Arrays.copyOf(pendingIsBid, capacity);
            pendingPrice = java.util.Arrays.copyOf(pendingPrice, capacity);
            pendingBefore = java.util.Arrays.copyOf(pendingBefore, capacity);
        }
        pendingIsBid[pendingCount] = bid;
        pendingPrice[pendingCount] = price;
        pendingBefore[pendingCount] = lotsBefore;
        pendingCount++;
    }

    PriceLevel levelAt(final boolean bid, final int index)
    {
        return side(bid).levelAt(index);
    }

    private BookSide side(final boolean bid)
    {
        return bid ? bids : asks;
    }
}
