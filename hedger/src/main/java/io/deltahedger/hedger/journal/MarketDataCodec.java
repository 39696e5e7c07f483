package io.deltahedger.hedger.journal;

import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.TickerField;
import io.deltahedger.venues.marketdata.Trades;
import net.openhft.chronicle.wire.ValueOut;

/**
 * The MARKET_DATA payload (docs/journal.md): one {@link MarketDataEvent} exactly as the pipeline received it, on the
 * same field-less binary wire as the other records.
 *
 * <pre>
 *   int32 instrument id | text venue code ("" when none) | text market-data type name | int64 venue time ms
 *   | int64 sequence | int64 previous sequence | int64 field bits
 *   | the present ticker fields in {@link TickerField} order (see {@link #write})
 *   | int64 next funding time ms, only when bit {@link #NEXT_FUNDING_TIME} is set
 *   | int32 bid count, (int64 price ticks, int64 size lots) each | int32 ask count, likewise
 *   | int32 trade count, (int64 price ticks, int64 size lots, text taker side, int64 trade seq, int64 time ms) each
 * </pre>
 * The field bits are the event's {@link MarketDataEvent#presentFields()} (bit {@code f.ordinal()} per ticker field)
 * plus {@link #NEXT_FUNDING_TIME} when the event carries a next funding time (non-zero: zero means none). Values are
 * written as received, NaN and infinities included (Chronicle writes a double's 8 bytes), so decoding reproduces
 * the event bit for bit.
 *
 * <p>Encoding writes primitives and existing strings (venue codes, enum names) and allocates nothing. Decoding is
 * {@link MarketDataDecoder}'s, straight from the body bytes into a caller-owned event.
 */
final class MarketDataCodec
{
    /** The field bit saying that a next funding time follows the ticker fields. */
    static final long NEXT_FUNDING_TIME = 1L << 63;

    static final long BEST_BID = bit(TickerField.BEST_BID);
    static final long BEST_ASK = bit(TickerField.BEST_ASK);
    static final long LAST_PRICE = bit(TickerField.LAST_PRICE);
    static final long MARK_PRICE = bit(TickerField.MARK_PRICE);
    static final long INDEX_PRICE = bit(TickerField.INDEX_PRICE);
    static final long SETTLEMENT_PRICE = bit(TickerField.SETTLEMENT_PRICE);
    static final long UNDERLYING_PRICE = bit(TickerField.UNDERLYING_PRICE);
    static final long MARK_IV = bit(TickerField.MARK_IV);
    static final long BID_IV = bit(TickerField.BID_IV);
    static final long ASK_IV = bit(TickerField.ASK_IV);
    static final long GREEKS = bit(TickerField.GREEKS);
    static final long OPEN_INTEREST = bit(TickerField.OPEN_INTEREST);
    static final long CURRENT_FUNDING = bit(TickerField.CURRENT_FUNDING);
    static final long FUNDING_8H = bit(TickerField.FUNDING_8H);
    static final long INTEREST_RATE = bit(TickerField.INTEREST_RATE);
    /** Every bit a record may set. */
    static final long KNOWN_BITS = (1L << TickerField.values().length) - 1 | NEXT_FUNDING_TIME;

    private MarketDataCodec()
    {
    }

    private static long bit(final TickerField field)
    {
        return 1L << field.ordinal();
    }

    static void write(final ValueOut out, final MarketDataEvent e)
    {
        out.int32(e.instrumentIndex());
        out.text(e.venue() == null ? "" : e.venue().code());
        out.text(e.type().name());
        out.int64(e.venueTimestampMs());
        out.int64(e.sequence());
        out.int64(e.prevSequence());
        final long present = e.presentFields();
        final long nextFundingMs = e.nextFundingTimeMs();
        out.int64(nextFundingMs != 0 ? present | NEXT_FUNDING_TIME : present);
        if (present != 0)
        {
            writeTicker(out, e, present);
        }
        if (nextFundingMs != 0)
        {
            out.int64(nextFundingMs);
        }
        writeLevels(out, e.bids());
        writeLevels(out, e.asks());
        final Trades trades = e.trades();
        final int n = trades.count();
        out.int32(n);
        for (int k = 0; k < n; k++)
        {
            out.int64(trades.priceTicks(k));
            out.int64(trades.sizeLots(k));
            out.text(trades.takerSide(k).name());
            out.int64(trades.tradeSeq(k));
            out.int64(trades.timestampMs(k));
        }
    }

