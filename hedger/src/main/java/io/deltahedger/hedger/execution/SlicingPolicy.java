package io.deltahedger.hedger.execution;

/**
 * How a leg is cut into IOC orders. Slices are released by the execution stage on later events (the engine's TIMER
 * ticks every ~100 ms): at most one order per leg is working at a time. The group deadline covers every slice.
 */
public sealed interface SlicingPolicy permits SlicingPolicy.None, SlicingPolicy.Twap, SlicingPolicy.Iceberg
{
    /** The whole leg at once. */
    SlicingPolicy NONE = new None();

    /**
     * How many lots of a leg of {@code wantLots} are released by {@code elapsedMs} after the group started.
     * {@link #nextOrderLots} then caps a single order.
     */
    long releasedLots(long wantLots, long elapsedMs);

    /** The largest single order for {@code openLots} released and not yet filled. */
    long nextOrderLots(long openLots);

    /** How long after the group's start the last slice is released, ms (added to the group deadline). */
    long spanMs();

    /** The whole leg in one order. */
    record None() implements SlicingPolicy
    {
        @Override
        public long releasedLots(final long wantLots, final long elapsedMs)
        {
            return wantLots;
        }

        @Override
        public long nextOrderLots(final long openLots)
        {
            return openLots;
        }

        @Override
        public long spanMs()
        {
            return 0;
        }
    }

    /**
     * Time-weighted: the leg in {@code slices} equal parts, one every {@code intervalMs}, the first at once; slice k
     * (from 0) releases up to ⌈want × (k + 1) / slices⌉ lots, so a short slice is made up by the next ones.
     *
     * @param slices     2..1000
     * @param intervalMs &gt; 0
     */
    record Twap(int slices, long intervalMs) implements SlicingPolicy
    {
        public Twap
        {
            if (slices < 2 || slices > 1000)
            {
                throw new IllegalArgumentException("TWAP slices must be 2..1000, was " + slices
                    + ": use SlicingPolicy.NONE for a single order");
            }
            if (intervalMs <= 0)
            {
                throw new IllegalArgumentException("TWAP intervalMs must be > 0, was " + intervalMs + ": e.g. 1000");
            }
        }

        @Override
        public long releasedLots(final long wantLots, final long elapsedMs)
        {
            final long due = Math.min(slices, Math.max(0, elapsedMs) / intervalMs + 1);
            return Math.min(wantLots, -Math.floorDiv(-Math.multiplyExact(wantLots, due), (long)slices));
        }

        @Override
        public long nextOrderLots(final long openLots)
        {
            return openLots;
        }

        @Override
        public long spanMs()
        {
            return (slices - 1) * intervalMs;
        }
    }

    /**
     * Iceberg: at most {@code maxSliceLots} per order; the next slice goes out as soon as the previous one ended.
     *
     * @param maxSliceLots &gt; 0
     */
    record Iceberg(long maxSliceLots) implements SlicingPolicy
    {
        public Iceberg
        {
            if (maxSliceLots <= 0)
            {
                throw new IllegalArgumentException("iceberg maxSliceLots must be > 0, was " + maxSliceLots);
            }
        }

        @Override
        public long releasedLots(final long wantLots, final long elapsedMs)
        {
            return wantLots;
        }

        @Override
        public long nextOrderLots(final long openLots)
        {
            return Math.min(openLots, maxSliceLots);
        }

        @Override
        public long spanMs()
        {
            return 0;
        }
    }
}
