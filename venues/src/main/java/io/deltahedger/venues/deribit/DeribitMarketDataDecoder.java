package io.deltahedger.venues.deribit;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.json.JsonCursor;
import io.deltahedger.venues.marketdata.FrameError;
import io.deltahedger.venues.marketdata.FrameErrorCounters;
import io.deltahedger.venues.marketdata.Levels;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;


/**
 * Decodes Deribit JSON-RPC {@code subscription} notifications into a pre-allocated {@link MarketDataEvent} without
 * allocating: {@code book.{instrument}.{raw|100ms|agg2}} (snapshot and change), {@code ticker.{instrument}.{interval}}
 * and {@code trades.{instrument}.{interval}}.
 *
 * <p>Every price on the instrument's tick grid becomes long ticks and every amount long lots, exactly; mark, index
 * and the Greeks become doubles; implied vols become fractions. A frame that is malformed or carries a nonsense
 * value (truncated JSON, NaN, a negative amount, an unknown instrument, a price off the tick grid, ...) is dropped
 * whole: the event is cleared, the {@link FrameError} counted and rate-limit logged by {@link FrameErrorCounters}, and
 * {@link Result#DROPPED} returned. Other JSON-RPC messages (responses, heartbeats, user.* channels) give
 * {@link Result#NOT_MARKET_DATA} for the session to handle.
 *
 * <p>Field order inside objects is free, as JSON allows: the channel is located first, then {@code data} is
 * decoded with the instrument's grids. Single-threaded; one decoder per connection thread.
 */
public final class DeribitMarketDataDecoder {
    /** The outcome of {@link #decode}. */
    public enum Result {
        /** The event holds a book snapshot or change, a ticker or trades. */
        DECODED,
        /** Valid JSON-RPC but not a market-data notification this decoder handles; the event is cleared. */
        NOT_MARKET_DATA,
        /** Dropped and counted; see {@link #lastError()}. The event is cleared. */
        DROPPED
    }

    private static final JsonCursor.Name METHOD = new JsonCursor.Name("method");
    private static final JsonCursor.Name PARAMS = new JsonCursor.Name("params");
    private static final JsonCursor.Name CHANNEL = new JsonCursor.Name("channel");
    private static final JsonCursor.Name DATA = new JsonCursor.Name("data");
    private static final JsonCursor.Name SUBSCRIPTION = new JsonCursor.Name("subscription");
    private static final JsonCursor.Name BOOK_PREFIX = new JsonCursor.Name("book.");
    private static final JsonCursor.Name TICKER_PREFIX = new JsonCursor.Name("ticker.");
    private static final JsonCursor.Name TRADES_PREFIX = new JsonCursor.Name("trades.");
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
    private static final JsonCursor.Name TRADE_SEQ = new JsonCursor.Name("trade_seq");
    private static final JsonCursor.Name PRICE = new JsonCursor.Name("price");
    private static final JsonCursor.Name AMOUNT = new JsonCursor.Name("amount");
    private static final JsonCursor.Name DIRECTION = new JsonCursor.Name("direction");
    private static final JsonCursor.Name BUY = new JsonCursor.Name("buy");
    private static final JsonCursor.Name SELL = new JsonCursor.Name("sell");

    private static final int BOOK = 1;
    private static final int TICKER = 2;
    private static final int TRADES = 3;

    private final InstrumentRegistry registry;
    private final FrameErrorCounters errors;
    private final JsonCursor json = new JsonCursor();
    private FrameError lastError;

    // The frame being decoded and the instrument name inside it.
    private byte[] frame;
    private int nameStart;
    private int nameLength;
    private int instrumentIndex;
    private Instrument instrument;

    // Scratch results of the value readers (no allocation).
    private long units;
    private double number;
    private boolean present;

    /**
     * @param registry the instruments to decode (others are dropped as {@link FrameError#UNKNOWN_INSTRUMENT})
     * @param errors   where dropped frames are counted
     */
    public DeribitMarketDataDecoder(final InstrumentRegistry registry, final FrameErrorCounters errors) {
        this.registry = registry;
        this.errors = errors;
    }

    /** Why the last {@link Result#DROPPED} frame was dropped (null after a successful decode). */
    public FrameError lastError() {
        return lastError;
    }

    public FrameErrorCounters errors() {
        return errors;
    }

