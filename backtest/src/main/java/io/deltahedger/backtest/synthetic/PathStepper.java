package io.deltahedger.backtest.synthetic;

/**
 * Walks one price path of a {@link PriceModel}: {@link #start(double)}, then {@link #advance(double, PathRandom)} as
 * many times as needed. Mutable and not thread-safe (one per thread); allocation-free.
 */
public interface PathStepper
{
    /** Starts a path at {@code spot} (&gt; 0) with the model's initial state (e.g. Heston's initial variance). */
    void start(double spot);

    /**
     * Moves the path forward by {@code dtYears} (&gt; 0), drawing from {@code random}.
     *
     * @return the price at the end of the step, &gt; 0.
     */
    double advance(double dtYears, PathRandom random);

    /** The current price. */
    double spot();

    /**
     * The current instantaneous variance of log-returns per year: vol^2 for GBM and Merton's diffusion part, the
     * variance factor v_t for Heston. The synthetic option chain sets its at-the-money vol from it.
     */
    double variance();
}
