package io.deltahedger.venues.book;

/** The outcome of applying a snapshot or a change to an {@link L2Book}. */
public enum BookUpdate {
    /** Applied; the book is valid. */
    APPLIED,
    /** The change's previous sequence did not match the book's last sequence: the book is now invalid. */
    GAP,
    /** After applying, best bid >= best ask: the book is now invalid. */
    CROSSED,
    /** The feed lost its connection and may have missed changes: the book is invalid until the next snapshot. */
    STALE,
    /** A change arrived while the book was not valid: ignored, the book waits for a snapshot. */
    IGNORED_NOT_VALID
}
