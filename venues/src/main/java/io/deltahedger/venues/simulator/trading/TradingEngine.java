package io.deltahedger.venues.simulator.trading;

import io.deltahedger.config.time.EpochClock;
import io.deltahedger.venues.simulator.account.Account;
import io.deltahedger.venues.simulator.book.OrderBook;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.market.UnderlyingSpec;
import io.deltahedger.venues.simulator.rpc.RpcError;

import java.util.ArrayList;
import java.util.List;

/**
 * The matching engine and risk stage of the simulator: validates orders against the book and the account
 * (standard margin), matches them with price-time priority, books fills with maker/taker fees into accounts and
 * places the liquidation orders of the {@link Liquidator}. Single-threaded: the exchange thread.
 *
 * <p>Refusals are Deribit error replies ({@link RpcError} with Deribit's code), raised before any state changes.
 */
public final class TradingEngine
{
    /** Owner id of the simulated market maker providing the resting liquidity. */
    public static final long MARKET_MAKER = 0;


    private final List<SimInstrument> instruments;
    private final List<UnderlyingSpec> underlyings;
    private final OrderBook[] books;
    private final double[] marks;
    private final double[] indexPrices;
    private final EpochClock clock;
    private final EngineListener listener;
    private final AccountRegistry accounts;
    private final OrderStore userOrders = new OrderStore();
    private final InstrumentStats stats;
    private final List<Execution> executions = new ArrayList<>();
    private final OptionExpiry optionExpiry;
    private long nextOrderId = 1;
    private final FillBooking fills;

    /**
     * @param marks       mark price per instrument index, USD, maintained by the market; read here.
     * @param indexPrices index price per instrument index, USD, maintained by the market; read here.
     * @param underlyingPrices forward per instrument index (options' underlying price), USD, maintained by the
     *                    market; read here for the option margin.
     */
    public TradingEngine(
        final List<SimInstrument> instruments,
        final List<UnderlyingSpec> underlyings,
        final double[] marks,
        final double[] indexPrices,
        final double[] underlyingPrices,
        final EpochClock clock,
        final EngineListener listener)
    {
        this.instruments = List.copyOf(instruments);
        this.underlyings = List.copyOf(underlyings);
        this.marks = marks;
        this.indexPrices = indexPrices;
        this.clock = clock;
        this.listener = listener;
        this.books = new OrderBook[instruments.size()];
        for (int i = 0; i < books.length; i++)
        {
            books[i] = new OrderBook(1_000L * (i + 1));
        }
        this.stats = new InstrumentStats(books.length);
        this.accounts = new AccountRegistry(this.instruments, this.underlyings, underlyingPrices);
        this.fills = new FillBooking(this.instruments, accounts, marks, indexPrices, clock, stats, executions, userOrders,
            listener);
        this.optionExpiry = new OptionExpiry(this);
        openAccounts(MARKET_MAKER, true);
    }

    /**
     * Creates the owner's accounts (one per currency) if they do not exist yet.
     */
    public void openAccounts(final long ownerId, final boolean unlimited)
    {
        accounts.open(ownerId, unlimited);
    }

    public List<SimInstrument> instruments()
    {
        return instruments;
    }

    public List<UnderlyingSpec> underlyings()
    {
        return underlyings;
    }

    public OrderBook book(final int instrumentIndex)
    {
        return books[instrumentIndex];
    }

    public double mark(final int instrumentIndex)
    {
        return marks[instrumentIndex];
    }

    public double[] marks()
    {
        return marks;
    }

    public double indexPrice(final int instrumentIndex)
    {
        return indexPrices[instrumentIndex];
    }

    /** Settlement of expired options. */
    public OptionExpiry optionExpiry()
    {
        return optionExpiry;
    }

    /** Trade statistics per instrument (last, high, low, volume). */
    public InstrumentStats stats()
    {
        return stats;
    }

    /** Open interest in the amount unit (USD for futures, coin for options): the sum of long positions. */
    public double openInterestUsd(final int instrumentIndex)
    {
        return accounts.openInterest(instrumentIndex);
    }

    /**
     * @return the owner's account in the currency, or null if either is unknown.
     */
    public Account account(final long ownerId, final String currency)
    {
        return accounts.account(ownerId, currency);
    }

    public int currencyIndex(final String currency)
    {
        return accounts.currencyIndex(currency);
    }

    /** The trades produced by the last {@link #place}, {@link #edit} or liquidation call. */
    public List<Execution> lastExecutions()
    {
        return executions;
    }

    public SimOrder userOrder(final long orderId)
    {
        return userOrders.get(orderId);
    }

    /**
     * Every order of an owner the store still holds (open ones and the most recent
     * {@value OrderStore#CLOSED_ORDERS_KEPT} closed ones), oldest first: for tests that audit what a client sent.
     */
    public List<SimOrder> userOrders(final long ownerId)
    {
        return userOrders.orders(ownerId);
    }

