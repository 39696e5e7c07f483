package io.deltahedger.backtest.synthetic;

/**
 * Merton's jump-diffusion (1976): GBM plus a compound Poisson process of log-normal jumps, {@code dS/S- = (drift -
 * lambda k) dt + vol dW + (J - 1) dN}, {@code ln J ~ N(jumpMean, jumpVol^2)}, {@code k = E[J - 1] = exp(jumpMean +
 * jumpVol^2/2) - 1}, so {@code E[S_t] = S_0 e^{drift t}}.
 *
 * <p>Stepped exactly for any step length: the number of jumps in a step is drawn from Poisson(lambda dt) by inversion,
 * and the sum of n log-jumps is one normal draw N(n jumpMean, n jumpVol^2).
 *
 * @param drift         expected rate of return per year (jumps compensated).
 * @param vol           diffusion volatility per year, &gt;= 0.
 * @param jumpIntensity lambda, expected jumps per year, &gt;= 0.
 * @param jumpMean      mean of the log of a jump factor (-0.05: jumps of about -5%), finite.
 * @param jumpVol       standard deviation of the log of a jump factor, &gt;= 0.
 */
public record MertonJumpModel(double drift, double vol, double jumpIntensity, double jumpMean, double jumpVol)
    implements PriceModel
{
    /** Largest expected jump count per step drawn at once; longer steps are split (keeps inversion short and exact). */
    private static final double MAX_JUMPS_PER_DRAW = 10.0;

    public MertonJumpModel
    {
        ModelChecks.finite("jump", "drift", drift, "expected return per year, 0.05 = 5%");
        ModelChecks.nonNegative("jump", "vol", vol, "diffusion volatility per year, 0.5 = 50%");
        ModelChecks.nonNegative("jump", "jump intensity", jumpIntensity, "expected jumps per year, e.g. 10");
        ModelChecks.finite("jump", "jump mean", jumpMean, "mean log jump, -0.05 for jumps of about -5%");
        ModelChecks.nonNegative("jump", "jump vol", jumpVol, "standard deviation of the log jump, e.g. 0.1");
        if (jumpMean + 0.5 * jumpVol * jumpVol > 5.0)
        {
            throw new IllegalArgumentException("jump mean + jump vol^2/2 = " + (jumpMean + 0.5 * jumpVol * jumpVol)
                + " makes the mean jump factor exp(...) overflow the drift compensation; keep it below 5");
        }
    }

    /** {@code k = E[J] - 1}, the mean relative jump. */
    public double meanRelativeJump()
    {
        return Math.expm1(jumpMean + 0.5 * jumpVol * jumpVol);
    }

    /** Total variance of log-returns per year: {@code vol^2 + lambda (jumpMean^2 + jumpVol^2)}. */
    public double totalVariance()
    {
        return vol * vol + jumpIntensity * (jumpMean * jumpMean + jumpVol * jumpVol);
    }

    @Override
    public String name()
    {
        return "jump";
    }

    @Override
    public double expectedTotalVariance(final double currentVariance, final double years)
    {
        return totalVariance() * years;
    }

    @Override
    public PathStepper newStepper()
    {
        return new Stepper(this);
    }

    private static final class Stepper implements PathStepper
    {
        private final MertonJumpModel model;
        private final double diffusionDrift;
        private double spot;

        Stepper(final MertonJumpModel model)
        {
            this.model = model;
            this.diffusionDrift =
                model.drift - model.jumpIntensity * model.meanRelativeJump() - 0.5 * model.vol * model.vol;
        }

        @Override
        public void start(final double spot)
        {
            ModelChecks.positive("jump", "start spot", spot, "price of the underlying");
            this.spot = spot;
        }

        @Override
        public double advance(final double dtYears, final PathRandom random)
        {
            ModelChecks.step(spot, dtYears);
            double logReturn = diffusionDrift * dtYears + model.vol * Math.sqrt(dtYears) * random.nextGaussian();
            final double expectedJumps = model.jumpIntensity * dtYears;
            if (expectedJumps > 0.0)
            {
                final int draws = (int)Math.ceil(expectedJumps / MAX_JUMPS_PER_DRAW);
                final double perDraw = expectedJumps / draws;
                int jumps = 0;
                for (int i = 0; i < draws; i++)
                {
                    jumps += poisson(perDraw, random);
                }
                if (jumps > 0)
                {
                    logReturn += jumps * model.jumpMean + Math.sqrt(jumps) * model.jumpVol * random.nextGaussian();
                }
            }
            spot *= Math.exp(logReturn);
            return spot;
        }

        /** Poisson(mean) by inversion of the cumulative distribution; mean &lt;= 10, so a few iterations. */
        private static int poisson(final double mean, final PathRandom random)
        {
            final double u = random.nextOpenUnit();
            double probability = Math.exp(-mean);
            double cumulative = probability;
            int n = 0;
            while (u > cumulative && n < 1000)
            {
                n++;
                probability *= mean / n;
                cumulative += probability;
            }
            return n;
        }

        @Override
        public double spot()
        {
            return spot;
        }

        @Override
        public double variance()
        {
            return model.vol * model.vol;
        }
    }
}
