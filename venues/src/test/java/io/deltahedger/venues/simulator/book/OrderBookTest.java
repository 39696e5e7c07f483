package io.deltahedger.venues.simulator.book;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderBookTest
{
    private long nextId = 1;

    @Test
    void takerMatchesBestPriceFirstThenTimePriority()
    {
        final OrderBook book = new OrderBook(0);
        final SimOrder first = order(1, false, 101, 5);
        final SimOrder second = order(2, false, 101, 5);
        final SimOrder worse = order(3, false, 102, 5);
        book.rest(worse);
        book.rest(first);
        book.rest(second);
        final List<String> fills = new ArrayList<>();
        final SimOrder taker = order(9, true, 102, 12);
        book.match(taker, recorder(fills));
        assertEquals(List.of("1@101x5", "2@101x5", "3@102x2"), fills);
        assertEquals(SimOrder.FILLED, taker.state);
        assertEquals(3, worse.remainingLots());
        assertEquals(102, book.bestPriceTicks(false));
        assertEquals((101.0 * 10 + 102 * 2) / 12, taker.averagePriceTicks(), 1e-12);
    }

    @Test
    void selfTradeCancelsTheRestingOrderInsteadOfTrading()
    {
        final OrderBook book = new OrderBook(0);
        final SimOrder own = order(7, false, 100, 5);
        book.rest(own);
        final List<String> fills = new ArrayList<>();
        book.match(order(7, true, 100, 5), recorder(fills));
        assertTrue(fills.isEmpty());
        assertEquals(SimOrder.CANCELLED, own.state);
        assertEquals(0, book.levelCount(false));
    }

    @Test
    void drainedChangesNameNewChangeAndDeleteWithAbsoluteSizes()
    {
        final OrderBook book = new OrderBook(10);
        final BookChanges changes = new BookChanges();
        final SimOrder a = order(1, true, 100, 5);
        book.rest(a);
        assertEquals(1, book.drainChanges(changes));
        assertEquals(BookChanges.NEW, changes.action[0]);
        assertEquals(10, changes.prevChangeId);
        assertEquals(11, changes.changeId);
        book.rest(order(1, true, 100, 3));
        book.drainChanges(changes);
        assertEquals(BookChanges.CHANGE, changes.action[0]);
        assertEquals(8, changes.lots[0]);
        book.remove(a);
        book.reduceInPlace(book.levelAt(true, 0).head, 2);
        book.drainChanges(changes);
        assertEquals(2, changes.lots[0]);
        book.remove(book.levelAt(true, 0).head);
        book.drainChanges(changes);
        assertEquals(BookChanges.DELETE, changes.action[0]);
        assertEquals(0, changes.lots[0]);
        assertEquals(0, book.drainChanges(changes), "nothing changed: no message and no new change id");
        assertEquals(14, book.changeId(), "four batches after change id 10");
    }

    /**
     * Differential: random rests, takers and cancels; a client applying the drained changes must see exactly the
     * book's levels, and those must equal a naive aggregation of the resting orders.
     */
    @Property(seed = "20260105", tries = 200)
    void drainedChangesRebuildTheBookExactly(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) final long seed)
    {
        final Random random = new Random(seed);
        final OrderBook book = new OrderBook(0);
        final BookChanges changes = new BookChanges();
        final List<SimOrder> resting = new ArrayList<>();
        final TreeMap<Long, Long> clientBids = new TreeMap<>();
        final TreeMap<Long, Long> clientAsks = new TreeMap<>();
        final MatchListener ignore = recorder(new ArrayList<>());
        for (int step = 0; step < 60; step++)
        {
            final int action = random.nextInt(3);
            final boolean buy = random.nextBoolean();
            final long price = 95 + random.nextInt(11);
            if (action == 0 || resting.isEmpty())
            {
                final SimOrder order = order(1 + random.nextInt(3), buy, price, 1 + random.nextInt(9));
                book.match(order, ignore);
                if (order.remainingLots() > 0)
                {
                    book.rest(order);
                }
            }
            else if (action == 1)
            {
                book.match(order(99, buy, buy ? 200 : 1, 1 + random.nextInt(15)), ignore);
            }
            else
            {
                book.remove(resting.get(random.nextInt(resting.size())));
            }
            resting.clear();
            for (int side = 0; side < 2; side++)
            {
                for (int i = 0; i < book.levelCount(side == 0); i++)
                {
                    for (SimOrder o = book.levelAt(side == 0, i).head; o != null; o = o.next)
                    {
                        resting.add(o);
                    }
                }
            }
            if (random.nextInt(3) == 0 || step == 59)
            {
                book.drainChanges(changes);
                for (int i = 0; i < changes.count; i++)
                {
                    final TreeMap<Long, Long> side = changes.isBid[i] ? clientBids : clientAsks;
                    if (changes.action[i] == BookChanges.DELETE)
                    {
                        side.remove(changes.priceTicks[i]);
                    }
                    else
                    {
                        side.put(changes.priceTicks[i], changes.lots[i]);
                    }
                }
            }
        }
        final TreeMap<Long, Long> naiveBids = new TreeMap<>();
        final TreeMap<Long, Long> naiveAsks = new TreeMap<>();
        for (final SimOrder order : resting)
        {
            (order.buy ? naiveBids : naiveAsks).merge(order.priceTicks, order.remainingLots(), Long::sum);
        }
        assertEquals(naiveBids, clientBids);
        assertEquals(naiveAsks, clientAsks);
        assertTrue(naiveBids.isEmpty() || naiveAsks.isEmpty() || naiveBids.lastKey() < naiveAsks.firstKey(),
            "book never stays crossed");
    }

    private SimOrder order(final long owner, final boolean buy, final long price, final long lots)
    {
        final SimOrder order = new SimOrder();
        order.orderId = nextId++;
        order.ownerId = owner;
        order.buy = buy;
        order.priceTicks = price;
        order.amountLots = lots;
        return order;
    }

    private static MatchListener recorder(final List<String> fills)
    {
        return new MatchListener()
        {
            public void onMatch(final SimOrder maker, final SimOrder taker, final long priceTicks, final long lots)
            {
                fills.add(maker.ownerId + "@" + priceTicks + "x" + lots);
            }

            public void onSelfTradeCancelled(final SimOrder maker)
            {
            }
        };
    }
}
