package io.deltahedger.venues.simulator.book;

/**
 * One price level: a FIFO of resting orders (time priority) and their total remaining lots.
 */
final class PriceLevel
{
    long priceTicks;
    long totalLots;
    SimOrder head;
    SimOrder tail;

    void append(final SimOrder order)
    {
        order.level = this;
        order.previous = tail;
        order.next = null;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.next = order;
        }
        tail = order;
        totalLots += order.remainingLots();
    }

    void unlink(final SimOrder order)
    {
        if (order.previous == null)
        {
            head = order.next;
        }
        else
        {
            order.previous.next = order.next;
        }
        if (order.next == null)
        {
            tail = order.previous;
        }
        else
        {
            order.next.previous = order.previous;
        }
        totalLots -= order.remainingLots();
        order.level = null;
        order.previous = null;
        order.next = null;
    }

    boolean isEmpty()
    {
        return head == null;
    }
}
