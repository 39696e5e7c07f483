package io.deltahedger.backtest.venue;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.marketdata.Trades;
import io.deltahedger.venues.order.AmendRequest;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.TimeInForce;

/**
 * The matching of a {@link SimulatedVenue}: an arriving order or amend against the book at the arrival time (validation
 * in the venue's order: duplicate id, instrument, amount, band, post-only, reduce-only, book; then the walk, then the
 * IOC/FOK remainder or the resting GTC part), and resting orders against replayed trades. See {@link SimulatedVenue}
 * for the rules.
 */
final class Matcher
{
    private final SimulatedVenue venue;
    private final VenueAccount account;
    /** Arrival time of the request being executed (the matcher runs one request at a time, on the replay thread). */
    private long timeMs;
    /** Counts replayed trades, so each resting order gets at most one turn per trade. */
    private long tradeStamp;

    Matcher(final SimulatedVenue venue, final VenueAccount account)
    {
        this.venue = venue;
        this.account = account;
    }

    void place(final OrderRequest request, final long arrivalMs)
    {
        timeMs = arrivalMs;
        if (venue.clientIdUsed(request.clientOrderId()))
        {
            reject(request, RejectReason.INVALID_REQUEST, "duplicate client order id " + request.clientOrderId()
                + ": already used on this account; send a new attempt id");
            return;
        }
        final SimInstrument sim = venue.instrumentOf(request.instrument());
        if (sim == null)
        {
            reject(request, RejectReason.UNKNOWN_INSTRUMENT, "this account does not trade "
                + request.instrument().canonicalId());
            return;
        }
        if (!request.instrument().equals(sim.instrument))
        {
            // The sender's specification is stale; the venue judges the decimal amount against its own.
            final java.math.BigDecimal amount = request.instrument().amountGrid().toDecimal(request.amountLots());
            if (amount.compareTo(sim.instrument.minAmount()) < 0)
            {
                reject(request, RejectReason.INVALID_AMOUNT, "amount " + amount.toPlainString() + " is below the minimum of "
                    + sim.instrument.minAmount().toPlainString() + " " + sim.instrument.amountCurrency());
            }
            else
            {
                reject(request, RejectReason.INVALID_REQUEST, "the order's specification of "
                    + sim.instrument.canonicalId() + " differs from the venue's: refresh the instruments");
            }
            return;
        }
        if (request.type() == OrderType.LIMIT && outsideBand(sim, request.priceTicks()))
        {
            reject(request, RejectReason.INVALID_PRICE, "limit " + sim.price(request.priceTicks()) + " is outside the "
                + venue.cfg().priceBandFraction() + " band around " + sim.bandReference());
            return;
        }
        final Side side = request.side();
        final Side bookSide = side.opposite();
        final boolean crosses = request.type() == OrderType.MARKET || crosses(sim, side, request.priceTicks());
        if (request.postOnly() && crosses)
        {
            reject(request, RejectReason.POST_ONLY_WOULD_CROSS, "post-only " + side + " at " + request.priceTicks()
                + " ticks would cross the best " + (side == Side.BUY ? "ask " : "bid ") + best(sim, bookSide));
            return;
        }
        long wanted = request.amountLots();
        if (request.reduceOnly())
        {
            final long position = sim.positionLots;
            if (position == 0 || Long.signum(position) == side.sign())
            {
                reject(request, RejectReason.POSITION_LIMIT, "reduce-only " + side + " would grow the position of "
                    + position + " lots");
                return;
            }
            wanted = Math.min(wanted, Math.abs(position));
        }
        final boolean immediate = crosses || request.timeInForce() != TimeInForce.GTC;
        if (immediate && !sim.bookUsable())
        {
            reject(request, RejectReason.RETRYABLE, "no usable book for " + sim.instrument.canonicalId()
                + " at arrival (no snapshot yet, or a gap/crossed book)");
            return;
        }
        // Only an accepted order uses up its id: a refused one never traded, so re-sending it (e.g. after RETRYABLE)
        // cannot trade twice.
        venue.useClientId(request.clientOrderId());
        final long limit = request.type() == OrderType.MARKET ? 0 : request.priceTicks();
        final RestingOrder order = new RestingOrder(request, venue.nextVenueOrderId(), sim, limit, request.amountLots(), 0, 0);
        venue.report(SimulatedVenue.statusReport(order, ExecType.ACK, "", timeMs));
        if (crosses)
        {
            if (request.timeInForce() == TimeInForce.FOK && fillable(sim, bookSide, limit, wanted) < request.amountLots())
            {
                venue.report(SimulatedVenue.statusReport(order, ExecType.CANCELED,
                    "fill-or-kill: not enough size within the limit", timeMs));
                return;
            }
            walk(sim, order, bookSide, limit, wanted);
        }
        if (order.leavesLots() == 0)
        {
            return;
        }
        if (request.type() == OrderType.MARKET || request.timeInForce() != TimeInForce.GTC || request.reduceOnly() && crosses)
        {
            venue.report(SimulatedVenue.statusReport(order, ExecType.CANCELED,
                "immediate-or-cancel remainder of " + order.leavesLots() + " lots", timeMs));
            return;
        }
        order.aheadLots = venue.cfg().queuePosition() ? sim.book.sizeAtPrice(side, order.priceTicks) : 0;
        venue.addResting(order);
    }

