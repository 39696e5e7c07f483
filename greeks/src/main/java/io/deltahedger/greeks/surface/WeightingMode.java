package io.deltahedger.greeks.surface;

/**
 * How the SVI fit weighs each quote's squared vol residual. Weights are normalised to a maximum of 1 per slice, so
 * only their ratios matter.
 */
public enum WeightingMode {
    /**
     * Weight {@code 1 / (ask - bid)} (spread in vol): tight, liquid quotes pull the smile harder. Requires a bid/ask
     * pair with a positive spread on every quote; mark quotes are refused in this mode.
     */
    SPREAD,
    /**
     * Weight proportional to the caller-supplied vega, so the objective approximates a price-error fit (a vol error
     * of {@code dv} is a price error of about {@code vega * dv}) while keeping far wings with tiny vega from being
     * ignored entirely, as a vega-squared weight would. Requires a vega on every quote.
     */
    VEGA,
    /** Every quote counts the same. */
    UNIFORM
}
