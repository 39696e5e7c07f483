package io.deltahedger.backtest.montecarlo;

import io.deltahedger.backtest.synthetic.GbmModel;
import io.deltahedger.backtest.synthetic.HestonModel;
import io.deltahedger.backtest.synthetic.MertonJumpModel;
import io.deltahedger.backtest.synthetic.PriceModel;
import io.deltahedger.greeks.pricing.OptionType;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The study's inner loop (simulate and hedge one path) allocates nothing once built, for every model. */
class PathHedgerAllocationTest
{
    private static long allocatedBytes()
    {
        return ((com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean())
            .getCurrentThreadAllocatedBytes();
    }

    private static void assertPathsAllocateNothing(final PriceModel model)
    {
        final PathHedger hedger = new PathHedger(new HedgingStudySpec(model, OptionType.PUT, HedgedPosition.SHORT,
            60_000, 58_000, 0.03, 0.6, 0.25, 1.0 / 365, 1_000, 3L, 5.0));
        for (int path = 0; path < 3_000; path++)
        {
            hedger.hedge(path);
        }
        final long before = allocatedBytes();
        double sink = 0;
        for (int path = 3_000; path < 6_000; path++)
        {
            hedger.hedge(path);
            sink += hedger.lastDiscountedValue();
        }
        final long allocated = allocatedBytes() - before;
        assertTrue(Double.isFinite(sink));
        // 3,000 paths of 91 rebalances: a single allocation per path would show as >= 48,000 bytes.
        assertTrue(allocated < 4_096, model.name() + ": " + allocated + " bytes over 3,000 paths");
    }

    @Test
    void gbmPathsAllocateNothing()
    {
        assertPathsAllocateNothing(new GbmModel(0.05, 0.6));
    }

    @Test
    void hestonPathsAllocateNothing()
    {
        assertPathsAllocateNothing(new HestonModel(0.05, 0.36, 2.0, 0.36, 0.8, -0.5));
    }

    @Test
    void jumpPathsAllocateNothing()
    {
        assertPathsAllocateNothing(new MertonJumpModel(0.05, 0.5, 10, -0.03, 0.08));
    }
}
