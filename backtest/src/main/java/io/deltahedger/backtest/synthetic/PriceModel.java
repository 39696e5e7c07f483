package io.deltahedger.backtest.synthetic;

/**
 * A stochastic model of one underlying's price, immutable and validated: a factory of {@link PathStepper}s, the
 * mutable per-thread state that walks one path at a time.
 *
 * <p>Conventions shared by every model: time in years (ACT/365, as the pricers), {@code drift} is the expected rate of
 * return of the price per year, {@code E[S_t] = S_0 e^{drift t}} (jump models compensate their jumps so this holds),
 * and variances are of log-returns per year.
 */
public interface PriceModel
{
    /** The model's command-line name: gbm, heston, jump. */
    String name();

    /** The expected rate of return of the price per year. */
    double drift();

    /**
     * The expected total variance of log-returns from now to {@code years} ahead, given the stepper's current
     * instantaneous variance: what an at-the-money implied total variance {@code vol^2 T} would be in a market that
     * prices with this model's variance. GBM: {@code vol^2 T}; Heston: {@code theta T + (v - theta)(1 - e^{-kappa
     * T}) / kappa}; Merton: the diffusion and jump variance together.
     */
    double expectedTotalVariance(double currentVariance, double years);

    /** A new stepper for one thread; it allocates nothing afterwards. */
    PathStepper newStepper();
}
