package io.deltahedger.venues.simulator.account;

/**
 * A position in one inverse future: signed size in contracts (lots), its average entry price and the PnL realised
 * in coin. Inverse arithmetic: a long of S USD entered at P0 and closed at P1 earns S * (1/P0 - 1/P1) coin, and
 * adding to a position averages the entry price harmonically (USD-weighted).
 */
public final class Position
{
    private final double contractSizeUsd;
    private long sizeLots;
    private double averagePrice;
    private double realizedPnl;
    long openBuyLots;
    long openSellLots;

    Position(final double contractSizeUsd)
    {
        this.contractSizeUsd = contractSizeUsd;
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
        return sizeLots == 0 ? 0.0 : sizeUsd() * (1.0 / averagePrice - 1.0 / markPrice);
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
            averagePrice = sizeLots == 0 ? price : (oldUsd + addUsd) / (oldUsd / averagePrice + addUsd / price);
            sizeLots += signedLots;
        }
        else
        {
            final long closingLots = Math.min(Math.abs(sizeLots), lots);
            final double closingUsd = closingLots * contractSizeUsd * Long.signum(sizeLots);
            realized = closingUsd * (1.0 / averagePrice - 1.0 / price);
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
