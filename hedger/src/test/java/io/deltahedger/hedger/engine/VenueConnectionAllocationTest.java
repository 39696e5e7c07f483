package io.deltahedger.hedger.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The connection's market-data path (index translation, copy into the ring) allocates nothing per event. */
class VenueConnectionAllocationTest
{
    @Test
    @Timeout(30)
    void publishingMarketDataThroughAConnectionAllocatesNothing()
    {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
            "needs HotSpot's per-thread allocation counter");
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (EngineFixture fixture = new EngineFixture())
        {
            for (long i = 0; i < 20_000; i++)
            {
                fixture.publishTicker(i);
            }
            final long thread = Thread.currentThread().getId();
            final long before = threads.getThreadAllocatedBytes(thread);
            final int events = 20_000;
            for (long i = 0; i < events; i++)
            {
                fixture.publishTicker(i);
            }
            final long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertEquals(0, fixture.connection.unmappedEvents());
            assertTrue(allocated < events, "allocated " + allocated + " bytes over " + events + " events ("
                + (double)allocated / events + " B/event); one allocation per event would be >= 16 B/event");
        }
    }
}
