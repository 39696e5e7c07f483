/**
 * Simulated venues for backtests: {@link io.deltahedger.backtest.venue.SimulatedVenue} is a venue account behind the
 * hedger's {@link io.deltahedger.venues.order.VenueGateway} that fills against recorded L2 books on the replay clock
 * (latency, level-by-level walks, consumed-liquidity overlay, resting orders with queue position, maker/taker fees,
 * funding) and reports its account with margin-monitor's margin models.
 */
package io.deltahedger.backtest.venue;
