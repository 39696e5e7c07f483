package io.deltahedger.backtest.replay;

import io.deltahedger.venues.instrument.Instrument;

/**
 * An option of the replayed book.
 *
 * @param instrument    the option
 * @param registryIndex its index in the replay's registry
 * @param ledgerId      its id in the P&amp;L ledger
 * @param contracts     signed contracts (coins)
 * @param markIv        its mark IV when entered, per 1.00
 */
record HeldOption(Instrument instrument, int registryIndex, int ledgerId, double contracts, double markIv)
{
}
