/**
 * Deribit API v2, client side: the allocation-free market-data decoder and feed, request signing and the error-code
 * table. The networked session builds on these; the embedded exchange lives in {@code venues.simulator}.
 */
package io.deltahedger.venues.deribit;
