package io.deltahedger.venues.simulator.rpc;

import io.deltahedger.venues.simulator.account.Account;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.market.Market;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.trading.Execution;
import io.deltahedger.venues.simulator.trading.OrderRequest;
import io.deltahedger.venues.simulator.trading.TradingEngine;

import java.util.List;

/**
 * The {@code private/*} trading and account methods: parameters in Deribit's names and units in, Deribit's result
 * objects out. Exchange thread only.
 */
final class TradingMethods
{
    private final TradingEngine engine;
    private final Market market;
    private final String username;

    TradingMethods(final TradingEngine engine, final Market market, final String username)
    {
        this.engine = engine;
        this.market = market;
        this.username = username;
    }

    /** {@code private/buy} and {@code private/sell}: result {@code {order, trades}}. */
    void placeOrder(final JsonWriter w, final long ownerId, final long connectionId, final Params params,
        final boolean buy)
    {
        final SimInstrument instrument = instrument(params.requireString("instrument_name"));
        final String type = params.optString("type", "limit");
        if (!"limit".equals(type) && !"market".equals(type))
        {
            throw RpcError.invalidParam("type", "order type '" + type
                + "' is not supported by the simulator yet; use limit or market");
        }
        if (params.has("advanced"))
        {
            throw RpcError.invalidParam("advanced", "'advanced' (price in USD or IV) is not supported by the simulator"
                + " yet; give the option price in coin");
        }
        if (params.has("trigger") || params.has("trigger_price"))
        {
            throw RpcError.invalidParam("trigger", "trigger orders are not supported by the simulator yet");
        }
        final long lots = lots(params, instrument);
        if (params.has("max_show") && Math.abs(params.optDouble("max_show", 0) - instrument.amountUsd(lots)) > 1e-9)
        {
            throw RpcError.invalidParam("max_show", "iceberg orders (max_show below amount) are not supported yet");
        }
        final boolean market = "market".equals(type);
        final long priceTicks = market ? 0 : priceTicks(params, instrument);
        final String timeInForce = params.optString("time_in_force", "good_til_cancelled");
        if (!List.of("good_til_cancelled", "good_til_day", "fill_or_kill", "immediate_or_cancel").contains(timeInForce))
        {
            throw RpcError.invalidParam("time_in_force", "time_in_force must be good_til_cancelled, good_til_day,"
                + " fill_or_kill or immediate_or_cancel but was '" + timeInForce + "'");
        }
        final String label = params.optString("label", "");
        if (label.length() > 64)
        {
            throw RpcError.invalidParam("label", "label must be at most 64 characters but had " + label.length());
        }
        final OrderRequest request = new OrderRequest(instrument.index(), buy, market, lots, priceTicks, timeInForce,
            params.optBoolean("post_only", false), params.optBoolean("reject_post_only", false),
            params.optBoolean("reduce_only", false), label);
        final SimOrder order = engine.place(ownerId, request);
        order.connectionId = connectionId;
        orderWithTrades(w, order);
    }

    /** {@code private/edit}: result {@code {order, trades}}. */
    void edit(final JsonWriter w, final long ownerId, final Params params)
    {
        final long orderId = orderId(params);
        final SimOrder existing = engine.userOrder(orderId);
        if (existing == null)
        {
            throw new RpcError(RpcError.ORDER_NOT_FOUND, "order_not_found", "no order with order_id " + orderId, "order_id");
        }
        final SimInstrument instrument = engine.instruments().get(existing.instrumentIndex);
        final long lots = lots(params, instrument);
        final long priceTicks = params.has("price") ? priceTicks(params, instrument) : existing.priceTicks;
        final SimOrder order = engine.edit(ownerId, orderId, lots, priceTicks,
            params.optBoolean("post_only", existing.postOnly), params.optBoolean("reject_post_only", false));
        orderWithTrades(w, order);
    }

    void cancel(final JsonWriter w, final long ownerId, final Params params)
    {
        DeribitJson.order(w, engine.cancel(ownerId, orderId(params)), engine);
    }

    /** {@code private/cancel_all*}: result is the number of cancelled orders. */
    void cancelAll(final JsonWriter w, final long ownerId, final String currency, final int instrumentIndex)
    {
        w.number(engine.cancelAll(ownerId, currency, instrumentIndex, "user_request"));
    }