    /**
     * Decodes one WebSocket text frame {@code buf[offset, offset + length)} into {@code event}.
     *
     * @return what happened; on anything but {@link Result#DECODED} the event is left cleared
     */
    public Result decode(final byte[] buf, final int offset, final int length, final MarketDataEvent event) {
        event.clear();
        lastError = null;
        frame = buf;
        final Result result = decodeFrame(buf, offset, length, event);
        if (result != Result.DECODED) {
            event.clear();
            if (result == Result.DROPPED) {
                errors.record(lastError, buf, offset, length);
            }
        }
        frame = null;
        return result;
    }

    private Result decodeFrame(final byte[] buf, final int offset, final int length, final MarketDataEvent event) {
        final JsonCursor j = json.wrap(buf, offset, length);
        boolean subscription = false;
        int channelStart = -1;
        int channelEnd = -1;
        int dataStart = -1;
        int dataEnd = -1;
        boolean decodedInline = false;
        if (!j.expect('{')) {
            return jsonFailure();
        }
        if (!j.tryConsume('}')) {
            do {
                if (!j.readString() || !j.expect(':')) {
                    return jsonFailure();
                }
                if (j.stringIs(METHOD)) {
                    if (!j.readString()) {
                        return jsonFailure();
                    }
                    subscription = j.stringIs(SUBSCRIPTION);
                } else if (j.stringIs(PARAMS) && j.peek() == '{') {
                    j.expect('{');
                    if (!j.tryConsume('}')) {
                        do {
                            if (!j.readString() || !j.expect(':')) {
                                return jsonFailure();
                            }
                            if (j.stringIs(CHANNEL)) {
                                if (!j.readString()) {
                                    return jsonFailure();
                                }
                                channelStart = j.stringStart();
                                channelEnd = j.stringEnd();
                            } else if (j.stringIs(DATA)) {
                                j.peek();
                                dataStart = j.position();
                                if (channelStart >= 0) {
                                    // Usual order (channel first): decode data in this one pass.
                                    final int kind = resolveChannel(buf, channelStart, channelEnd);
                                    if (kind < 0) {
                                        return Result.DROPPED;
                                    }
                                    if (kind > 0) {
                                        final Result r = decodeData(kind, event);
                                        if (r != Result.DECODED) {
                                            return r;
                                        }
                                        decodedInline = true;
                                    } else if (!j.skipValue()) {
                                        return jsonFailure();
                                    }
                                } else if (!j.skipValue()) {
                                    return jsonFailure();
                                }
                                dataEnd = j.position();
                            } else if (!j.skipValue()) {
                                return jsonFailure();
                            }
                        } while (j.tryConsume(','));
                        if (!j.expect('}')) {
                            return jsonFailure();
                        }
                    }
                } else if (!j.skipValue()) {
                    return jsonFailure();
                }
            } while (j.tryConsume(','));
            if (!j.expect('}')) {
                return jsonFailure();
            }
        }
        if (!j.atEnd()) {
            return drop(FrameError.MALFORMED_JSON);
        }
        if (!subscription) {
            return Result.NOT_MARKET_DATA;
        }
        if (channelStart < 0 || dataStart < 0) {
            return drop(FrameError.MISSING_FIELD);
        }
        if (decodedInline) {
            return Result.DECODED;
        }
        // Data came before the channel (valid JSON, seen in Deribit's own examples): decode it now.
        final int kind = resolveChannel(buf, channelStart, channelEnd);
        if (kind <= 0) {
            return kind < 0 ? Result.DROPPED : Result.NOT_MARKET_DATA;
        }
        j.wrap(buf, dataStart, dataEnd - dataStart);
        return decodeData(kind, event);
    }

