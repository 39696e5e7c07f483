package io.deltahedger.venues.simulator.trading;

import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.market.SimInstrument;

/**
 * One trade between a resting maker and an incoming taker, as both the public {@code trades.*} and the private
 * {@code user.trades.*} channels report it.
 *
 * @param tradeId        exchange-wide trade number.
 * @param tradeSeq       per-instrument trade sequence.
 * @param priceTicks     execution price in ticks.
 * @param lots           executed contracts.
 * @param makerFee       fee of the maker in coin (negative = rebate).
 * @param takerFee       fee of the taker in coin.
 * @param makerPnl       PnL the fill realised for the maker, coin.
 * @param takerPnl       PnL the fill realised for the taker, coin.
 * @param tickDirection  Deribit's tick direction: 0 plus tick, 1 zero-plus, 2 minus, 3 zero-minus.
 */
public record Execution(
    long tradeId,
    long tradeSeq,
    SimInstrument instrument,
    long timestampMs,
    long priceTicks,
    long lots,
    SimOrder maker,
    SimOrder taker,
    double makerFee,
    double takerFee,
    double makerPnl,
    double takerPnl,
    double indexPrice,
    double markPrice,
    int tickDirection)
{
    public boolean takerBuys()
    {
        return taker.buy;
    }

    public double price()
    {
        return instrument.price(priceTicks);
    }

    public double amountUsd()
    {
        return instrument.amountUsd(lots);
    }
}
