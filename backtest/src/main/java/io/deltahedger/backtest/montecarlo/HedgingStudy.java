package io.deltahedger.backtest.montecarlo;

import io.deltahedger.greeks.pricing.BlackScholesMertonOptionPricer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link HedgingStudySpec}: simulates its paths in parallel and summarises the cost and P&amp;L of writing (or
 * buying) and delta-hedging the option.
 *
 * <p>Determinism: path i always draws from stream i of the seed and writes its result to slot i; threads take fixed
 * chunks of path indices from a shared counter, and the statistics are computed over the slots in index order once all
 * threads are done. The result is therefore bit-for-bit the same for a seed whatever the number of threads.
 */
public final class HedgingStudy
{
    /** Paths per unit of work a thread takes at a time. */
    static final int CHUNK_PATHS = 256;

    private HedgingStudy()
    {
    }

    /** Runs {@code spec} on all available processors. */
    public static HedgingStudyResult run(final HedgingStudySpec spec)
    {
        return run(spec, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code spec} on {@code threads} threads (the calling thread included).
     *
     * @throws IllegalArgumentException if {@code threads < 1}.
     */
    public static HedgingStudyResult run(final HedgingStudySpec spec, final int threads)
    {
        if (threads < 1)
        {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        final double[] values = new double[spec.paths()];
        final double[] costs = new double[spec.paths()];
        final int chunks = (spec.paths() + CHUNK_PATHS - 1) / CHUNK_PATHS;
        final AtomicInteger nextChunk = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Runnable work = () ->
        {
            try
            {
                final PathHedger hedger = new PathHedger(spec);
                for (int chunk = nextChunk.getAndIncrement(); chunk < chunks && failure.get() == null;
                    chunk = nextChunk.getAndIncrement())
                {
                    final int end = Math.min(spec.paths(), (chunk + 1) * CHUNK_PATHS);
                    for (int path = chunk * CHUNK_PATHS; path < end; path++)
                    {
                        hedger.hedge(path);
                        values[path] = hedger.lastDiscountedValue();
                        costs[path] = hedger.lastDiscountedCosts();
                    }
                }
            }
            catch (final Throwable ex)
            {
                failure.compareAndSet(null, ex);
            }
        };
        final int helpers = Math.min(threads, chunks) - 1;
        final Thread[] started = new Thread[Math.max(helpers, 0)];
        for (int i = 0; i < started.length; i++)
        {
            started[i] = new Thread(work, "hedging-study-" + (i + 1));
            started[i].setDaemon(true);
            started[i].start();
        }
        work.run();
        for (final Thread thread : started)
        {
            joinUninterruptibly(thread);
        }
        final Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime)
        {
            throw runtime;
        }
        if (thrown != null)
        {
            throw new IllegalStateException("hedging study failed: " + thrown, thrown);
        }
        return summarise(spec, values, costs);
    }

    private static HedgingStudyResult summarise(
        final HedgingStudySpec spec, final double[] values, final double[] costs)
    {
        final double price = BlackScholesMertonOptionPricer.DEFAULT.presentValue(
            spec.type(), spec.spot(), spec.strike(), spec.expiryYears(), spec.hedgeVol(), spec.rate(), 0.0);
        final double premiumReceived = -spec.position().optionsHeld() * price;
        final double[] cost = new double[values.length];
        final double[] pnl = new double[values.length];
        double transactionCosts = 0.0;
        for (int i = 0; i < values.length; i++)
        {
            cost[i] = -values[i];
            pnl[i] = premiumReceived + values[i];
            transactionCosts += costs[i];
        }
        return new HedgingStudyResult(price, spec.rebalances(), DistributionSummary.of(cost),
            DistributionSummary.of(pnl), transactionCosts / values.length, DiscreteHedgingTheory.leadingOrderStd(spec));
    }

    private static void joinUninterruptibly(final Thread thread)
    {
        boolean interrupted = false;
        while (true)
        {
            try
            {
                thread.join();
                break;
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }
}
