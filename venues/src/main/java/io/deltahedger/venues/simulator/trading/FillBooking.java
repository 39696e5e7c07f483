package io.deltahedger.venues.simulator.trading;

import io.deltahedger.config.time.EpochClock;
import io.deltahedger.venues.simulator.account.Account;
import io.deltahedger.venues.simulator.book.MatchListener;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.market.OptionChain;
import io.deltahedger.venues.simulator.market.SimInstrument;

import java.util.List;

/**
 * Books the matches of the order books: fees (futures: maker/taker rates of the notional in coin, the liquidation
 * fee on liquidation fills; options: {@link OptionChain#fee}), positions and balances of both sides, trade
 * statistics, the {@link Execution} record and the listener's notifications. Exchange thread only.
 */
final class FillBooking implements MatchListener
{
    private final List<SimInstrument> instruments;
    private final AccountRegistry accounts;
    private final double[] marks;
    private final double[] indexPrices;
    private final EpochClock clock;
    private final InstrumentStats stats;
    private final List<Execution> executions;
    private final OrderStore userOrders;
    private final EngineListener listener;
    private long nextTradeId = 1;

    FillBooking(final List<SimInstrument> instruments, final AccountRegistry accounts, final double[] marks,
        final double[] indexPrices, final EpochClock clock, final InstrumentStats stats,
        final List<Execution> executions, final OrderStore userOrders, final EngineListener listener)
    {
        this.instruments = instruments;
        this.accounts = accounts;
        this.marks = marks;
        this.indexPrices = indexPrices;
        this.clock = clock;
        this.stats = stats;
        this.executions = executions;
        this.userOrders = userOrders;
        this.listener = listener;
    }

    @Override
    public void onMatch(final SimOrder maker, final SimOrder taker, final long priceTicks, final long lots)
    {
        final SimInstrument instrument = instruments.get(taker.instrumentIndex);
        final int index = instrument.index();
        final double price = instrument.price(priceTicks);
        final Account makerAccount = accounts.require(maker.ownerId, instrument.currency());
        final Account takerAccount = accounts.require(taker.ownerId, instrument.currency());
        final double coin;
        final double usd;
        final double makerFee;
        final double takerFee;
        if (instrument.isOption())
        {
            // Options: amounts in coin; fee min(0.03 % of the underlying, 12.5 % of the price) per option, maker and
            // taker alike (liquidations too: the option liquidation fee is not modelled).
            coin = instrument.amount(lots);
            usd = coin * indexPrices[index];
            makerFee = OptionChain.fee(coin, price);
            takerFee = makerFee;
        }
        else
        {
            coin = instrument.amountUsd(lots) / price;
            usd = instrument.amountUsd(lots);
            makerFee = coin * instrument.makerCommission();
            takerFee = coin * (taker.liquidation ? takerAccount.spec().liquidationFee() : instrument.takerCommission());
        }
        makerAccount.addOpenOrder(index, maker.buy, -lots);
        final double makerPnl = makerAccount.applyFill(index, maker.buy, lots, price, makerFee);
        final double takerPnl = takerAccount.applyFill(index, taker.buy, lots, price, takerFee);
        maker.commission += makerFee;
        taker.commission += takerFee;
        final long now = clock.epochMs();
        maker.lastUpdateMs = now;
        taker.lastUpdateMs = now;

        final int tickDirection = stats.onTrade(index, priceTicks, usd, coin);
        final Execution execution = new Execution(nextTradeId++, stats.nextTradeSeq(index), instrument, now, priceTicks, lots,
            maker, taker, makerFee, takerFee, makerPnl, takerPnl, indexPrices[index], marks[index], tickDirection);
        executions.add(execution);
        listener.onExecution(execution);
        if (maker.ownerId != TradingEngine.MARKET_MAKER)
        {
            if (!SimOrder.OPEN.equals(maker.state))
            {
                userOrders.retire(maker);
            }
            listener.onOrderUpdated(maker);
        }
    }

    @Override
    public void onSelfTradeCancelled(final SimOrder maker)
    {
        final SimInstrument instrument = instruments.get(maker.instrumentIndex);
        accounts.require(maker.ownerId, instrument.currency()).addOpenOrder(maker.instrumentIndex, maker.buy, -maker.remainingLots());
        maker.lastUpdateMs = clock.epochMs();
        if (maker.ownerId != TradingEngine.MARKET_MAKER)
        {
            userOrders.retire(maker);
            listener.onOrderUpdated(maker);
        }
    }
}
