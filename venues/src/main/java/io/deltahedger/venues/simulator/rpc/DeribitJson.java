package io.deltahedger.venues.simulator.rpc;

import io.deltahedger.venues.simulator.account.Account;
import io.deltahedger.venues.simulator.account.Position;
import io.deltahedger.venues.simulator.book.BookChanges;
import io.deltahedger.venues.simulator.book.OrderBook;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.market.Market;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.trading.Execution;
import io.deltahedger.venues.simulator.trading.TradingEngine;

/**
 * Writes the simulator's objects in Deribit API v2's JSON shapes (field names, units, enumerations). Amounts of
 * inverse futures are USD, prices USD on the tick grid, fees, PnL and margins in the settlement coin.
 */
public final class DeribitJson
{
    /** Decimals for coin amounts: fees of small trades are around 1e-7 coin, so keep 12 places. */
    public static final int COIN_DECIMALS = 12;
    private static final int AMOUNT_DECIMALS = 4;

    private DeribitJson()
    {
    }

    public static void order(final JsonWriter w, final SimOrder order, final TradingEngine engine)
    {
        final SimInstrument instrument = engine.instruments().get(order.instrumentIndex);
        w.beginObject();
        w.name("order_id").string(Long.toString(order.orderId));
        w.name("label").string(order.label);
        w.name("instrument_name").string(instrument.name());
        w.name("direction").string(order.direction());
        w.name("order_type").string(order.market ? "market" : "limit");
        w.name("order_state").string(order.state);
        w.name("price");
        if (order.market)
        {
            w.string("market_price");
        }
        else
        {
            w.decimal(instrument.price(order.priceTicks), instrument.priceDecimals());
        }
        w.name("amount").decimal(instrument.amountUsd(order.amountLots), AMOUNT_DECIMALS);
        contracts(w, instrument, order.amountLots);
        w.name("filled_amount").decimal(instrument.amountUsd(order.filledLots), AMOUNT_DECIMALS);
        w.name("average_price").decimal(order.averagePriceTicks() * instrument.tickSize(), instrument.priceDecimals() + 2);
        w.name("commission").decimal(order.commission, COIN_DECIMALS);
        w.name("time_in_force").string(order.timeInForce);
        w.name("post_only").bool(order.postOnly);
        w.name("reject_post_only").bool(false);
        w.name("reduce_only").bool(order.reduceOnly);
        w.name("is_liquidation").bool(order.liquidation);
        w.name("replaced").bool(order.replaced);
        w.name("max_show").decimal(instrument.amountUsd(order.amountLots), AMOUNT_DECIMALS);
        w.name("api").bool(true);
        w.name("web").bool(false);
        w.name("mmp").bool(false);
        w.name("risky").bool(false);
        w.name("creation_timestamp").number(order.creationMs);
        w.name("last_update_timestamp").number(order.lastUpdateMs);
        if (order.cancelReason != null)
        {
            w.name("cancel_reason").string(order.cancelReason);
        }
        w.endObject();
    }

    /** A trade as the public {@code trades.*} channel reports it (direction is the taker's side). */
    public static void publicTrade(final JsonWriter w, final Execution e)
    {
        final SimInstrument instrument = e.instrument();
        w.beginObject();
        w.name("trade_id").string(instrument.currency() + "-" + e.tradeId());
        w.name("trade_seq").number(e.tradeSeq());
        w.name("instrument_name").string(instrument.name());
        w.name("timestamp").number(e.timestampMs());
        w.name("price").decimal(e.price(), instrument.priceDecimals());
        w.name("amount").decimal(e.amountUsd(), AMOUNT_DECIMALS);
        contracts(w, instrument, e.lots());
        w.name("direction").string(e.takerBuys() ? "buy" : "sell");
        w.name("tick_direction").number(e.tickDirection());
        w.name("mark_price").decimal(e.markPrice(), instrument.isOption() ? 8 : 4);
        w.name("index_price").decimal(e.indexPrice(), 4);
        if (e.taker().liquidation)
        {
            w.name("liquidation").string("T");
        }
        w.endObject();
    }

