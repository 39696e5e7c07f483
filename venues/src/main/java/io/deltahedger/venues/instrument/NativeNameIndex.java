package io.deltahedger.venues.instrument;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An open-addressing hash map from ASCII name bytes to a non-negative int, looked up straight from a byte region
 * (a received frame) with no allocation: FNV-1a hash, linear probing, byte comparison. Keys are copied on
 * insertion. Single writer; readers may look up once insertion is finished and the map was safely published.
 */
final class NativeNameIndex {
    static final int MISSING = -1;

    private byte[][] keys;
    private int[] values;
    private int[] hashes;
    private int size;

    NativeNameIndex(final int expectedSize) {
        final int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2) - 1) << 1;
        keys = new byte[capacity][];
        values = new int[capacity];
        hashes = new int[capacity];
    }

    int size() {
        return size;
    }

    /** Maps {@code name} to {@code value}; returns the previous value or {@link #MISSING}. */
    int put(final String name, final int value) {
        final byte[] key = name.getBytes(StandardCharsets.US_ASCII);
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        final int hash = hash(key, 0, key.length);
        final int mask = keys.length - 1;
        int i = hash & mask;
        while (keys[i] != null) {
            if (hashes[i] == hash && Arrays.equals(keys[i], key)) {
                final int previous = values[i];
                values[i] = value;
                return previous;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        hashes[i] = hash;
        size++;
        return MISSING;
    }

    /** The value for the name in {@code bytes[offset, offset + length)}, or {@link #MISSING}. */
    int get(final byte[] bytes, final int offset, final int length) {
        final int hash = hash(bytes, offset, length);
        final byte[][] k = keys;
        final int mask = k.length - 1;
        int i = hash & mask;
        byte[] key;
        while ((key = k[i]) != null) {
            if (hashes[i] == hash && Arrays.equals(key, 0, key.length, bytes, offset, offset + length)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    private void rehash(final int capacity) {
        final byte[][] oldKeys = keys;
        final int[] oldValues = values;
        final int[] oldHashes = hashes;
        keys = new byte[capacity][];
        values = new int[capacity];
        hashes = new int[capacity];
        final int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    static int hash(final byte[] bytes, final int offset, final int length) {
        int h = 0x811c9dc5;
        for (int i = offset, end = offset + length; i < end; i++) {
            h ^= bytes[i];
            h *= 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
