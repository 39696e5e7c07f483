package io.deltahedger.venues.deribit;

import io.deltahedger.venues.deribit.DeribitMarketDataDecoder.Result;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.json.JsonCursor;
import io.deltahedger.venues.marketdata.FrameError;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

/**
 * Decodes the {@code data} array of {@code trades.{instrument}.{interval}} into an event.
 */
final class DeribitTradesReader {
    private static final JsonCursor.Name TIMESTAMP = new JsonCursor.Name("timestamp");
    private static final JsonCursor.Name INSTRUMENT_NAME = new JsonCursor.Name("instrument_name");
    private static final JsonCursor.Name TRADE_SEQ = new JsonCursor.Name("trade_seq");
    private static final JsonCursor.Name PRICE = new JsonCursor.Name("price");
    private static final JsonCursor.Name AMOUNT = new JsonCursor.Name("amount");
    private static final JsonCursor.Name DIRECTION = new JsonCursor.Name("direction");
    private static final JsonCursor.Name BUY = new JsonCursor.Name("buy");
    private static final JsonCursor.Name SELL = new JsonCursor.Name("sell");

    private DeribitTradesReader() {
    }

    static Result read(final DeribitFrameReader fr, final int index, final Instrument instrument,
                       final MarketDataEvent event) {
        final JsonCursor j = fr.json;
        final DecimalGrid prices = instrument.priceGrid();
        final DecimalGrid amounts = instrument.amountGrid();
        long lastTimestamp = 0;
        if (!j.expect('[')) {
            return fr.jsonFailure();
        }
        if (!j.tryConsume(']')) {
            do {
                long price = 0;
                long lots = 0;
                long seq = 0;
                long timestamp = 0;
                Side side = null;
                int seen = 0;
                if (!j.expect('{')) {
                    return fr.jsonFailure();
                }
                if (!j.tryConsume('}')) {
                    do {
                        if (!j.readString() || !j.expect(':')) {
                            return fr.jsonFailure();
                        }
                        if (j.stringIs(PRICE)) {
                            final Result r = fr.readTicks(prices, true, true);
                            if (r != null) {
                                return r;
                            }
                            price = fr.units;
                            seen |= 1;
                        } else if (j.stringIs(AMOUNT)) {
                            final Result r = fr.readLots(amounts, true);
                            if (r != null) {
                                return r;
                            }
                            if (fr.units == 0) {
                                return fr.drop(FrameError.INVALID_AMOUNT);
                            }
                            lots = fr.units;
                            seen |= 2;
                        } else if (j.stringIs(DIRECTION)) {
                            if (!j.readString()) {
                                return fr.jsonFailure();
                            }
                            if (j.stringIs(BUY)) {
                                side = Side.BUY;
                            } else if (j.stringIs(SELL)) {
                                side = Side.SELL;
                            } else {
                                return fr.drop(FrameError.INVALID_FIELD);
                            }
                            seen |= 4;
                        } else if (j.stringIs(TRADE_SEQ)) {
                            if (!j.readLong()) {
                                return fr.jsonFailure();
                            }
                            seq = j.longValue();
                            seen |= 8;
                        } else if (j.stringIs(TIMESTAMP)) {
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
                        } else if (!j.skipValue()) {
                            return fr.jsonFailure();
                        }
                    } while (j.tryConsume(','));
                    if (!j.expect('}')) {
                        return fr.jsonFailure();
                    }
                }
                if (seen != 15) {
                    return fr.drop(FrameError.MISSING_FIELD);
                }
                if (!event.trades().add(price, lots, side, seq, timestamp)) {
                    return fr.drop(FrameError.TOO_MANY_ENTRIES);
                }
                lastTimestamp = Math.max(lastTimestamp, timestamp);
            } while (j.tryConsume(','));
            if (!j.expect(']')) {
                return fr.jsonFailure();
            }
        }
        event.header(Venue.DERIBIT, MarketDataType.TRADES, index, lastTimestamp);
        return Result.DECODED;
    }
}