    /** A fill as {@code user.trades.*} and the {@code trades} of buy/sell/edit replies report it, for one side. */
    public static void userTrade(final JsonWriter w, final Execution e, final boolean asMaker)
    {
        final SimInstrument instrument = e.instrument();
        final SimOrder own = asMaker ? e.maker() : e.taker();
        w.beginObject();
        w.name("trade_id").string(instrument.currency() + "-" + e.tradeId());
        w.name("trade_seq").number(e.tradeSeq());
        w.name("order_id").string(Long.toString(own.orderId));
        w.name("order_type").string(own.market ? "market" : "limit");
        w.name("label").string(own.label);
        w.name("instrument_name").string(instrument.name());
        w.name("timestamp").number(e.timestampMs());
        w.name("direction").string(own.direction());
        w.name("price").decimal(e.price(), instrument.priceDecimals());
        w.name("amount").decimal(e.amountUsd(), AMOUNT_DECIMALS);
        contracts(w, instrument, e.lots());
        w.name("fee").decimal(asMaker ? e.makerFee() : e.takerFee(), COIN_DECIMALS);
        w.name("fee_currency").string(instrument.currency());
        w.name("liquidity").string(asMaker ? "M" : "T");
        w.name("profit_loss").decimal(asMaker ? e.makerPnl() : e.takerPnl(), COIN_DECIMALS);
        w.name("state").string(own.state);
        w.name("post_only").bool(own.postOnly);
        w.name("reduce_only").bool(own.reduceOnly);
        w.name("tick_direction").number(e.tickDirection());
        w.name("mark_price").decimal(e.markPrice(), instrument.isOption() ? 8 : 4);
        w.name("index_price").decimal(e.indexPrice(), 4);
        w.name("matching_id").nullValue();
        w.name("api").bool(true);
        if (own.liquidation)
        {
            w.name("liquidation").string(asMaker ? "M" : "T");
        }
        w.endObject();
    }

    public static void instrument(final JsonWriter w, final SimInstrument instrument)
    {
        w.beginObject();
        w.name("instrument_name").string(instrument.name());
        w.name("instrument_id").number(instrument.instrumentId());
        w.name("kind").string(instrument.kind());
        w.name("instrument_type").string("reversed");
        if (instrument.isOption())
        {
            OptionJson.instrumentFields(w, instrument);
        }
        else
        {
            w.name("future_type").string("reversed");
        }
        w.name("settlement_period").string(instrument.settlementPeriod());
        w.name("base_currency").string(instrument.currency());
        w.name("quote_currency").string("USD");
        w.name("counter_currency").string("USD");
        w.name("settlement_currency").string(instrument.currency());
        w.name("price_index").string(instrument.indexName());
        w.name("contract_size").decimal(instrument.contractSize(), 4);
        w.name("min_trade_amount").decimal(instrument.contractSizeUsd(), 4);
        w.name("tick_size").decimal(instrument.tickSize(), 8);
        w.name("tick_size_steps").beginArray().endArray();
        w.name("maker_commission").decimal(instrument.makerCommission(), 6);
        w.name("taker_commission").decimal(instrument.takerCommission(), 6);
        w.name("block_trade_commission").decimal(0.00025, 6);
        w.name("max_leverage").number(50);
        w.name("max_liquidation_commission").decimal(instrument.isOption() ? 0.0 : 0.0075, 6);
        w.name("is_active").bool(true);
        w.name("rfq").bool(false);
        w.name("creation_timestamp").number(instrument.creationMs());
        w.name("expiration_timestamp").number(instrument.isPerpetual() ? 32_503_708_800_000L : instrument.expirationMs());
        w.endObject();
    }

