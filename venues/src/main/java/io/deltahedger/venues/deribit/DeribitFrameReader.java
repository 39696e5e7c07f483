package io.deltahedger.venues.deribit;

import io.deltahedger.venues.deribit.DeribitMarketDataDecoder.Result;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.json.JsonCursor;
import io.deltahedger.venues.marketdata.FrameError;

/**
 * The per-frame state the Deribit data readers share: the JSON cursor, the first error, where the channel's
 * instrument name sits in the frame, and the scratch results of the value readers (no allocation). Package-private;
 * owned by one {@link DeribitMarketDataDecoder}.
 */
final class DeribitFrameReader {
    final JsonCursor json = new JsonCursor();
    FrameError lastError;
    byte[] frame;
    int nameStart;
    int nameLength;

    // Scratch results of the value readers.
    long units;
    double number;
    boolean present;

    /** Starts a new frame. */
    void reset(final byte[] frame) {
        this.frame = frame;
        lastError = null;
    }

    /** Whether the last string read equals the channel's instrument name. */
    boolean nameMatches() {
        return json.stringEquals(frame, nameStart, nameLength);
    }

    /**
     * Reads a price onto the tick grid into {@link #units}; null means success ({@link #present} tells whether a
     * number or null was there).
     */
    Result readTicks(final DecimalGrid grid, final boolean required, final boolean positive) {
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
    Result readLots(final DecimalGrid grid, final boolean required) {
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

    boolean readDecimal(final boolean required) {
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
    Result readDouble(final boolean nonNegative) {
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

    Result jsonFailure() {
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

    Result drop(final FrameError error) {
        if (lastError == null) {
            lastError = error;
        }
        return Result.DROPPED;
    }
}