    /**
     * Classifies the channel and resolves its instrument into {@link #instrumentIndex} / {@link #instrument}.
     *
     * @return BOOK, TICKER or TRADES; 0 for channels that are not market data for this decoder; -1 if dropped
     */
    private int resolveChannel(final byte[] buf, final int channelStart, final int channelEnd) {
        final int kind;
        final int prefixLength;
        if (startsWith(buf, channelStart, channelEnd, BOOK_PREFIX)) {
            kind = BOOK;
            prefixLength = BOOK_PREFIX.bytes().length;
        } else if (startsWith(buf, channelStart, channelEnd, TICKER_PREFIX)) {
            kind = TICKER;
            prefixLength = TICKER_PREFIX.bytes().length;
        } else if (startsWith(buf, channelStart, channelEnd, TRADES_PREFIX)) {
            kind = TRADES;
            prefixLength = TRADES_PREFIX.bytes().length;
        } else {
            return 0;
        }
        // {prefix}{instrument}.{interval}: exactly one more dot (grouped books and per-kind trade channels have more).
        nameStart = channelStart + prefixLength;
        int dot = -1;
        for (int i = nameStart; i < channelEnd; i++) {
            if (buf[i] == '.') {
                if (dot >= 0) {
                    drop(FrameError.UNSUPPORTED_CHANNEL);
                    return -1;
                }
                dot = i;
            }
        }
        if (dot <= nameStart || dot == channelEnd - 1) {
            drop(FrameError.UNSUPPORTED_CHANNEL);
            return -1;
        }
        nameLength = dot - nameStart;
        final int index = registry.indexOfNative(Venue.DERIBIT, buf, nameStart, nameLength);
        if (index == InstrumentRegistry.UNKNOWN) {
            drop(FrameError.UNKNOWN_INSTRUMENT);
            return -1;
        }
        instrumentIndex = index;
        instrument = registry.instrument(index);
        return kind;
    }

    private Result decodeData(final int kind, final MarketDataEvent event) {
        switch (kind) {
            case BOOK:
                return decodeBook(instrumentIndex, instrument, event);
            case TICKER:
                return decodeTicker(instrumentIndex, instrument, event);
            default:
                return decodeTrades(instrumentIndex, instrument, event);
        }
    }

    private Result decodeBook(final int index, final Instrument instrument, final MarketDataEvent event) {
        final JsonCursor j = json;
        final DecimalGrid prices = instrument.priceGrid();
        final DecimalGrid amounts = instrument.amountGrid();
        int type = 0;
        long timestamp = 0;
        long changeId = MarketDataEvent.NO_SEQUENCE;
        long prevChangeId = MarketDataEvent.NO_SEQUENCE;
        boolean haveChangeId = false;
        boolean havePrev = false;
        if (!j.expect('{')) {
            return jsonFailure();
        }
        if (!j.tryConsume('}')) {
            do {
                if (!j.readString() || !j.expect(':')) {
                    return jsonFailure();
                }
                if (j.stringIs(TYPE)) {
                    if (!j.readString()) {
                        return jsonFailure();
                    }
                    if (j.stringIs(SNAPSHOT)) {
                        type = 1;
                    } else if (j.stringIs(CHANGE)) {
                        type = 2;
                    } else {
                        return drop(FrameError.INVALID_FIELD);
                    }
                } else if (j.stringIs(CHANGE_ID)) {
                    if (!j.readLong()) {
                        return jsonFailure();
                    }
                    changeId = j.longValue();
                    haveChangeId = true;
                } else if (j.stringIs(PREV_CHANGE_ID)) {
                    if (!j.readLong()) {
                        return jsonFailure();
                    }
                    prevChangeId = j.longValue();
                    havePrev = true;
                } else if (j.stringIs(TIMESTAMP)) {
                    if (!j.readLong()) {
                        return jsonFailure();
                    }
                    timestamp = j.longValue();
                } else if (j.stringIs(INSTRUMENT_NAME)) {
                    if (!j.readString()) {
                        return jsonFailure();
                    }
                    if (!j.stringEquals(frame, nameStart, nameLength)) {
                        return drop(FrameError.INVALID_FIELD);
                    }
                } else if (j.stringIs(BIDS)) {
                    final Result r = readLevels(event.bids(), prices, amounts);
                    if (r != null) {
                        return r;
                    }
                } else if (j.stringIs(ASKS)) {
                    final Result r = readLevels(event.asks(), prices, amounts);
                    if (r != null) {
                        return r;
                    }
                } else if (!j.skipValue()) {
                    return jsonFailure();
                }
            } while (j.tryConsume(','));
            if (!j.expect('}')) {
                return jsonFailure();
            }
        }
        if (type == 0 || !haveChangeId || (type == 2 && !havePrev)) {
            return drop(FrameError.MISSING_FIELD);
        }
        event.header(Venue.DERIBIT, type == 1 ? MarketDataType.BOOK_SNAPSHOT : MarketDataType.BOOK_CHANGE, index, timestamp);
        event.sequence(changeId);
        event.prevSequence(type == 1 ? MarketDataEvent.NO_SEQUENCE : prevChangeId);
        return Result.DECODED;
    }

