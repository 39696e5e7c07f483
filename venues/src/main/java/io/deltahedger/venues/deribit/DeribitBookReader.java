package io.deltahedger.venues.deribit;

import io.deltahedger.venues.deribit.DeribitMarketDataDecoder.Result;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.json.JsonCursor;
import io.deltahedger.venues.marketdata.FrameError;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.Levels;

/**
 * Decodes the {@code data} of {@code book.{instrument}.{interval}} (snapshot or change) into an event.
 */
final class DeribitBookReader {
    private static final JsonCursor.Name TYPE = new JsonCursor.Name("type");
    private static final JsonCursor.Name SNAPSHOT = new JsonCursor.Name("snapshot");
    private static final JsonCursor.Name CHANGE = new JsonCursor.Name("change");
    private static final JsonCursor.Name NEW = new JsonCursor.Name("new");
    private static final JsonCursor.Name DELETE = new JsonCursor.Name("delete");
    private static final JsonCursor.Name TIMESTAMP = new JsonCursor.Name("timestamp");
    private static final JsonCursor.Name CHANGE_ID = new JsonCursor.Name("change_id");
    private static final JsonCursor.Name PREV_CHANGE_ID = new JsonCursor.Name("prev_change_id");
    private static final JsonCursor.Name INSTRUMENT_NAME = new JsonCursor.Name("instrument_name");
    private static final JsonCursor.Name BIDS = new JsonCursor.Name("bids");
    private static final JsonCursor.Name ASKS = new JsonCursor.Name("asks");

    private DeribitBookReader() {
    }

    static Result read(final DeribitFrameReader fr, final int index, final Instrument instrument,
                       final MarketDataEvent event) {
        final JsonCursor j = fr.json;
        final DecimalGrid prices = instrument.priceGrid();
        final DecimalGrid amounts = instrument.amountGrid();
        int type = 0;
        long timestamp = 0;
        long changeId = MarketDataEvent.NO_SEQUENCE;
        long prevChangeId = MarketDataEvent.NO_SEQUENCE;
        boolean haveChangeId = false;
        boolean havePrev = false;
        if (!j.expect('{')) {
            return fr.jsonFailure();
        }
        if (!j.tryConsume('}')) {
            do {
                if (!j.readString() || !j.expect(':')) {
                    return fr.jsonFailure();
                }
                if (j.stringIs(TYPE)) {
                    if (!j.readString()) {
                        return fr.jsonFailure();
                    }
                    if (j.stringIs(SNAPSHOT)) {
                        type = 1;
                    } else if (j.stringIs(CHANGE)) {
                        type = 2;
                    } else {
                        return fr.drop(FrameError.INVALID_FIELD);
                    }
                } else if (j.stringIs(CHANGE_ID)) {
                    if (!j.readLong()) {
                        return fr.jsonFailure();
                    }
                    changeId = j.longValue();
                    haveChangeId = true;
                } else if (j.stringIs(PREV_CHANGE_ID)) {
                    if (!j.readLong()) {
                        return fr.jsonFailure();
                    }
                    prevChangeId = j.longValue();
                    havePrev = true;
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
                } else if (j.stringIs(BIDS)) {
                    final Result r = readLevels(fr, event.bids(), prices, amounts);
                    if (r != null) {
                        return r;
                    }
                } else if (j.stringIs(ASKS)) {
                    final Result r = readLevels(fr, event.asks(), prices, amounts);
                    if (r != null) {
                        return r;
                    }
                } else if (!j.skipValue()) {
                    return fr.jsonFailure();
                }
            } while (j.tryConsume(','));
            if (!j.expect('}')) {
                return fr.jsonFailure();
            }
        }
        if (type == 0 || !haveChangeId || (type == 2 && !havePrev)) {
            return fr.drop(FrameError.MISSING_FIELD);
        }
        event.header(Venue.DERIBIT, type == 1 ? MarketDataType.BOOK_SNAPSHOT : MarketDataType.BOOK_CHANGE,
            index, timestamp);
        event.sequence(changeId);
        event.prevSequence(type == 1 ? MarketDataEvent.NO_SEQUENCE : prevChangeId);
        return Result.DECODED;
    }

    /** Reads {@code [[action, price, amount], ...]}; returns null on success or the drop result. */
    private static Result readLevels(final DeribitFrameReader fr, final Levels out, final DecimalGrid prices,
                                     final DecimalGrid amounts) {
        final JsonCursor j = fr.json;
        if (!j.expect('[')) {
            return fr.jsonFailure();
        }
        if (j.tryConsume(']')) {
            return null;
        }
        do {
            if (!j.expect('[') || !j.readString()) {
                return fr.jsonFailure();
            }
            final boolean delete;
            if (j.stringIs(DELETE)) {
                delete = true;
            } else if (j.stringIs(NEW) || j.stringIs(CHANGE)) {
                delete = false;
            } else {
                return fr.drop(FrameError.INVALID_FIELD);
            }
            if (!j.expect(',')) {
                return fr.jsonFailure();
            }
            Result r = fr.readTicks(prices, true, true);
            if (r != null) {
                return r;
            }
            final long price = fr.units;
            if (!j.expect(',')) {
                return fr.jsonFailure();
            }
            r = fr.readLots(amounts, true);
            if (r != null) {
                return r;
            }
            if (!j.expect(']')) {
                return fr.jsonFailure();
            }
            if (!out.add(price, delete ? 0 : fr.units)) {
                return fr.drop(FrameError.TOO_MANY_ENTRIES);
            }
        } while (j.tryConsume(','));
        return j.expect(']') ? null : fr.jsonFailure();
    }
}