    private static void writeTicker(final ValueOut out, final MarketDataEvent e, final long present)
    {
        if ((present & BEST_BID) != 0)
        {
            out.int64(e.bestBidTicks());
            out.int64(e.bestBidLots());
        }
        if ((present & BEST_ASK) != 0)
        {
            out.int64(e.bestAskTicks());
            out.int64(e.bestAskLots());
        }
        if ((present & LAST_PRICE) != 0)
        {
            out.int64(e.lastPriceTicks());
        }
        if ((present & MARK_PRICE) != 0)
        {
            out.float64(e.markPrice());
        }
        if ((present & INDEX_PRICE) != 0)
        {
            out.float64(e.indexPrice());
        }
        if ((present & SETTLEMENT_PRICE) != 0)
        {
            out.float64(e.settlementPrice());
        }
        if ((present & UNDERLYING_PRICE) != 0)
        {
            out.float64(e.underlyingPrice());
        }
        if ((present & MARK_IV) != 0)
        {
            out.float64(e.markIv());
        }
        if ((present & BID_IV) != 0)
        {
            out.float64(e.bidIv());
        }
        if ((present & ASK_IV) != 0)
        {
            out.float64(e.askIv());
        }
        if ((present & GREEKS) != 0)
        {
            out.float64(e.delta());
            out.float64(e.gamma());
            out.float64(e.vega());
            out.float64(e.theta());
            out.float64(e.rho());
        }
        if ((present & OPEN_INTEREST) != 0)
        {
            out.float64(e.openInterest());
        }
        if ((present & CURRENT_FUNDING) != 0)
        {
            out.float64(e.currentFunding());
        }
        if ((present & FUNDING_8H) != 0)
        {
            out.float64(e.funding8h());
        }
        if ((present & INTEREST_RATE) != 0)
        {
            out.float64(e.interestRate());
        }
    }

    private static void writeLevels(final ValueOut out, final Levels levels)
    {
        final int n = levels.count();
        out.int32(n);
        for (int k = 0; k < n; k++)
        {
            out.int64(levels.priceTicks(k));
            out.int64(levels.sizeLots(k));
        }
    }

    // ---------------------------------------------------------------- values (tools)

    /** A new event holding an exact copy of {@code e}, its buffers sized to its content. Allocates. */
    static MarketDataEvent copyOf(final MarketDataEvent e)
    {
        final MarketDataEvent copy = new MarketDataEvent(Math.max(e.bids().count(), e.asks().count()),
            e.trades().count());
        copy.copyFrom(e);
        return copy;
    }

    /** Whether two events hold the same content, doubles compared bit for bit (NaN equals the same NaN). */
    static boolean same(final MarketDataEvent a, final MarketDataEvent b)
    {
        return a.instrumentIndex() == b.instrumentIndex() && a.venue() == b.venue() && a.type() == b.type()
            && a.venueTimestampMs() == b.venueTimestampMs() && a.sequence() == b.sequence()
            && a.prevSequence() == b.prevSequence() && a.presentFields() == b.presentFields()
            && a.bestBidTicks() == b.bestBidTicks() && a.bestBidLots() == b.bestBidLots()
            && a.bestAskTicks() == b.bestAskTicks() && a.bestAskLots() == b.bestAskLots()
            && a.lastPriceTicks() == b.lastPriceTicks() && bits(a.markPrice(), b.markPrice())
            && bits(a.indexPrice(), b.indexPrice()) && bits(a.settlementPrice(), b.settlementPrice())
            && bits(a.underlyingPrice(), b.underlyingPrice()) && bits(a.markIv(), b.markIv())
            && bits(a.bidIv(), b.bidIv()) && bits(a.askIv(), b.askIv()) && bits(a.delta(), b.delta())
            && bits(a.gamma(), b.gamma()) && bits(a.vega(), b.vega()) && bits(a.theta(), b.theta())
            && bits(a.rho(), b.rho()) && bits(a.openInterest(), b.openInterest())
            && bits(a.currentFunding(), b.currentFunding()) && bits(a.funding8h(), b.funding8h())
            && bits(a.interestRate(), b.interestRate()) && a.nextFundingTimeMs() == b.nextFundingTimeMs()
            && same(a.bids(), b.bids()) && same(a.asks(), b.asks()) && same(a.trades(), b.trades());
    }