    /** Reads {@code [[action, price, amount], ...]}; returns null on success or the drop result. */
    private Result readLevels(final Levels out, final DecimalGrid prices, final DecimalGrid amounts) {
        final JsonCursor j = json;
        if (!j.expect('[')) {
            return jsonFailure();
        }
        if (j.tryConsume(']')) {
            return null;
        }
        do {
            if (!j.expect('[') || !j.readString()) {
                return jsonFailure();
            }
            final boolean delete;
            if (j.stringIs(DELETE)) {
                delete = true;
            } else if (j.stringIs(NEW) || j.stringIs(CHANGE)) {
                delete = false;
            } else {
                return drop(FrameError.INVALID_FIELD);
            }
            if (!j.expect(',')) {
                return jsonFailure();
            }
            Result r = readTicks(prices, true, true);
            if (r != null) {
                return r;
            }
            final long price = units;
            if (!j.expect(',')) {
                return jsonFailure();
            }
            r = readLots(amounts, true);
            if (r != null) {
                return r;
            }
            if (!j.expect(']')) {
                return jsonFailure();
            }
            if (!out.add(price, delete ? 0 : units)) {
                return drop(FrameError.TOO_MANY_ENTRIES);
            }
        } while (j.tryConsume(','));
        return j.expect(']') ? null : jsonFailure();
    }

