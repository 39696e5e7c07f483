package io.deltahedger.backtest.synthetic;

/**
 * Geometric Brownian motion {@code dS = drift S dt + vol S dW}, stepped exactly: {@code S_{t+dt} = S_t exp((drift -
 * vol^2/2) dt + vol sqrt(dt) Z)} with Z standard normal, so any step length is exact (no discretisation error).
 *
 * @param drift expected rate of return per year (per 1.00), finite.
 * @param vol   volatility of log-returns per year (per 1.00), finite and &gt;= 0.
 */
public record GbmModel(double drift, double vol) implements PriceModel
{
    public GbmModel
    {
        ModelChecks.finite("gbm", "drift", drift, "expected return per year, 0.05 = 5%");
        ModelChecks.nonNegative("gbm", "vol", vol, "volatility per year, 0.6 = 60%");
    }

    @Override
    public String name()
    {
        return "gbm";
    }

    @Override
    public double expectedTotalVariance(final double currentVariance, final double years)
    {
        return vol * vol * years;
    }

    @Override
    public PathStepper newStepper()
    {
        return new Stepper(drift, vol);
    }

    private static final class Stepper implements PathStepper
    {
        private final double drift;
        private final double vol;
        private final double variance;
        private double spot;

        Stepper(final double drift, final double vol)
        {
            this.drift = drift;
            this.vol = vol;
            this.variance = vol * vol;
        }

        @Override
        public void start(final double spot)
        {
            ModelChecks.positive("gbm", "start spot", spot, "price of the underlying");
            this.spot = spot;
        }

        @Override
        public double advance(final double dtYears, final PathRandom random)
        {
            ModelChecks.step(spot, dtYears);
            spot *= Math.exp((drift - 0.5 * variance) * dtYears + vol * Math.sqrt(dtYears) * random.nextGaussian());
            return spot;
        }

        @Override
        public double spot()
        {
            return spot;
        }

        @Override
        public double variance()
        {
            return variance;
        }
    }
}
