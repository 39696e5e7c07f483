package io.deltahedger.hedger.journal;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.Trades;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static io.deltahedger.hedger.journal.MarketDataCodec.ASK_IV;
import static io.deltahedger.hedger.journal.MarketDataCodec.BEST_ASK;
import static io.deltahedger.hedger.journal.MarketDataCodec.BEST_BID;
import static io.deltahedger.hedger.journal.MarketDataCodec.BID_IV;
import static io.deltahedger.hedger.journal.MarketDataCodec.CURRENT_FUNDING;
import static io.deltahedger.hedger.journal.MarketDataCodec.FUNDING_8H;
import static io.deltahedger.hedger.journal.MarketDataCodec.GREEKS;
import static io.deltahedger.hedger.journal.MarketDataCodec.INDEX_PRICE;
import static io.deltahedger.hedger.journal.MarketDataCodec.INTEREST_RATE;
import static io.deltahedger.hedger.journal.MarketDataCodec.KNOWN_BITS;
import static io.deltahedger.hedger.journal.MarketDataCodec.LAST_PRICE;
import static io.deltahedger.hedger.journal.MarketDataCodec.MARK_IV;
import static io.deltahedger.hedger.journal.MarketDataCodec.MARK_PRICE;
import static io.deltahedger.hedger.journal.MarketDataCodec.NEXT_FUNDING_TIME;
import static io.deltahedger.hedger.journal.MarketDataCodec.OPEN_INTEREST;
import static io.deltahedger.hedger.journal.MarketDataCodec.SETTLEMENT_PRICE;
import static io.deltahedger.hedger.journal.MarketDataCodec.UNDERLYING_PRICE;

/**
 * Decodes a MARKET_DATA body straight from its bytes into a caller-owned event: the replay's fast path. It reads the
 * exact encoding {@link MarketDataCodec#write} produces through Chronicle Wire's field-less binary wire with fixed-width
 * numbers (int32 {@code 0xA6} + 4 bytes, int64 {@code 0xA7} + 8, float64 {@code 0x91} + 8, a short text {@code 0xE0 +
 * length} + its bytes, all little-endian) and nothing else, checking each value's type code and the body's end, so a
 * damaged record is refused rather than misread. Names (venue code, type, side) are compared as bytes with the
 * constants' names. Going through Chronicle's generic {@code ValueIn} instead cost about 10 ns a value (300 ns for an
 * option ticker) and reads past the end of the bytes without failing.
 *
 * <p>Allocates nothing except when the target's level or trade buffers must grow, and when refusing a record (the
 * message). One instance per reader; not thread-safe.
 */
final class MarketDataDecoder
{
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int INT8 = 0xA4;
    static final int INT32 = 0xA6;
    static final int INT64 = 0xA7;
    static final int FLOAT64 = 0x91;
    static final int SHORT_TEXT = 0xE0;
    /** seq (int64), type code (int8), time (int64). */
    static final int PREFIX_LENGTH = 9 + 2 + 9;

    private static final Venue[] VENUES = Venue.values();
    static final byte[][] VENUE_CODES = new byte[VENUES.length][];
    private static final MarketDataType[] TYPES = MarketDataType.values();
    static final byte[][] TYPE_NAMES = new byte[TYPES.length][];
    static final byte[] BUY = Side.BUY.name().getBytes(StandardCharsets.US_ASCII);
    static final byte[] SELL = Side.SELL.name().getBytes(StandardCharsets.US_ASCII);

    static
    {
        for (int v = 0; v < VENUES.length; v++)
        {
            VENUE_CODES[v] = shortName(VENUES[v].code());
        }
        for (int t = 0; t < TYPES.length; t++)
        {
            TYPE_NAMES[t] = shortName(TYPES[t].name());
        }
    }

