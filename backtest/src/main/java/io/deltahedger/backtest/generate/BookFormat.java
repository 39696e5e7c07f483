package io.deltahedger.backtest.generate;

/** Which Tardis book data types {@link MarketGenerator} writes for the perpetual. */
public enum BookFormat
{
    /** {@code book_snapshot_25}: the top 25 levels of each side in every row. */
    SNAPSHOT_25(true, false),
    /** {@code incremental_book_L2}: a snapshot at the start of each day's file, then the changed levels. */
    INCREMENTAL_L2(false, true),
    /** Both files, from the same book. */
    BOTH(true, true);

    private final boolean snapshots;
    private final boolean incremental;

    BookFormat(final boolean snapshots, final boolean incremental)
    {
        this.snapshots = snapshots;
        this.incremental = incremental;
    }

    public boolean writesSnapshots()
    {
        return snapshots;
    }

    public boolean writesIncremental()
    {
        return incremental;
    }
}
