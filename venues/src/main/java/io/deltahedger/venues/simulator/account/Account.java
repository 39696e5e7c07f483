package io.deltahedger.venues.simulator.account;

import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.market.UnderlyingSpec;

import java.util.List;

/**
 * One owner's account in one currency under Deribit-style standard (segregated) margin. Balances and margins are in
 * the currency (coin). Realised PnL and fees settle into the balance at once (Deribit settles them daily at 08:00 UTC;
 * the simulator does not model the session boundary). Owned by the exchange thread.
 *
 * <p>Standard margin for inverse futures (Deribit, since 11 Jan 2022): per position of {@code s} coin (|size| / mark),
 * IM = s * (imBase + s * perCoin), MM = s * (mmBase + s * perCoin). Open orders add the IM of the worse side:
 * max(IM(|pos + buys|), IM(|pos - sells|)) - IM(|pos|).
 */
public final class Account
{
    private final long ownerId;
    private final UnderlyingSpec spec;
    private final List<SimInstrument> instruments;
    private final Position[] positions;
    private final boolean unlimited;
    private double balance;
    private double feesPaid;
    private double realizedPnl;

    /**
     * @param instruments all instruments of the simulator (positions are kept only for those of this currency).
     * @param unlimited   true for the market maker: never margin-checked or liquidated.
     */
    public Account(
        final long ownerId, final UnderlyingSpec spec, final List<SimInstrument> instruments, final boolean unlimited)
    {
        this.ownerId = ownerId;
        this.spec = spec;
        this.instruments = instruments;
        this.unlimited = unlimited;
        this.positions = new Position[instruments.size()];
        for (final SimInstrument instrument : instruments)
        {
            if (instrument.currency().equals(spec.currency()))
            {
                positions[instrument.index()] = new Position(instrument.contractSizeUsd());
            }
        }
        this.balance = spec.initialBalance();
    }

    public long ownerId()
    {
        return ownerId;
    }

    public String currency()
    {
        return spec.currency();
    }

    public UnderlyingSpec spec()
    {
        return spec;
    }

    public boolean isUnlimited()
    {
        return unlimited;
    }

    public double balance()
    {
        return balance;
    }

    public double feesPaid()
    {
        return feesPaid;
    }

    public double realizedPnl()
    {
        return realizedPnl;
    }

    public Position position(final int instrumentIndex)
    {
        return positions[instrumentIndex];
    }

    /**
     * Books one fill: position, realised PnL and fee (in coin; negative fee is a rebate).
     *
     * @return the PnL in coin the fill realised.
     */
    public double applyFill(final int instrumentIndex, final boolean buy, final long lots, final double price, final double fee)
    {
        final double realized = positions[instrumentIndex].applyFill(buy, lots, price);
        realizedPnl += realized;
        balance += realized - fee;
        feesPaid += fee;
        return realized;
    }

    /**
     * Tracks resting order size for the open-orders margin.
     */
    public void addOpenOrder(final int instrumentIndex, final boolean buy, final long lots)
    {
        final Position position = positions[instrumentIndex];
        if (buy)
        {
            position.openBuyLots += lots;
        }
        else
        {
            position.openSellLots += lots;
        }
    }

    public double floatingPnl(final double[] marks)
    {
        double total = 0.0;
        for (int i = 0; i < positions.length; i++)
        {
            if (positions[i] != null)
            {
                total += positions[i].floatingPnl(marks[i]);
            }
        }
        return total;
    }

    /** Equity = balance + floating PnL (futures only; no option value yet). */
    public double equity(final double[] marks)
    {
        return balance + floatingPnl(marks);
    }

    /** Under standard margin the margin balance equals the equity. */
    public double marginBalance(final double[] marks)
    {
        return equity(marks);
    }

    public double positionInitialMargin(final int instrumentIndex, final double mark)
    {
        return initialMargin(Math.abs(positions[instrumentIndex].sizeUsd()) / mark);
    }

    public double positionMaintenanceMargin(final int instrumentIndex, final double mark)
    {
        final double coins = Math.abs(positions[instrumentIndex].sizeUsd()) / mark;
        return coins * (spec.maintenanceMarginBase() + coins * spec.marginPerCoin());
    }

    /** Margin reserved by resting orders of one instrument, in coin. */
    public double openOrdersMargin(final int instrumentIndex, final double mark)
    {
        final Position position = positions[instrumentIndex];
        return openOrdersMargin(position, position.openBuyLots, position.openSellLots, mark);
    }

    /** IM of positions plus open orders, in coin. */
    public double initialMargin(final double[] marks)
    {
        return initialMarginWith(-1, false, 0, marks);
    }

    /**
     * IM of positions plus open orders as if one more order of {@code extraLots} were resting.
     *
     * @param instrumentIndex the extra order's instrument, or -1 for none.
     */
    public double initialMarginWith(final int instrumentIndex, final boolean buy, final long extraLots, final double[] marks)
    {
        double total = 0.0;
        for (int i = 0; i < positions.length; i++)
        {
            final Position position = positions[i];
            if (position == null)
            {
                continue;
            }
            long buys = position.openBuyLots;
            long sells = position.openSellLots;
            if (i == instrumentIndex)
            {
                buys += buy ? extraLots : 0;
                sells += buy ? 0 : extraLots;
            }
            if (position.sizeLots() == 0 && buys == 0 && sells == 0)
            {
                continue;
            }
            total += initialMargin(Math.abs(position.sizeUsd()) / marks[i]) + openOrdersMargin(position, buys, sells, marks[i]);
        }
        return total;
    }

    public double maintenanceMargin(final double[] marks)
    {
        double total = 0.0;
        for (int i = 0; i < positions.length; i++)
        {
            if (positions[i] != null && positions[i].sizeLots() != 0)
            {
                total += positionMaintenanceMargin(i, marks[i]);
            }
        }
        return total;
    }

    /** Σ size in coin of futures (Deribit's {@code delta_total} without options). */
    public double deltaTotal(final double[] marks)
    {
        double total = 0.0;
        for (int i = 0; i < positions.length; i++)
        {
            if (positions[i] != null && positions[i].sizeLots() != 0)
            {
                total += positions[i].sizeUsd() / marks[i];
            }
        }
        return total;
    }

    public boolean isPositionIndex(final int index)
    {
        return positions[index] != null;
    }

    public List<SimInstrument> instruments()
    {
        return instruments;
    }

    private double openOrdersMargin(final Position position, final long buys, final long sells, final double mark)
    {
        if (buys == 0 && sells == 0)
        {
            return 0.0;
        }
        final long size = position.sizeLots();
        final double contract = position.contractSizeUsd();
        final double current = initialMargin(Math.abs(size) * contract / mark);
        final double ifBuys = initialMargin(Math.abs(size + buys) * contract / mark);
        final double ifSells = initialMargin(Math.abs(size - sells) * contract / mark);
        return Math.max(0.0, Math.max(ifBuys, ifSells) - current);
    }

    private double initialMargin(final double coins)
    {
        return coins * (spec.initialMarginBase() + coins * spec.marginPerCoin());
    }
}
