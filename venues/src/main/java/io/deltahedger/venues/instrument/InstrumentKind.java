package io.deltahedger.venues.instrument;

/** What an instrument is. A swap on an AMM pool is {@link #SPOT}. */
public enum InstrumentKind {
    OPTION,
    PERPETUAL,
    FUTURE,
    SPOT;

    /** Whether instruments of this kind expire (and so carry an expiry timestamp). */
    public boolean expires() {
        return this == OPTION || this == FUTURE;
    }
}
