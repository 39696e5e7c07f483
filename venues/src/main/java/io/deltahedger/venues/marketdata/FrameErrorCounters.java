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
    private static final int LOGGED_FRAME_CHARS = 160;
    private static final String[] CREDENTIAL_WORDS = {"token", "secret", "signature", "password", "api_key"};

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
                LOG.warn("{}: dropped frame ({}), {} so far of this kind; frame starts: {}", source, error, n,
                    quote(frame, offset, length));
            }
        }
    }

    /**
     * The head of a frame for a log line, or a notice if the frame mentions credentials (a malformed private reply
     * on a shared connection could carry an access token; secrets are never logged).
     */
    static String quote(final byte[] frame, final int offset, final int length) {
        // Only the shown head is scanned: a credential's value follows its key, so a value in the head has its key there.
        final String text = new String(frame, offset, Math.min(length, LOGGED_FRAME_CHARS), StandardCharsets.UTF_8);
        final String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (final String word : CREDENTIAL_WORDS) {
            if (lower.contains(word)) {
                return "<" + length + " bytes withheld: the frame mentions " + word + ">";
            }
        }
        return length > LOGGED_FRAME_CHARS ? text + "..." : text;
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