    /** All open orders of an owner, oldest first. */
    public List<SimOrder> openOrders(final long ownerId)
    {
        return userOrders.openOrders(ownerId);
    }

    /**
     * Validates, risk-checks, matches and (if it should) rests one order.
     *
     * @throws RpcError with Deribit's code when the order is refused; nothing has changed then.
     */
    public SimOrder place(final long ownerId, final OrderRequest request)
    {
        return place(ownerId, request, false);
    }

    private SimOrder place(final long ownerId, final OrderRequest request, final boolean liquidation)
    {
        executions.clear();
        final SimInstrument instrument = instruments.get(request.instrumentIndex());
        final OrderBook book = books[instrument.index()];
        final Account account = accounts.require(ownerId, instrument.currency());
        final long now = clock.epochMs();
        if (now >= instrument.expirationMs())
        {
            throw new RpcError(RpcError.BOOK_CLOSED, "book_closed",
                instrument.name() + " expired at " + instrument.expirationMs() + "; trade a later expiry", "instrument_name");
        }
        long lots = request.lots();
        long priceTicks = request.priceTicks();
        if (request.reduceOnly())
        {
            final long size = account.position(instrument.index()).sizeLots();
            final boolean reduces = request.buy() ? size < 0 : size > 0;
            if (!reduces)
            {
                throw new RpcError(RpcError.BAD_REQUEST, "bad_request", "reduce_only " + (request.buy() ? "buy" : "sell")
                    + " on " + instrument.name() + " would not reduce the position of " + size + " contracts", "reduce_only");
            }
            lots = Math.min(lots, Math.abs(size));
        }
        if (!request.market())
        {
            PriceBand.check(instrument, request.buy(), priceTicks, marks[instrument.index()]);
            if (request.postOnly() && book.wouldCross(request.buy(), priceTicks))
            {
                if (request.rejectPostOnly())
                {
                    throw new RpcError(RpcError.POST_ONLY_REJECT, "post_only_reject",
                        "post_only order at " + instrument.price(priceTicks) + " would take liquidity", "price");
                }
                priceTicks = request.buy() ? book.bestPriceTicks(false) - 1 : book.bestPriceTicks(true) + 1;
                if (priceTicks < 1)
                {
                    throw new RpcError(RpcError.POST_ONLY_REJECT, "post_only_reject", "post_only buy cannot move inside"
                        + " a best ask of one tick (" + instrument.tickSize() + "); lower the price or drop post_only",
                        "price");
                }
            }
        }
        else
        {
            priceTicks = request.buy() ? Long.MAX_VALUE : 1;
        }
        if (!account.isUnlimited() && !liquidation && !request.reduceOnly())
        {
            checkFunds(account, instrument, request.buy(), lots);
        }
        if ("fill_or_kill".equals(request.timeInForce()) && book.lotsUpTo(request.buy(), priceTicks) < lots)
        {
            final SimOrder killed = newOrder(ownerId, request, lots, priceTicks, now, liquidation);
            killed.state = SimOrder.CANCELLED;
            killed.cancelReason = "fok";
            trackUserOrder(killed);
            return killed;
        }

        final SimOrder order = newOrder(ownerId, request, lots, priceTicks, now, liquidation);
        book.match(order, fills);
        if (order.remainingLots() > 0)
        {
            final boolean rests = !request.market()
                && !"immediate_or_cancel".equals(request.timeInForce())
                && !"fill_or_kill".equals(request.timeInForce());
            if (rests)
            {
                book.rest(order);
                account.addOpenOrder(instrument.index(), order.buy, order.remainingLots());
            }
            else
            {
                order.state = SimOrder.CANCELLED;
                order.cancelReason = request.market() ? "market_remainder" : "immediate_or_cancel";
            }
        }
        order.lastUpdateMs = now;
        trackUserOrder(order);
        return order;
    }

    /**
     * Market-maker quoting: places a resting limit order for the {@link #MARKET_MAKER}; it trades with any user order
     * it crosses before resting.
     */
    public SimOrder placeMarketMakerOrder(final int instrumentIndex, final boolean buy, final long priceTicks, final long lots)
    {
        return placeMarketMakerOrder(new SimOrder(), instrumentIndex, buy, priceTicks, lots);
    }

