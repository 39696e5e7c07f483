package io.deltahedger.hedger.journal;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Market-data events for the MARKET_DATA tests: random ones over every field (doubles drawn from awkward values:
 * NaN of several payloads, infinities, signed zeros, subnormals, extremes), typical venue messages for sizes, and a
 * field-by-field comparison that tells which field differs (doubles compared bit for bit).
 */
public final class MarketDataSamples
{
    private static final double[] AWKWARD = {
        Double.NaN, Double.longBitsToDouble(0x7ff0_0000_0000_0001L), Double.longBitsToDouble(0xfff8_0000_0000_0000L),
        Double.longBitsToDouble(0x7ff8_dead_beef_0001L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e-300, 0.6289};

    private MarketDataSamples()
    {
    }

    /** A double: a quarter of the time an awkward value, else a random price-like or arbitrary bit pattern. */
    public static double anyDouble(final Random random)
    {
        final int pick = random.nextInt(8);
        if (pick < 2)
        {
            return AWKWARD[random.nextInt(AWKWARD.length)];
        }
        if (pick == 2)
        {
            return Double.longBitsToDouble(random.nextLong());
        }
        return (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(12) - 4);
    }

    private static long anyLong(final Random random)
    {
        return switch (random.nextInt(6))
        {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            case 2 -> 0;
            case 3 -> random.nextLong();
            default -> random.nextInt(5_000_000);
        };
    }

    /**
     * A random event.
     *
     * @param fields      the present ticker fields, bit {@code f.ordinal()} per {@link TickerField}
     * @param nextFunding whether a (non-zero) next funding time is set
     */
    public static MarketDataEvent random(final Random random, final MarketDataEvent into, final MarketDataType type,
                                         final long fields, final int bids, final int asks, final int trades,
                                         final boolean nextFunding)
    {
        final Venue[] venues = Venue.values();
        into.clear();
        into.header(random.nextInt(10) == 0 ? null : venues[random.nextInt(venues.length)], type, random.nextInt(1_000),
            anyLong(random));
        if (random.nextBoolean())
        {
            into.sequence(anyLong(random));
        }
        if (random.nextBoolean())
        {
            into.prevSequence(anyLong(random));
        }
        for (final TickerField f : TickerField.values())
        {
            if ((fields & 1L << f.ordinal()) == 0)
            {
                continue;
            }
            switch (f)
            {
                case BEST_BID -> into.bestBid(anyLong(random), anyLong(random));
                case BEST_ASK -> into.bestAsk(anyLong(random), anyLong(random));
                case LAST_PRICE -> into.lastPriceTicks(anyLong(random));
                case MARK_PRICE -> into.markPrice(anyDouble(random));
                case INDEX_PRICE -> into.indexPrice(anyDouble(random));
                case SETTLEMENT_PRICE -> into.settlementPrice(anyDouble(random));
                case UNDERLYING_PRICE -> into.underlyingPrice(anyDouble(random));
                case MARK_IV -> into.markIv(anyDouble(random));
                case BID_IV -> into.bidIv(anyDouble(random));
                case ASK_IV -> into.askIv(anyDouble(random));
                case GREEKS -> into.greeks(anyDouble(random), anyDouble(random), anyDouble(random), anyDouble(random),
                    anyDouble(random));
                case OPEN_INTEREST -> into.openInterest(anyDouble(random));
                case CURRENT_FUNDING -> into.currentFunding(anyDouble(random));
                case FUNDING_8H -> into.funding8h(anyDouble(random));
                case INTEREST_RATE -> into.interestRate(anyDouble(random));
            }
        }
        if (nextFunding)
        {
            final long at = anyLong(random);
            into.nextFundingTimeMs(at == 0 ? 1 : at);
        }
        for (int k = 0; k < bids; k++)
        {
            into.bids().add(anyLong(random), anyLong(random));
        }
        for (int k = 0; k < asks; k++)
        {
            into.asks().add(anyLong(random), anyLong(random));
        }
        for (int k = 0; k < trades; k++)
        {
            into.trades().add(anyLong(random), anyLong(random), random.nextBoolean() ? Side.BUY : Side.SELL,
                anyLong(random), anyLong(random));
        }
        return into;
    }

    /**
     * A Deribit option ticker as the adapter decodes one: best bid and ask, last, mark, index, underlying, settlement,
     * mark/bid/ask IV, the venue's Greeks, open interest, interest rate (12 fields).
     */
    public static MarketDataEvent deribitOptionTicker(final MarketDataEvent into, final int instrument, final long venueMs)
    {
        into.clear();
        into.header(Venue.DERIBIT, MarketDataType.TICKER, instrument, venueMs);
        into.bestBid(22, 125);
        into.bestAsk(24, 80);
        into.lastPriceTicks(23);
        into.markPrice(0.01152);
        into.indexPrice(96_012.37);
        into.underlyingPrice(96_350.5);
        into.settlementPrice(0.0112);
        into.markIv(0.5521);
        into.bidIv(0.5480);
        into.askIv(0.5615);
        into.greeks(0.31245, 0.00001, 71.52, -45.31, 12.6);
        into.openInterest(1_532.4);
        into.interestRate(0.0);
        return into;
    }

    /** A Deribit book change of {@code levels} levels (half bids, half asks, one removal each side). */
    public static MarketDataEvent bookChange(final MarketDataEvent into, final int instrument, final long venueMs,
                                             final long changeId, final int levels)
    {
        into.clear();
        into.header(Venue.DERIBIT, MarketDataType.BOOK_CHANGE, instrument, venueMs);
        into.sequence(changeId);
        into.prevSequence(changeId - 1);
        for (int k = 0; k < levels; k++)
        {
            final boolean bid = k < (levels + 1) / 2;
            final long size = k % 5 == 4 ? 0 : 10 + 10L * k;
            if (bid)
            {
                into.bids().add(192_000 - k, size);
            }
            else
            {
                into.asks().add(192_001 + k, size);
            }
        }
        return into;
    }

    /** Asserts every field equal, doubles bit for bit, naming the first field that differs. */
    public static void assertSameEvent(final MarketDataEvent expected, final MarketDataEvent actual)
    {
        assertEquals(expected.venue(), actual.venue(), "venue");
        assertEquals(expected.type(), actual.type(), "type");
        assertEquals(expected.instrumentIndex(), actual.instrumentIndex(), "instrumentIndex");
        assertEquals(expected.venueTimestampMs(), actual.venueTimestampMs(), "venueTimestampMs");
        assertEquals(expected.sequence(), actual.sequence(), "sequence");
        assertEquals(expected.prevSequence(), actual.prevSequence(), "prevSequence");
        assertEquals(expected.presentFields(), actual.presentFields(), "presentFields");
        assertEquals(expected.bestBidTicks(), actual.bestBidTicks(), "bestBidTicks");
        assertEquals(expected.bestBidLots(), actual.bestBidLots(), "bestBidLots");
        assertEquals(expected.bestAskTicks(), actual.bestAskTicks(), "bestAskTicks");
        assertEquals(expected.bestAskLots(), actual.bestAskLots(), "bestAskLots");
        assertEquals(expected.lastPriceTicks(), actual.lastPriceTicks(), "lastPriceTicks");
        assertBits(expected.markPrice(), actual.markPrice(), "markPrice");
        assertBits(expected.indexPrice(), actual.indexPrice(), "indexPrice");
        assertBits(expected.settlementPrice(), actual.settlementPrice(), "settlementPrice");
        assertBits(expected.underlyingPrice(), actual.underlyingPrice(), "underlyingPrice");
        assertBits(expected.markIv(), actual.markIv(), "markIv");
        assertBits(expected.bidIv(), actual.bidIv(), "bidIv");
        assertBits(expected.askIv(), actual.askIv(), "askIv");
        assertBits(expected.delta(), actual.delta(), "delta");
        assertBits(expected.gamma(), actual.gamma(), "gamma");
        assertBits(expected.vega(), actual.vega(), "vega");
        assertBits(expected.theta(), actual.theta(), "theta");
        assertBits(expected.rho(), actual.rho(), "rho");
        assertBits(expected.openInterest(), actual.openInterest(), "openInterest");
        assertBits(expected.currentFunding(), actual.currentFunding(), "currentFunding");
        assertBits(expected.funding8h(), actual.funding8h(), "funding8h");
        assertBits(expected.interestRate(), actual.interestRate(), "interestRate");
        assertEquals(expected.nextFundingTimeMs(), actual.nextFundingTimeMs(), "nextFundingTimeMs");
        assertEquals(expected.bids().count(), actual.bids().count(), "bid count");
        for (int k = 0; k < expected.bids().count(); k++)
        {
            assertEquals(expected.bids().priceTicks(k), actual.bids().priceTicks(k), "bid price " + k);
            assertEquals(expected.bids().sizeLots(k), actual.bids().sizeLots(k), "bid size " + k);
        }
        assertEquals(expected.asks().count(), actual.asks().count(), "ask count");
        for (int k = 0; k < expected.asks().count(); k++)
        {
            assertEquals(expected.asks().priceTicks(k), actual.asks().priceTicks(k), "ask price " + k);
            assertEquals(expected.asks().sizeLots(k), actual.asks().sizeLots(k), "ask size " + k);
        }
        assertEquals(expected.trades().count(), actual.trades().count(), "trade count");
        for (int k = 0; k < expected.trades().count(); k++)
        {
            assertEquals(expected.trades().priceTicks(k), actual.trades().priceTicks(k), "trade price " + k);
            assertEquals(expected.trades().sizeLots(k), actual.trades().sizeLots(k), "trade size " + k);
            assertEquals(expected.trades().takerSide(k), actual.trades().takerSide(k), "trade side " + k);
            assertEquals(expected.trades().tradeSeq(k), actual.trades().tradeSeq(k), "trade seq " + k);
            assertEquals(expected.trades().timestampMs(k), actual.trades().timestampMs(k), "trade time " + k);
        }
    }

    private static void assertBits(final double expected, final double actual, final String field)
    {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
            () -> field + ": expected " + expected + " (0x" + Long.toHexString(Double.doubleToRawLongBits(expected))
                + "), got " + actual + " (0x" + Long.toHexString(Double.doubleToRawLongBits(actual)) + ")");
    }
}
