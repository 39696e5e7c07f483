package io.deltahedger.venues.simulator.account;

import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.market.UnderlyingSpec;

import java.util.List;

/**
 * One owner's account in one currency under Deribit-style standard (segregated) margin. Balances and margins are in
 * the currency (coin). Realised futures PnL and fees settle into the balance at once (Deribit settles them daily at
 * 08:00 UTC; the simulator does not model the session boundary); option premiums are paid and received in the
 * balance at each fill, and an expired option pays its settlement value into it. Owned by the exchange thread.
 *
 * <p>Equity = balance + floating PnL of futures + options value (sum of size x mark, negative for shorts); under
 * standard margin the margin balance equals the equity.
 *
 * <p>Standard margin for inverse futures (Deribit, since 11 Jan 2022): per position of {@code s} coin (|size| / mark),
 * IM = s * (imBase + s * perCoin), MM = s * (mmBase + s * perCoin). Options: {@link OptionMargin}. Open orders add
 * the IM of the worse side: max(IM(pos + buys), IM(pos - sells)) - IM(pos).
 */
public final class Account
{
    private final long ownerId;
    private final UnderlyingSpec spec;
    private final List<SimInstrument> instruments;
    private final Position[] positions;
    private final boolean unlimited;
    private final double[] underlyingPrices;
    private double balance;
    private double feesPaid;
    private double realizedPnl;
    private double optionsRealizedPnl;

