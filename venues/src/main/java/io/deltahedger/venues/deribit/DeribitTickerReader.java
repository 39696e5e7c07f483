package io.deltahedger.venues.deribit;

import io.deltahedger.venues.deribit.DeribitMarketDataDecoder.Result;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.json.JsonCursor;
import io.deltahedger.venues.marketdata.FrameError;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

/**
 * Decodes the {@code data} of {@code ticker.{instrument}.{interval}} into an event.
 */
final class DeribitTickerReader {
    private static final JsonCursor.Name TIMESTAMP = new JsonCursor.Name("timestamp");
    private static final JsonCursor.Name INSTRUMENT_NAME = new JsonCursor.Name("instrument_name");
    private static final JsonCursor.Name BEST_BID_PRICE = new JsonCursor.Name("best_bid_price");
    private static final JsonCursor.Name BEST_BID_AMOUNT = new JsonCursor.Name("best_bid_amount");
    private static final JsonCursor.Name BEST_ASK_PRICE = new JsonCursor.Name("best_ask_price");
    private static final JsonCursor.Name BEST_ASK_AMOUNT = new JsonCursor.Name("best_ask_amount");
    private static final JsonCursor.Name LAST_PRICE = new JsonCursor.Name("last_price");
    private static final JsonCursor.Name MARK_PRICE = new JsonCursor.Name("mark_price");
    private static final JsonCursor.Name INDEX_PRICE = new JsonCursor.Name("index_price");
    private static final JsonCursor.Name SETTLEMENT_PRICE = new JsonCursor.Name("settlement_price");
    private static final JsonCursor.Name UNDERLYING_PRICE = new JsonCursor.Name("underlying_price");
    private static final JsonCursor.Name MARK_IV = new JsonCursor.Name("mark_iv");
    private static final JsonCursor.Name BID_IV = new JsonCursor.Name("bid_iv");
    private static final JsonCursor.Name ASK_IV = new JsonCursor.Name("ask_iv");
    private static final JsonCursor.Name OPEN_INTEREST = new JsonCursor.Name("open_interest");
    private static final JsonCursor.Name CURRENT_FUNDING = new JsonCursor.Name("current_funding");
    private static final JsonCursor.Name FUNDING_8H = new JsonCursor.Name("funding_8h");
    private static final JsonCursor.Name INTEREST_RATE = new JsonCursor.Name("interest_rate");
    private static final JsonCursor.Name GREEKS = new JsonCursor.Name("greeks");
    private static final JsonCursor.Name DELTA = new JsonCursor.Name("delta");
    private static final JsonCursor.Name GAMMA = new JsonCursor.Name("gamma");
    private static final JsonCursor.Name VEGA = new JsonCursor.Name("vega");
    private static final JsonCursor.Name THETA = new JsonCursor.Name("theta");
    private static final JsonCursor.Name RHO = new JsonCursor.Name("rho");

    private DeribitTickerReader() {
    }

