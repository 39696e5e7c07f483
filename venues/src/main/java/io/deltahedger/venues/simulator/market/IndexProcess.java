package io.deltahedger.venues.simulator.market;

import java.util.SplittableRandom;

/**
 * The index of one underlying as a Merton jump diffusion: geometric Brownian motion plus log-normal jumps arriving
 * as a Poisson process, compensated so the drift of the price itself is zero (a martingale under the simulator's
 * zero rate). Seeded; the same seed and steps give the same path.
 */
public final class IndexProcess
{
    private static final double MS_PER_YEAR = 365.0 * 24 * 3600 * 1000;

    private final double volatility;
    private final double jumpsPerYear;
    private final double jumpMeanLog;
    private final double jumpStdLog;
    private final double jumpCompensation;
    private final SplittableRandom random;
    private double value;

    public IndexProcess(final UnderlyingSpec spec, final SplittableRandom random)
    {
        this.volatility = spec.volatility();
        this.jumpsPerYear = spec.jumpsPerYear();
        this.jumpMeanLog = spec.jumpMeanLog();
        this.jumpStdLog = spec.jumpStdLog();
        this.jumpCompensation = Math.exp(jumpMeanLog + 0.5 * jumpStdLog * jumpStdLog) - 1.0;
        this.random = random;
        this.value = spec.initialIndexUsd();
    }

    /**
     * @return the index value in USD.
     */
    public double value()
    {
        return value;
    }

    /**
     * Moves the index one step of {@code dtMs} milliseconds forward.
     */
    public double step(final long dtMs)
    {
        final double dt = dtMs / MS_PER_YEAR;
        double logReturn = (-0.5 * volatility * volatility - jumpsPerYear * jumpCompensation) * dt
            + volatility * Math.sqrt(dt) * random.nextGaussian();
        final int jumps = poisson(jumpsPerYear * dt);
        for (int i = 0; i < jumps; i++)
        {
            logReturn += jumpMeanLog + jumpStdLog * random.nextGaussian();
        }
        value *= Math.exp(logReturn);
        return value;
    }

    /**
     * Applies an instantaneous relative move (tests and demos: a crash that drives an account to liquidation).
     */
    public void shock(final double relativeMove)
    {
        if (!(relativeMove > -1.0) || !Double.isFinite(relativeMove))
        {
            throw new IllegalArgumentException("relativeMove must be finite and > -1 but was " + relativeMove);
        }
        value *= 1.0 + relativeMove;
    }

    private int poisson(final double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }
        final double limit = Math.exp(-mean);
        int count = 0;
        double product = random.nextDouble();
        while (product > limit)
        {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
