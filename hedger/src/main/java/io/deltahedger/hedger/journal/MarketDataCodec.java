package io.deltahedger.hedger.journal;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;
import io.deltahedger.venues.marketdata.Trades;
import net.openhft.chronicle.wire.ValueIn;
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
 * <p>Encoding writes primitives and existing strings (venue codes, enum names) and allocates nothing. Decoding into
 * a caller-owned event allocates nothing once the event's level and trade buffers have grown to the record's size:
 * enum names are read into a reusable {@link StringBuilder} and compared with the constants' names.
 */
final class MarketDataCodec
{
    /** The field bit saying that a next funding time follows the ticker fields. */
    static final long NEXT_FUNDING_TIME = 1L << 63;

    private static final long BEST_BID = bit(TickerField.BEST_BID);
    private static final long BEST_ASK = bit(TickerField.BEST_ASK);
    private static final long LAST_PRICE = bit(TickerField.LAST_PRICE);
    private static final long MARK_PRICE = bit(TickerField.MARK_PRICE);
    private static final long INDEX_PRICE = bit(TickerField.INDEX_PRICE);
    private static final long SETTLEMENT_PRICE = bit(TickerField.SETTLEMENT_PRICE);
    private static final long UNDERLYING_PRICE = bit(TickerField.UNDERLYING_PRICE);
    private static final long MARK_IV = bit(TickerField.MARK_IV);
    private static final long BID_IV = bit(TickerField.BID_IV);
    private static final long ASK_IV = bit(TickerField.ASK_IV);
    private static final long GREEKS = bit(TickerField.GREEKS);
    private static final long OPEN_INTEREST = bit(TickerField.OPEN_INTEREST);
    private static final long CURRENT_FUNDING = bit(TickerField.CURRENT_FUNDING);
    private static final long FUNDING_8H = bit(TickerField.FUNDING_8H);
    private static final long INTEREST_RATE = bit(TickerField.INTEREST_RATE);
    /** Every bit a record may set. */
    private static final long KNOWN_BITS = (1L << TickerField.values().length) - 1 | NEXT_FUNDING_TIME;

    private static final Venue[] VENUES = Venue.values();
    private static final MarketDataType[] TYPES = MarketDataType.values();

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

    /**
     * Decodes a payload (after the record prefix) into {@code target}, which is cleared first.
     *
     * @param text a reusable buffer for the enum names
     * @throws IllegalArgumentException naming what is wrong (unknown venue code, type name, side or field bits, a
     *                                  count out of range); Chronicle's own exceptions for bytes that are not values
     */
    static void read(final ValueIn in, final MarketDataEvent target, final StringBuilder text)
    {
        target.clear();
        final int instrument = in.int32();
        final Venue venue = venue(readText(in, text));
        final MarketDataType type = type(readText(in, text));
        target.header(venue, type, instrument, in.int64());
        target.sequence(in.int64());
        target.prevSequence(in.int64());
        final long bits = in.int64();
        if ((bits & ~KNOWN_BITS) != 0)
        {
            throw new IllegalArgumentException("MARKET_DATA field bits 0x" + Long.toHexString(bits) + " set unknown bits 0x"
                + Long.toHexString(bits & ~KNOWN_BITS) + ": the record is damaged or from a newer format");
        }
        if ((bits & ~NEXT_FUNDING_TIME) != 0)
        {
            readTicker(in, target, bits);
        }
        if ((bits & NEXT_FUNDING_TIME) != 0)
        {
            final long nextFundingMs = in.int64();
            if (nextFundingMs == 0)
            {
                throw new IllegalArgumentException("MARKET_DATA says a next funding time follows but it is 0 (none): the "
                    + "record is damaged");
            }
            target.nextFundingTimeMs(nextFundingMs);
        }
        readLevels(in, target.bids(), "bid levels");
        readLevels(in, target.asks(), "ask levels");
        final int n = count(in.int32(), Trades.MAX_TRADES, "trades");
        final Trades trades = target.trades();
        for (int k = 0; k < n; k++)
        {
            final long price = in.int64();
            final long size = in.int64();
            final Side side = side(readText(in, text));
            trades.add(price, size, side, in.int64(), in.int64());
        }
    }

