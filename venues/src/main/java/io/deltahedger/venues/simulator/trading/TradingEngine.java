package io.deltahedger.venues.simulator.trading;

import io.deltahedger.venues.simulator.SimulatorClock;
import io.deltahedger.venues.simulator.account.Account;
import io.deltahedger.venues.simulator.account.Position;
import io.deltahedger.venues.simulator.book.MatchListener;
import io.deltahedger.venues.simulator.book.OrderBook;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.market.UnderlyingSpec;
import io.deltahedger.venues.simulator.rpc.RpcError;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The matching engine and risk stage of the simulator: validates orders against the book and the account
 * (standard margin), matches them with price-time priority, books fills with maker/taker fees into accounts and
 * liquidates accounts whose maintenance margin exceeds their margin balance. Single-threaded: the exchange thread.
 *
 * <p>Refusals are Deribit error replies ({@link RpcError} with Deribit's code), raised before any state changes.
 */
public final class TradingEngine implements MatchListener
{
    /** Owner id of the simulated market maker providing the resting liquidity. */
    public static final long MARKET_MAKER = 0;

    private static final int CLOSED_ORDERS_KEPT = 10_000;
    private static final int MAX_LIQUIDATION_STEPS = 64;

    private final List<SimInstrument> instruments;
    private final List<UnderlyingSpec> underlyings;
    private final OrderBook[] books;
    private final double[] marks;
    private final double[] indexPrices;
    private final SimulatorClock clock;
    private final EngineListener listener;
    private final Map<Long, Account[]> accounts = new HashMap<>();
    private final Map<Long, SimOrder> userOrders = new HashMap<>();
    private final ArrayDeque<Long> closedUserOrders = new ArrayDeque<>();
    private final long[] tradeSeq;
    private final long[] lastTradeTicks;
    private final double[] volumeUsd;
    private final double[] volumeCoin;
    private final long[] highTicks;
    private final long[] lowTicks;
    private final List<Execution> executions = new ArrayList<>();
    private long nextOrderId = 1;
    private long nextTradeId = 1;

    /**
     * @param marks       mark price per instrument index, USD, maintained by the market; read here.
     * @param indexPrices index price per instrument index, USD, maintained by the market; read here.
     */
    public TradingEngine(
        final List<SimInstrument> instruments,
        final List<UnderlyingSpec> underlyings,
        final double[] marks,
        final double[] indexPrices,
        final SimulatorClock clock,
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
        this.tradeSeq = new long[books.length];
        this.lastTradeTicks = new long[books.length];
        this.volumeUsd = new double[books.length];
        this.volumeCoin = new double[books.length];
        this.highTicks = new long[books.length];
        this.lowTicks = new long[books.length];
        java.util.Arrays.fill(lowTicks, Long.MAX_VALUE);
        openAccounts(MARKET_MAKER, true);
    }

    /**
     * Creates the owner's accounts (one per currency) if they do not exist yet.
     */
    public void openAccounts(final long ownerId, final boolean unlimited)
    {
        accounts.computeIfAbsent(ownerId, id ->
        {
            final Account[] byCurrency = new Account[underlyings.size()];
            for (int i = 0; i < byCurrency.length; i++)
            {
                byCurrency[i] = new Account(id, underlyings.get(i), instruments, unlimited);
            }
            return byCurrency;
        });
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

    public long lastTradeTicks(final int instrumentIndex)
    {
        return lastTradeTicks[instrumentIndex];
    }

    public double volumeUsd(final int instrumentIndex)
    {
        return volumeUsd[instrumentIndex];
    }

    public double volumeCoin(final int instrumentIndex)
    {
        return volumeCoin[instrumentIndex];
    }

    public long highTicks(final int instrumentIndex)
    {
        return highTicks[instrumentIndex];
    }

    public long lowTicks(final int instrumentIndex)
    {
        return lowTicks[instrumentIndex] == Long.MAX_VALUE ? 0 : lowTicks[instrumentIndex];
    }

    /** Open interest in USD: the sum of long positions over all owners. */
    public double openInterestUsd(final int instrumentIndex)
    {
        final int currency = currencyIndex(instruments.get(instrumentIndex).currency());
        double total = 0.0;
        for (final Account[] byCurrency : accounts.values())
        {
            final double size = byCurrency[currency].position(instrumentIndex).sizeUsd();
            total += Math.max(0.0, size);
        }
        return total;
    }

    /**
     * @return the owner's account in the currency, or null if either is unknown.
     */
    public Account account(final long ownerId, final String currency)
    {
        final Account[] byCurrency = accounts.get(ownerId);
        final int index = currencyIndex(currency);
        return byCurrency == null || index < 0 ? null : byCurrency[index];
    }

    public int currencyIndex(final String currency)
    {
        for (int i = 0; i < underlyings.size(); i++)
        {
            if (underlyings.get(i).currency().equals(currency))
            {
                return i;
            }
        }
        return -1;
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

    /** All open orders of an owner, oldest first. */
    public List<SimOrder> openOrders(final long ownerId)
    {
        final List<SimOrder> result = new ArrayList<>();
        for (final SimOrder order : userOrders.values())
        {
            if (order.ownerId == ownerId && SimOrder.OPEN.equals(order.state))
            {
                result.add(order);
            }
        }
        result.sort((a, b) -> Long.compare(a.orderId, b.orderId));
        return result;
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
        final Account account = requireAccount(ownerId, instrument.currency());
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
            checkPriceBand(instrument, request.buy(), priceTicks);
            if (request.postOnly() && book.wouldCross(request.buy(), priceTicks))
            {
                if (request.rejectPostOnly())
                {
                    throw new RpcError(RpcError.POST_ONLY_REJECT, "post_only_reject",
                        "post_only order at " + instrument.price(priceTicks) + " would take liquidity", "price");
                }
                priceTicks = request.buy() ? book.bestPriceTicks(false) - 1 : book.bestPriceTicks(true) + 1;
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
        if ("fill_or_kill".equals(request.timeInForce()) && availableLots(book, request.buy(), priceTicks) < lots)
        {
            final SimOrder killed = newOrder(ownerId, request, lots, priceTicks, now, liquidation);
            killed.state = SimOrder.CANCELLED;
            killed.cancelReason = "fok";
            trackUserOrder(killed);
            return killed;
        }

        final SimOrder order = newOrder(ownerId, request, lots, priceTicks, now, liquidation);
        book.match(order, this);
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
        final SimOrder order = new SimOrder();
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
        book.match(order, this);
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
        final SimOrder order = requireOwnOrder(ownerId, orderId);
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
        final SimOrder order = requireOwnOrder(ownerId, orderId);
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
        final Account account = requireAccount(ownerId, instrument.currency());
        checkPriceBand(instrument, order.buy, newPriceTicks);
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
        book.match(order, this);
        if (order.remainingLots() > 0)
        {
            book.rest(order);
            account.addOpenOrder(order.instrumentIndex, order.buy, order.remainingLots());
        }
        else
        {
            retire(order);
        }
        listener.onOrderUpdated(order);
        return order;
    }

    /**
     * Liquidates every user account whose maintenance margin exceeds its margin balance: cancels its open orders,
     * then closes positions incrementally (a fifth of the largest position at a time, at least one contract) with
     * market orders flagged {@code is_liquidation}, charging the liquidation fee, until MM &lt;= margin balance.
     *
     * @return the number of liquidation orders sent.
     */
    public int liquidateUnderwaterAccounts()
    {
        int sent = 0;
        for (final Account[] byCurrency : accounts.values())
        {
            for (final Account account : byCurrency)
            {
                if (account.isUnlimited() || account.maintenanceMargin(marks) <= account.marginBalance(marks))
                {
                    continue;
                }
                cancelAll(account.ownerId(), account.currency(), -1, "liquidation");
                for (int step = 0; step < MAX_LIQUIDATION_STEPS
                    && account.maintenanceMargin(marks) > account.marginBalance(marks); step++)
                {
                    final int largest = largestPosition(account);
                    if (largest < 0)
                    {
                        break;
                    }
                    final long size = account.position(largest).sizeLots();
                    final long lots = Math.max(1, Math.abs(size) / 5);
                    place(account.ownerId(), new OrderRequest(
                        largest, size < 0, true, lots, 0, "immediate_or_cancel", false, false, true, ""), true);
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Whether the owner is being liquidated right now (MM above margin balance in some currency). */
    public boolean isUnderwater(final long ownerId)
    {
        final Account[] byCurrency = accounts.get(ownerId);
        if (byCurrency == null)
        {
            return false;
        }
        for (final Account account : byCurrency)
        {
            if (!account.isUnlimited() && account.maintenanceMargin(marks) > account.marginBalance(marks))
            {
                return true;
            }
        }
        return false;
    }

    public void onMatch(final SimOrder maker, final SimOrder taker, final long priceTicks, final long lots)
    {
        final SimInstrument instrument = instruments.get(taker.instrumentIndex);
        final int index = instrument.index();
        final double price = instrument.price(priceTicks);
        final double coin = instrument.amountUsd(lots) / price;
        final Account makerAccount = requireAccount(maker.ownerId, instrument.currency());
        final Account takerAccount = requireAccount(taker.ownerId, instrument.currency());
        final double makerFee = coin * instrument.makerCommission();
        final double takerFee = coin * (taker.liquidation ? takerAccount.spec().liquidationFee() : instrument.takerCommission());
        makerAccount.addOpenOrder(index, maker.buy, -lots);
        final double makerPnl = makerAccount.applyFill(index, maker.buy, lots, price, makerFee);
        final double takerPnl = takerAccount.applyFill(index, taker.buy, lots, price, takerFee);
        maker.commission += makerFee;
        taker.commission += takerFee;
        final long now = clock.epochMs();
        maker.lastUpdateMs = now;
        taker.lastUpdateMs = now;

        final long previous = lastTradeTicks[index];
        final int tickDirection = previous == 0 || priceTicks > previous ? 0 : priceTicks < previous ? 2 : 1;
        lastTradeTicks[index] = priceTicks;
        highTicks[index] = Math.max(highTicks[index], priceTicks);
        lowTicks[index] = Math.min(lowTicks[index], priceTicks);
        volumeUsd[index] += instrument.amountUsd(lots);
        volumeCoin[index] += coin;
        final Execution execution = new Execution(nextTradeId++, ++tradeSeq[index], instrument, now, priceTicks, lots,
            maker, taker, makerFee, takerFee, makerPnl, takerPnl, indexPrices[index], marks[index], tickDirection);
        executions.add(execution);
        listener.onExecution(execution);
        if (maker.ownerId != MARKET_MAKER)
        {
            if (!SimOrder.OPEN.equals(maker.state))
            {
                retire(maker);
            }
            listener.onOrderUpdated(maker);
        }
    }

    public void onSelfTradeCancelled(final SimOrder maker)
    {
        final SimInstrument instrument = instruments.get(maker.instrumentIndex);
        requireAccount(maker.ownerId, instrument.currency()).addOpenOrder(maker.instrumentIndex, maker.buy, -maker.remainingLots());
        maker.lastUpdateMs = clock.epochMs();
        if (maker.ownerId != MARKET_MAKER)
        {
            retire(maker);
            listener.onOrderUpdated(maker);
        }
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

    private void checkPriceBand(final SimInstrument instrument, final boolean buy, final long priceTicks)
    {
        final double price = instrument.price(priceTicks);
        final double mark = marks[instrument.index()];
        if (buy && price > maxPrice(mark))
        {
            throw new RpcError(10007, "price_too_high", "buy price " + price + " is above max_price "
                + instrument.price(maxPriceTicks(instrument)), "price");
        }
        if (!buy && price < minPrice(mark))
        {
            throw new RpcError(10005, "price_too_low", "sell price " + price + " is below min_price "
                + instrument.price(minPriceTicks(instrument)), "price");
        }
    }

    /** Deribit's price band: orders may not buy above max_price or sell below min_price (here mark +/- 5 %). */
    public long maxPriceTicks(final SimInstrument instrument)
    {
        return (long)Math.floor(maxPrice(marks[instrument.index()]) / instrument.tickSize());
    }

    public long minPriceTicks(final SimInstrument instrument)
    {
        return (long)Math.ceil(minPrice(marks[instrument.index()]) / instrument.tickSize());
    }

    private static double maxPrice(final double mark)
    {
        return mark * 1.05;
    }

    private static double minPrice(final double mark)
    {
        return mark * 0.95;
    }

    private static long availableLots(final OrderBook book, final boolean buy, final long limitTicks)
    {
        long total = 0;
        for (int i = 0; i < book.levelCount(!buy); i++)
        {
            final long price = book.levelPriceTicks(!buy, i);
            if (buy ? price > limitTicks : price < limitTicks)
            {
                break;
            }
            total += book.levelLots(!buy, i);
        }
        return total;
    }

    private int largestPosition(final Account account)
    {
        int largest = -1;
        double largestCoins = 0.0;
        for (final SimInstrument instrument : instruments)
        {
            if (!account.isPositionIndex(instrument.index()))
            {
                continue;
            }
            final Position position = account.position(instrument.index());
            final double coins = Math.abs(position.sizeUsd()) / marks[instrument.index()];
            if (position.sizeLots() != 0 && coins > largestCoins)
            {
                largest = instrument.index();
                largestCoins = coins;
            }
        }
        return largest;
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
        requireAccount(order.ownerId, instrument.currency()).addOpenOrder(order.instrumentIndex, order.buy, -order.remainingLots());
        books[order.instrumentIndex].remove(order);
        order.state = SimOrder.CANCELLED;
        order.cancelReason = reason;
        order.lastUpdateMs = clock.epochMs();
        retire(order);
        listener.onOrderUpdated(order);
    }

    private void trackUserOrder(final SimOrder order)
    {
        if (order.ownerId == MARKET_MAKER)
        {
            return;
        }
        userOrders.put(order.orderId, order);
        if (!SimOrder.OPEN.equals(order.state))
        {
            retire(order);
        }
        listener.onOrderUpdated(order);
    }

    /** Remembers a closed user order for queries, forgetting the oldest beyond {@value #CLOSED_ORDERS_KEPT}. */
    private void retire(final SimOrder order)
    {
        closedUserOrders.addLast(order.orderId);
        while (closedUserOrders.size() > CLOSED_ORDERS_KEPT)
        {
            userOrders.remove(closedUserOrders.removeFirst());
        }
    }

    private SimOrder requireOwnOrder(final long ownerId, final long orderId)
    {
        final SimOrder order = userOrders.get(orderId);
        if (order == null)
        {
            throw new RpcError(RpcError.ORDER_NOT_FOUND, "order_not_found", "no order with order_id " + orderId, "order_id");
        }
        if (order.ownerId != ownerId)
        {
            throw new RpcError(RpcError.NOT_OWNER_OF_ORDER, "not_owner_of_order",
                "order " + orderId + " belongs to another account", "order_id");
        }
        return order;
    }

    private Account requireAccount(final long ownerId, final String currency)
    {
        final Account account = account(ownerId, currency);
        if (account == null)
        {
            throw new IllegalStateException("no " + currency + " account for owner " + ownerId);
        }
        return account;
    }
}
