package io.deltahedger.backtest.venue;

import io.deltahedger.backtest.pnl.ValueConvention;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;

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
        if (book.state() == BookState.VALID)
        {
            return true;
        }
        return sequenceLess && !crossed();
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
