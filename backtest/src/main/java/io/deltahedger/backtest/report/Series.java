package io.deltahedger.backtest.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named time series of a report: sample times (epoch ms, non-decreasing) and finite values of the same length.
 * Immutable: the arrays are copied in and out. Equality is by content.
 *
 * @param name     what it is, e.g. {@code total}, {@code net_delta}, {@code deribit}
 * @param timesMs  sample times, epoch ms, non-decreasing
 * @param values   the values, finite
 */
public record Series(String name, long[] timesMs, double[] values)
{
    public Series
    {
        if (name == null || name.isBlank())
        {
            throw new IllegalArgumentException("a report series needs a name, got '" + name + "'");
        }
        Objects.requireNonNull(timesMs, "timesMs");
        Objects.requireNonNull(values, "values");
        if (timesMs.length != values.length)
        {
            throw new IllegalArgumentException("series " + name + " has " + timesMs.length + " times but " + values.length
                + " values");
        }
        for (int i = 0; i < values.length; i++)
        {
            if (!Double.isFinite(values[i]))
            {
                throw new IllegalArgumentException("series " + name + " value " + i + " at " + timesMs[i]
                    + " ms is not finite: " + values[i]);
            }
            if (i > 0 && timesMs[i] < timesMs[i - 1])
            {
                throw new IllegalArgumentException("series " + name + " goes back in time at sample " + i + ": "
                    + timesMs[i] + " after " + timesMs[i - 1]);
            }
        }
        timesMs = timesMs.clone();
        values = values.clone();
    }

    @Override
    public long[] timesMs()
    {
        return timesMs.clone();
    }

    @Override
    public double[] values()
    {
        return values.clone();
    }

    /** Number of samples. */
    public int size()
    {
        return values.length;
    }

    long timeAt(final int i)
    {
        return timesMs[i];
    }

    double valueAt(final int i)
    {
        return values[i];
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof Series s && name.equals(s.name) && Arrays.equals(timesMs, s.timesMs)
            && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode()
    {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(timesMs)) + Arrays.hashCode(values);
    }

    @Override
    public String toString()
    {
        return "Series[" + name + ", " + values.length + " samples]";
    }
}