    /**
     * As {@link #placeMarketMakerOrder(int, boolean, long, long)}, reusing an order object that no longer rests and
     * is referenced by no pending notification (the market maker recycles its own quotes to stay allocation-free).
     */
    public SimOrder placeMarketMakerOrder(final SimOrder order, final int instrumentIndex, final boolean buy,
        final long priceTicks, final long lots)
    {
        if (order.isResting())
        {
            throw new IllegalStateException("order " + order.orderId + " still rests; it cannot be reused");
        }
        order.filledLots = 0;
        order.filledTickLots = 0;
        order.cancelReason = null;
        order.state = SimOrder.OPEN;
        order.commission = 0;
        order.orderId = nextOrderId++;
        order.ownerId = MARKET_MAKER;
        order.instrumentIndex = instrumentIndex;
        order.buy = buy;
        order.priceTicks = priceTicks;
        order.amountLots = lots;
        order.creationMs = clock.epochMs();
        order.lastUpdateMs = order.creationMs;
        order.label = "";
        final OrderBook book = books[instrumentIndex];
        book.match(order, fills);
        if (order.remainingLots() > 0)
        {
            book.rest(order);
        }
        return order;
    }

    /** Cancels a market-maker order if it still rests. */
    public void cancelMarketMakerOrder(final SimOrder order)
    {
        if (order.isResting())
        {
            books[order.instrumentIndex].remove(order);
            order.state = SimOrder.CANCELLED;
        }
    }

    /**
     * Cancels one open order of the owner.
     */
    public SimOrder cancel(final long ownerId, final long orderId)
    {
        final SimOrder order = userOrders.requireOwn(ownerId, orderId);
        if (!SimOrder.OPEN.equals(order.state))
        {
            throw new RpcError(RpcError.NOT_OPEN_ORDER, "not_open_order",
                "order " + orderId + " is " + order.state + ", only open orders can be cancelled", "order_id");
        }
        cancelResting(order, "user_request");
        return order;
    }

    /**
     * Cancels all open orders of the owner, optionally of one currency or instrument only.
     *
     * @return how many were cancelled.
     */
    public int cancelAll(final long ownerId, final String currency, final int instrumentIndex, final String reason)
    {
        int count = 0;
        for (final SimOrder order : openOrders(ownerId))
        {
            final SimInstrument instrument = instruments.get(order.instrumentIndex);
            if ((currency == null || currency.equals(instrument.currency()))
                && (instrumentIndex < 0 || instrumentIndex == order.instrumentIndex))
            {
                cancelResting(order, reason);
                count++;
            }
        }
        return count;
    }

    /**
     * Cancel-on-disconnect: cancels the open orders the given connection created.
     *
     * @return how many were cancelled.
     */
    public int cancelAllOfConnection(final long ownerId, final long connectionId)
    {
        int count = 0;
        for (final SimOrder order : openOrders(ownerId))
        {
            if (order.connectionId == connectionId)
            {
                cancelResting(order, "cancel_on_disconnect");
                count++;
            }
        }
        return count;
    }

    /**
     * Changes the amount and/or price of an open order. Lowering only the amount keeps time priority; anything else
     * re-enters the book at the back (and may trade at once).
     *
     * @param newLots       the new total amount in contracts (including what is already filled).
     * @param newPriceTicks the new price in ticks.
     */
    public SimOrder edit(final long ownerId, final long orderId, final long newLots, final long newPriceTicks,
        final boolean postOnly, final boolean rejectPostOnly)
    {
        executions.clear();
        final SimOrder order = userOrders.requireOwn(ownerId, orderId);
        if (!SimOrder.OPEN.equals(order.state) || !order.isResting())
        {
            throw new RpcError(RpcError.NOT_OPEN_ORDER, "not_open_order",
                "order " + orderId + " is " + order.state + ", only open orders can be edited", "order_id");
        }
        if (newLots <= order.filledLots)
        {
            throw new RpcError(RpcError.INVALID_AMOUNT, "invalid_amount", "new amount of " + newLots
                + " contracts must exceed the " + order.filledLots + " already filled", "amount");
        }
        final SimInstrument instrument = instruments.get(order.instrumentIndex);
        final OrderBook book = books[order.instrumentIndex];
        final Account account = accounts.require(ownerId, instrument.currency());
        PriceBand.check(instrument, order.buy, newPriceTicks, marks[instrument.index()]);
        long priceTicks = newPriceTicks;
        if (postOnly && priceTicks != order.priceTicks && book.wouldCross(order.buy, priceTicks))
        {
            if (rejectPostOnly)
            {
                throw new RpcError(RpcError.POST_ONLY_REJECT, "post_only_reject",
                    "post_only edit to " + instrument.price(priceTicks) + " would take liquidity", "price");
            }
            priceTicks = order.buy ? book.bestPriceTicks(false) - 1 : book.bestPriceTicks(true) + 1;
        }
        final long addedLots = newLots - order.amountLots;
        if (addedLots > 0 && !account.isUnlimited())
        {
            checkFunds(account, instrument, order.buy, addedLots);
        }
        order.replaced = true;
        order.lastUpdateMs = clock.epochMs();
        if (priceTicks == order.priceTicks && newLots <= order.amountLots)
        {
            if (newLots < order.amountLots)
            {
                account.addOpenOrder(order.instrumentIndex, order.buy, newLots - order.amountLots);
                book.reduceInPlace(order, newLots);
            }
            listener.onOrderUpdated(order);
            return order;
        }
        account.addOpenOrder(order.instrumentIndex, order.buy, -order.remainingLots());
        book.remove(order);
        order.amountLots = newLots;
        order.priceTicks = priceTicks;
        book.match(order, fills);
        if (order.remainingLots() > 0)
        {
            book.rest(order);
            account.addOpenOrder(order.instrumentIndex, order.buy, order.remainingLots());
        }
        else
        {
            userOrders.retire(order);
        }
        listener.onOrderUpdated(order);
        return order;
    }

