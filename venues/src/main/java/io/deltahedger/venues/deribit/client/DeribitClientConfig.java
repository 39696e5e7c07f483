package io.deltahedger.venues.deribit.client;

import io.deltahedger.config.secret.SecretReference;
import io.deltahedger.venues.deribit.DeribitCredentials;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link DeribitSession} needs, validated once on construction with messages that say how to fix a bad
 * value (Artio's {@code EngineConfiguration.conclude()} style). Start from {@link #defaults} and adjust with the
 * {@code with...} methods.
 *
 * @param uri                      the WebSocket endpoint, e.g. {@code ws://127.0.0.1:8080/ws/api/v2}
 * @param credentials              the API key; resolve it from references with {@link #credentials(SecretReference,
 *                                 SecretReference)}, never from literals in configuration
 * @param bookChannels             native instrument names whose books to keep ({@code book.{name}.raw}, or
 *                                 {@code .100ms} when {@code rawBooks} is false)
 * @param rawBooks                 subscribe the {@code raw} book channels (every change, needs authentication)
 *                                 rather than the {@code 100ms} ones
 * @param tickerChannels           native instrument names whose {@code ticker.{name}.100ms} to follow (best
 *                                 bid/ask, mark, index, mark IV, Greeks)
 * @param accountCurrencies        currencies whose orders, trades and account summary to follow (e.g. BTC)
 * @param heartbeatIntervalSeconds the interval asked with {@code public/set_heartbeat}, seconds, >= 10 (Deribit's
 *                                 minimum)
 * @param livenessTimeoutMs        silence after which the connection is dropped and re-made, ms; at least twice
 *                                 the heartbeat interval so one lost heartbeat is tolerated
 * @param requestTimeoutMs         how long a request may wait for its reply before it is treated as lost, ms
 * @param connectTimeoutMs         TCP connect and WebSocket handshake timeout, ms
 * @param tokenRefreshMarginMs     refresh the access token this long before it expires, ms
 * @param reconnectInitialDelayMs  first reconnect back-off cap, ms (full jitter, doubling per failure)
 * @param reconnectMaxDelayMs      largest reconnect back-off, ms
 * @param limits                   the client-side credit pools; keep them at or below the account's venue limits
 * @param commandQueueCapacity     trading commands queued while waiting for credits; beyond it callers are
 *                                 back-pressured
 * @param trustedCertificates      for {@code wss://} only: a PEM file of the certificates to trust instead of the
 *                                 JDK's trust store (a private gateway's own CA); null trusts the JDK's store. The
 *                                 server's host name is always verified against its certificate.
 */
public record DeribitClientConfig(
    URI uri,
    DeribitCredentials credentials,
    List<String> bookChannels,
    boolean rawBooks,
    List<String> tickerChannels,
    List<String> accountCurrencies,
    int heartbeatIntervalSeconds,
    long livenessTimeoutMs,
    long requestTimeoutMs,
    int connectTimeoutMs,
    long tokenRefreshMarginMs,
    long reconnectInitialDelayMs,
    long reconnectMaxDelayMs,
    ClientRateLimits limits,
    int commandQueueCapacity,
    Path trustedCertificates) {

    public DeribitClientConfig {
        Objects.requireNonNull(uri, "uri (e.g. wss://www.deribit.com/ws/api/v2)");
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("uri " + uri + " must be ws:// or wss://, e.g. "
                + "wss://www.deribit.com/ws/api/v2 (or ws://127.0.0.1:<port>/ws/api/v2 for the simulator)");
        }
        if (trustedCertificates != null) {
            if (!"wss".equals(uri.getScheme())) {
                throw new IllegalArgumentException("trustedCertificates " + trustedCertificates
                    + " only applies to wss:// endpoints, but uri is " + uri + ": drop it or use wss://");
            }
            if (!Files.isReadable(trustedCertificates)) {
                throw new IllegalArgumentException("trustedCertificates " + trustedCertificates
                    + " is not a readable file: give a PEM file with the CA certificates to trust");
            }
        }
        Objects.requireNonNull(credentials, "credentials: resolve them with DeribitClientConfig.credentials(env:..., file:...)");
        Objects.requireNonNull(limits, "limits (e.g. ClientRateLimits.deribitDefaults())");
        bookChannels = List.copyOf(Objects.requireNonNull(bookChannels, "bookChannels"));
        tickerChannels = List.copyOf(Objects.requireNonNull(tickerChannels, "tickerChannels"));
        accountCurrencies = List.copyOf(Objects.requireNonNull(accountCurrencies, "accountCurrencies"));
        if (heartbeatIntervalSeconds < 10) {
            throw new IllegalArgumentException("heartbeatIntervalSeconds must be >= 10 (Deribit's minimum), got "
                + heartbeatIntervalSeconds);
        }
        if (livenessTimeoutMs < 2_000L * heartbeatIntervalSeconds) {
            throw new IllegalArgumentException("livenessTimeoutMs must be at least twice the heartbeat interval ("
                + 2_000L * heartbeatIntervalSeconds + " ms), got " + livenessTimeoutMs);
        }
        requirePositive("requestTimeoutMs", requestTimeoutMs, "e.g. 5000");
        requirePositive("connectTimeoutMs", connectTimeoutMs, "e.g. 5000");
        requirePositive("tokenRefreshMarginMs", tokenRefreshMarginMs, "e.g. 60000");
        requirePositive("reconnectInitialDelayMs", reconnectInitialDelayMs, "e.g. 250");
        if (reconnectMaxDelayMs < reconnectInitialDelayMs) {
            throw new IllegalArgumentException("reconnectMaxDelayMs (" + reconnectMaxDelayMs
                + ") must be >= reconnectInitialDelayMs (" + reconnectInitialDelayMs + "), e.g. 30000");
        }
        requirePositive("commandQueueCapacity", commandQueueCapacity, "e.g. 1024");
    }

    private static void requirePositive(final String name, final long value, final String example) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value + "; " + example);
        }
    }

    /**
     * Heartbeat 10 s, liveness 30 s, request timeout 5 s, connect 5 s, token refresh 60 s before expiry, reconnect
     * back-off 250 ms doubling to 30 s, Deribit's default credit pools, 1024 queued commands, raw books, no tickers.
     */
    public static DeribitClientConfig defaults(final URI uri, final DeribitCredentials credentials,
                                               final List<String> bookChannels, final List<String> accountCurrencies) {
        return new DeribitClientConfig(uri, credentials, bookChannels, true, List.of(), accountCurrencies, 10, 30_000,
            5_000, 5_000, 60_000, 250, 30_000, ClientRateLimits.deribitDefaults(), 1024, null);
    }

    /**
     * Resolves the API key from references ({@code env:NAME} or {@code file:PATH}); the secret is read once here
     * and never logged.
     */
    public static DeribitCredentials credentials(final SecretReference clientId, final SecretReference clientSecret) {
        return new DeribitCredentials(clientId.resolve().reveal(), clientSecret.resolve().reveal());
    }

    public DeribitClientConfig withLimits(final ClientRateLimits newLimits) {
        return new DeribitClientConfig(uri, credentials, bookChannels, rawBooks, tickerChannels, accountCurrencies,
            heartbeatIntervalSeconds, livenessTimeoutMs, requestTimeoutMs, connectTimeoutMs, tokenRefreshMarginMs,
            reconnectInitialDelayMs, reconnectMaxDelayMs, newLimits, commandQueueCapacity, trustedCertificates);
    }

    public DeribitClientConfig withTimeouts(final long newLivenessTimeoutMs, final long newRequestTimeoutMs) {
        return new DeribitClientConfig(uri, credentials, bookChannels, rawBooks, tickerChannels, accountCurrencies,
            heartbeatIntervalSeconds, newLivenessTimeoutMs, newRequestTimeoutMs, connectTimeoutMs,
            tokenRefreshMarginMs, reconnectInitialDelayMs, reconnectMaxDelayMs, limits, commandQueueCapacity,
            trustedCertificates);
    }

    public DeribitClientConfig withTickers(final List<String> newTickerChannels) {
        return new DeribitClientConfig(uri, credentials, bookChannels, rawBooks, newTickerChannels, accountCurrencies,
            heartbeatIntervalSeconds, livenessTimeoutMs, requestTimeoutMs, connectTimeoutMs, tokenRefreshMarginMs,
            reconnectInitialDelayMs, reconnectMaxDelayMs, limits, commandQueueCapacity, trustedCertificates);
    }

    public DeribitClientConfig withAccountCurrencies(final List<String> newCurrencies) {
        return new DeribitClientConfig(uri, credentials, bookChannels, rawBooks, tickerChannels, newCurrencies,
            heartbeatIntervalSeconds, livenessTimeoutMs, requestTimeoutMs, connectTimeoutMs, tokenRefreshMarginMs,
            reconnectInitialDelayMs, reconnectMaxDelayMs, limits, commandQueueCapacity, trustedCertificates);
    }

    public DeribitClientConfig withCredentials(final DeribitCredentials newCredentials) {
        return new DeribitClientConfig(uri, newCredentials, bookChannels, rawBooks, tickerChannels, accountCurrencies,
            heartbeatIntervalSeconds, livenessTimeoutMs, requestTimeoutMs, connectTimeoutMs, tokenRefreshMarginMs,
            reconnectInitialDelayMs, reconnectMaxDelayMs, limits, commandQueueCapacity, trustedCertificates);
    }

    /**
     * Another endpoint, e.g. {@code wss://test.deribit.com/ws/api/v2}, with the certificates to trust for it (null:
     * the JDK's trust store).
     */
    public DeribitClientConfig withEndpoint(final URI newUri, final Path newTrustedCertificates) {
        return new DeribitClientConfig(newUri, credentials, bookChannels, rawBooks, tickerChannels, accountCurrencies,
            heartbeatIntervalSeconds, livenessTimeoutMs, requestTimeoutMs, connectTimeoutMs, tokenRefreshMarginMs,
            reconnectInitialDelayMs, reconnectMaxDelayMs, limits, commandQueueCapacity, newTrustedCertificates);
    }

    @Override
    public String toString() {
        return "DeribitClientConfig[uri=" + uri + ", credentials=" + credentials + ", books=" + bookChannels
            + ", currencies=" + accountCurrencies + "]";
    }
}
