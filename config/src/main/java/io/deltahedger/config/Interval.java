package io.deltahedger.config;

/** A range of allowed numbers, with open or closed ends, printed in interval notation. */
record Interval(double lo, boolean loClosed, double hi, boolean hiClosed)
{
    static final double INF = Double.POSITIVE_INFINITY;

    static Interval closed(final double lo, final double hi)
    {
        return new Interval(lo, true, hi, true);
    }

    /** (lo, hi]. */
    static Interval openClosed(final double lo, final double hi)
    {
        return new Interval(lo, false, hi, true);
    }

    /** [lo, hi). */
    static Interval closedOpen(final double lo, final double hi)
    {
        return new Interval(lo, true, hi, false);
    }

    static Interval open(final double lo, final double hi)
    {
        return new Interval(lo, false, hi, false);
    }

    /** &gt; lo. */
    /** Any finite number. */
    static Interval finite()
    {
        return new Interval(-INF, false, INF, false);
    }

    static Interval above(final double lo)
    {
        return new Interval(lo, false, INF, false);
    }

    /** &gt;= lo. */
    static Interval atLeast(final double lo)
    {
        return new Interval(lo, true, INF, false);
    }

    boolean contains(final double v)
    {
        return Double.isFinite(v)
            && (loClosed ? v >= lo : v > lo)
            && (hi == INF || (hiClosed ? v <= hi : v < hi));
    }

    /** e.g. {@code must be in (0, 1]} or {@code must be > 0}. */
    String mustBe()
    {
        if (lo == -INF && hi == INF)
        {
            return "must be a finite number";
        }
        if (hi == INF)
        {
            return "must be " + (loClosed ? ">= " : "> ") + num(lo);
        }
        return "must be in " + (loClosed ? "[" : "(") + num(lo) + ", " + num(hi) + (hiClosed ? "]" : ")");
    }

    static String num(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
