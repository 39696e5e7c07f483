package io.deltahedger.backtest.synthetic;

import java.util.random.RandomGenerator;

/**
 * The one random source of the synthetic markets: SplitMix64 (Steele, Lea and Flood 2014, the generator inside
 * {@link java.util.SplittableRandom}) restartable at a chosen {@code (seed, stream)} pair without allocating.
 *
 * <p>Every Monte Carlo path (or every generated market) draws from its own stream, {@link #reset(long, long)} with the
 * path's index, so the numbers a path sees depend only on the seed and the index, never on which thread ran it or in
 * which order: a study is bit-for-bit the same for a seed on 1 or 64 threads. Stream starting points are spread by
 * mixing {@code seed} and {@code stream} through the SplitMix64 finaliser, so adjacent indices start far apart.
 *
 * <p>Normal draws use {@link RandomGenerator#nextGaussian()}, the JDK's modified ziggurat (McFarland 2016), which
 * allocates nothing. Not thread-safe: one instance per thread.
 */
public final class PathRandom implements RandomGenerator
{
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /** A generator positioned at stream 0 of {@code seed}. */
    public PathRandom(final long seed)
    {
        reset(seed, 0);
    }

    /** Restarts at the beginning of stream {@code stream} of {@code seed} (e.g. the path index). */
    public void reset(final long seed, final long stream)
    {
        state = mix64(mix64(seed) ^ mix64(stream * GOLDEN_GAMMA + GOLDEN_GAMMA));
    }

    @Override
    public long nextLong()
    {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** A uniform draw in the open interval (0, 1): never 0, so {@code Math.log} of it is finite. */
    public double nextOpenUnit()
    {
        return ((nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    private static long mix64(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