    private static void readTicker(final ValueIn in, final MarketDataEvent t, final long bits)
    {
        if ((bits & BEST_BID) != 0)
        {
            t.bestBid(in.int64(), in.int64());
        }
        if ((bits & BEST_ASK) != 0)
        {
            t.bestAsk(in.int64(), in.int64());
        }
        if ((bits & LAST_PRICE) != 0)
        {
            t.lastPriceTicks(in.int64());
        }
        if ((bits & MARK_PRICE) != 0)
        {
            t.markPrice(in.float64());
        }
        if ((bits & INDEX_PRICE) != 0)
        {
            t.indexPrice(in.float64());
        }
        if ((bits & SETTLEMENT_PRICE) != 0)
        {
            t.settlementPrice(in.float64());
        }
        if ((bits & UNDERLYING_PRICE) != 0)
        {
            t.underlyingPrice(in.float64());
        }
        if ((bits & MARK_IV) != 0)
        {
            t.markIv(in.float64());
        }
        if ((bits & BID_IV) != 0)
        {
            t.bidIv(in.float64());
        }
        if ((bits & ASK_IV) != 0)
        {
            t.askIv(in.float64());
        }
        if ((bits & GREEKS) != 0)
        {
            t.greeks(in.float64(), in.float64(), in.float64(), in.float64(), in.float64());
        }
        if ((bits & OPEN_INTEREST) != 0)
        {
            t.openInterest(in.float64());
        }
        if ((bits & CURRENT_FUNDING) != 0)
        {
            t.currentFunding(in.float64());
        }
        if ((bits & FUNDING_8H) != 0)
        {
            t.funding8h(in.float64());
        }
        if ((bits & INTEREST_RATE) != 0)
        {
            t.interestRate(in.float64());
        }
    }

    private static void readLevels(final ValueIn in, final Levels levels, final String what)
    {
        final int n = count(in.int32(), Levels.MAX_LEVELS, what);
        for (int k = 0; k < n; k++)
        {
            levels.add(in.int64(), in.int64());
        }
    }

    private static StringBuilder readText(final ValueIn in, final StringBuilder text)
    {
        text.setLength(0);
        if (in.textTo(text) == null)
        {
            throw new IllegalArgumentException("MARKET_DATA holds a null where a name was expected: the record is damaged");
        }
        return text;
    }

    private static Venue venue(final StringBuilder code)
    {
        if (code.length() == 0)
        {
            return null;
        }
        for (final Venue venue : VENUES)
        {
            if (venue.code().contentEquals(code))
            {
                return venue;
            }
        }
        throw new IllegalArgumentException("MARKET_DATA names unknown venue code '" + code + "': the record is damaged or "
            + "was written by a build that knows more venues");
    }

    private static MarketDataType type(final StringBuilder name)
    {
        for (final MarketDataType type : TYPES)
        {
            if (type.name().contentEquals(name))
            {
                return type;
            }
        }
        throw new IllegalArgumentException("MARKET_DATA names unknown market-data type '" + name + "': the record is "
            + "damaged or was written by a build that knows more types");
    }

    private static Side side(final StringBuilder name)
    {
        if (Side.BUY.name().contentEquals(name))
        {
            return Side.BUY;
        }
        if (Side.SELL.name().contentEquals(name))
        {
            return Side.SELL;
        }
        throw new IllegalArgumentException("MARKET_DATA trade has taker side '" + name + "', not BUY or SELL: the record "
            + "is damaged");
    }

    private static int count(final int n, final int max, final String what)
    {
        if (n < 0 || n > max)
        {
            throw new IllegalArgumentException("MARKET_DATA lists " + n + " " + what + ", outside 0.." + max
                + ": the record is damaged");
        }
        return n;
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
