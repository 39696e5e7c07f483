package io.deltahedger.venues.simulator.account;

/**
 * A position in one instrument: signed size in lots, its average entry price and the PnL realised in coin.
 * <ul>
 *   <li>Inverse future: a lot is {@code contractSizeUsd} USD; a long of S USD entered at P0 and closed at P1 earns
 *       S * (1/P0 - 1/P1) coin, and adding to a position averages the entry price harmonically (USD-weighted).</li>
 *   <li>Option: a lot is {@code contractSizeUsd} COIN of options (0.1), prices are premiums in coin; closing
 *       q options bought at P0 for P1 realises q * (P1 - P0) coin, and adding averages the entry arithmetically. The
 *       premium itself is paid and received in cash by the {@link Account}; the realised figure here is reporting.</li>
 * </ul>
 */
public final class Position
{
    private final double contractSizeUsd;
    private final boolean option;
    private long sizeLots;
    private double averagePrice;
    private double realizedPnl;
    long openBuyLots;
    long openSellLots;

    Position(final double contractSizeUsd)
    {
        this(contractSizeUsd, false);
    }

    /**
     * @param lotSize USD per lot (futures) or coin per lot (options).
     * @param option  whether premiums are linear in coin (an option) rather than inverse (a future).
     */
    Position(final double lotSize, final boolean option)
    {
        this.contractSizeUsd = lotSize;
        this.option = option;
    }

    public boolean isOption()
    {
        return option;
    }

    /** Signed size in the amount unit: USD for futures, coin (options) for options (Deribit's {@code size}). */
    public double size()
    {
        return sizeLots * contractSizeUsd;
    }

    double contractSizeUsd()
    {
        return contractSizeUsd;
    }

    /** Signed size in contracts: positive long, negative short. */
    public long sizeLots()
    {
        return sizeLots;
    }

    /** Signed size in USD, Deribit's {@code size} for futures. */
    public double sizeUsd()
    {
        return sizeLots * contractSizeUsd;
    }

    public double averagePrice()
    {
        return averagePrice;
    }

    /** PnL realised by closing trades, in coin. */
    public double realizedPnl()
    {
        return realizedPnl;
    }

    public long openBuyLots()
    {
        return openBuyLots;
    }

    public long openSellLots()
    {
        return openSellLots;
    }

    /**
     * Unrealised PnL in coin at the mark.
     */
    public double floatingPnl(final double markPrice)
    {
        if (sizeLots == 0)
        {
            return 0.0;
        }
        return option ? size() * (markPrice - averagePrice) : sizeUsd() * (1.0 / averagePrice - 1.0 / markPrice);
    }

    /**
     * Option expiry: closes the whole position at the settlement value (coin per option).
     *
     * @return the PnL in coin this realised against the average price.
     */
    double settle(final double payoffPerOption)
    {
        final double realized = size() * (payoffPerOption - averagePrice);
        realizedPnl += realized;
        sizeLots = 0;
        averagePrice = 0.0;
        return realized;
    }

    /**
     * Applies one fill.
     *
     * @return the PnL in coin this fill realised (0 when it only adds to the position).
     */
    double applyFill(final boolean buy, final long lots, final double price)
    {
        final long signedLots = buy ? lots : -lots;
        double realized = 0.0;
        if (sizeLots == 0 || Long.signum(sizeLots) == Long.signum(signedLots))
        {
            final double oldUsd = Math.abs(sizeUsd());
            final double addUsd = lots * contractSizeUsd;
            if (sizeLots == 0)
            {
                averagePrice = price;
            }
            else if (option)
            {
                averagePrice = (oldUsd * averagePrice + addUsd * price) / (oldUsd + addUsd);
            }
            else
            {
                averagePrice = (oldUsd + addUsd) / (oldUsd / averagePrice + addUsd / price);
            }
            sizeLots += signedLots;
        }
        else
        {
            final long closingLots = Math.min(Math.abs(sizeLots), lots);
            final double closingUsd = closingLots * contractSizeUsd * Long.signum(sizeLots);
            realized = option ? closingUsd * (price - averagePrice) : closingUsd * (1.0 / averagePrice - 1.0 / price);
            sizeLots += buy ? closingLots : -closingLots;
            final long openingLots = lots - closingLots;
            if (sizeLots == 0)
            {
                averagePrice = 0.0;
            }
            if (openingLots > 0)
            {
                sizeLots = buy ? openingLots : -openingLots;
                averagePrice = price;
            }
        }
        realizedPnl += realized;
        return realized;
    }
}
