package io.deltahedger.venues.account;

import io.deltahedger.venues.instrument.Instrument;

import java.util.Objects;

/**
 * One position as the venue reports it. Size is exact and signed, in lots of the instrument's amount step (Deribit
 * perpetuals: 10 USD lots; options: 0.1 coin lots). Money values are in the instrument's settlement currency.
 *
 * @param instrument                the instrument
 * @param sizeLots                  signed size in lots: positive long, negative short
 * @param averagePrice              average entry price in the quote currency (0 when flat)
 * @param markPrice                 the venue's mark price
 * @param initialMargin             initial margin held for the position, >= 0
 * @param maintenanceMargin         maintenance margin, >= 0
 * @param unrealizedPnl             floating PnL
 * @param estimatedLiquidationPrice the venue's estimate; 0 when it gives none
 */
public record Position(
    Instrument instrument,
    long sizeLots,
    double averagePrice,
    double markPrice,
    double initialMargin,
    double maintenanceMargin,
    double unrealizedPnl,
    double estimatedLiquidationPrice) {

    public Position {
        Objects.requireNonNull(instrument, "instrument");
        final String id = instrument.canonicalId();
        AccountSnapshot.requireFinite(id, "averagePrice", averagePrice, true);
        AccountSnapshot.requireFinite(id, "markPrice", markPrice, true);
        AccountSnapshot.requireFinite(id, "initialMargin", initialMargin, true);
        AccountSnapshot.requireFinite(id, "maintenanceMargin", maintenanceMargin, true);
        AccountSnapshot.requireFinite(id, "unrealizedPnl", unrealizedPnl, false);
        AccountSnapshot.requireFinite(id, "estimatedLiquidationPrice", estimatedLiquidationPrice, true);
    }
}
