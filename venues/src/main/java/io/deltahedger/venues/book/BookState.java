package io.deltahedger.venues.book;

/** Whether an {@link L2Book} may be trusted. */
public enum BookState {
    /** No snapshot yet (new book, or cleared): empty and not to be used. */
    AWAITING_SNAPSHOT,
    /** Built from a snapshot and an unbroken chain of changes, not crossed. */
    VALID,
    /** A sequence gap, a crossed book or a lost connection was seen: untrusted until the next snapshot. */
    INVALID
}
