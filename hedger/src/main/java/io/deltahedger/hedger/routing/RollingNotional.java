package io.deltahedger.hedger.routing;

import java.util.Arrays;

/**
 * Notional traded over the last 60 s, in one-second buckets (a bucket counts while its second is within the 60
 * seconds ending at the current one, so the window is between 59 and 60 s long). Allocation-free, single writer,
 * time passed in (epoch ms of the injected clock).
 */
final class RollingNotional
{
    static final int SECONDS = 60;

    private final long[] second = new long[SECONDS];
    private final double[] usd = new double[SECONDS];

    RollingNotional()
    {
        Arrays.fill(second, Long.MIN_VALUE);
    }

    /** The notional charged in the window ending at {@code nowMs}. */
    double sum(final long nowMs)
    {
        final long now = Math.floorDiv(nowMs, 1_000L);
        double total = 0.0;
        for (int b = 0; b < SECONDS; b++)
        {
            if (second[b] > now - SECONDS && second[b] <= now)
            {
                total += usd[b];
            }
        }
        return total;
    }

    /** Charges {@code notionalUsd} at {@code nowMs}. */
    void add(final long nowMs, final double notionalUsd)
    {
        final long now = Math.floorDiv(nowMs, 1_000L);
        final int b = (int)Math.floorMod(now, (long)SECONDS);
        if (second[b] != now)
        {
            second[b] = now;
            usd[b] = 0.0;
        }
        usd[b] += notionalUsd;
    }
}
