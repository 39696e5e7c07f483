package io.deltahedger.venues.marketdata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Counts dropped frames per {@link FrameError} and logs with a rate limit: one WARN line the first time a kind is
 * seen, then one at every power of ten (10th, 100th, ...), each with the count and the head of the frame. Counting
 * allocates nothing; only the rare log lines do.
 *
 * <p>Threading: one writer (the decoder's thread); {@link #count} may be read from other threads and is then a
 * possibly slightly stale value, which is all a metrics scrape needs.
 */
public final class FrameErrorCounters {
    private static final Logger LOG = LoggerFactory.getLogger(FrameErrorCounters.class);
    private static final int LOGGED_FRAME_BYTES = 160;

    private final String source;
    private final long[] counts = new long[FrameError.values().length];
    private final long[] nextLogAt = new long[FrameError.values().length];

    /** @param source what decodes, for the log line (e.g. "deribit market data") */
    public FrameErrorCounters(final String source) {
        this.source = source;
        java.util.Arrays.fill(nextLogAt, 1);
    }

    /** Counts one dropped frame of kind {@code error}; {@code frame[offset, offset + length)} is quoted if logged. */
    public void record(final FrameError error, final byte[] frame, final int offset, final int length) {
        final int k = error.ordinal();
        final long n = ++counts[k];
        if (n == nextLogAt[k]) {
            nextLogAt[k] = n >= Long.MAX_VALUE / 10 ? Long.MAX_VALUE : n * 10;
            if (LOG.isWarnEnabled()) {
                final int shown = Math.min(length, LOGGED_FRAME_BYTES);
                LOG.warn("{}: dropped frame ({}), {} so far of this kind; frame starts: {}{}", source, error, n,
                    new String(frame, offset, shown, StandardCharsets.UTF_8), length > shown ? "..." : "");
            }
        }
    }

    /** Frames dropped so far for one kind. */
    public long count(final FrameError error) {
        return counts[error.ordinal()];
    }

    /** Frames dropped so far, all kinds. */
    public long total() {
        long sum = 0;
        for (final long c : counts) {
            sum += c;
        }
        return sum;
    }
}