    void cancelByLabel(final JsonWriter w, final long ownerId, final Params params)
    {
        final String label = params.requireString("label");
        final String currency = optionalCurrency(params);
        int count = 0;
        for (final SimOrder order : engine.openOrders(ownerId))
        {
            if (label.equals(order.label) && matchesCurrency(order, currency))
            {
                engine.cancel(ownerId, order.orderId);
                count++;
            }
        }
        w.number(count);
    }

    void openOrders(final JsonWriter w, final long ownerId, final String currency, final int instrumentIndex,
        final String label)
    {
        w.beginArray();
        for (final SimOrder order : engine.openOrders(ownerId))
        {
            if (matchesCurrency(order, currency)
                && (instrumentIndex < 0 || order.instrumentIndex == instrumentIndex)
                && (label == null || label.equals(order.label)))
            {
                DeribitJson.order(w, order, engine);
            }
        }
        w.endArray();
    }

    /** {@code private/get_order_state_by_label}: the owner's orders with that label, open or recently closed. */
    void orderStatesByLabel(final JsonWriter w, final long ownerId, final String currency, final String label)
    {
        w.beginArray();
        for (final SimOrder order : engine.userOrders(ownerId))
        {
            if (matchesCurrency(order, currency) && label.equals(order.label))
            {
                DeribitJson.order(w, order, engine);
            }
        }
        w.endArray();
    }

    void orderState(final JsonWriter w, final long ownerId, final Params params)
    {
        final long orderId = orderId(params);
        final SimOrder order = engine.userOrder(orderId);
        if (order == null || order.ownerId != ownerId)
        {
            throw new RpcError(RpcError.ORDER_NOT_FOUND, "order_not_found", "no order with order_id " + orderId, "order_id");
        }
        DeribitJson.order(w, order, engine);
    }

    void positions(final JsonWriter w, final long ownerId, final Params params)
    {
        final String currency = requireCurrencyOrAny(params);
        final String kind = params.optString("kind", "any");
        if (!List.of("any", "future", "option", "spot", "future_combo", "option_combo").contains(kind))
        {
            throw RpcError.invalidParam("kind", "kind must be any, future or option but was '" + kind + "'");
        }
        w.beginArray();
        if ("any".equals(kind) || "future".equals(kind) || "option".equals(kind))
        {
            for (final SimInstrument instrument : engine.instruments())
            {
                if (currency != null && !currency.equals(instrument.currency())
                    || !"any".equals(kind) && !kind.equals(instrument.kind()))
                {
                    continue;
                }
                final Account account = engine.account(ownerId, instrument.currency());
                if (account.position(instrument.index()).sizeLots() != 0)
                {
                    DeribitJson.position(w, account, instrument, engine, market);
                }
            }
        }
        w.endArray();
    }

    void position(final JsonWriter w, final long ownerId, final Params params)
    {
        final SimInstrument instrument = instrument(params.requireString("instrument_name"));
        DeribitJson.position(w, engine.account(ownerId, instrument.currency()), instrument, engine, market);
    }

    void accountSummary(final JsonWriter w, final long ownerId, final Params params)
    {
        final String currency = params.requireString("currency");
        final Account account = engine.account(ownerId, currency);
        if (account == null)
        {
            throw RpcError.invalidParam("currency", "unknown currency '" + currency + "'; listed: " + currencies());
        }
        DeribitJson.accountSummary(w, account, engine, market, username);
    }

    SimInstrument instrument(final String name)
    {
        for (final SimInstrument instrument : engine.instruments())
        {
            if (instrument.name().equals(name))
            {
                return instrument;
            }
        }
        throw new RpcError(RpcError.INVALID_INSTRUMENT, "invalid_or_unsupported_instrument",
            "unknown instrument '" + name + "'; call public/get_instruments", "instrument_name");
    }

    String optionalCurrency(final Params params)
    {
        final String currency = params.optString("currency", null);
        if (currency == null || "any".equals(currency))
        {
            return null;
        }
        if (engine.currencyIndex(currency) < 0)
        {
            throw RpcError.invalidParam("currency", "unknown currency '" + currency + "'; listed: " + currencies());
        }
        return currency;
    }

