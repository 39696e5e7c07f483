package io.deltahedger.venues.instrument;

import io.deltahedger.venues.Venue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instruments the agent knows, each with a dense int index (0, 1, 2, ... in registration order) that the hot
 * path uses instead of names: books, events and Greeks tables are arrays indexed by it.
 *
 * <p>Three views of one instrument: native name (per venue, as bytes on the wire) &lt;-&gt; canonical id
 * ({@link Instrument#canonicalId()}) &lt;-&gt; index. {@link #indexOfNative(Venue, byte[], int, int)} resolves a name
 * straight from a received frame without allocating.
 *
 * <p>Threading: register everything on one thread before the registry is shared (e.g. before the Disruptor starts);
 * afterwards it is read-only and safe to read from any thread that received it through a safe publication.
 * Re-registering an identical instrument returns its existing index; a different spec under the same id is refused.
 */
public final class InstrumentRegistry {
    /** Returned by look-ups when the instrument is unknown. */
    public static final int UNKNOWN = -1;

    private final List<Instrument> byIndex = new ArrayList<>();
    private final Map<String, Integer> byCanonicalId = new HashMap<>();
    private final NativeNameIndex[] nativeByVenue = new NativeNameIndex[Venue.values().length];

    /**
     * Registers an instrument and returns its index.
     *
     * @throws IllegalArgumentException if another specification is registered under the same canonical id
     */
    public int register(final Instrument instrument) {
        final String id = instrument.canonicalId();
        final Integer existing = byCanonicalId.get(id);
        if (existing != null) {
            if (!byIndex.get(existing).equals(instrument)) {
                throw new IllegalArgumentException("instrument " + id + " is already registered with a different "
                    + "specification: " + byIndex.get(existing) + "; refresh the registry instead of re-registering");
            }
            return existing;
        }
        final int index = byIndex.size();
        byIndex.add(instrument);
        byCanonicalId.put(id, index);
        NativeNameIndex names = nativeByVenue[instrument.venue().ordinal()];
        if (names == null) {
            names = new NativeNameIndex(64);
            nativeByVenue[instrument.venue().ordinal()] = names;
        }
        names.put(instrument.nativeName(), index);
        return index;
    }

    /** How many instruments are registered; indices run from 0 to size() - 1. */
    public int size() {
        return byIndex.size();
    }

    /**
     * The instrument at an index.
     *
     * @throws IllegalArgumentException if no instrument has that index
     */
    public Instrument instrument(final int index) {
        if (index < 0 || index >= byIndex.size()) {
            throw new IllegalArgumentException("no instrument has index " + index + "; indices run 0.." + (byIndex.size() - 1));
        }
        return byIndex.get(index);
    }

    /** The index of a canonical id such as {@code deribit:BTC-PERPETUAL}, or {@link #UNKNOWN}. */
    public int indexOf(final String canonicalId) {
        final Integer index = byCanonicalId.get(canonicalId);
        return index == null ? UNKNOWN : index;
    }

    /** The index of a venue's native name, or {@link #UNKNOWN}. */
    public int indexOfNative(final Venue venue, final String nativeName) {
        final byte[] bytes = nativeName.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return indexOfNative(venue, bytes, 0, bytes.length);
    }

    /**
     * The index of the native name in {@code bytes[offset, offset + length)} (ASCII), or {@link #UNKNOWN}.
     * Allocation-free; the hot-path look-up for decoders.
     */
    public int indexOfNative(final Venue venue, final byte[] bytes, final int offset, final int length) {
        final NativeNameIndex names = nativeByVenue[venue.ordinal()];
        return names == null ? UNKNOWN : names.get(bytes, offset, length);
    }

    /** All instruments in index order (an unmodifiable view). */
    public List<Instrument> instruments() {
        return Collections.unmodifiableList(byIndex);
    }
}
