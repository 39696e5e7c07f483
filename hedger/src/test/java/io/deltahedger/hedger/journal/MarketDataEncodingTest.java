package io.deltahedger.hedger.journal;

import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.Trades;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.ValueOut;

import java.util.Random;

import static io.deltahedger.hedger.journal.MarketDataCodec.ASK_IV;
import static io.deltahedger.hedger.journal.MarketDataCodec.BEST_ASK;
import static io.deltahedger.hedger.journal.MarketDataCodec.BEST_BID;
import static io.deltahedger.hedger.journal.MarketDataCodec.BID_IV;
import static io.deltahedger.hedger.journal.MarketDataCodec.CURRENT_FUNDING;
import static io.deltahedger.hedger.journal.MarketDataCodec.FUNDING_8H;
import static io.deltahedger.hedger.journal.MarketDataCodec.GREEKS;
import static io.deltahedger.hedger.journal.MarketDataCodec.INDEX_PRICE;
import static io.deltahedger.hedger.journal.MarketDataCodec.INTEREST_RATE;
import static io.deltahedger.hedger.journal.MarketDataCodec.LAST_PRICE;
import static io.deltahedger.hedger.journal.MarketDataCodec.MARK_IV;
import static io.deltahedger.hedger.journal.MarketDataCodec.MARK_PRICE;
import static io.deltahedger.hedger.journal.MarketDataCodec.NEXT_FUNDING_TIME;
import static io.deltahedger.hedger.journal.MarketDataCodec.OPEN_INTEREST;
import static io.deltahedger.hedger.journal.MarketDataCodec.SETTLEMENT_PRICE;
import static io.deltahedger.hedger.journal.MarketDataCodec.UNDERLYING_PRICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MARKET_DATA is on the same wire as every other record: {@link MarketDataCodec#write} (which writes the bytes itself,
 * for speed) produces exactly what Chronicle Wire's {@link BinaryWire} with fixed-width numbers writes for the layout
 * through its {@link ValueOut}, for any event. The reference below is that layout written through ValueOut.
 */
class MarketDataEncodingTest
{
    @Property(tries = 200, seed = "20261124")
    void theEncodingIsChronicleBinaryWiresOwn(
        @ForAll final MarketDataType type,
        @ForAll @LongRange(min = 0, max = (1 << 15) - 1) final long fields,
        @ForAll @IntRange(min = 0, max = 40) final int bids,
        @ForAll @IntRange(min = 0, max = 40) final int asks,
        @ForAll @IntRange(min = 0, max = 10) final int trades,
        @ForAll final boolean nextFunding,
        @ForAll final long valueSeed)
    {
        final MarketDataEvent event = MarketDataSamples.random(new Random(valueSeed), new MarketDataEvent(), type,
            fields, bids, asks, trades, nextFunding);
        final Bytes<byte[]> expected = Bytes.allocateElasticOnHeap(256);
        reference(new BinaryWire(expected, true, false, true, Integer.MAX_VALUE, "binary").getValueOut(), event);
        final Bytes<byte[]> actual = Bytes.allocateElasticOnHeap(256);
        MarketDataCodec.write(actual, event);
        assertArrayEquals(expected.toByteArray(), actual.toByteArray());
        long sells = 0;
        for (int k = 0; k < event.trades().count(); k++)
        {
            sells += event.trades().takerSide(k) == io.deltahedger.venues.Side.SELL ? 1 : 0;
        }
        assertEquals(MarketDataCodec.maxLength(event) - (event.trades().count() - sells), actual.writePosition(),
            "the room made before writing is exact, one byte more per BUY trade");
    }

    private static void reference(final ValueOut out, final MarketDataEvent e)
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

}
