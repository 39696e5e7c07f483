/**
 * The networked Deribit client: one WebSocket session ({@link io.deltahedger.venues.deribit.client.DeribitSession})
 * as a state machine polled by a duty cycle with the time passed in, Deribit behind the unified
 * {@link io.deltahedger.venues.order.VenueGateway} ({@link io.deltahedger.venues.deribit.client.DeribitGateway}), and
 * its configuration. Netty's I/O thread only hands frames over through an SPSC byte ring; everything else runs on the
 * thread that polls the session. See docs/venues-deribit-client.md.
 */
package io.deltahedger.venues.deribit.client;
