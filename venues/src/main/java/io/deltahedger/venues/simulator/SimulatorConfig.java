package io.deltahedger.venues.simulator;

import io.deltahedger.venues.simulator.auth.RateLimits;
import io.deltahedger.venues.simulator.fault.FaultConfig;
import io.deltahedger.venues.simulator.market.UnderlyingSpec;

import java.util.List;

/**
 * Everything the simulator needs, validated on construction. Start from {@link #defaults()} and change what a test or
 * the command needs with the {@code with...} methods.
 *
 * @param host             address to bind; loopback by default.
 * @param port             TCP port; 0 picks an ephemeral port (read it back from {@link ExchangeSimulator#port()}).
 * @param seed             seed of every random draw (market, tokens, faults).
 * @param clientId         the API key's client id.
 * @param clientSecret     the API key's secret.
 * @param underlyings      the listed underlyings (index, futures, account currency).
 * @param tickIntervalMs   market step, ms of the injected clock; also the cadence of {@code .100ms} tickers.
 * @param realTime         true: the exchange thread steps the market every {@code tickIntervalMs} of wall time;
 *                         false: nothing moves until {@link ExchangeSimulator#advance(long)} is called (tests).
 * @param tokenLifetimeMs  access token lifetime.
 * @param rateLimits       credit pools.
 * @param faults           fault injection.
 * @param bookLevels       market-maker levels per side.
 * @param halfSpreadBps    market-maker distance of the best quotes from the fair price, basis points.
 * @param levelStepBps     distance between market-maker levels, basis points.
 * @param maxLevelUsd      largest market-maker level, USD (sizes are uniform in [1 contract, this]).
 */
