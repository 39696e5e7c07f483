package io.deltahedger.venues.order;

/** Whether a {@link VenueGateway} took a request; the venue's answer comes later as an event. */
public enum SendResult {
    /** Handed to the session for sending. */
    SENT,
    /** The session's outbound buffer or rate budget is full: try again on a later duty cycle (nothing was sent). */
    BACK_PRESSURED,
    /** The session is not {@link io.deltahedger.venues.connection.ConnectionState#LIVE}: nothing was sent. */
    NOT_CONNECTED
}