    void amend(final AmendRequest request, final long arrivalMs)
    {
        timeMs = arrivalMs;
        final RestingOrder order = venue.openOrder(request.clientOrderId());
        if (order == null)
        {
            refuseAmend(request, RejectReason.ORDER_NOT_OPEN, "no open order with this client id");
            return;
        }
        final SimInstrument sim = order.instrument;
        if (request.newAmountLots() <= order.cumLots)
        {
            refuseAmend(request, RejectReason.INVALID_AMOUNT, "new amount " + request.newAmountLots()
                + " lots is not above the filled " + order.cumLots);
            return;
        }
        if (outsideBand(sim, request.newPriceTicks()))
        {
            refuseAmend(request, RejectReason.INVALID_PRICE, "price outside the band");
            return;
        }
        if (crosses(sim, order.request.side(), request.newPriceTicks()))
        {
            refuseAmend(request, order.request.postOnly() ? RejectReason.POST_ONLY_WOULD_CROSS : RejectReason.INVALID_REQUEST,
                "the simulated venue does not execute amends that cross the book; cancel and send a new order");
            return;
        }
        final boolean losesPriority = request.newPriceTicks() != order.priceTicks || request.newAmountLots() > order.amountLots;
        order.priceTicks = request.newPriceTicks();
        order.amountLots = request.newAmountLots();
        if (losesPriority)
        {
            order.aheadLots = venue.cfg().queuePosition() ? sim.book.sizeAtPrice(order.request.side(), order.priceTicks) : 0;
        }
        venue.report(SimulatedVenue.statusReport(order, ExecType.AMENDED, "", timeMs));
    }

    /**
     * Fills resting orders from replayed trades: a trade by a taker on one side fills our orders on the other side whose
     * price it reached (at or through), best price first and in arrival order within a price, at the order's price,
     * maker fee; at the trade's own price the queue ahead (where modelled) trades first.
     */
    void onTrades(final SimInstrument sim, final Trades trades, final long nowMs)
    {
        for (int t = 0, n = trades.count(); t < n && !sim.resting.isEmpty(); t++)
        {
            final long tradePrice = trades.priceTicks(t);
            final Side makerSide = trades.takerSide(t).opposite();
            final long stamp = ++tradeStamp;
            long available = trades.sizeLots(t);
            RestingOrder order;
            while (available > 0 && (order = bestReached(sim, makerSide, tradePrice, stamp)) != null)
            {
                order.tradeStamp = stamp;
                if (order.priceTicks != tradePrice)
                {
                    order.aheadLots = 0;
                }
                else if (order.aheadLots > 0)
                {
                    final long eaten = Math.min(order.aheadLots, available);
                    order.aheadLots -= eaten;
                    available -= eaten;
                }
                final long take = Math.min(available, order.leavesLots());
                if (take > 0)
                {
                    available -= take;
                    order.cumLots += take;
                    account.book(sim, makerSide, take, order.priceTicks, sim.mid(), true, nowMs);
                    final boolean done = order.leavesLots() == 0;
                    if (done)
                    {
                        venue.removeResting(order);
                    }
                    venue.report(SimulatedVenue.fillReport(order, take, order.priceTicks, done, nowMs));
                }
            }
        }
    }