    private static boolean bits(final double a, final double b)
    {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    private static boolean same(final Levels a, final Levels b)
    {
        if (a.count() != b.count())
        {
            return false;
        }
        for (int k = 0; k < a.count(); k++)
        {
            if (a.priceTicks(k) != b.priceTicks(k) || a.sizeLots(k) != b.sizeLots(k))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean same(final Trades a, final Trades b)
    {
        if (a.count() != b.count())
        {
            return false;
        }
        for (int k = 0; k < a.count(); k++)
        {
            if (a.priceTicks(k) != b.priceTicks(k) || a.sizeLots(k) != b.sizeLots(k) || a.takerSide(k) != b.takerSide(k)
                || a.tradeSeq(k) != b.tradeSeq(k) || a.timestampMs(k) != b.timestampMs(k))
            {
                return false;
            }
        }
        return true;
    }

    /** A one-line summary for tools: venue, type, instrument, times, sequences, ticker fields and list sizes. */
    static String describe(final MarketDataEvent e)
    {
        final StringBuilder b = new StringBuilder("MarketData[instrument ").append(e.instrumentIndex()).append(", ")
            .append(e.venue() == null ? "-" : e.venue().code()).append(' ').append(e.type())
            .append(", venue time ").append(e.venueTimestampMs()).append(" ms");
        if (e.sequence() != MarketDataEvent.NO_SEQUENCE || e.prevSequence() != MarketDataEvent.NO_SEQUENCE)
        {
            b.append(", seq ").append(seqText(e.sequence())).append(" after ").append(seqText(e.prevSequence()));
        }
        for (final TickerField f : TickerField.values())
        {
            if (e.has(f))
            {
                b.append(", ").append(f).append(' ').append(switch (f)
                {
                    case BEST_BID -> e.bestBidLots() + " @ " + e.bestBidTicks();
                    case BEST_ASK -> e.bestAskLots() + " @ " + e.bestAskTicks();
                    case LAST_PRICE -> String.valueOf(e.lastPriceTicks());
                    case MARK_PRICE -> String.valueOf(e.markPrice());
                    case INDEX_PRICE -> String.valueOf(e.indexPrice());
                    case SETTLEMENT_PRICE -> String.valueOf(e.settlementPrice());
                    case UNDERLYING_PRICE -> String.valueOf(e.underlyingPrice());
                    case MARK_IV -> String.valueOf(e.markIv());
                    case BID_IV -> String.valueOf(e.bidIv());
                    case ASK_IV -> String.valueOf(e.askIv());
                    case GREEKS -> e.delta() + "/" + e.gamma() + "/" + e.vega() + "/" + e.theta() + "/" + e.rho();
                    case OPEN_INTEREST -> String.valueOf(e.openInterest());
                    case CURRENT_FUNDING -> String.valueOf(e.currentFunding());
                    case FUNDING_8H -> String.valueOf(e.funding8h());
                    case INTEREST_RATE -> String.valueOf(e.interestRate());
                });
            }
        }
        if (e.nextFundingTimeMs() != 0)
        {
            b.append(", next funding ").append(e.nextFundingTimeMs()).append(" ms");
        }
        return b.append(", ").append(e.bids().count()).append(" bids, ").append(e.asks().count()).append(" asks, ")
            .append(e.trades().count()).append(" trades]").toString();
    }

    private static String seqText(final long seq)
    {
        return seq == MarketDataEvent.NO_SEQUENCE ? "-" : String.valueOf(seq);
    }
}
