package io.deltahedger.marginmonitor.model;

import io.deltahedger.venues.instrument.InstrumentKind;

/**
 * The generic model: flat initial and maintenance rates on a delta-one position's notional, for venues without a
 * modelled rule. Notional is in the settlement currency: {@code |amount| * mark} for linear contracts (amount in
 * coin, mark in USD), {@code |amount| / mark} for inverse ones (amount in USD, margin in coin). Options are not
 * modelled by rates; {@link #supports} refuses them.
 *
 * @param initialRate     per 1.00 (0.10 for 10x)
 * @param maintenanceRate per 1.00, &lt;= initialRate
 */
public record RateMarginModel(double initialRate, double maintenanceRate) implements MarginModel {

    public RateMarginModel {
        if (!(maintenanceRate > 0 && maintenanceRate <= initialRate && initialRate <= 1)) {
            throw new IllegalArgumentException("rate margin needs 0 < maintenanceRate <= initialRate <= 1, got maintenanceRate "
                + maintenanceRate + ", initialRate " + initialRate + " (0.005 and 0.01 for 0.5% / 1%)");
        }
    }

    @Override
    public boolean supports(final MarginInstrument instrument) {
        return instrument.kind() != InstrumentKind.OPTION;
    }

    @Override
    public double initialMargin(final MarginInstrument instrument, final double amount, final double markPrice,
                                final double indexPrice) {
        return initialRate * notional(instrument, amount, markPrice);
    }

    @Override
    public double maintenanceMargin(final MarginInstrument instrument, final double amount, final double markPrice,
                                    final double indexPrice) {
        return maintenanceRate * notional(instrument, amount, markPrice);
    }

    private static double notional(final MarginInstrument instrument, final double amount, final double markPrice) {
        return instrument.inverse() ? Math.abs(amount) / markPrice : Math.abs(amount) * markPrice;
    }
}