    private Result decodeTicker(final int index, final Instrument instrument, final MarketDataEvent event) {
        final JsonCursor j = json;
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
            return jsonFailure();
        }
        if (!j.tryConsume('}')) {
            do {
                if (!j.readString() || !j.expect(':')) {
                    return jsonFailure();
                }
                Result r = null;
                if (j.stringIs(TIMESTAMP)) {
                    if (!j.readLong()) {
                        return jsonFailure();
                    }
                    timestamp = j.longValue();
                } else if (j.stringIs(INSTRUMENT_NAME)) {
                    if (!j.readString()) {
                        return jsonFailure();
                    }
                    if (!j.stringEquals(frame, nameStart, nameLength)) {
                        return drop(FrameError.INVALID_FIELD);
                    }
                } else if (j.stringIs(BEST_BID_PRICE)) {
                    r = readTicks(prices, false, false);
                    if (r == null && present) {
                        bidTicks = units;
                        bidParts |= 1;
                    }
                } else if (j.stringIs(BEST_BID_AMOUNT)) {
                    r = readLots(amounts, false);
                    if (r == null && present) {
                        bidLots = units;
                        bidParts |= 2;
                    }
                } else if (j.stringIs(BEST_ASK_PRICE)) {
                    r = readTicks(prices, false, false);
                    if (r == null && present) {
                        askTicks = units;
                        askParts |= 1;
                    }
                } else if (j.stringIs(BEST_ASK_AMOUNT)) {
                    r = readLots(amounts, false);
                    if (r == null && present) {
                        askLots = units;
                        askParts |= 2;
                    }
                } else if (j.stringIs(LAST_PRICE)) {
                    r = readTicks(prices, false, false);
                    if (r == null && present) {
                        event.lastPriceTicks(units);
                    }
                } else if (j.stringIs(MARK_PRICE)) {
                    r = readDouble(true);
                    if (r == null && present) {
                        event.markPrice(number);
                    }
                } else if (j.stringIs(INDEX_PRICE)) {
                    r = readDouble(true);
                    if (r == null && present) {
                        event.indexPrice(number);
                    }
                } else if (j.stringIs(SETTLEMENT_PRICE)) {
                    r = readDouble(true);
                    if (r == null && present) {
                        event.settlementPrice(number);
                    }
                } else if (j.stringIs(UNDERLYING_PRICE)) {
                    r = readDouble(true);
                    if (r == null && present) {
                        event.underlyingPrice(number);
                    }
                } else if (j.stringIs(MARK_IV)) {
                    r = readDouble(true);
                    if (r == null && present) {
                        event.markIv(number / 100.0);
                    }
                } else if (j.stringIs(BID_IV)) {
                    r = readDouble(true);
                    if (r == null && present) {
                        event.bidIv(number / 100.0);
                    }
                } else if (j.stringIs(ASK_IV)) {
                    r = readDouble(true);
                    if (r == null && present) {
                        event.askIv(number / 100.0);
                    }
                } else if (j.stringIs(OPEN_INTEREST)) {
                    r = readDouble(true);
                    if (r == null && present) {
                        event.openInterest(number);
                    }
                } else if (j.stringIs(CURRENT_FUNDING)) {
                    r = readDouble(false);
                    if (r == null && present) {
                        event.currentFunding(number);
                    }
                } else if (j.stringIs(FUNDING_8H)) {
                    r = readDouble(false);
                    if (r == null && present) {
                        event.funding8h(number);
                    }
                } else if (j.stringIs(INTEREST_RATE)) {
                    r = readDouble(false);
                    if (r == null && present) {
                        event.interestRate(number);
                    }
                } else if (j.stringIs(GREEKS)) {
                    r = readGreeks(event);
                } else if (!j.skipValue()) {
                    return jsonFailure();
                }
                if (r != null) {
                    return r;
                }
            } while (j.tryConsume(','));
            if (!j.expect('}')) {
                return jsonFailure();
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

    private Result readGreeks(final MarketDataEvent event) {
        final JsonCursor j = json;
        double delta = 0;
        double gamma = 0;
        double vega = 0;
        double theta = 0;
        double rho = 0;
        if (j.peek() == 'n') {
            return j.readNumberOrNull() == JsonCursor.NULL ? null : jsonFailure();
        }
        if (!j.expect('{')) {
            return jsonFailure();
        }
        if (!j.tryConsume('}')) {
            do {
                if (!j.readString() || !j.expect(':')) {
                    return jsonFailure();
                }
                final int which = j.stringIs(DELTA) ? 1 : j.stringIs(GAMMA) ? 2 : j.stringIs(VEGA) ? 3
                    : j.stringIs(THETA) ? 4 : j.stringIs(RHO) ? 5 : 0;
                if (which == 0) {
                    if (!j.skipValue()) {
                        return jsonFailure();
                    }
                    continue;
                }
                final Result r = readDouble(false);
                if (r != null) {
                    return r;
                }
                final double v = present ? number : 0.0;
                switch (which) {
                    case 1 -> delta = v;
                    case 2 -> gamma = v;
                    case 3 -> vega = v;
                    case 4 -> theta = v;
                    default -> rho = v;
                }
            } while (j.tryConsume(','));
            if (!j.expect('}')) {
                return jsonFailure();
            }
        }
        event.greeks(delta, gamma, vega, theta, rho);
        return null;
    }

    private Result decodeTrades(final int index, final Instrument instrument, final MarketDataEvent event) {
        final JsonCursor j = json;
        final DecimalGrid prices = instrument.priceGrid();
        final DecimalGrid amounts = instrument.amountGrid();
        long lastTimestamp = 0;
        if (!j.expect('[')) {
            return jsonFailure();
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
                    return jsonFailure();
                }
                if (!j.tryConsume('}')) {
                    do {
                        if (!j.readString() || !j.expect(':')) {
                            return jsonFailure();
                        }
                        if (j.stringIs(PRICE)) {
                            final Result r = readTicks(prices, true, true);
                            if (r != null) {
                                return r;
                            }
                            price = units;
                            seen |= 1;
                        } else if (j.stringIs(AMOUNT)) {
                            final Result r = readLots(amounts, true);
                            if (r != null) {
                                return r;
                            }
                            if (units == 0) {
                                return drop(FrameError.INVALID_AMOUNT);
                            }
                            lots = units;
                            seen |= 2;
                        } else if (j.stringIs(DIRECTION)) {
                            if (!j.readString()) {
                                return jsonFailure();
                            }
                            if (j.stringIs(BUY)) {
                                side = Side.BUY;
                            } else if (j.stringIs(SELL)) {
                                side = Side.SELL;
                            } else {
                                return drop(FrameError.INVALID_FIELD);
                            }
                            seen |= 4;
                        } else if (j.stringIs(TRADE_SEQ)) {
                            if (!j.readLong()) {
                                return jsonFailure();
                            }
                            seq = j.longValue();
                            seen |= 8;
                        } else if (j.stringIs(TIMESTAMP)) {
                            if (!j.readLong()) {
                                return jsonFailure();
                            }
                            timestamp = j.longValue();
                        } else if (j.stringIs(INSTRUMENT_NAME)) {
                            if (!j.readString()) {
                                return jsonFailure();
                            }
                            if (!j.stringEquals(frame, nameStart, nameLength)) {
                                return drop(FrameError.INVALID_FIELD);
                            }
                        } else if (!j.skipValue()) {
                            return jsonFailure();
                        }
                    } while (j.tryConsume(','));
                    if (!j.expect('}')) {
                        return jsonFailure();
                    }
                }
                if (seen != 15) {
                    return drop(FrameError.MISSING_FIELD);
                }
                if (!event.trades().add(price, lots, side, seq, timestamp)) {
                    return drop(FrameError.TOO_MANY_ENTRIES);
                }
                lastTimestamp = Math.max(lastTimestamp, timestamp);
            } while (j.tryConsume(','));
            if (!j.expect(']')) {
                return jsonFailure();
            }
        }
        event.header(Venue.DERIBIT, MarketDataType.TRADES, index, lastTimestamp);
        return Result.DECODED;
    }

