package io.deltahedger.backtest.venue;

import io.deltahedger.backtest.pnl.ValueConvention;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link SimulatedVenue} keeps per instrument: the recorded book and our overlay on it, resting orders, the
 * last mark and index, funding state, and the account's position (signed lots and its cost as a
 * {@link ValueConvention} value, so realised P&amp;L is exact average-cost accounting for linear and inverse alike).
 */
final class SimInstrument
{
    final Instrument instrument;
    final MarginInstrument marginInstrument;
    final ValueConvention convention;
    final double tickSize;
    final double lotSize;
    final L2Book book;
    final ConsumedLiquidity consumed = new ConsumedLiquidity();
    final List<RestingOrder> resting = new ArrayList<>();
    /** Index price holder shared by the instruments of one underlying: [0] = last index, NaN until seen. */
    final double[] underlyingIndex;

    boolean hadSnapshot;
    boolean sequenceLess;
    double mark = Double.NaN;
    double lastFillPrice = Double.NaN;

    double fundingRate;
    boolean hasFundingRate;
    long fundingDueMs = Long.MIN_VALUE;
    long lastFundingMs = Long.MIN_VALUE;

    long positionLots;
    double costValue;

    SimInstrument(final Instrument instrument, final int registryIndex, final double[] underlyingIndex)
    {
        this.instrument = instrument;
        this.marginInstrument = MarginInstrument.of(instrument);
        this.convention = ValueConvention.of(instrument);
        this.tickSize = instrument.priceGrid().step().doubleValue();
        this.lotSize = instrument.amountGrid().step().doubleValue();
        this.book = new L2Book(registryIndex, 64);
        this.underlyingIndex = underlyingIndex;
    }

    boolean isPerpetual()
    {
        return instrument.kind() == InstrumentKind.PERPETUAL;
    }

    double price(final long ticks)
    {
        return ticks * tickSize;
    }

    double amount(final long lots)
    {
        return lots * lotSize;
    }

    /**
     * Applies a replayed book snapshot or change. A snapshot replaces the book and clears our overlay; a change sets its
     * levels and releases the overlay there (sequence-less feeds level by level, see {@link #bookUsable()}). Then the
     * queue ahead of resting orders is capped by what the book now shows at their prices: orders ahead can only leave.
     */
    void applyBook(final MarketDataEvent event)
    {
        if (event.type() == MarketDataType.BOOK_SNAPSHOT)
        {
            book.apply(event);
            consumed.clear();
            hadSnapshot = true;
            sequenceLess = event.sequence() == MarketDataEvent.NO_SEQUENCE;
        }
        else if (sequenceLess && hadSnapshot)
        {
            setLevels(Side.BUY, event.bids());
            setLevels(Side.SELL, event.asks());
        }
        else
        {
            book.apply(event);
            release(Side.BUY, event.bids());
            release(Side.SELL, event.asks());
        }
        for (int i = 0, n = resting.size(); i < n; i++)
        {
            final RestingOrder order = resting.get(i);
            if (order.aheadLots > 0)
            {
                order.aheadLots = Math.min(order.aheadLots, book.sizeAtPrice(order.request.side(), order.priceTicks));
            }
        }
    }

    private void setLevels(final Side side, final Levels levels)
    {
        for (int i = 0, n = levels.count(); i < n; i++)
        {
            book.setLevel(side, levels.priceTicks(i), levels.sizeLots(i));
            consumed.release(side, levels.priceTicks(i));
        }
    }

    private void release(final Side side, final Levels levels)
    {
        for (int i = 0, n = levels.count(); i < n; i++)
        {
            consumed.release(side, levels.priceTicks(i));
        }
    }

