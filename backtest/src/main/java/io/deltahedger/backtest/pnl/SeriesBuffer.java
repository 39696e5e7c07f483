package io.deltahedger.backtest.pnl;

import java.util.Arrays;

/**
 * A growable time series of primitive samples: one {@code long} time column and a fixed number of {@code double}
 * columns. Grows by doubling (amortised, no allocation per sample otherwise). Single writer.
 */
public final class SeriesBuffer
{
    private long[] times;
    private final double[][] columns;
    private int size;

    public SeriesBuffer(final int columnCount, final int initialCapacity)
    {
        if (columnCount < 1)
        {
            throw new IllegalArgumentException("a series needs at least one column, got " + columnCount);
        }
        final int capacity = Math.max(16, initialCapacity);
        times = new long[capacity];
        columns = new double[columnCount][capacity];
    }

    /** Starts a sample at {@code timeMs}; set its columns with {@link #set} right after. */
    public void add(final long timeMs)
    {
        if (size == times.length)
        {
            times = Arrays.copyOf(times, size * 2);
            for (int c = 0; c < columns.length; c++)
            {
                columns[c] = Arrays.copyOf(columns[c], size * 2);
            }
        }
        times[size++] = timeMs;
    }

    /** Sets column {@code column} of the last sample. */
    public void set(final int column, final double value)
    {
        columns[column][size - 1] = value;
    }

    public int size()
    {
        return size;
    }

    public long time(final int i)
    {
        return times[i];
    }

    public double value(final int column, final int i)
    {
        return columns[column][i];
    }

    /** A copy of the times. */
    public long[] times()
    {
        return Arrays.copyOf(times, size);
    }

    /** A copy of one column. */
    public double[] column(final int column)
    {
        return Arrays.copyOf(columns[column], size);
    }
}