    /**
     * Reads a price onto the tick grid into {@link #units}; null means success ({@link #present} tells whether a
     * number or null was there).
     */
    private Result readTicks(final DecimalGrid grid, final boolean required, final boolean positive) {
        if (!readDecimal(required)) {
            return lastError == null ? jsonFailure() : Result.DROPPED;
        }
        if (!present) {
            return null;
        }
        final long mantissa = json.mantissa();
        if (mantissa < 0 || (positive && mantissa == 0)) {
            return drop(FrameError.INVALID_PRICE);
        }
        final long ticks = grid.unitsOf(mantissa, json.scale());
        if (ticks == DecimalGrid.OFF_GRID) {
            return drop(FrameError.OFF_TICK_PRICE);
        }
        if (ticks == DecimalGrid.OUT_OF_RANGE) {
            return drop(FrameError.NUMBER_OUT_OF_RANGE);
        }
        units = ticks;
        return null;
    }

    /** Reads a non-negative amount onto the amount grid into {@link #units}; null means success. */
    private Result readLots(final DecimalGrid grid, final boolean required) {
        if (!readDecimal(required)) {
            return lastError == null ? jsonFailure() : Result.DROPPED;
        }
        if (!present) {
            return null;
        }
        final long mantissa = json.mantissa();
        if (mantissa < 0) {
            return drop(FrameError.INVALID_AMOUNT);
        }
        final long lots = grid.unitsOf(mantissa, json.scale());
        if (lots == DecimalGrid.OFF_GRID) {
            return drop(FrameError.OFF_LOT_AMOUNT);
        }
        if (lots == DecimalGrid.OUT_OF_RANGE) {
            return drop(FrameError.NUMBER_OUT_OF_RANGE);
        }
        units = lots;
        return null;
    }

    private boolean readDecimal(final boolean required) {
        final int r = json.readNumberOrNull();
        if (r == JsonCursor.FAILED) {
            return false;
        }
        if (r == JsonCursor.NULL) {
            if (required) {
                drop(FrameError.NOT_A_NUMBER);
                return false;
            }
            present = false;
            return true;
        }
        if (json.inexact()) {
            drop(FrameError.NUMBER_OUT_OF_RANGE);
            return false;
        }
        present = true;
        return true;
    }

    /** Reads an optional finite double into {@link #number}; null means success. */
    private Result readDouble(final boolean nonNegative) {
        final int r = json.readNumberOrNull();
        if (r == JsonCursor.FAILED) {
            return jsonFailure();
        }
        if (r == JsonCursor.NULL) {
            present = false;
            return null;
        }
        final double v = json.doubleValue();
        if (!Double.isFinite(v)) {
            return drop(FrameError.NUMBER_OUT_OF_RANGE);
        }
        if (nonNegative && v < 0) {
            return drop(FrameError.INVALID_PRICE);
        }
        number = v;
        present = true;
        return null;
    }

    private Result jsonFailure() {
        if (lastError != null) {
            return Result.DROPPED;
        }
        switch (json.failure()) {
            case TRUNCATED:
                return drop(FrameError.TRUNCATED);
            case NOT_A_NUMBER:
                return drop(FrameError.NOT_A_NUMBER);
            default:
                return drop(FrameError.MALFORMED_JSON);
        }
    }

    private Result drop(final FrameError error) {
        if (lastError == null) {
            lastError = error;
        }
        return Result.DROPPED;
    }

    private static boolean startsWith(final byte[] buf, final int start, final int end, final JsonCursor.Name name) {
        final byte[] prefix = name.bytes();
        return end - start >= prefix.length
            && java.util.Arrays.equals(buf, start, start + prefix.length, prefix, 0, prefix.length);
    }

}
