package io.deltahedger.backtest.montecarlo;

import io.deltahedger.backtest.synthetic.GbmModel;
import io.deltahedger.greeks.math.StandardNormal;

import java.util.OptionalDouble;

/**
 * The theory of the hedging error of a Black-Scholes delta hedge rebalanced at N discrete times, against which the
 * Monte Carlo study is tested.
 *
 * <p>Over one interval the hedged option's P&amp;L is, to leading order,
 * {@code (1/2) Gamma S^2 (sigma^2 dt - (dS/S)^2)}: the gamma times the gap between the realised and the implied
 * variance (Derman and Kamal 1999, "When you cannot hedge continuously: the corrections of Black-Scholes", Risk
 * 12(1); Bertsimas, Kogan and Lo 2000, "When is time continuous?", J. Financial Economics 55). Under GBM at the
 * hedging vol, {@code (dS/S)^2 ~ sigma^2 dt Z^2} with {@code Var(Z^2) = 2}, the increments are uncorrelated, and the
 * variance of the discounted hedging error is
 * <pre>  Var ~ sum_i (1/2) (sigma^2 dt_i)^2 E[(Gamma_i S_i^2)^2] e^{-2 r t_{i+1}}</pre>
 * computed here by quadrature over the lognormal law of {@code S_{t_i}} under the path's real-world drift. For an
 * at-the-money option with zero rate and drift this sums to Derman and Kamal's closed form
 * {@code sqrt(pi/4) vega sigma / sqrt(N)} ({@link #dermanKamalAtmStd}), the 1/sqrt(N) law Boyle and Emanuel (1980,
 * "Discretely adjusted option hedges", J. Financial Economics 8) first derived. Both are asymptotic in N: corrections
 * are of relative order 1/N.
 */
public final class DiscreteHedgingTheory
{
    /** Quadrature over z in [-Z_MAX, Z_MAX] with this many trapezoid panels (the integrand is smooth). */
    private static final int PANELS = 400;
    private static final double Z_MAX = 9.0;

    private DiscreteHedgingTheory()
    {
    }

    /**
     * The leading-order standard deviation of the discounted hedging error of {@code spec}, or empty where the theory
     * does not hold: a model other than GBM, a GBM vol other than the hedge vol, or transaction costs.
     */
    public static OptionalDouble leadingOrderStd(final HedgingStudySpec spec)
    {
        if (!(spec.model() instanceof GbmModel gbm) || gbm.vol() != spec.hedgeVol() || spec.costBps() != 0.0)
        {
            return OptionalDouble.empty();
        }
        final double sigma = spec.hedgeVol();
        final double drift = gbm.drift();
        final int n = spec.rebalances();
        final double dz = 2.0 * Z_MAX / PANELS;
        double variance = 0.0;
        for (int i = 0; i < n; i++)
        {
            final double t = i * spec.rebalanceIntervalYears();
            final double next = i == n - 1 ? spec.expiryYears() : (i + 1) * spec.rebalanceIntervalYears();
            final double dt = next - t;
            final double tau = spec.expiryYears() - t;
            double expectation = 0.0;
            for (int k = 0; k <= PANELS; k++)
            {
                final double z = -Z_MAX + k * dz;
                final double spot =
                    spec.spot() * Math.exp((drift - 0.5 * sigma * sigma) * t + sigma * Math.sqrt(t) * z);
                final double cashGamma = cashGamma(spot, spec.strike(), tau, sigma, spec.rate());
                final double weight = (k == 0 || k == PANELS) ? 0.5 : 1.0;
                expectation += weight * StandardNormal.pdf(z) * cashGamma * cashGamma;
            }
            expectation *= dz;
            final double varianceDt = sigma * sigma * dt;
            variance += 0.5 * varianceDt * varianceDt * expectation * Math.exp(-2.0 * spec.rate() * next);
        }
        return OptionalDouble.of(Math.sqrt(variance));
    }

    /**
     * Derman and Kamal's closed form for an at-the-money option at zero rate and drift:
     * {@code sqrt(pi/4) vega sigma / sqrt(N)}, vega per 1.00 of vol.
     */
    public static double dermanKamalAtmStd(final double vega, final double sigma, final int rebalances)
    {
        return Math.sqrt(Math.PI / 4.0) * vega * sigma / Math.sqrt(rebalances);
    }

    /** {@code Gamma S^2} of Black-Scholes-Merton without carry: {@code S n(d1) / (sigma sqrt(tau))}. */
    static double cashGamma(final double spot, final double strike, final double tau, final double sigma,
        final double rate)
    {
        final double sd = sigma * Math.sqrt(tau);
        final double d1 = (Math.log(spot / strike) + (rate + 0.5 * sigma * sigma) * tau) / sd;
        return spot * StandardNormal.pdf(d1) / sd;
    }
}