    /**
     * The ticker object ({@code public/ticker}, {@code ticker.*}); with {@code depth > 0} the {@code public/get_order_book}
     * object, which adds {@code change_id}, {@code bids} and {@code asks}.
     */
    public static void ticker(final JsonWriter w, final TradingEngine engine, final Market market,
        final SimInstrument instrument, final long nowMs, final int depth)
    {
        final int index = instrument.index();
        final OrderBook book = engine.book(index);
        final int decimals = instrument.priceDecimals();
        final double mark = engine.mark(index);
        w.beginObject();
        w.name("timestamp").number(nowMs);
        w.name("instrument_name").string(instrument.name());
        w.name("state").string(nowMs < instrument.expirationMs() ? "open" : "closed");
        bestPrice(w, "best_bid_price", book, true, instrument);
        w.name("best_bid_amount").decimal(instrument.amountUsd(book.bestLots(true)), AMOUNT_DECIMALS);
        bestPrice(w, "best_ask_price", book, false, instrument);
        w.name("best_ask_amount").decimal(instrument.amountUsd(book.bestLots(false)), AMOUNT_DECIMALS);
        final long last = engine.stats().lastTradeTicks(index);
        w.name("last_price");
        if (last == 0)
        {
            w.nullValue();
        }
        else
        {
            w.decimal(instrument.price(last), decimals);
        }
        final int markDecimals = instrument.isOption() ? 8 : 4;
        w.name("mark_price").decimal(mark, markDecimals);
        w.name("index_price").decimal(engine.indexPrice(index), 4);
        w.name("estimated_delivery_price").decimal(engine.indexPrice(index), 4);
        w.name("settlement_price").decimal(mark, markDecimals);
        if (instrument.isOption())
        {
            OptionJson.tickerFields(w, market.options(), book, instrument, nowMs);
        }
        w.name("min_price").decimal(instrument.price(engine.minPriceTicks(instrument)), decimals);
        w.name("max_price").decimal(instrument.price(engine.maxPriceTicks(instrument)), decimals);
        w.name("open_interest").decimal(engine.openInterestUsd(index), AMOUNT_DECIMALS);
        if (instrument.isPerpetual())
        {
            final double premium = market.premium(instrument.currency());
            w.name("current_funding").decimal(premium, COIN_DECIMALS);
            w.name("funding_8h").decimal(premium, COIN_DECIMALS);
            w.name("interest_value").decimal(0.0, COIN_DECIMALS);
        }
        w.name("stats").beginObject();
        w.name("volume").decimal(engine.stats().volumeCoin(index), 8);
        w.name("volume_usd").decimal(engine.stats().volumeUsd(index), AMOUNT_DECIMALS);
        nullablePrice(w, "high", engine.stats().highTicks(index), instrument);
        nullablePrice(w, "low", engine.stats().lowTicks(index), instrument);
        w.name("price_change").nullValue();
        w.endObject();
        if (depth > 0)
        {
            w.name("change_id").number(book.changeId());
            w.name("bids");
            levels(w, book, true, depth, instrument);
            w.name("asks");
            levels(w, book, false, depth, instrument);
        }
        w.endObject();
    }

    /** {@code book.*} subscription snapshot: every level as {@code ["new", price, amount]}. */
    public static void bookSnapshot(final JsonWriter w, final OrderBook book, final SimInstrument instrument, final long nowMs)
    {
        w.beginObject();
        w.name("type").string("snapshot");
        w.name("timestamp").number(nowMs);
        w.name("instrument_name").string(instrument.name());
        w.name("change_id").number(book.changeId());
        for (int side = 0; side < 2; side++)
        {
            final boolean bid = side == 0;
            w.name(bid ? "bids" : "asks").beginArray();
            for (int i = 0; i < book.levelCount(bid); i++)
            {
                w.beginArray().string("new")
                    .decimal(instrument.price(book.levelPriceTicks(bid, i)), instrument.priceDecimals())
                    .decimal(instrument.amountUsd(book.levelLots(bid, i)), AMOUNT_DECIMALS)
                    .endArray();
            }
            w.endArray();
        }
        w.endObject();
    }