    /**
     * @param instruments all instruments of the simulator (positions are kept only for those of this currency).
     * @param unlimited   true for the market maker: never margin-checked or liquidated.
     * @param underlyingPrices the forward (USD) per instrument index, live, read for the option margin.
     */
    public Account(final long ownerId, final UnderlyingSpec spec, final List<SimInstrument> instruments,
        final boolean unlimited, final double[] underlyingPrices)
    {
        this.ownerId = ownerId;
        this.spec = spec;
        this.instruments = instruments;
        this.unlimited = unlimited;
        this.underlyingPrices = underlyingPrices;
        this.positions = new Position[instruments.size()];
        for (final SimInstrument instrument : instruments)
        {
            if (instrument.currency().equals(spec.currency()))
            {
                positions[instrument.index()] = new Position(instrument.contractSizeUsd(), instrument.isOption());
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

    /** Futures PnL realised by closing trades, in coin. */
    public double realizedPnl()
    {
        return realizedPnl;
    }

    /** Options PnL realised by closing trades and expiries against the average price, in coin (already in the
     * balance through the premiums paid and received). */
    public double optionsRealizedPnl()
    {
        return optionsRealizedPnl;
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
        final Position position = positions[instrumentIndex];
        final double realized = position.applyFill(buy, lots, price);
        if (position.isOption())
        {
            // The premium changes hands now: the buyer pays price x amount coin, the seller receives it.
            final double premium = lots * position.contractSizeUsd() * price;
            balance += (buy ? -premium : premium) - fee;
            optionsRealizedPnl += realized;
        }
        else
        {
            realizedPnl += realized;
            balance += realized - fee;
        }
        feesPaid += fee;
        return realized;
    }

    /**
     * Settles an expired option: the position's holder receives (a short pays) {@code payoffPerOption} coin per
     * option, and the position closes.
     *
     * @return the PnL realised against the average price, in coin.
     */
    public double settleOption(final int instrumentIndex, final double payoffPerOption)
    {
        final Position position = positions[instrumentIndex];
        balance += position.size() * payoffPerOption;
        final double realized = position.settle(payoffPerOption);
        optionsRealizedPnl += realized;
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

    /** Floating PnL of futures positions, in coin. */
    public double floatingPnl(final double[] marks)
    {
        double total = 0.0;
        for (int i = 0; i < positions.length; i++)
        {
            if (positions[i] != null && !positions[i].isOption())
            {
                total += positions[i].floatingPnl(marks[i]);
            }
        }
        return total;
    }

    /** Floating PnL of option positions against their average price, in coin. */
    public double optionsFloatingPnl(final double[] marks)
    {
        double total = 0.0;
        for (int i = 0; i < positions.length; i++)
        {
            if (positions[i] != null && positions[i].isOption())
            {
                total += positions[i].floatingPnl(marks[i]);
            }
        }
        return total;
    }

    /** Deribit's {@code options_value}: sum of size x mark over option positions, in coin (shorts negative). */
    public double optionsValue(final double[] marks)
    {
        double total = 0.0;
        for (int i = 0; i < positions.length; i++)
        {
            if (positions[i] != null && positions[i].isOption() && positions[i].sizeLots() != 0)
            {
                total += positions[i].size() * marks[i];
            }
        }
        return total;
    }

    /** Equity = balance + floating PnL of futures + options value. */
    public double equity(final double[] marks)
    {
        return balance + floatingPnl(marks) + optionsValue(marks);
    }

    /** Under standard margin the margin balance equals the equity. */
    public double marginBalance(final double[] marks)
    {
        return equity(marks);
    }

    public double positionInitialMargin(final int instrumentIndex, final double mark)
    {
        return initialMargin(instrumentIndex, positions[instrumentIndex].sizeLots(), mark);
    }

    public double positionMaintenanceMargin(final int instrumentIndex, final double mark)
    {
        final Position position = positions[instrumentIndex];
        final SimInstrument instrument = instruments.get(instrumentIndex);
        if (instrument.isOption())
        {
            return OptionMargin.maintenance(instrument.option().isCall(), position.size(), mark);
        }
        final double coins = Math.abs(position.sizeUsd()) / mark;
        return coins * (spec.maintenanceMarginBase() + coins * spec.marginPerCoin());
    }

    /** The position's size in coin of underlying (futures: |USD| / mark; options: |size|), for ranking. */
    public double positionCoins(final int instrumentIndex, final double mark)
    {
        final Position position = positions[instrumentIndex];
        return position.isOption() ? Math.abs(position.size()) : Math.abs(position.sizeUsd()) / mark;
    }

    /** Margin reserved by resting orders of one instrument, in coin. */
    public double openOrdersMargin(final int instrumentIndex, final double mark)
    {
        final Position position = positions[instrumentIndex];
        return openOrdersMargin(instrumentIndex, position, position.openBuyLots, position.openSellLots, mark);
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
            total += initialMargin(i, position.sizeLots(), marks[i]) + openOrdersMargin(i, position, buys, sells, marks[i]);
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

    /** Σ size in coin of futures (the futures part of Deribit's {@code delta_total}). */
    public double futuresDelta(final double[] marks)
    {
        double total = 0.0;
        for (int i = 0; i < positions.length; i++)
        {
            if (positions[i] != null && !positions[i].isOption() && positions[i].sizeLots() != 0)
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

    private double openOrdersMargin(final int instrumentIndex, final Position position, final long buys,
        final long sells, final double mark)
    {
        if (buys == 0 && sells == 0)
        {
            return 0.0;
        }
        final long size = position.sizeLots();
        final double current = initialMargin(instrumentIndex, size, mark);
        final double ifBuys = initialMargin(instrumentIndex, size + buys, mark);
        final double ifSells = initialMargin(instrumentIndex, size - sells, mark);
        return Math.max(0.0, Math.max(ifBuys, ifSells) - current);
    }

    /** IM in coin of a position of {@code signedLots} in the instrument at its mark. */
    private double initialMargin(final int instrumentIndex, final long signedLots, final double mark)
    {
        final SimInstrument instrument = instruments.get(instrumentIndex);
        final double amount = signedLots * instrument.contractSizeUsd();
        if (instrument.isOption())
        {
            return OptionMargin.initial(instrument.option().isCall(), amount, mark, underlyingPrices[instrumentIndex],
                instrument.option().strike());
        }
        final double coins = Math.abs(amount) / mark;
        return coins * (spec.initialMarginBase() + coins * spec.marginPerCoin());
    }
}