    /**
     * Takes the mark, the underlying's index (the index price; an option's underlying price only until an index was
     * seen) and, for perpetuals, the funding rate ({@code currentFunding}, else {@code funding8h}) and the next funding
     * time from a ticker. Non-finite or non-positive prices are ignored (the last good one stays).
     */
    void applyTicker(final MarketDataEvent event)
    {
        if (event.has(TickerField.MARK_PRICE) && event.markPrice() > 0 && Double.isFinite(event.markPrice()))
        {
            mark = event.markPrice();
        }
        if (event.has(TickerField.INDEX_PRICE) && event.indexPrice() > 0 && Double.isFinite(event.indexPrice()))
        {
            underlyingIndex[0] = event.indexPrice();
            underlyingIndex[1] = 1;
        }
        else if (event.has(TickerField.UNDERLYING_PRICE) && underlyingIndex[1] == 0 && event.underlyingPrice() > 0
            && Double.isFinite(event.underlyingPrice()))
        {
            underlyingIndex[0] = event.underlyingPrice();
        }
        if (isPerpetual())
        {
            if (event.has(TickerField.CURRENT_FUNDING) && Double.isFinite(event.currentFunding()))
            {
                fundingRate = event.currentFunding();
                hasFundingRate = true;
            }
            else if (event.has(TickerField.FUNDING_8H) && Double.isFinite(event.funding8h()))
            {
                fundingRate = event.funding8h();
                hasFundingRate = true;
            }
            if (event.nextFundingTimeMs() > lastFundingMs && event.nextFundingTimeMs() > 0)
            {
                fundingDueMs = event.nextFundingTimeMs();
            }
        }
    }

    /**
     * Whether orders can trade against the book: a snapshot was seen, and the book is valid, or (for feeds without
     * sequence numbers, such as Tardis CSV, where a transiently crossed batch must not stop all trading) not crossed
     * right now.
     */
    boolean bookUsable()
    {
        if (!hadSnapshot)
        {
            return false;
        }
        // Sequence-less changes are applied level by level (L2Book.setLevel), which does not re-check crossing.
        return sequenceLess ? !crossed() : book.state() == BookState.VALID;
    }

    private boolean crossed()
    {
        final long bid = book.bestBidTicks();
        final long ask = book.bestAskTicks();
        return bid != L2Book.NO_PRICE && ask != L2Book.NO_PRICE && bid >= ask;
    }

    /** Usable size at a level of the book side {@code bookSide} after our own consumption. */
    long usableLots(final Side bookSide, final int level)
    {
        final long price = book.priceAt(bookSide, level);
        return Math.max(0, book.sizeAt(bookSide, level) - consumed.consumed(bookSide, price));
    }

    /** The mid price (quote currency), or NaN without both sides. */
    double mid()
    {
        final long bid = book.bestBidTicks();
        final long ask = book.bestAskTicks();
        return bid == L2Book.NO_PRICE || ask == L2Book.NO_PRICE ? Double.NaN : 0.5 * (price(bid) + price(ask));
    }

    /** The price positions are valued at: the mark, else the mid, else the last fill price; NaN if none is known. */
    double valuationPrice()
    {
        if (mark > 0)
        {
            return mark;
        }
        final double mid = mid();
        return mid > 0 ? mid : lastFillPrice;
    }

    /** The reference of the price band: the mark, else the mid; NaN if neither. */
    double bandReference()
    {
        return mark > 0 ? mark : mid();
    }

    /**
     * Books a fill into the position with average-cost accounting.
     *
     * @return the realised P&amp;L in the settlement currency (non-zero only when the fill reduces the position)
     */
    double applyFill(final long signedLots, final double price)
    {
        lastFillPrice = price;
        final long q = positionLots;
        if (q == 0 || Long.signum(q) == Long.signum(signedLots))
        {
            costValue += convention.value(amount(signedLots), price);
            positionLots = q + signedLots;
            return 0.0;
        }
        final long closing = Math.abs(signedLots) >= Math.abs(q) ? -q : signedLots;
        // closing has the sign of the fill; the position part it closes is -closing.
        final double closedCost = costValue * ((double) -closing / q);
        final double realised = convention.value(amount(-closing), price) - closedCost;
        costValue -= closedCost;
        positionLots = q + closing;
        final long opening = signedLots - closing;
        if (positionLots == 0)
        {
            costValue = 0.0;
        }
        if (opening != 0)
        {
            costValue = convention.value(amount(opening), price);
            positionLots = opening;
        }
        return realised;
    }

    /** Unrealised P&amp;L at {@code price}: value of the position minus its cost. */
    double unrealised(final double price)
    {
        return positionLots == 0 ? 0.0 : convention.value(amount(positionLots), price) - costValue;
    }

    /** The average entry price of the position, 0 when flat. */
    double averagePrice()
    {
        return positionLots == 0 ? 0.0 : convention.priceOf(amount(positionLots), costValue);
    }
}
