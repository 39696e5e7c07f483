package io.deltahedger.marginmonitor.model;

/**
 * A venue's margin rule for one position, evaluated on primitives. Per-position: an account's model margin is the sum
 * over its positions (true of Deribit standard margin, bracket models per symbol and rate models).
 *
 * <p>The venue's reported margin is the authority; a model is only used to project a CHANGE from the reported figure
 * (docs/margin.md). Implementations are stateless, allocation-free and never return NaN for inputs that pass
 * {@link #supports}: amounts are finite, marks finite and &gt;= 0 (&gt; 0 for delta-one), index finite and &gt; 0.
 *
 * <p>Contract: for a fixed market, margin is 0 for a flat position and does not decrease as {@code |amount|} grows
 * with the same sign; the gate's risk-reducing rule relies on it.
 */
public interface MarginModel {

    /** Whether this model can margin the instrument; the book refuses to register one it cannot. */
    boolean supports(MarginInstrument instrument);

    /**
     * Initial margin of a position, in the settlement currency.
     *
     * @param amount     signed amount in the instrument's amount currency (positive long)
     * @param markPrice  the instrument's mark in its quote currency
     * @param indexPrice the underlying's index, USD per coin
     */
    double initialMargin(MarginInstrument instrument, double amount, double markPrice, double indexPrice);

    /** Maintenance margin of a position, in the settlement currency; arguments as {@link #initialMargin}. */
    double maintenanceMargin(MarginInstrument instrument, double amount, double markPrice, double indexPrice);
}
