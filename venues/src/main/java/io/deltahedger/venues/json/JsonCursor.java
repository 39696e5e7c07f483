package io.deltahedger.venues.json;

import java.util.Arrays;

/**
 * A forward-only, allocation-free JSON scanner over a region of a byte array (UTF-8 text).
 *
 * <p>Strings are reported as offsets into the buffer (escapes are validated and left in place, so compare only
 * escape-free names such as keys and enum values). Numbers are read exactly as {@code mantissa * 10^-scale} with
 * up to 18 significant digits, so a decoder can put a price on a tick grid without a floating-point step
 * ({@link io.deltahedger.venues.instrument.DecimalGrid#unitsOf(long, int)}); {@link #doubleValue()} is correctly
 * rounded when the digits fit a double's 53-bit mantissa and the power of ten is at most 22 (all venue prices,
 * sizes and Greeks seen in practice), otherwise within a couple of ulps.
 *
 * <p>Errors do not throw: a method returns false and {@link #failure()} tells why (the first failure sticks until
 * the next {@link #wrap}). Not thread-safe; reuse one per decoder.
 */
public final class JsonCursor {
    /** Why scanning stopped. */
    public enum Failure {
        NONE,
        /** The input ended inside a value. */
        TRUNCATED,
        /** Not JSON: an unexpected character. */
        MALFORMED,
        /** A number was expected and something else (NaN, Infinity, a string, true/false, null) was found. */
        NOT_A_NUMBER,
        /** Nesting deeper than {@link #MAX_DEPTH}. */
        TOO_DEEP
    }

    /** {@link #readNumberOrNull()} result: a number was read. */
    public static final int NUMBER = 1;
    /** {@link #readNumberOrNull()} result: the literal null was read. */
    public static final int NULL = 2;
    /** {@link #readNumberOrNull()} result: failed, see {@link #failure()}. */
    public static final int FAILED = 0;

    /** The deepest nesting {@link #skipValue()} follows. */
    public static final int MAX_DEPTH = 32;

