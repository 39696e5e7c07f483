/**
 * Trading: order, cancel and amend requests keyed by idempotent client order ids, execution reports with typed
 * reject reasons, open-order book-keeping, and the {@link io.deltahedger.venues.order.VenueGateway} every adapter
 * implements.
 */
package io.deltahedger.venues.order;