    /** {@code book.*} change notification data. */
    public static void bookChange(final JsonWriter w, final BookChanges changes, final SimInstrument instrument,
        final long nowMs)
    {
        w.beginObject();
        w.name("type").string("change");
        w.name("timestamp").number(nowMs);
        w.name("instrument_name").string(instrument.name());
        w.name("prev_change_id").number(changes.prevChangeId);
        w.name("change_id").number(changes.changeId);
        for (int side = 0; side < 2; side++)
        {
            final boolean bid = side == 0;
            w.name(bid ? "bids" : "asks").beginArray();
            for (int i = 0; i < changes.count; i++)
            {
                if (changes.isBid[i] == bid)
                {
                    w.beginArray().string(BookChanges.actionName(changes.action[i]))
                        .decimal(instrument.price(changes.priceTicks[i]), instrument.priceDecimals())
                        .decimal(instrument.amountUsd(changes.lots[i]), AMOUNT_DECIMALS)
                        .endArray();
                }
            }
            w.endArray();
        }
        w.endObject();
    }

    public static void position(final JsonWriter w, final Account account, final SimInstrument instrument,
        final TradingEngine engine, final Market market)
    {
        if (instrument.isOption())
        {
            OptionJson.position(w, account, instrument, engine, market.options());
            return;
        }
        final int index = instrument.index();
        final Position position = account.position(index);
        final double mark = engine.mark(index);
        final double floating = position.floatingPnl(mark);
        w.beginObject();
        w.name("instrument_name").string(instrument.name());
        w.name("kind").string(instrument.kind());
        w.name("direction").string(position.sizeLots() > 0 ? "buy" : position.sizeLots() < 0 ? "sell" : "zero");
        w.name("size").decimal(position.sizeUsd(), AMOUNT_DECIMALS);
        w.name("size_currency").decimal(position.sizeUsd() / mark, COIN_DECIMALS);
        w.name("average_price").decimal(position.averagePrice(), 4);
        w.name("mark_price").decimal(mark, 4);
        w.name("index_price").decimal(engine.indexPrice(index), 4);
        w.name("settlement_price").decimal(mark, 4);
        w.name("delta").decimal(position.sizeUsd() / mark, COIN_DECIMALS);
        w.name("initial_margin").decimal(account.positionInitialMargin(index, mark), COIN_DECIMALS);
        w.name("maintenance_margin").decimal(account.positionMaintenanceMargin(index, mark), COIN_DECIMALS);
        w.name("open_orders_margin").decimal(account.openOrdersMargin(index, mark), COIN_DECIMALS);
        w.name("floating_profit_loss").decimal(floating, COIN_DECIMALS);
        w.name("realized_profit_loss").decimal(position.realizedPnl(), COIN_DECIMALS);
        w.name("total_profit_loss").decimal(floating + position.realizedPnl(), COIN_DECIMALS);
        w.name("realized_funding").decimal(0.0, COIN_DECIMALS);
        w.name("interest_value").decimal(0.0, COIN_DECIMALS);
        w.name("leverage").number(50);
        w.name("estimated_liquidation_price").nullValue();
        w.endObject();
    }

