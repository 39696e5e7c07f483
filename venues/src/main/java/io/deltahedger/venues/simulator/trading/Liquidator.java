package io.deltahedger.venues.simulator.trading;

import io.deltahedger.venues.simulator.account.Account;
import io.deltahedger.venues.simulator.account.Position;
import io.deltahedger.venues.simulator.market.SimInstrument;

/**
 * Deribit-style incremental liquidation under standard margin: an account whose maintenance margin exceeds its
 * margin balance has its open orders cancelled, then its largest position (in coin of underlying, options
 * included) is closed a fifth at a time (at
 * least one contract) by market orders flagged {@code is_liquidation} and charged the liquidation fee, until the
 * maintenance margin is covered again or nothing is left to close. Exchange thread only.
 */
public final class Liquidator
{
    private static final int MAX_STEPS = 64;

    private final TradingEngine engine;

    public Liquidator(final TradingEngine engine)
    {
        this.engine = engine;
    }

    /**
     * Checks every user account and liquidates those under water.
     *
     * @return the number of liquidation orders sent.
     */
    public int liquidateUnderwaterAccounts()
    {
        final double[] marks = engine.marks();
        int sent = 0;
        for (final Account[] byCurrency : engine.allAccounts())
        {
            for (final Account account : byCurrency)
            {
                if (account.isUnlimited() || account.maintenanceMargin(marks) <= account.marginBalance(marks))
                {
                    continue;
                }
                engine.cancelAll(account.ownerId(), account.currency(), -1, "liquidation");
                for (int step = 0; step < MAX_STEPS && account.maintenanceMargin(marks) > account.marginBalance(marks);
                    step++)
                {
                    final int largest = largestPosition(account, marks);
                    if (largest < 0)
                    {
                        break;
                    }
                    final long size = account.position(largest).sizeLots();
                    engine.placeLiquidation(account.ownerId(), largest, size < 0, Math.max(1, Math.abs(size) / 5));
                    sent++;
                }
            }
        }
        return sent;
    }

    private int largestPosition(final Account account, final double[] marks)
    {
        int largest = -1;
        double largestCoins = 0.0;
        for (final SimInstrument instrument : engine.instruments())
        {
            if (!account.isPositionIndex(instrument.index()) || engine.isExpired(instrument))
            {
                // An expired future cannot trade (and is not settled yet): its position stays.
                continue;
            }
            final Position position = account.position(instrument.index());
            final double coins = account.positionCoins(instrument.index(), marks[instrument.index()]);
            if (position.sizeLots() != 0 && coins > largestCoins)
            {
                largest = instrument.index();
                largestCoins = coins;
            }
        }
        return largest;
    }
}
