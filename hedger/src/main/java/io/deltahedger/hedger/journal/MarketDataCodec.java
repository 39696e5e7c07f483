package io.deltahedger.hedger.journal;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.TickerField;
import io.deltahedger.venues.marketdata.Trades;
import net.openhft.chronicle.bytes.Bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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
 * written as received, NaN and infinities included (a double's raw 8 bytes), so decoding reproduces the event bit for
 * bit.
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
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] NO_VENUE = new byte[0];
    private static final byte[][] VENUE_CODES = MarketDataDecoder.VENUE_CODES;
    private static final byte[][] TYPE_NAMES = MarketDataDecoder.TYPE_NAMES;
    private static final byte[] BUY = MarketDataDecoder.BUY;
    private static final byte[] SELL = MarketDataDecoder.SELL;
    /** Every bit a record may set. */
    static final long KNOWN_BITS = (1L << TickerField.values().length) - 1 | NEXT_FUNDING_TIME;

    private MarketDataCodec()
    {
    }

    private static long bit(final TickerField field)
    {
        return 1L << field.ordinal();
    }

    /** The most bytes {@link #write} writes for {@code e} (exact but for trades: 41 each, the length of a SELL). */
    static int maxLength(final MarketDataEvent e)
    {
        final long present = e.presentFields();
        final int names = (e.venue() == null ? 0 : VENUE_CODES[e.venue().ordinal()].length)
            + TYPE_NAMES[e.type().ordinal()].length;
        final int ticker = 9 * Long.bitCount(present) + ((present & BEST_BID) != 0 ? 9 : 0)
            + ((present & BEST_ASK) != 0 ? 9 : 0) + ((present & GREEKS) != 0 ? 36 : 0);
        return 5 + 2 + names + 4 * 9 + ticker + (e.nextFundingTimeMs() != 0 ? 9 : 0)
            + 3 * 5 + 18 * (e.bids().count() + e.asks().count()) + 41 * e.trades().count();
    }

    /**
     * Appends the payload at {@code out}'s write position (after the record prefix). It writes the bytes itself,
     * exactly as Chronicle Wire's BinaryWire with fixed-width numbers writes each value (a type code, then the value
     * little-endian; MarketDataEncodingTest checks them against BinaryWire's own for random events): through its
     * ValueOut the same took about 4 times as long (10 ns a value).
     */
    static void write(final Bytes<byte[]> out, final MarketDataEvent e)
    {
        final long start = out.writePosition();
        out.ensureCapacity(start + maxLength(e));
        final byte[] a = out.underlyingObject();
        int p = (int)start;
        p = int32(a, p, e.instrumentIndex());
        p = text(a, p, e.venue() == null ? NO_VENUE : VENUE_CODES[e.venue().ordinal()]);
        p = text(a, p, TYPE_NAMES[e.type().ordinal()]);
        p = int64(a, p, e.venueTimestampMs());
        p = int64(a, p, e.sequence());
        p = int64(a, p, e.prevSequence());
        final long present = e.presentFields();
        final long nextFundingMs = e.nextFundingTimeMs();
        p = int64(a, p, nextFundingMs != 0 ? present | NEXT_FUNDING_TIME : present);
        if (present != 0)
        {
            p = writeTicker(a, p, e, present);
        }
        if (nextFundingMs != 0)
        {
            p = int64(a, p, nextFundingMs);
        }
        p = writeLevels(a, p, e.bids());
        p = writeLevels(a, p, e.asks());
        final Trades trades = e.trades();
        final int n = trades.count();
        p = int32(a, p, n);
        for (int k = 0; k < n; k++)
        {
            p = int64(a, p, trades.priceTicks(k));
            p = int64(a, p, trades.sizeLots(k));
            p = text(a, p, trades.takerSide(k) == Side.BUY ? BUY : SELL);
            p = int64(a, p, trades.tradeSeq(k));
            p = int64(a, p, trades.timestampMs(k));
        }
        out.writePosition(p);
    }

    private static int writeTicker(final byte[] a, final int at, final MarketDataEvent e, final long present)
    {
        int p = at;
        if ((present & BEST_BID) != 0)
        {
            p = int64(a, p, e.bestBidTicks());
            p = int64(a, p, e.bestBidLots());
        }
        if ((present & BEST_ASK) != 0)
        {
            p = int64(a, p, e.bestAskTicks());
            p = int64(a, p, e.bestAskLots());
        }
        if ((present & LAST_PRICE) != 0)
        {
            p = int64(a, p, e.lastPriceTicks());
        }
        if ((present & MARK_PRICE) != 0)
        {
            p = float64(a, p, e.markPrice());
        }
        if ((present & INDEX_PRICE) != 0)
        {
            p = float64(a, p, e.indexPrice());
        }
        if ((present & SETTLEMENT_PRICE) != 0)
        {
            p = float64(a, p, e.settlementPrice());
        }
        if ((present & UNDERLYING_PRICE) != 0)
        {
            p = float64(a, p, e.underlyingPrice());
        }
        if ((present & MARK_IV) != 0)
        {
            p = float64(a, p, e.markIv());
        }
        if ((present & BID_IV) != 0)
        {
            p = float64(a, p, e.bidIv());
        }
        if ((present & ASK_IV) != 0)
        {
            p = float64(a, p, e.askIv());
        }
        if ((present & GREEKS) != 0)
        {
            p = float64(a, p, e.delta());
            p = float64(a, p, e.gamma());
            p = float64(a, p, e.vega());
            p = float64(a, p, e.theta());
            p = float64(a, p, e.rho());
        }
        if ((present & OPEN_INTEREST) != 0)
        {
            p = float64(a, p, e.openInterest());
        }
        if ((present & CURRENT_FUNDING) != 0)
        {
            p = float64(a, p, e.currentFunding());
        }
        if ((present & FUNDING_8H) != 0)
        {
            p = float64(a, p, e.funding8h());
        }
        if ((present & INTEREST_RATE) != 0)
        {
            p = float64(a, p, e.interestRate());
        }
        return p;
    }

    private static int writeLevels(final byte[] a, final int at, final Levels levels)
    {
        final int n = levels.count();
        int p = int32(a, at, n);
        for (int k = 0; k < n; k++)
        {
            p = int64(a, p, levels.priceTicks(k));
            p = int64(a, p, levels.sizeLots(k));
        }
        return p;
    }

    private static int int32(final byte[] a, final int p, final int v)
    {
        a[p] = (byte)MarketDataDecoder.INT32;
        INT.set(a, p + 1, v);
        return p + 5;
    }

    private static int int64(final byte[] a, final int p, final long v)
    {
        a[p] = (byte)MarketDataDecoder.INT64;
        LONG.set(a, p + 1, v);
        return p + 9;
    }

    private static int float64(final byte[] a, final int p, final double v)
    {
        a[p] = (byte)MarketDataDecoder.FLOAT64;
        LONG.set(a, p + 1, Double.doubleToRawLongBits(v));
        return p + 9;
    }

    /** A short text (0xE0 + length, then its ASCII bytes): every name written here is under 32 bytes. */
    private static int text(final byte[] a, final int p, final byte[] ascii)
    {
        a[p] = (byte)(MarketDataDecoder.SHORT_TEXT + ascii.length);
        System.arraycopy(ascii, 0, a, p + 1, ascii.length);
        return p + 1 + ascii.length;
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