    String requireCurrencyOrAny(final Params params)
    {
        params.requireString("currency");
        return optionalCurrency(params);
    }

    private void orderWithTrades(final JsonWriter w, final SimOrder order)
    {
        w.beginObject();
        w.name("order");
        DeribitJson.order(w, order, engine);
        w.name("trades").beginArray();
        for (final Execution execution : engine.lastExecutions())
        {
            if (execution.taker() == order)
            {
                DeribitJson.userTrade(w, execution, false);
            }
            else if (execution.maker() == order)
            {
                DeribitJson.userTrade(w, execution, true);
            }
        }
        w.endArray();
        w.endObject();
    }

    private static long orderId(final Params params)
    {
        final String text = params.requireString("order_id");
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new RpcError(10025, "invalid_order_id", "order_id must be an id returned by private/buy or"
                + " private/sell but was '" + text + "'", "order_id");
        }
    }

    private static long lots(final Params params, final SimInstrument instrument)
    {
        final boolean hasAmount = params.has("amount");
        final boolean hasContracts = params.has("contracts");
        if (!hasAmount && !hasContracts)
        {
            throw RpcError.invalidParam("amount", "amount (USD for futures, coin for options) or contracts is required");
        }
        long lots = -1;
        if (hasAmount)
        {
            final double amount = params.requireDouble("amount");
            final double contracts = amount / instrument.contractSizeUsd();
            if (!(amount > 0))
            {
                throw new RpcError(RpcError.INVALID_AMOUNT, "invalid_amount", "amount must be > 0 but was " + amount, "amount");
            }
            if (Math.abs(contracts - Math.rint(contracts)) > 1e-9)
            {
                throw RpcError.invalidParam("amount", "amount " + amount + " of " + instrument.name()
                    + " must be a multiple of " + instrument.contractSizeUsd() + (instrument.isOption() ? " coin" : " USD"));
            }
            lots = Math.round(contracts);
        }
        if (hasContracts)
        {
            final double contracts = params.requireDouble("contracts");
            // Options: contract size 1 coin, so contracts = amount in coin, in steps of the 0.1 minimum amount.
            final double contractLots = instrument.isOption() ? contracts / instrument.contractSizeUsd() : contracts;
            if (!(contracts > 0) || Math.abs(contractLots - Math.rint(contractLots)) > 1e-9)
            {
                throw new RpcError(10027, "non_integer_contract_amount", "contracts must be a positive "
                    + (instrument.isOption() ? "multiple of " + instrument.contractSizeUsd() : "whole number")
                    + " but was " + contracts, "contracts");
            }
            final long fromContracts = Math.round(contractLots);
            if (lots >= 0 && lots != fromContracts)
            {
                throw RpcError.invalidParam("contracts", "amount and contracts disagree: amount is " + lots
                    + " lots but contracts is " + fromContracts + " lots");
            }
            lots = fromContracts;
        }
        if (lots < 1)
        {
            throw new RpcError(RpcError.QTY_TOO_LOW, "qty_too_low", "amount must be at least "
                + instrument.contractSizeUsd() + (instrument.isOption() ? " coin" : " USD (one contract)"), "amount");
        }
        return lots;
    }

    private static long priceTicks(final Params params, final SimInstrument instrument)
    {
        if (!params.has("price"))
        {
            throw RpcError.invalidParam("price", "a limit order needs a price");
        }
        final double price = params.requireDouble("price");
        if (!(price > 0))
        {
            throw new RpcError(RpcError.INVALID_PRICE, "invalid_price", "price must be > 0 but was " + price, "price");
        }
        final long ticks = instrument.ticksOf(price);
        if (ticks == Long.MIN_VALUE)
        {
            throw new RpcError(RpcError.PRICE_WRONG_TICK, "price_wrong_tick", "price " + price + " of "
                + instrument.name() + " is not a multiple of the tick size " + instrument.tickSize(), "price");
        }
        return ticks;
    }

    private boolean matchesCurrency(final SimOrder order, final String currency)
    {
        return currency == null || currency.equals(engine.instruments().get(order.instrumentIndex).currency());
    }

    private List<String> currencies()
    {
        return engine.underlyings().stream().map(u -> u.currency()).toList();
    }
}
