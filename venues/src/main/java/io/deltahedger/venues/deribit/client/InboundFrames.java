package io.deltahedger.venues.deribit.client;

/**
 * The hand-over from the Netty I/O thread to the session's thread: a single-producer single-consumer ring of
 * pre-allocated frame slots (after Agrona's {@code OneToOneConcurrentArrayQueue}). The I/O thread copies each
 * WebSocket text frame into a slot's byte array (grown only when a larger frame than any before arrives) and
 * publishes it; the session thread reads it in place and releases it. Allocation-free in steady state; no locks.
 *
 * <p>When the ring is full the producer's {@link #offer} fails: the I/O thread then closes the connection, because a
 * dropped frame would silently corrupt a book or lose an order update, whereas a reconnect resynchronises both.
 */
final class InboundFrames {
    /** What a slot holds. */
    enum Kind {
        /** The WebSocket handshake completed. */
        OPENED,
        /** A text frame (JSON). */
        TEXT,
        /** The connection closed or failed; {@link Frame#reason} says why. */
        CLOSED
    }

    /** One slot. Fields are written by the producer before publication and read by the consumer after. */
    static final class Frame {
        Kind kind;
        /** Which connection attempt of the session produced the frame; stale generations are ignored. */
        int generation;
        byte[] bytes = new byte[4096];
        int length;
        String reason = "";

        byte[] ensureCapacity(final int size) {
            if (bytes.length < size) {
                bytes = new byte[Math.max(size, bytes.length * 2)];
            }
            return bytes;
        }
    }

    private final Frame[] slots;
    private final int mask;
    private volatile long head;
    private volatile long tail;
    private long reservedTail;

    /** @param capacity slots, a power of two (e.g. 4096: about one second of a busy book feed) */
    InboundFrames(final int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("inbound frame capacity must be a power of two >= 2, got " + capacity
                + "; e.g. 4096");
        }
        slots = new Frame[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new Frame();
        }
        mask = capacity - 1;
    }

    /**
     * Producer: the next free slot to fill, or null when the ring is full. Call {@link #publish()} after filling it.
     */
    Frame claim() {
        final long t = tail;
        if (t - head >= slots.length) {
            return null;
        }
        reservedTail = t + 1;
        return slots[(int) (t & mask)];
    }

    /** Producer: makes the claimed slot visible to the consumer. */
    void publish() {
        tail = reservedTail;
    }

    /** Consumer: the oldest published frame, or null. Valid until {@link #release()}. */
    Frame peek() {
        final long h = head;
        if (h >= tail) {
            return null;
        }
        return slots[(int) (h & mask)];
    }

    /** Consumer: frees the frame returned by {@link #peek()}. */
    void release() {
        head = head + 1;
    }

    /** Frames waiting (approximate when read concurrently). */
    int size() {
        return (int) (tail - head);
    }
}