    /**
     * Places a liquidation order: a reduce-only market order flagged {@code is_liquidation}, charged the
     * liquidation fee, never margin-checked. Used by {@link Liquidator}.
     */
    SimOrder placeLiquidation(final long ownerId, final int instrumentIndex, final boolean buy, final long lots)
    {
        return place(ownerId, new OrderRequest(instrumentIndex, buy, true, lots, 0, "immediate_or_cancel", false, false,
            true, ""), true);
    }

    /**
     * Empties a book: user orders are cancelled with {@code reason}, market-maker quotes withdrawn. Used at expiry.
     */
    void closeBook(final int instrumentIndex, final String reason)
    {
        final OrderBook book = books[instrumentIndex];
        for (int side = 0; side < 2; side++)
        {
            SimOrder order;
            while ((order = book.bestOrder(side == 0)) != null)
            {
                if (order.ownerId == MARKET_MAKER)
                {
                    cancelMarketMakerOrder(order);
                }
                else
                {
                    cancelResting(order, reason);
                }
            }
        }
    }

    /** Whether the instrument has expired at the engine's clock (it then refuses orders). */
    public boolean isExpired(final SimInstrument instrument)
    {
        return clock.epochMs() >= instrument.expirationMs();
    }

    /** Every account of every owner, the market maker's included. */
    Iterable<Account[]> allAccounts()
    {
        return accounts.all();
    }

    private void checkFunds(final Account account, final SimInstrument instrument, final boolean buy, final long lots)
    {
        final double before = account.initialMargin(marks);
        final double after = account.initialMarginWith(instrument.index(), buy, lots, marks);
        final double marginBalance = account.marginBalance(marks);
        if (after > before && after > marginBalance)
        {
            throw new RpcError(RpcError.NOT_ENOUGH_FUNDS, "not_enough_funds", String.format(java.util.Locale.ROOT,
                "order would need initial margin %.8f %s but the margin balance is %.8f; reduce the amount or add funds",
                after, account.currency(), marginBalance), "amount");
        }
    }


    /** Deribit's {@code max_price}: no buy above it (see {@link PriceBand}). */
    public long maxPriceTicks(final SimInstrument instrument)
    {
        return PriceBand.maxPriceTicks(instrument, marks[instrument.index()]);
    }

    /** Deribit's {@code min_price}: no sell below it. */
    public long minPriceTicks(final SimInstrument instrument)
    {
        return PriceBand.minPriceTicks(instrument, marks[instrument.index()]);
    }

    private SimOrder newOrder(final long ownerId, final OrderRequest request, final long lots, final long priceTicks,
        final long now, final boolean liquidation)
    {
        final SimOrder order = new SimOrder();
        order.orderId = nextOrderId++;
        order.ownerId = ownerId;
        order.instrumentIndex = request.instrumentIndex();
        order.buy = request.buy();
        order.market = request.market();
        order.priceTicks = priceTicks;
        order.amountLots = lots;
        order.timeInForce = request.timeInForce();
        order.postOnly = request.postOnly();
        order.reduceOnly = request.reduceOnly();
        order.label = request.label() == null ? "" : request.label();
        order.liquidation = liquidation;
        order.creationMs = now;
        order.lastUpdateMs = now;
        return order;
    }

    private void cancelResting(final SimOrder order, final String reason)
    {
        final SimInstrument instrument = instruments.get(order.instrumentIndex);
        accounts.require(order.ownerId, instrument.currency()).addOpenOrder(order.instrumentIndex, order.buy, -order.remainingLots());
        books[order.instrumentIndex].remove(order);
        order.state = SimOrder.CANCELLED;
        order.cancelReason = reason;
        order.lastUpdateMs = clock.epochMs();
        userOrders.retire(order);
        listener.onOrderUpdated(order);
    }

    private void trackUserOrder(final SimOrder order)
    {
        if (order.ownerId == MARKET_MAKER)
        {
            return;
        }
        userOrders.track(order);
        listener.onOrderUpdated(order);
    }
}
