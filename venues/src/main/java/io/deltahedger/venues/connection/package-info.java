/** Venue session states (CONNECTING, LIVE, STALE, RECONNECTING, DOWN) and the polled tracker that publishes them. */
package io.deltahedger.venues.connection;
