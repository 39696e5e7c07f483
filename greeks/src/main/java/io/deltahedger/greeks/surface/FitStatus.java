package io.deltahedger.greeks.surface;

/** How the least-squares fit of a slice ended. */
public enum FitStatus {
    /**
     * Levenberg-Marquardt stopped on its own: the cost, the parameters or the gradient stopped changing within
     * tolerance, or no further reduction of the cost was possible (an exact fit).
     */
    CONVERGED,
    /**
     * The iteration or evaluation limit was reached first; the result is the lowest-cost smile evaluated so far.
     * Inspect the residuals before trusting it.
     */
    ITERATION_LIMIT
}
