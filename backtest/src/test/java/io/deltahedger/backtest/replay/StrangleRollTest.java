package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.pnl.PnlSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The short-strangle rule across a monthly expiry: settled at the 30-minute index average, then rolled. */
class StrangleRollTest
{
    @Test
    void theRuleWritesTheNearestMonthlySettlesItAtExpiryAndRollsIntoTheNext(@TempDir final Path dir) throws IOException
    {
        final List<Path> files = TwoExpiryMarket.write(dir);
        final BacktestResult result = Backtest.run(
            BacktestConfig.of(files, new BookSource.ShortStrangle("BTC", 0.25, 2), "BTC", 0.2, 20, true));
        final List<BacktestResult.BookEvent> events = result.bookEvents();
        assertEquals(6, events.size(), events.toString());
        // first book: the 30JAN26 strangle, a minute after the first chain
        assertTrue(events.get(0).entered() && events.get(0).instrument().startsWith("BTC-30JAN26-")
            && events.get(0).instrument().endsWith("-C") && events.get(0).contracts() == -2, events.toString());
        assertTrue(events.get(1).entered() && events.get(1).instrument().startsWith("BTC-30JAN26-")
            && events.get(1).instrument().endsWith("-P"), events.toString());
        assertEquals(TwoExpiryMarket.START_MS + Backtest.CHAIN_SETTLE_MS, events.get(0).timeMs(), 1000);
        // settled at 08:00 at the intrinsic value over the 30-minute average index
        final double settlement = TwoExpiryMarket.settlementIndex();
        for (final BacktestResult.BookEvent e : events.subList(2, 4))
        {
            assertTrue(!e.entered() && e.instrument().startsWith("BTC-30JAN26-"), events.toString());
            assertEquals(TwoExpiryMarket.EXPIRY_1_MS, e.timeMs());
            assertEquals(settlement, e.index(), 1e-6);
            final double k = Double.parseDouble(e.instrument().split("-")[2]);
            final double intrinsic = e.instrument().endsWith("-C") ? Math.max(0, settlement - k)
                : Math.max(0, k - settlement);
            assertEquals(intrinsic / settlement, e.priceCoin(), 1e-12);
        }
        // rolled into the 27FEB26 strangle at expiry, wings near 25 delta
        for (final BacktestResult.BookEvent e : events.subList(4, 6))
        {
            assertTrue(e.entered() && e.instrument().startsWith("BTC-27FEB26-"), events.toString());
            assertEquals(TwoExpiryMarket.EXPIRY_1_MS, e.timeMs());
        }
        // the rolled book is hedged by its own pipeline: net delta samples continue after the expiry
        final long[] times = result.report().delta().get(0).timesMs();
        assertTrue(times.length > 0 && times[times.length - 1] > TwoExpiryMarket.EXPIRY_1_MS + 3_600_000L,
            "delta sampled after the roll");
        final PnlSummary s = result.report().summary();
        assertEquals(s.total(), s.options() + s.hedge() + s.fees() + s.slippage() + s.funding(), 1e-9);
        assertTrue(result.orders() > 0 && result.halts().isEmpty(), result.results() + " " + result.halts());
        assertEquals(0, result.badRows(), result.badRowSummary());
    }
}