public record SimulatorConfig(
    String host,
    int port,
    long seed,
    String clientId,
    String clientSecret,
    List<UnderlyingSpec> underlyings,
    long tickIntervalMs,
    boolean realTime,
    long tokenLifetimeMs,
    RateLimits rateLimits,
    FaultConfig faults,
    int bookLevels,
    double halfSpreadBps,
    double levelStepBps,
    double maxLevelUsd)
{
    /** The public demo API key (documented in docs/simulator.md; it only opens this local simulator). */
    public static final String DEMO_CLIENT_ID = "deltahedger-demo";
    public static final String DEMO_CLIENT_SECRET = "deltahedger-demo-secret";

    public SimulatorConfig
    {
        if (host == null || host.isBlank())
        {
            throw new IllegalArgumentException("host must not be blank; use 127.0.0.1");
        }
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException("port must be in [0, 65535] (0 = ephemeral) but was " + port);
        }
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank())
        {
            throw new IllegalArgumentException("clientId and clientSecret must not be blank; pass --client-id and --client-secret");
        }
        if (underlyings == null || underlyings.isEmpty())
        {
            throw new IllegalArgumentException("at least one underlying is needed (e.g. UnderlyingSpec.btc())");
        }
        underlyings = List.copyOf(underlyings);
        if (underlyings.stream().map(UnderlyingSpec::currency).distinct().count() != underlyings.size())
        {
            throw new IllegalArgumentException("underlyings must have distinct currencies but were " + underlyings);
        }
        if (tickIntervalMs < 1)
        {
            throw new IllegalArgumentException("tickIntervalMs must be >= 1 but was " + tickIntervalMs);
        }
        if (tokenLifetimeMs < 1_000)
        {
            throw new IllegalArgumentException("tokenLifetimeMs must be >= 1000 but was " + tokenLifetimeMs);
        }
        java.util.Objects.requireNonNull(rateLimits, "rateLimits");
        java.util.Objects.requireNonNull(faults, "faults");
        if (bookLevels < 1 || bookLevels > 1_000)
        {
            throw new IllegalArgumentException("bookLevels must be in [1, 1000] but was " + bookLevels);
        }
        if (!(halfSpreadBps > 0) || !(levelStepBps > 0) || !(maxLevelUsd > 0))
        {
            throw new IllegalArgumentException("halfSpreadBps, levelStepBps and maxLevelUsd must be > 0 but were "
                + halfSpreadBps + ", " + levelStepBps + ", " + maxLevelUsd);
        }
    }

    /**
     * Loopback, ephemeral port, seed 1, the demo key, BTC and ETH, 100 ms ticks in real time, 15 min tokens,
     * Deribit's default rate limits, no faults, 10 levels a side 1 bp from fair, 0.5 bp apart, up to 50,000 USD each.
     */
    public static SimulatorConfig defaults()
    {
        return new SimulatorConfig("127.0.0.1", 0, 1L, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET,
            List.of(UnderlyingSpec.btc(), UnderlyingSpec.eth()), 100, true, 900_000, RateLimits.deribitDefaults(),
            FaultConfig.none(), 10, 1.0, 0.5, 50_000);
    }

    public SimulatorConfig withPort(final int newPort)
    {
        return new SimulatorConfig(host, newPort, seed, clientId, clientSecret, underlyings, tickIntervalMs, realTime,
            tokenLifetimeMs, rateLimits, faults, bookLevels, halfSpreadBps, levelStepBps, maxLevelUsd);
    }

    public SimulatorConfig withSeed(final long newSeed)
    {
        return new SimulatorConfig(host, port, newSeed, clientId, clientSecret, underlyings, tickIntervalMs, realTime,
            tokenLifetimeMs, rateLimits, faults, bookLevels, halfSpreadBps, levelStepBps, maxLevelUsd);
    }

    public SimulatorConfig withCredentials(final String newClientId, final String newClientSecret)
    {
        return new SimulatorConfig(host, port, seed, newClientId, newClientSecret, underlyings, tickIntervalMs, realTime,
            tokenLifetimeMs, rateLimits, faults, bookLevels, halfSpreadBps, levelStepBps, maxLevelUsd);
    }

    public SimulatorConfig withUnderlyings(final List<UnderlyingSpec> newUnderlyings)
    {
        return new SimulatorConfig(host, port, seed, clientId, clientSecret, newUnderlyings, tickIntervalMs, realTime,
            tokenLifetimeMs, rateLimits, faults, bookLevels, halfSpreadBps, levelStepBps, maxLevelUsd);
    }

    /** Manual time: the market only moves when {@link ExchangeSimulator#advance(long)} is called. */
    public SimulatorConfig withManualTime()
    {
        return new SimulatorConfig(host, port, seed, clientId, clientSecret, underlyings, tickIntervalMs, false,
            tokenLifetimeMs, rateLimits, faults, bookLevels, halfSpreadBps, levelStepBps, maxLevelUsd);
    }

    public SimulatorConfig withTokenLifetimeMs(final long newLifetimeMs)
    {
        return new SimulatorConfig(host, port, seed, clientId, clientSecret, underlyings, tickIntervalMs, realTime,
            newLifetimeMs, rateLimits, faults, bookLevels, halfSpreadBps, levelStepBps, maxLevelUsd);
    }

    public SimulatorConfig withRateLimits(final RateLimits newRateLimits)
    {
        return new SimulatorConfig(host, port, seed, clientId, clientSecret, underlyings, tickIntervalMs, realTime,
            tokenLifetimeMs, newRateLimits, faults, bookLevels, halfSpreadBps, levelStepBps, maxLevelUsd);
    }

    public SimulatorConfig withFaults(final FaultConfig newFaults)
    {
        return new SimulatorConfig(host, port, seed, clientId, clientSecret, underlyings, tickIntervalMs, realTime,
            tokenLifetimeMs, rateLimits, newFaults, bookLevels, halfSpreadBps, levelStepBps, maxLevelUsd);
    }

    public SimulatorConfig withBook(final int newLevels, final double newHalfSpreadBps, final double newStepBps,
        final double newMaxLevelUsd)
    {
        return new SimulatorConfig(host, port, seed, clientId, clientSecret, underlyings, tickIntervalMs, realTime,
            tokenLifetimeMs, rateLimits, faults, newLevels, newHalfSpreadBps, newStepBps, newMaxLevelUsd);
    }
}
