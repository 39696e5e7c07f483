package io.deltahedger.marginmonitor.model;

import io.deltahedger.venues.instrument.InstrumentKind;

import java.util.List;

/**
 * Tiered maintenance margin for linear perpetuals and futures (Binance USD-M {@code leverageBracket}, Bybit risk
 * limits; reference venues.md 2.5): the bracket is chosen by the position's notional {@code |amount| * mark} and
 * {@code MM = notional * rate - maintenanceAmount}, {@code IM = notional * initialRate}. A notional above the last cap
 * uses the last bracket.
 *
 * <p>Validated on construction: brackets start at 0, are contiguous, rates do not fall, and MM is continuous at every
 * edge (the venue's maintenance amounts are built that way; a table that is not is mistyped).
 */
public final class TieredMarginModel implements MarginModel {

    private final List<MarginBracket> brackets;
    private final double[] caps;
    private final double[] rates;
    private final double[] amounts;
    private final double[] initialRates;

    public TieredMarginModel(final List<MarginBracket> brackets) {
        if (brackets == null || brackets.isEmpty()) {
            throw new IllegalArgumentException("tiered margin needs at least one bracket");
        }
        final int n = brackets.size();
        caps = new double[n];
        rates = new double[n];
        amounts = new double[n];
        initialRates = new double[n];
        double previousCap = 0.0;
        for (int i = 0; i < n; i++) {
            final MarginBracket b = brackets.get(i);
            if (b.notionalFloor() != previousCap) {
                throw new IllegalArgumentException("tiered margin bracket " + (i + 1) + " starts at " + b.notionalFloor()
                    + " but must start where the previous one ends (" + previousCap + "): brackets must be contiguous from 0");
            }
            if (i > 0) {
                if (b.maintenanceRate() < rates[i - 1]) {
                    throw new IllegalArgumentException("tiered margin bracket " + (i + 1) + " rate " + b.maintenanceRate()
                        + " is below the previous bracket's " + rates[i - 1]);
                }
                final double edge = b.notionalFloor();
                final double below = edge * rates[i - 1] - amounts[i - 1];
                final double above = edge * b.maintenanceRate() - b.maintenanceAmount();
                if (Math.abs(below - above) > 1e-9 * Math.max(1.0, edge)) {
                    throw new IllegalArgumentException("tiered margin is discontinuous at notional " + edge + ": bracket "
                        + i + " gives MM " + below + ", bracket " + (i + 1) + " gives " + above + "; maintenanceAmount of "
                        + "bracket " + (i + 1) + " should be " + (edge * b.maintenanceRate() - below));
                }
            }
            caps[i] = b.notionalCap();
            rates[i] = b.maintenanceRate();
            amounts[i] = b.maintenanceAmount();
            initialRates[i] = b.initialRate();
            previousCap = b.notionalCap();
        }
        this.brackets = List.copyOf(brackets);
    }

    /** The validated brackets, lowest notional first (for journals and reports). */
    public List<MarginBracket> brackets() {
        return brackets;
    }

    @Override
    public boolean supports(final MarginInstrument instrument) {
        return !instrument.inverse() && (instrument.kind() == InstrumentKind.PERPETUAL
            || instrument.kind() == InstrumentKind.FUTURE);
    }

    @Override
    public double initialMargin(final MarginInstrument instrument, final double amount, final double markPrice,
                                final double indexPrice) {
        final double notional = Math.abs(amount) * markPrice;
        return notional * initialRates[bracket(notional)];
    }

    @Override
    public double maintenanceMargin(final MarginInstrument instrument, final double amount, final double markPrice,
                                    final double indexPrice) {
        final double notional = Math.abs(amount) * markPrice;
        if (notional == 0) {
            return 0.0;
        }
        final int b = bracket(notional);
        return Math.max(0.0, notional * rates[b] - amounts[b]);
    }

    private int bracket(final double notional) {
        final int last = caps.length - 1;
        for (int i = 0; i < last; i++) {
            if (notional < caps[i]) {
                return i;
            }
        }
        return last;
    }
}
