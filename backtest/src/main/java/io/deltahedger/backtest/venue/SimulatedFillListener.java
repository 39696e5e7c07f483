package io.deltahedger.backtest.venue;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.Instrument;

/**
 * The accounting side of a {@link SimulatedVenue}: every fill and funding payment, in primitives, for the P&amp;L
 * ledger ({@link io.deltahedger.backtest.pnl.PnlLedger} has matching methods). Called on the replay thread, in replay
 * time order, after the venue's own ledger has been updated and before the {@code VenueListener} hears of the fill.
 */
public interface SimulatedFillListener
{
    /**
     * One fill.
     *
     * @param timeMs       replay time of the fill (the order's arrival, or the trade that filled a resting order)
     * @param signedAmount amount in the instrument's amount currency, positive for a buy
     * @param price        the fill price in the quote currency
     * @param midPrice     the book's mid when the fill happened (before it), for slippage; the fill price when the
     *                     book had no two sides
     * @param fee          fee in the settlement currency, positive paid, negative a rebate
     * @param maker        whether the fill was passive (a resting order hit by a trade)
     */
    void onFill(Venue venue, Instrument instrument, long timeMs, double signedAmount, double price, double midPrice,
                double fee, boolean maker);

    /**
     * One funding payment of a perpetual.
     *
     * @param positionAmount the signed position at the funding time, in the amount currency
     * @param markPrice      the mark it was valued at
     * @param rate           the funding rate for the period (fraction; positive: longs pay shorts)
     * @param payment        what the account received, in the settlement currency (negative: it paid)
     */
    void onFunding(Venue venue, Instrument instrument, long timeMs, double positionAmount, double markPrice, double rate,
                   double payment);

    /** A listener that ignores everything. */
    SimulatedFillListener NONE = new SimulatedFillListener()
    {
        @Override
        public void onFill(final Venue venue, final Instrument instrument, final long timeMs, final double signedAmount,
                           final double price, final double midPrice, final double fee, final boolean maker)
        {
        }

        @Override
        public void onFunding(final Venue venue, final Instrument instrument, final long timeMs,
                              final double positionAmount, final double markPrice, final double rate, final double payment)
        {
        }
    };
}