    private static final long MANTISSA_LIMIT = (Long.MAX_VALUE - 9) / 10;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final boolean[] STRING_SPECIAL = new boolean[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            STRING_SPECIAL[c] = true;
        }
        STRING_SPECIAL['"'] = true;
        STRING_SPECIAL['\\'] = true;
    }

    private static final byte[] NULL_LITERAL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE_LITERAL = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE_LITERAL = {'f', 'a', 'l', 's', 'e'};

    private byte[] buf;
    private int pos;
    private int end;
    private Failure failure = Failure.NONE;
    private int stringStart;
    private int stringEnd;
    private int stringHash;
    private long mantissa;
    private int scale;
    private boolean inexact;

    /** Starts scanning {@code buf[offset, offset + length)}. */
    public JsonCursor wrap(final byte[] buf, final int offset, final int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
        this.failure = Failure.NONE;
        return this;
    }

    public Failure failure() {
        return failure;
    }

    /** The offset of the next unread byte. */
    public int position() {
        return pos;
    }

    private boolean fail(final Failure why) {
        if (failure == Failure.NONE) {
            failure = why;
        }
        return false;
    }

    /** Skips whitespace and returns the next byte (0..255) without consuming it, or -1 at the end of the region. */
    public int peek() {
        if (pos < end && buf[pos] > ' ') {
            return buf[pos];                                     // fast path: no whitespace (venue frames are compact)
        }
        while (pos < end) {
            final byte c = buf[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c & 0xff;                                 // never negative: -1 means the end
            }
            pos++;
        }
        return -1;
    }

    /** Consumes {@code c} (after whitespace) or fails. */
    public boolean expect(final char c) {
        final int next = peek();
        if (next == c) {
            pos++;
            return true;
        }
        return fail(next < 0 ? Failure.TRUNCATED : Failure.MALFORMED);
    }

    /** Consumes {@code c} if it is next (after whitespace); never fails. */
    public boolean tryConsume(final char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Whether only whitespace is left. */
    public boolean atEnd() {
        return peek() < 0;
    }

    /** Reads a string; its raw bytes are then at {@link #stringStart()}..{@link #stringEnd()}. */
    public boolean readString() {
        if (!expect('"')) {
            return false;
        }
        final byte[] b = buf;
        final int limit = end;
        int p = pos;
        while (p < limit) {
            // One table look-up per plain byte; the quote, the backslash and control characters are the exceptions.
            if (!STRING_SPECIAL[b[p] & 0xff]) {
                p++;
                continue;
            }
            final byte c = b[p];
            if (c == '"') {
                stringStart = pos;
                stringEnd = p;
                stringHash = p == pos ? 0 : shapeHash(b[pos], b[pos + ((p - pos - 1) >>> 1)], b[p - 1], p - pos);
                pos = p + 1;
                return true;
            }
            if (c == '\\') {
                p += (p + 1 < limit && b[p + 1] == 'u') ? 6 : 2;
                continue;
            }
            return fail(Failure.MALFORMED);
        }
        return fail(Failure.TRUNCATED);
    }

    public int stringStart() {
        return stringStart;
    }

    public int stringEnd() {
        return stringEnd;
    }

    /**
     * A string constant to compare scanned strings with: the bytes and their hash, so that a mismatch (the common
     * case when dispatching on object keys) costs two int comparisons.
     */
    public static final class Name {
        private final byte[] bytes;
        private final int hash;

        public Name(final String ascii) {
            bytes = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            final int n = bytes.length;
            hash = n == 0 ? 0 : shapeHash(bytes[0], bytes[(n - 1) >>> 1], bytes[n - 1], n);
        }

        /** The name's bytes (do not modify). */
        public byte[] bytes() {
            return bytes;
        }
    }

    /**
     * A hash from the length and the first, middle and last bytes: free to compute while scanning (no per-byte work)
     * and enough to tell apart the keys a decoder dispatches on; equal hashes are confirmed byte by byte.
     */
    static int shapeHash(final byte first, final byte middle, final byte last, final int length) {
        return (length << 24) ^ ((first & 0xff) << 16) ^ ((middle & 0xff) << 8) ^ (last & 0xff);
    }

    /** Whether the last string read is {@code name}. */
    public boolean stringIs(final Name name) {
        return stringHash == name.hash && stringEnd - stringStart == name.bytes.length
            && Arrays.equals(buf, stringStart, stringEnd, name.bytes, 0, name.bytes.length);
    }

    /** Whether the last string read equals {@code literal} byte for byte. */
    public boolean stringEquals(final byte[] literal) {
        return Arrays.equals(buf, stringStart, stringEnd, literal, 0, literal.length);
    }

    /** Whether the last string read equals {@code other[offset, offset + length)}. */
    public boolean stringEquals(final byte[] other, final int offset, final int length) {
        return Arrays.equals(buf, stringStart, stringEnd, other, offset, offset + length);
    }

    /** Reads a number; {@code null} or anything else fails with {@link Failure#NOT_A_NUMBER}. */
    public boolean readNumber() {
        final int r = readNumberOrNull();
        return r == NUMBER || (r == NULL && fail(Failure.NOT_A_NUMBER));
    }

    /**
     * Reads a number or {@code null}.
     *
     * @return {@link #NUMBER}, {@link #NULL} or {@link #FAILED}
     */
    public int readNumberOrNull() {
        int c = peek();
        if (c < 0) {
            fail(Failure.TRUNCATED);
            return FAILED;
        }
        if (c == 'n') {
            return literal(NULL_LITERAL) ? NULL : FAILED;
        }
        final byte[] b = buf;
        int p = pos;
        boolean negative = false;
        if (c == '-') {
            negative = true;
            p++;
        }
        long m = 0;
        int s = 0;
        boolean lost = false;
        final int intStart = p;
        while (p < end && (c = b[p]) >= '0' && c <= '9') {
            if (m <= MANTISSA_LIMIT) {
                m = m * 10 + (c - '0');
            } else {
                lost = true;
                s--;
            }
            p++;
        }
        if (p == intStart) {
            if (p >= end) {
                fail(Failure.TRUNCATED);
            } else {
                c = b[p];
                fail(c == '"' || c == 'N' || c == 'I' || c == 't' || c == 'f' ? Failure.NOT_A_NUMBER : Failure.MALFORMED);
            }
            return FAILED;
        }
        if (p < end && b[p] == '.') {
            p++;
            final int fracStart = p;
            int pendingZeros = 0;
            while (p < end && (c = b[p]) >= '0' && c <= '9') {
                if (!lost) {
                    if (c == '0') {
                        pendingZeros++;
                    } else {
                        while (pendingZeros > 0 && m <= MANTISSA_LIMIT) {
                            m *= 10;
                            s++;
                            pendingZeros--;
                        }
                        if (pendingZeros == 0 && m <= MANTISSA_LIMIT) {
                            m = m * 10 + (c - '0');
                            s++;
                        } else {
                            lost = true;
                        }
                    }
                }
                p++;
            }
            if (p == fracStart) {
                fail(p >= end ? Failure.TRUNCATED : Failure.MALFORMED);
                return FAILED;
            }
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            boolean negativeExponent = false;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                negativeExponent = b[p] == '-';
                p++;
            }
            final int expStart = p;
            int exponent = 0;
            while (p < end && (c = b[p]) >= '0' && c <= '9') {
                if (exponent < 10_000) {
                    exponent = exponent * 10 + (c - '0');
                }
                p++;
            }
            if (p == expStart) {
                fail(p >= end ? Failure.TRUNCATED : Failure.MALFORMED);
                return FAILED;
            }
            s += negativeExponent ? exponent : -exponent;
        }
        pos = p;
        mantissa = negative ? -m : m;
        scale = s;
        inexact = lost;
        return NUMBER;
    }

    /** Reads a whole number that fits a long (e.g. a change id or a timestamp). */
    public boolean readLong() {
        if (!readNumber()) {
            return false;
        }
        if (inexact || scale > 0) {
            return fail(Failure.MALFORMED);
        }
        if (scale < 0) {
            for (int i = scale; i < 0; i++) {
                if (Math.abs(mantissa) > Long.MAX_VALUE / 10) {
                    return fail(Failure.MALFORMED);
                }
                mantissa *= 10;
            }
            scale = 0;
        }
        return true;
    }

    /** The last number as {@code mantissa * 10^-scale}: the mantissa (signed). */
    public long mantissa() {
        return mantissa;
    }

    /** The last number's decimal scale (negative for positive powers of ten). */
    public int scale() {
        return scale;
    }

    /** The last whole number read by {@link #readLong()}. */
    public long longValue() {
        return mantissa;
    }

    /** Whether the last number had more than 18 significant digits (mantissa and scale are then truncated). */
    public boolean inexact() {
        return inexact;
    }

    /** The last number as a double (infinite if out of range). */
    public double doubleValue() {
        final long m = mantissa;
        final int s = scale;
        if (!inexact && Math.abs(m) < (1L << 53)) {
            if (s >= 0 && s <= 22) {
                return m / POW10[s];
            }
            if (s < 0 && s >= -22) {
                return m * POW10[-s];
            }
        }
        if (m == 0) {
            return 0.0;
        }
        // Two steps keep the power of ten finite for subnormal and huge values.
        if (s >= 0) {
            final double v = m / Math.pow(10, Math.min(s, 300));
            return s > 300 ? v / Math.pow(10, s - 300) : v;
        }
        final double v = m * Math.pow(10, Math.min(-s, 300));
        return -s > 300 ? v * Math.pow(10, -s - 300) : v;
    }

    /** Reads {@code true} or {@code false}. */
    public boolean readBoolean(final boolean[] out) {
        final int c = peek();
        if (c == 't' && literal(TRUE_LITERAL)) {
            out[0] = true;
            return true;
        }
        if (c == 'f' && literal(FALSE_LITERAL)) {
            out[0] = false;
            return true;
        }
        return fail(c < 0 ? Failure.TRUNCATED : Failure.MALFORMED);
    }

    private boolean literal(final byte[] word) {
        if (end - pos < word.length) {
            return fail(Failure.TRUNCATED);
        }
        if (!Arrays.equals(buf, pos, pos + word.length, word, 0, word.length)) {
            return fail(Failure.MALFORMED);
        }
        pos += word.length;
        return true;
    }

    /** Skips one complete value of any type, checking its syntax. */
    public boolean skipValue() {
        return skipValue(0);
    }

    private boolean skipValue(final int depth) {
        if (depth > MAX_DEPTH) {
            return fail(Failure.TOO_DEEP);
        }
        final int c = peek();
        switch (c) {
            case '{':
                pos++;
                if (tryConsume('}')) {
                    return true;
                }
                do {
                    if (!readString() || !expect(':') || !skipValue(depth + 1)) {
                        return false;
                    }
                } while (tryConsume(','));
                return expect('}');
            case '[':
                pos++;
                if (tryConsume(']')) {
                    return true;
                }
                do {
                    if (!skipValue(depth + 1)) {
                        return false;
                    }
                } while (tryConsume(','));
                return expect(']');
            case '"':
                return readString();
            case 't':
                return literal(TRUE_LITERAL);
            case 'f':
                return literal(FALSE_LITERAL);
            case -1:
                return fail(Failure.TRUNCATED);
            default:
                return readNumberOrNull() != FAILED;
        }
    }
}
