package io.deltahedger.venues.simulator.trading;

import io.deltahedger.venues.simulator.account.Account;
import io.deltahedger.venues.simulator.market.SimInstrument;

/**
 * Settles options at expiry: on the first market step at or after an option's expiry its book is closed (user orders
 * cancelled with reason {@code expired}, quotes withdrawn) and every position is cash-settled in coin at the index
 * of that step: a call pays max(S - K, 0) / S coin per option, a put max(K - S, 0) / S (Deribit settles at the
 * 30-minute TWAP of the index before 08:00 UTC; the simulator uses the index at the step). The holder is paid from
 * the writer (the market maker's account included, so coin is conserved). The expired option then leaves
 * {@code public/get_instruments}. Exchange thread only.
 */
public final class OptionExpiry
{
    private final TradingEngine engine;
    private final boolean[] settled;
    private final double[] settlementPrices;

    public OptionExpiry(final TradingEngine engine)
    {
        this.engine = engine;
        this.settled = new boolean[engine.instruments().size()];
        this.settlementPrices = new double[settled.length];
    }

    /**
     * Settles every option whose expiry has passed and that is not settled yet.
     *
     * @return how many options were settled by this call.
     */
    public int settleExpired()
    {
        int count = 0;
        final java.util.List<SimInstrument> instruments = engine.instruments();
        for (int index = 0; index < instruments.size(); index++)
        {
            // Indexed loop: runs every market tick and allocates nothing.
            final SimInstrument instrument = instruments.get(index);
            if (!instrument.isOption() || settled[index] || !engine.isExpired(instrument))
            {
                continue;
            }
            settled[index] = true;
            engine.closeBook(index, "expired");
            final double settlement = engine.indexPrice(index);
            settlementPrices[index] = settlement;
            final double strike = instrument.option().strike();
            final double payoff = Math.max(instrument.option().type().sign() * (settlement - strike), 0.0) / settlement;
            for (final Account[] byCurrency : engine.allAccounts())
            {
                final Account account = byCurrency[engine.currencyIndex(instrument.currency())];
                if (account.position(index).sizeLots() != 0)
                {
                    account.settleOption(index, payoff);
                }
            }
            count++;
        }
        return count;
    }

    /** Whether the option has been settled (it is then no longer listed). */
    public boolean isSettled(final int instrumentIndex)
    {
        return settled[instrumentIndex];
    }

    /** The index price (USD) the option settled at, or 0 before settlement. */
    public double settlementPrice(final int instrumentIndex)
    {
        return settlementPrices[instrumentIndex];
    }
}