    public static void accountSummary(final JsonWriter w, final Account account, final TradingEngine engine,
        final Market market, final String username)
    {
        final double[] marks = engine.marks();
        final double equity = account.equity(marks);
        final double marginBalance = account.marginBalance(marks);
        final double initialMargin = account.initialMargin(marks);
        final double maintenanceMargin = account.maintenanceMargin(marks);
        final double floating = account.floatingPnl(marks);
        final double available = marginBalance - initialMargin;
        w.beginObject();
        w.name("currency").string(account.currency());
        w.name("balance").decimal(account.balance(), COIN_DECIMALS);
        w.name("equity").decimal(equity, COIN_DECIMALS);
        w.name("margin_balance").decimal(marginBalance, COIN_DECIMALS);
        w.name("available_funds").decimal(available, COIN_DECIMALS);
        w.name("available_withdrawal_funds").decimal(Math.max(0.0, Math.min(account.balance(), available)), COIN_DECIMALS);
        w.name("initial_margin").decimal(initialMargin, COIN_DECIMALS);
        w.name("maintenance_margin").decimal(maintenanceMargin, COIN_DECIMALS);
        w.name("projected_initial_margin").decimal(initialMargin, COIN_DECIMALS);
        w.name("projected_maintenance_margin").decimal(maintenanceMargin, COIN_DECIMALS);
        w.name("estimated_liquidation_ratio").decimal(marginBalance > 0 ? maintenanceMargin / marginBalance : 0.0, 6);
        OptionJson.accountFields(w, account, engine, market.options());
        final double optionsPl = account.optionsFloatingPnl(marks) + account.optionsRealizedPnl();
        w.name("futures_pl").decimal(floating + account.realizedPnl(), COIN_DECIMALS);
        w.name("futures_session_rpl").decimal(account.realizedPnl(), COIN_DECIMALS);
        w.name("futures_session_upl").decimal(floating, COIN_DECIMALS);
        w.name("session_rpl").decimal(account.realizedPnl() + account.optionsRealizedPnl(), COIN_DECIMALS);
        w.name("session_upl").decimal(floating + account.optionsFloatingPnl(marks), COIN_DECIMALS);
        w.name("total_pl").decimal(floating + account.realizedPnl() + optionsPl, COIN_DECIMALS);
        w.name("fee_balance").decimal(0.0, 4);
        w.name("spot_reserve").decimal(0.0, 4);
        w.name("margin_model").string("segregated_sm");
        w.name("portfolio_margining_enabled").bool(false);
        w.name("cross_collateral_enabled").bool(false);
        w.name("type").string("main");
        w.name("username").string(username);
        w.name("id").number(account.ownerId());
        w.endObject();
    }

    /** Deribit's {@code contracts}: futures count contracts (lots); an option contract is 1 coin, a lot 0.1. */
    private static void contracts(final JsonWriter w, final SimInstrument instrument, final long lots)
    {
        w.name("contracts");
        if (instrument.isOption())
        {
            w.decimal(instrument.amount(lots) / instrument.contractSize(), AMOUNT_DECIMALS);
        }
        else
        {
            w.number(lots);
        }
    }

    private static void levels(final JsonWriter w, final OrderBook book, final boolean bid, final int depth,
        final SimInstrument instrument)
    {
        w.beginArray();
        final int count = Math.min(depth, book.levelCount(bid));
        for (int i = 0; i < count; i++)
        {
            w.beginArray()
                .decimal(instrument.price(book.levelPriceTicks(bid, i)), instrument.priceDecimals())
                .decimal(instrument.amountUsd(book.levelLots(bid, i)), AMOUNT_DECIMALS)
                .endArray();
        }
        w.endArray();
    }

    private static void bestPrice(final JsonWriter w, final String name, final OrderBook book, final boolean bid,
        final SimInstrument instrument)
    {
        final long best = book.bestPriceTicks(bid);
        w.name(name);
        if (best == Long.MIN_VALUE)
        {
            w.decimal(0.0, 0);
        }
        else
        {
            w.decimal(instrument.price(best), instrument.priceDecimals());
        }
    }

    private static void nullablePrice(final JsonWriter w, final String name, final long ticks,
        final SimInstrument instrument)
    {
        w.name(name);
        if (ticks == 0)
        {
            w.nullValue();
        }
        else
        {
            w.decimal(instrument.price(ticks), instrument.priceDecimals());
        }
    }
}