    /** A name's ASCII bytes, which must fit a short text (the encoder writes no other form). */
    private static byte[] shortName(final String name)
    {
        final byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length > 31 || !name.equals(new String(ascii, StandardCharsets.US_ASCII)))
        {
            throw new ExceptionInInitializerError("MARKET_DATA writes names as short ASCII texts; '" + name
                + "' is not one: extend the codec");
        }
        return ascii;
    }

    private byte[] b;
    private int pos;
    private int end;

    /**
     * Decodes {@code body[0, length)}, a whole MARKET_DATA record body (prefix included), into {@code target}
     * (cleared first).
     *
     * @throws IllegalArgumentException naming what is wrong and where (byte offset in the body); {@code target} then
     *                                  holds an unspecified partial event
     */
    void decode(final byte[] body, final int length, final MarketDataEvent target)
    {
        b = body;
        end = length;
        pos = PREFIX_LENGTH;
        if (length < PREFIX_LENGTH || (body[0] & 0xFF) != INT64 || (body[9] & 0xFF) != INT8
            || (body[11] & 0xFF) != INT64)
        {
            throw new IllegalArgumentException("the record prefix is not int64 sequence, int8 type, int64 time");
        }
        target.clear();
        final int instrument = int32();
        final Venue venue = venue();
        final MarketDataType type = type();
        target.header(venue, type, instrument, int64());
        target.sequence(int64());
        target.prevSequence(int64());
        final long bits = int64();
        if ((bits & ~KNOWN_BITS) != 0)
        {
            throw new IllegalArgumentException("MARKET_DATA field bits 0x" + Long.toHexString(bits) + " set unknown bits 0x"
                + Long.toHexString(bits & ~KNOWN_BITS) + ": the record is damaged or from a newer format");
        }
        if ((bits & ~NEXT_FUNDING_TIME) != 0)
        {
            ticker(target, bits);
        }
        if ((bits & NEXT_FUNDING_TIME) != 0)
        {
            final long nextFundingMs = int64();
            if (nextFundingMs == 0)
            {
                throw new IllegalArgumentException("MARKET_DATA says a next funding time follows but it is 0 (none): the "
                    + "record is damaged");
            }
            target.nextFundingTimeMs(nextFundingMs);
        }
        levels(target.bids(), "bid levels");
        levels(target.asks(), "ask levels");
        final int n = count(Trades.MAX_TRADES, "trades");
        final Trades trades = target.trades();
        for (int k = 0; k < n; k++)
        {
            final long price = int64();
            final long size = int64();
            final Side side = side();
            trades.add(price, size, side, int64(), int64());
        }
        if (pos != end)
        {
            throw new IllegalArgumentException((end - pos) + " bytes follow the MARKET_DATA payload");
        }
    }

    private void ticker(final MarketDataEvent t, final long bits)
    {
        if ((bits & BEST_BID) != 0)
        {
            t.bestBid(int64(), int64());
        }
        if ((bits & BEST_ASK) != 0)
        {
            t.bestAsk(int64(), int64());
        }
        if ((bits & LAST_PRICE) != 0)
        {
            t.lastPriceTicks(int64());
        }
        if ((bits & MARK_PRICE) != 0)
        {
            t.markPrice(float64());
        }
        if ((bits & INDEX_PRICE) != 0)
        {
            t.indexPrice(float64());
        }
        if ((bits & SETTLEMENT_PRICE) != 0)
        {
            t.settlementPrice(float64());
        }
        if ((bits & UNDERLYING_PRICE) != 0)
        {
            t.underlyingPrice(float64());
        }
        if ((bits & MARK_IV) != 0)
        {
            t.markIv(float64());
        }
        if ((bits & BID_IV) != 0)
        {
            t.bidIv(float64());
        }
        if ((bits & ASK_IV) != 0)
        {
            t.askIv(float64());
        }
        if ((bits & GREEKS) != 0)
        {
            t.greeks(float64(), float64(), float64(), float64(), float64());
        }
        if ((bits & OPEN_INTEREST) != 0)
        {
            t.openInterest(float64());
        }
        if ((bits & CURRENT_FUNDING) != 0)
        {
            t.currentFunding(float64());
        }
        if ((bits & FUNDING_8H) != 0)
        {
            t.funding8h(float64());
        }
        if ((bits & INTEREST_RATE) != 0)
        {
            t.interestRate(float64());
        }
    }

    private void levels(final Levels levels, final String what)
    {
        final int n = count(Levels.MAX_LEVELS, what);
        for (int k = 0; k < n; k++)
        {
            levels.add(int64(), int64());
        }
    }

    private int count(final int max, final String what)
    {
        final int n = int32();
        if (n < 0 || n > max)
        {
            throw new IllegalArgumentException("MARKET_DATA lists " + n + " " + what + ", outside 0.." + max
                + ": the record is damaged");
        }
        return n;
    }

    // ---------------------------------------------------------------- values

    /** Checks the type code at {@code pos} and that {@code size} bytes follow it; returns where they start. */
    private int value(final int code, final int size, final String what)
    {
        final int at = pos;
        if (at + 1 + size > end)
        {
            throw new IllegalArgumentException("the MARKET_DATA payload is cut short: " + what + " expected at byte " + at
                + " of a " + end + "-byte body: the record is damaged");
        }
        if ((b[at] & 0xFF) != code)
        {
            throw new IllegalArgumentException("MARKET_DATA has type code 0x" + Integer.toHexString(b[at] & 0xFF)
                + " at byte " + at + " where " + what + " (0x" + Integer.toHexString(code) + ") was expected: the record "
                + "is damaged");
        }
        pos = at + 1 + size;
        return at + 1;
    }

    private int int32()
    {
        return (int)INT.get(b, value(INT32, 4, "an int32"));
    }

    private long int64()
    {
        return (long)LONG.get(b, value(INT64, 8, "an int64"));
    }

    private double float64()
    {
        return Double.longBitsToDouble((long)LONG.get(b, value(FLOAT64, 8, "a float64")));
    }

    /** The length of the short text at {@code pos} (its bytes then start at {@code pos + 1}), moving past it. */
    private int text(final String what)
    {
        final int at = pos;
        if (at >= end)
        {
            throw new IllegalArgumentException("the MARKET_DATA payload is cut short: " + what + " expected at byte " + at
                + " of a " + end + "-byte body: the record is damaged");
        }
        final int code = b[at] & 0xFF;
        if (code < SHORT_TEXT)
        {
            throw new IllegalArgumentException("MARKET_DATA has type code 0x" + Integer.toHexString(code) + " at byte "
                + at + " where " + what + " (a text of at most 31 bytes, 0xE0 + length) was expected: the record is "
                + "damaged");
        }
        final int length = code - SHORT_TEXT;
        value(code, length, what);
        return length;
    }

    private boolean textIs(final byte[] name, final int start, final int length)
    {
        if (name.length != length)
        {
            return false;
        }
        for (int k = 0; k < length; k++)
        {
            if (b[start + k] != name[k])
            {
                return false;
            }
        }
        return true;
    }

    private String textAt(final int start, final int length)
    {
        return new String(b, start, length, StandardCharsets.UTF_8);
    }

    private Venue venue()
    {
        final int length = text("a venue code");
        if (length == 0)
        {
            return null;
        }
        final int start = pos - length;
        for (int v = 0; v < VENUE_CODES.length; v++)
        {
            if (textIs(VENUE_CODES[v], start, length))
            {
                return VENUES[v];
            }
        }
        throw new IllegalArgumentException("MARKET_DATA names unknown venue code '" + textAt(start, length) + "': the "
            + "record is damaged or was written by a build that knows more venues");
    }

    private MarketDataType type()
    {
        final int length = text("a market-data type name");
        final int start = pos - length;
        for (int t = 0; t < TYPE_NAMES.length; t++)
        {
            if (textIs(TYPE_NAMES[t], start, length))
            {
                return TYPES[t];
            }
        }
        throw new IllegalArgumentException("MARKET_DATA names unknown market-data type '" + textAt(start, length)
            + "': the record is damaged or was written by a build that knows more types");
    }

    private Side side()
    {
        final int length = text("a taker side");
        final int start = pos - length;
        if (textIs(BUY, start, length))
        {
            return Side.BUY;
        }
        if (textIs(SELL, start, length))
        {
            return Side.SELL;
        }
        throw new IllegalArgumentException("MARKET_DATA trade has taker side '" + textAt(start, length) + "', not BUY or "
            + "SELL: the record is damaged");
    }
}
