package io.deltahedger.venues.deribit;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.json.JsonCursor;
import io.deltahedger.venues.marketdata.FrameError;
import io.deltahedger.venues.marketdata.FrameErrorCounters;
import io.deltahedger.venues.marketdata.MarketDataEvent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;


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

    private static final byte[] ENVELOPE_PREFIX =
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{".getBytes(StandardCharsets.US_ASCII);
    private static final JsonCursor.Name METHOD = new JsonCursor.Name("method");
    private static final JsonCursor.Name PARAMS = new JsonCursor.Name("params");
    private static final JsonCursor.Name CHANNEL = new JsonCursor.Name("channel");
    private static final JsonCursor.Name DATA = new JsonCursor.Name("data");
    private static final JsonCursor.Name SUBSCRIPTION = new JsonCursor.Name("subscription");
    private static final JsonCursor.Name BOOK_PREFIX = new JsonCursor.Name("book.");
    private static final JsonCursor.Name TICKER_PREFIX = new JsonCursor.Name("ticker.");
    private static final JsonCursor.Name TRADES_PREFIX = new JsonCursor.Name("trades.");

    private static final int BOOK = 1;
    private static final int TICKER = 2;
    private static final int TRADES = 3;

    private final InstrumentRegistry registry;
    private final FrameErrorCounters errors;
    private final DeribitFrameReader reader = new DeribitFrameReader();
    private final JsonCursor json = reader.json;

    // Where the parts of the frame being decoded are, and its instrument.
    private boolean subscription;
    private int channelStart;
    private int channelEnd;
    private int dataStart;
    private int dataEnd;
    private boolean decodedInline;
    private int instrumentIndex;
    private Instrument instrument;

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
        return reader.lastError;
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
        reader.reset(buf);
        final Result result = decodeFrame(buf, offset, length, event);
        if (result != Result.DECODED) {
            event.clear();
            if (result == Result.DROPPED) {
                errors.record(reader.lastError, buf, offset, length);
            }
        }
        reader.frame = null;                                     // lastError stays readable
        return result;
    }

    private Result decodeFrame(final byte[] buf, final int offset, final int length, final MarketDataEvent event) {
        final JsonCursor j = json.wrap(buf, offset, length);
        subscription = false;
        channelStart = -1;
        channelEnd = -1;
        dataStart = -1;
        dataEnd = -1;
        decodedInline = false;
        Result r;
        if (length > ENVELOPE_PREFIX.length
            && Arrays.equals(buf, offset, offset + ENVELOPE_PREFIX.length, ENVELOPE_PREFIX, 0, ENVELOPE_PREFIX.length)) {
            // Fast path: Deribit's usual envelope, {"jsonrpc":"2.0","method":"subscription","params":{ ...
            subscription = true;
            j.skip(ENVELOPE_PREFIX.length);
            if ((r = paramsBody(buf, event)) != null) {
                return r;
            }
        } else {
            if (!j.expect('{')) {
                return reader.jsonFailure();
            }
            if (j.tryConsume('}')) {
                return j.atEnd() ? Result.NOT_MARKET_DATA : reader.drop(FrameError.MALFORMED_JSON);
            }
            if ((r = member(buf, event)) != null) {
                return r;
            }
        }
        while (j.tryConsume(',')) {
            if ((r = member(buf, event)) != null) {
                return r;
            }
        }
        if (!j.expect('}')) {
            return reader.jsonFailure();
        }
        if (!j.atEnd()) {
            return reader.drop(FrameError.MALFORMED_JSON);
        }
        if (!subscription) {
            return Result.NOT_MARKET_DATA;
        }
        if (channelStart < 0 || dataStart < 0) {
            return reader.drop(FrameError.MISSING_FIELD);
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

    /** One top-level member ({@code "key":value}); null when it was read, else the drop result. */
    private Result member(final byte[] buf, final MarketDataEvent event) {
        final JsonCursor j = json;
        if (!j.readString() || !j.expect(':')) {
            return reader.jsonFailure();
        }
        if (j.stringIs(METHOD)) {
            if (!j.readString()) {
                return reader.jsonFailure();
            }
            subscription = j.stringIs(SUBSCRIPTION);
            return null;
        }
        if (j.stringIs(PARAMS) && j.peek() == '{') {
            j.expect('{');
            return paramsBody(buf, event);
        }
        return j.skipValue() ? null : reader.jsonFailure();
    }

    /**
     * The members of {@code params} after its opening brace, through its closing brace: records where the channel
     * and the data are, and decodes the data at once when the channel came first (Deribit's usual order).
     */
    private Result paramsBody(final byte[] buf, final MarketDataEvent event) {
        final JsonCursor j = json;
        if (j.tryConsume('}')) {
            return null;
        }
        do {
            if (!j.readString() || !j.expect(':')) {
                return reader.jsonFailure();
            }
            if (j.stringIs(CHANNEL)) {
                if (!j.readString()) {
                    return reader.jsonFailure();
                }
                channelStart = j.stringStart();
                channelEnd = j.stringEnd();
            } else if (j.stringIs(DATA)) {
                j.peek();
                dataStart = j.position();
                if (channelStart >= 0) {
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
                        return reader.jsonFailure();
                    }
                } else if (!j.skipValue()) {
                    return reader.jsonFailure();
                }
                dataEnd = j.position();
            } else if (!j.skipValue()) {
                return reader.jsonFailure();
            }
        } while (j.tryConsume(','));
        return j.expect('}') ? null : reader.jsonFailure();
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
        final int nameStart = channelStart + prefixLength;
        reader.nameStart = nameStart;
        int dot = -1;
        for (int i = nameStart; i < channelEnd; i++) {
            if (buf[i] == '.') {
                if (dot >= 0) {
                    reader.drop(FrameError.UNSUPPORTED_CHANNEL);
                    return -1;
                }
                dot = i;
            }
        }
        if (dot <= nameStart || dot == channelEnd - 1) {
            reader.drop(FrameError.UNSUPPORTED_CHANNEL);
            return -1;
        }
        final int nameLength = dot - nameStart;
        reader.nameLength = nameLength;
        final int index = registry.indexOfNative(Venue.DERIBIT, buf, nameStart, nameLength);
        if (index == InstrumentRegistry.UNKNOWN) {
            reader.drop(FrameError.UNKNOWN_INSTRUMENT);
            return -1;
        }
        instrumentIndex = index;
        instrument = registry.instrument(index);
        return kind;
    }

    private Result decodeData(final int kind, final MarketDataEvent event) {
        switch (kind) {
            case BOOK:
                return DeribitBookReader.read(reader, instrumentIndex, instrument, event);
            case TICKER:
                return DeribitTickerReader.read(reader, instrumentIndex, instrument, event);
            default:
                return DeribitTradesReader.read(reader, instrumentIndex, instrument, event);
        }
    }

    private static boolean startsWith(final byte[] buf, final int start, final int end, final JsonCursor.Name name) {
        final byte[] prefix = name.bytes();
        return end - start >= prefix.length
            && java.util.Arrays.equals(buf, start, start + prefix.length, prefix, 0, prefix.length);
    }

}
