package io.deltahedger.backtest.montecarlo;

import java.util.Arrays;

/**
 * Summary statistics of a sample, computed in index order so that the same sample gives the same figures bit for bit.
 *
 * @param count     sample size, &gt;= 2.
 * @param mean      arithmetic mean.
 * @param std       sample standard deviation (n - 1 denominator).
 * @param stdError  standard error of the mean, {@code std / sqrt(count)}.
 * @param q05       5% quantile (linear interpolation between order statistics, Hyndman-Fan type 7).
 * @param median    50% quantile.
 * @param q95       95% quantile.
 * @param min       smallest value.
 * @param max       largest value.
 */
public record DistributionSummary(
    int count, double mean, double std, double stdError, double q05, double median, double q95, double min, double max)
{
    /** Summarises {@code values} (not modified); every value must be finite. */
    public static DistributionSummary of(final double[] values)
    {
        if (values.length < 2)
        {
            throw new IllegalArgumentException("a distribution needs at least 2 values, got " + values.length);
        }
        double sum = 0.0;
        for (int i = 0; i < values.length; i++)
        {
            if (!Double.isFinite(values[i]))
            {
                throw new IllegalArgumentException("sample value " + i + " is " + values[i] + ", not finite");
            }
            sum += values[i];
        }
        final double mean = sum / values.length;
        double squares = 0.0;
        for (final double value : values)
        {
            final double d = value - mean;
            squares += d * d;
        }
        final double std = Math.sqrt(squares / (values.length - 1));
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new DistributionSummary(values.length, mean, std, std / Math.sqrt(values.length),
            quantile(sorted, 0.05), quantile(sorted, 0.5), quantile(sorted, 0.95), sorted[0],
            sorted[sorted.length - 1]);
    }

    /** Type-7 quantile of an ascending array: {@code x[h] + (h - floor h)(x[h+1] - x[h])}, {@code h = (n - 1) p}. */
    static double quantile(final double[] sorted, final double probability)
    {
        final double h = (sorted.length - 1) * probability;
        final int low = (int)Math.floor(h);
        final int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
