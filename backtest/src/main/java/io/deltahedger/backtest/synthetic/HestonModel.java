package io.deltahedger.backtest.synthetic;

/**
 * Heston's stochastic volatility model: {@code dS = drift S dt + sqrt(v) S dW1}, {@code dv = kappa (theta - v) dt +
 * xi sqrt(v) dW2}, {@code d<W1, W2> = rho dt}.
 *
 * <p>Discretisation: full-truncation Euler (Lord, Koekkoek and van Dijk 2010, "A comparison of biased simulation
 * schemes for stochastic volatility models", the scheme they found least biased among the Euler fixes): with
 * {@code v+ = max(v, 0)}, {@code ln S += (drift - v+/2) h + sqrt(v+ h) Z1} and {@code v += kappa (theta - v+) h + xi
 * sqrt(v+ h) (rho Z1 + sqrt(1 - rho^2) Z2)}. The price step is log-Euler, so {@code E[S]} grows at {@code drift}
 * exactly; the variance may go negative between steps, and only its positive part is used. A requested step longer than
 * {@link #MAX_SUBSTEP_YEARS} is cut into equal substeps no longer than that, so a weekly hedging grid still simulates
 * the variance daily.
 *
 * @param drift           expected rate of return per year.
 * @param initialVariance v_0, variance per year (0.36 for a 60% vol), &gt;= 0.
 * @param meanReversion   kappa, per year, &gt;= 0.
 * @param longRunVariance theta, per year, &gt;= 0.
 * @param volOfVol        xi, per year, &gt;= 0.
 * @param correlation     rho between the price and variance shocks, in [-1, 1].
 */
public record HestonModel(
    double drift, double initialVariance, double meanReversion, double longRunVariance, double volOfVol,
    double correlation) implements PriceModel
{
    /** Longest Euler substep: one day (ACT/365). */
    public static final double MAX_SUBSTEP_YEARS = 1.0 / 365.0;

    public HestonModel
    {
        ModelChecks.finite("heston", "drift", drift, "expected return per year, 0.05 = 5%");
        ModelChecks.nonNegative("heston", "initial variance v0", initialVariance, "0.36 for a 60% vol");
        ModelChecks.nonNegative("heston", "mean reversion kappa", meanReversion, "per year, e.g. 2");
        ModelChecks.nonNegative("heston", "long-run variance theta", longRunVariance, "0.36 for a 60% vol");
        ModelChecks.nonNegative("heston", "vol of vol xi", volOfVol, "per year, e.g. 0.8");
        if (!(correlation >= -1.0 && correlation <= 1.0))
        {
            throw new IllegalArgumentException("heston correlation rho must be within [-1, 1] (-0.5 is typical for "
                + "crypto: the vol rises as the price falls), got " + correlation);
        }
    }

    @Override
    public String name()
    {
        return "heston";
    }

    @Override
    public double expectedTotalVariance(final double currentVariance, final double years)
    {
        final double v = Math.max(currentVariance, 0.0);
        if (meanReversion * years < 1e-8)
        {
            return v * years;
        }
        return longRunVariance * years + (v - longRunVariance) * -Math.expm1(-meanReversion * years) / meanReversion;
    }

    @Override
    public PathStepper newStepper()
    {
        return new Stepper(this);
    }

    private static final class Stepper implements PathStepper
    {
        private final HestonModel model;
        private final double independentWeight;
        private double logSpot;
        private double spot;
        private double variance;

        Stepper(final HestonModel model)
        {
            this.model = model;
            this.independentWeight = Math.sqrt(1.0 - model.correlation * model.correlation);
        }

        @Override
        public void start(final double spot)
        {
            ModelChecks.positive("heston", "start spot", spot, "price of the underlying");
            this.spot = spot;
            this.logSpot = Math.log(spot);
            this.variance = model.initialVariance;
        }

        @Override
        public double advance(final double dtYears, final PathRandom random)
        {
            ModelChecks.step(spot, dtYears);
            final int substeps = (int)Math.ceil(dtYears / MAX_SUBSTEP_YEARS - 1e-9);
            final double h = dtYears / Math.max(substeps, 1);
            final double sqrtH = Math.sqrt(h);
            for (int i = 0; i < Math.max(substeps, 1); i++)
            {
                final double z1 = random.nextGaussian();
                final double z2 = model.correlation * z1 + independentWeight * random.nextGaussian();
                final double positive = Math.max(variance, 0.0);
                final double sqrtPositive = Math.sqrt(positive);
                logSpot += (model.drift - 0.5 * positive) * h + sqrtPositive * sqrtH * z1;
                variance += model.meanReversion * (model.longRunVariance - positive) * h
                    + model.volOfVol * sqrtPositive * sqrtH * z2;
            }
            spot = Math.exp(logSpot);
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
            return Math.max(variance, 0.0);
        }
    }
}
