package io.deltahedger.venues.deribit.client;

import io.deltahedger.venues.deribit.DeribitError;
import io.deltahedger.venues.order.RejectReason;

import java.util.Objects;

/**
 * Why Deribit refused {@code public/auth}: the session then goes {@code DOWN} and does not retry, since the same
 * credentials would be refused again (and repeated failures can lock the key).
 *
 * @param code    Deribit's error code (e.g. 13004 invalid_credentials)
 * @param error   the typed error, or null if the code is not in the table
 * @param reason  the venue-neutral reason ({@link RejectReason#AUTH} for credential problems)
 * @param message the venue's message (never contains the secret: the secret is never sent)
 */
public record AuthFailure(int code, DeribitError error, RejectReason reason, String message) {
    public AuthFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
