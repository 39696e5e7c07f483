package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import io.deltahedger.venues.simulator.auth.RateLimits;

/**
 * Shared set-up: a manual-time simulator on an ephemeral loopback port, seed 7, generous rate limits.
 */
final class SimulatorFixture
{
    /** 2026-01-05T00:00:00Z, a Monday. */
    static final long START_MS = 1_767_571_200_000L;

    private SimulatorFixture()
    {
    }

    static SimulatorConfig config()
    {
        return SimulatorConfig.defaults().withManualTime().withSeed(7).withRateLimits(RateLimits.generous());
    }

    static ExchangeSimulator start(final SimulatorConfig config, final ManualClock clock)
    {
        return ExchangeSimulator.start(config, clock);
    }
}