    /**
     * The resting order on {@code makerSide} that a trade at {@code tradePrice} reached and that has not yet had its turn
     * in this trade ({@code stamp}), best price first, earliest first within a price; null if none.
     */
    private static RestingOrder bestReached(final SimInstrument sim, final Side makerSide, final long tradePrice,
                                            final long stamp)
    {
        RestingOrder best = null;
        for (int i = 0, n = sim.resting.size(); i < n; i++)
        {
            final RestingOrder order = sim.resting.get(i);
            if (order.request.side() != makerSide || order.tradeStamp == stamp)
            {
                continue;
            }
            final boolean reached = makerSide == Side.SELL ? tradePrice >= order.priceTicks : tradePrice <= order.priceTicks;
            final boolean better = best == null
                || (makerSide == Side.SELL ? order.priceTicks < best.priceTicks : order.priceTicks > best.priceTicks);
            if (reached && better)
            {
                best = order;
            }
        }
        return best;
    }

    private void walk(final SimInstrument sim, final RestingOrder order, final Side bookSide, final long limit,
                      final long wanted)
    {
        final double mid = sim.mid();
        final Side side = order.request.side();
        long remaining = wanted;
        for (int level = 0, n = sim.book.depth(bookSide); level < n && remaining > 0; level++)
        {
            final long price = sim.book.priceAt(bookSide, level);
            if (limit != 0 && beyond(side, price, limit))
            {
                break;
            }
            final long take = Math.min(remaining, sim.usableLots(bookSide, level));
            if (take == 0)
            {
                continue;
            }
            sim.consumed.consume(bookSide, price, take);
            remaining -= take;
            order.cumLots += take;
            account.book(sim, side, take, price, mid, false, timeMs);
            venue.report(SimulatedVenue.fillReport(order, take, price, order.leavesLots() == 0, timeMs));
        }
    }

    private static long fillable(final SimInstrument sim, final Side bookSide, final long limit, final long wanted)
    {
        long total = 0;
        for (int level = 0, n = sim.book.depth(bookSide); level < n && total < wanted; level++)
        {
            if (limit != 0 && beyond(bookSide.opposite(), sim.book.priceAt(bookSide, level), limit))
            {
                break;
            }
            total += sim.usableLots(bookSide, level);
        }
        return Math.min(total, wanted);
    }

    /** Whether a level at {@code price} is worse than the limit for an aggressor on {@code side}. */
    private static boolean beyond(final Side side, final long price, final long limit)
    {
        return side == Side.BUY ? price > limit : price < limit;
    }

    /** Whether a limit at {@code priceTicks} on {@code side} would take liquidity now (usable size counts). */
    private static boolean crosses(final SimInstrument sim, final Side side, final long priceTicks)
    {
        final Side bookSide = side.opposite();
        for (int level = 0, n = sim.book.depth(bookSide); level < n; level++)
        {
            final long price = sim.book.priceAt(bookSide, level);
            if (beyond(side, price, priceTicks))
            {
                return false;
            }
            if (sim.usableLots(bookSide, level) > 0)
            {
                return true;
            }
        }
        return false;
    }

    private static String best(final SimInstrument sim, final Side bookSide)
    {
        final long best = bookSide == Side.BUY ? sim.book.bestBidTicks() : sim.book.bestAskTicks();
        return best == L2Book.NO_PRICE ? "(none)" : best + " ticks";
    }

    private boolean outsideBand(final SimInstrument sim, final long priceTicks)
    {
        final double band = venue.cfg().priceBandFraction();
        final double reference = sim.bandReference();
        return band > 0 && reference > 0 && Math.abs(sim.price(priceTicks) - reference) > band * reference;
    }

    private void reject(final OrderRequest request, final RejectReason reason, final String text)
    {
        venue.report(new ExecutionReport(request.clientOrderId(), null, request.instrument(), ExecType.REJECTED,
            request.priceTicks(), request.amountLots(), 0, 0, 0, reason, text, timeMs));
    }

    private void refuseAmend(final AmendRequest request, final RejectReason reason, final String text)
    {
        final RestingOrder order = venue.openOrder(request.clientOrderId());
        venue.report(new ExecutionReport(request.clientOrderId(), order == null ? null : order.venueOrderId,
            request.instrument(), ExecType.AMEND_REJECTED, order == null ? request.newPriceTicks() : order.priceTicks,
            order == null ? 0 : order.amountLots, 0, 0, order == null ? 0 : order.cumLots, reason, text, timeMs));
    }
}