    static Result read(final DeribitFrameReader fr, final int index, final Instrument instrument,
                       final MarketDataEvent event) {
        final JsonCursor j = fr.json;
        final DecimalGrid prices = instrument.priceGrid();
        final DecimalGrid amounts = instrument.amountGrid();
        long timestamp = 0;
        long bidTicks = 0;
        long bidLots = 0;
        long askTicks = 0;
        long askLots = 0;
        int bidParts = 0;
        int askParts = 0;
        event.header(Venue.DERIBIT, MarketDataType.TICKER, index, 0);
        if (!j.expect('{')) {
            return fr.jsonFailure();
        }
        if (!j.tryConsume('}')) {
            do {
                if (!j.readString() || !j.expect(':')) {
                    return fr.jsonFailure();
                }
                Result r = null;
                if (j.stringIs(TIMESTAMP)) {
                    if (!j.readLong()) {
                        return fr.jsonFailure();
                    }
                    timestamp = j.longValue();
                } else if (j.stringIs(INSTRUMENT_NAME)) {
                    if (!j.readString()) {
                        return fr.jsonFailure();
                    }
                    if (!fr.nameMatches()) {
                        return fr.drop(FrameError.INVALID_FIELD);
                    }
                } else if (j.stringIs(BEST_BID_PRICE)) {
                    r = fr.readTicks(prices, false, false);
                    if (r == null && fr.present) {
                        bidTicks = fr.units;
                        bidParts |= 1;
                    }
                } else if (j.stringIs(BEST_BID_AMOUNT)) {
                    r = fr.readLots(amounts, false);
                    if (r == null && fr.present) {
                        bidLots = fr.units;
                        bidParts |= 2;
                    }
                } else if (j.stringIs(BEST_ASK_PRICE)) {
                    r = fr.readTicks(prices, false, false);
                    if (r == null && fr.present) {
                        askTicks = fr.units;
                        askParts |= 1;
                    }
                } else if (j.stringIs(BEST_ASK_AMOUNT)) {
                    r = fr.readLots(amounts, false);
                    if (r == null && fr.present) {
                        askLots = fr.units;
                        askParts |= 2;
                    }
                } else if (j.stringIs(LAST_PRICE)) {
                    r = fr.readTicks(prices, false, false);
                    if (r == null && fr.present) {
                        event.lastPriceTicks(fr.units);
                    }
                } else if (j.stringIs(MARK_PRICE)) {
                    r = fr.readDouble(true);
                    if (r == null && fr.present) {
                        event.markPrice(fr.number);
                    }
                } else if (j.stringIs(INDEX_PRICE)) {
                    r = fr.readDouble(true);
                    if (r == null && fr.present) {
                        event.indexPrice(fr.number);
                    }
                } else if (j.stringIs(SETTLEMENT_PRICE)) {
                    r = fr.readDouble(true);
                    if (r == null && fr.present) {
                        event.settlementPrice(fr.number);
                    }
                } else if (j.stringIs(UNDERLYING_PRICE)) {
                    r = fr.readDouble(true);
                    if (r == null && fr.present) {
                        event.underlyingPrice(fr.number);
                    }
                } else if (j.stringIs(MARK_IV)) {
                    r = fr.readDouble(true);
                    if (r == null && fr.present) {
                        event.markIv(fr.number / 100.0);
                    }
                } else if (j.stringIs(BID_IV)) {
                    r = fr.readDouble(true);
                    if (r == null && fr.present) {
                        event.bidIv(fr.number / 100.0);
                    }
                } else if (j.stringIs(ASK_IV)) {
                    r = fr.readDouble(true);
                    if (r == null && fr.present) {
                        event.askIv(fr.number / 100.0);
                    }
                } else if (j.stringIs(OPEN_INTEREST)) {
                    r = fr.readDouble(true);
                    if (r == null && fr.present) {
                        event.openInterest(fr.number);
                    }
                } else if (j.stringIs(CURRENT_FUNDING)) {
                    r = fr.readDouble(false);
                    if (r == null && fr.present) {
                        event.currentFunding(fr.number);
                    }
                } else if (j.stringIs(FUNDING_8H)) {
                    r = fr.readDouble(false);
                    if (r == null && fr.present) {
                        event.funding8h(fr.number);
                    }
                } else if (j.stringIs(INTEREST_RATE)) {
                    r = fr.readDouble(false);
                    if (r == null && fr.present) {
                        event.interestRate(fr.number);
                    }
                } else if (j.stringIs(GREEKS)) {
                    r = readGreeks(fr, event);
                } else if (!j.skipValue()) {
                    return fr.jsonFailure();
                }
                if (r != null) {
                    return r;
                }
            } while (j.tryConsume(','));
            if (!j.expect('}')) {
                return fr.jsonFailure();
            }
        }
        if (bidParts == 3) {
            event.bestBid(bidTicks, bidLots);
        }
        if (askParts == 3) {
            event.bestAsk(askTicks, askLots);
        }
        event.venueTimestampMs(timestamp);
        return Result.DECODED;
    }

    private static Result readGreeks(final DeribitFrameReader fr, final MarketDataEvent event) {
        final JsonCursor j = fr.json;
        double delta = 0;
        double gamma = 0;
        double vega = 0;
        double theta = 0;
        double rho = 0;
        if (j.peek() == 'n') {
            return j.readNumberOrNull() == JsonCursor.NULL ? null : fr.jsonFailure();
        }
        if (!j.expect('{')) {
            return fr.jsonFailure();
        }
        if (!j.tryConsume('}')) {
            do {
                if (!j.readString() || !j.expect(':')) {
                    return fr.jsonFailure();
                }
                final int which = j.stringIs(DELTA) ? 1 : j.stringIs(GAMMA) ? 2 : j.stringIs(VEGA) ? 3
                    : j.stringIs(THETA) ? 4 : j.stringIs(RHO) ? 5 : 0;
                if (which == 0) {
                    if (!j.skipValue()) {
                        return fr.jsonFailure();
                    }
                    continue;
                }
                final Result r = fr.readDouble(false);
                if (r != null) {
                    return r;
                }
                final double v = fr.present ? fr.number : 0.0;
                switch (which) {
                    case 1 -> delta = v;
                    case 2 -> gamma = v;
                    case 3 -> vega = v;
                    case 4 -> theta = v;
                    default -> rho = v;
                }
            } while (j.tryConsume(','));
            if (!j.expect('}')) {
                return fr.jsonFailure();
            }
        }
        event.greeks(delta, gamma, vega, theta, rho);
        return null;
    }
}
