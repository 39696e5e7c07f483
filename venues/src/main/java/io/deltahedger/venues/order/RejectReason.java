package io.deltahedger.venues.order;

/**
 * Why a venue refused a request, in venue-neutral terms. Adapters map their error codes here (Deribit:
 * {@link io.deltahedger.venues.deribit.DeribitError}); the hedger and the margin gate decide on these, never on codes.
 */
public enum RejectReason {
    /** Not enough funds or margin for the order (Deribit 10009 not_enough_funds). */
    INSUFFICIENT_MARGIN(false),
    /** Request rate limit hit; Deribit also drops the session: back off before reconnecting. */
    RATE_LIMITED(false),
    /** Price outside the allowed band, off the tick grid or too precise. */
    INVALID_PRICE(false),
    /** Amount too small, off the lot grid or invalid. */
    INVALID_AMOUNT(false),
    /** The venue does not know or does not trade the instrument. */
    UNKNOWN_INSTRUMENT(false),
    /** Not authenticated, bad or expired credentials or token, or not permitted. */
    AUTH(false),
    /** A post-only order would have crossed the book. */
    POST_ONLY_WOULD_CROSS(false),
    /** A position or open-order size limit would be exceeded. */
    POSITION_LIMIT(false),
    /** The order does not exist (or is not ours). */
    ORDER_NOT_FOUND(false),
    /** The order is no longer open (already filled, cancelled or closed). */
    ORDER_NOT_OPEN(false),
    /** The instrument's book is closed (e.g. expired or halted). */
    MARKET_CLOSED(false),
    /** The request itself was malformed (bad or missing parameters, unknown method, parse error): a bug on our side. */
    INVALID_REQUEST(false),
    /** Transient venue condition (retry, queue full, settlement, maintenance): the same request may succeed later. */
    RETRYABLE(true),
    /** Anything else; see the venue's text. */
    OTHER(false);

    private final boolean retryable;

    RejectReason(final boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether re-sending the same request later can succeed without changing it. */
    public boolean retryable() {
        return retryable;
    }
}
