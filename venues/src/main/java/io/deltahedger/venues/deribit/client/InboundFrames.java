package io.deltahedger.venues.deribit.client;

import java.nio.ByteBuffer;

/**
 * The hand-over from the Netty I/O thread to the session's thread: a single-producer single-consumer ring of bytes
 * holding variable-length records (after Agrona's {@code OneToOneRingBuffer}). The I/O thread copies each WebSocket
 * text frame into the ring after a small header and publishes it by moving the tail; the session thread reads it in
 * place and releases it by moving the head. One pre-allocated array, no allocation per frame, no locks.
 *
 * <p>Record layout, 16-byte aligned (so the room left before the end of the array is always 0 or a whole header): {@code int length | int generation | int kind | int pad | payload}. A record that
 * would straddle the end of the array is preceded by a padding record and written at the start.
 *
 * <p>When the ring is full {@link #claim} fails: the I/O thread then closes the connection, because a dropped frame
 * would silently corrupt a book or lose an order update, whereas a reconnect resynchronises both.
 */
final class InboundFrames {
    /** What a record holds. */
    enum Kind {
        /** The WebSocket handshake completed. */
        OPENED,
        /** A text frame (JSON). */
        TEXT,
        /** The connection closed or failed; the payload is the reason in UTF-8. */
        CLOSED,
        /** Filler up to the end of the array; skipped by the consumer. */
        PADDING
    }

    private static final Kind[] KINDS = Kind.values();
    private static final int HEADER = 16;

    private final byte[] bytes;
    private final ByteBuffer buffer;
    private final int mask;
    private volatile long head;
    private volatile long tail;
    /** Producer's claim: where the record starts and where the tail goes on publish. */
    private long claimedTail;
    private int claimedOffset;

    /** Consumer's view of the record returned by {@link #peek()}. */
    Kind kind;
    int generation;
    int offset;
    int length;

    /** @param capacityBytes a power of two, at least twice the largest frame (e.g. 4 MiB) */
    InboundFrames(final int capacityBytes) {
        if (capacityBytes < 1024 || Integer.bitCount(capacityBytes) != 1) {
            throw new IllegalArgumentException("inbound ring capacity must be a power of two >= 1024 bytes, got "
                + capacityBytes + "; e.g. 4194304 (4 MiB)");
        }
        bytes = new byte[capacityBytes];
        buffer = ByteBuffer.wrap(bytes);
        mask = capacityBytes - 1;
    }

    /** The array records live in; payloads are read at {@link #offset}. */
    byte[] array() {
        return bytes;
    }

    /**
     * Producer: reserves room for a payload of {@code payloadLength} bytes.
     *
     * @return the payload's offset in {@link #array()}, or -1 when the ring is full (or the frame larger than half of
     *     it). Fill the payload, then call {@link #publish}.
     */
    int claim(final int payloadLength) {
        final int recordLength = align(HEADER + payloadLength);
        final int capacity = bytes.length;
        if (recordLength > capacity / 2) {
            return -1;
        }
        final long t = tail;
        int index = (int) (t & mask);
        long padding = 0;
        if (index + recordLength > capacity) {
            padding = capacity - index; // the record goes at the start; fill the end
        }
        if (t + padding + recordLength - head > capacity) {
            return -1;
        }
        if (padding > 0) {
            header(index, 0, 0, Kind.PADDING, (int) padding);
            index = 0;
        }
        claimedOffset = index;
        claimedTail = t + padding + recordLength;
        return index + HEADER;
    }

    /** Producer: makes the claimed record visible to the consumer. */
    void publish(final Kind kind, final int generation, final int payloadLength) {
        header(claimedOffset, payloadLength, generation, kind, 0);
        tail = claimedTail;
    }

    /**
     * Consumer: reads the oldest record's header into {@link #kind}, {@link #generation}, {@link #offset} and
     * {@link #length}. The payload stays valid until {@link #release()}.
     *
     * @return false if the ring is empty
     */
    boolean peek() {
        while (true) {
            final long h = head;
            if (h >= tail) {
                return false;
            }
            final int index = (int) (h & mask);
            final Kind k = KINDS[buffer.getInt(index + 8)];
            if (k == Kind.PADDING) {
                head = h + buffer.getInt(index + 12);
                continue;
            }
            kind = k;
            length = buffer.getInt(index);
            generation = buffer.getInt(index + 4);
            offset = index + HEADER;
            return true;
        }
    }

    /** Consumer: frees the record returned by {@link #peek()}. */
    void release() {
        head = head + align(HEADER + length);
    }

    /** Bytes in use (approximate when read concurrently). */
    long usedBytes() {
        return tail - head;
    }

    private void header(final int index, final int payloadLength, final int gen, final Kind k, final int skip) {
        buffer.putInt(index, payloadLength);
        buffer.putInt(index + 4, gen);
        buffer.putInt(index + 8, k.ordinal());
        buffer.putInt(index + 12, skip);
    }

    private static int align(final int length) {
        return (length + HEADER - 1) & ~(HEADER - 1);
    }
}
