package io.deltahedger.config.venue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One trading account on one endpoint ({@code venues.<name>}). The name is the account id the engine keys gateways,
 * limits and margin by, and the prefix of {@code hedge-with} entries.
 *
 * @param name          lower-case letters, digits and dashes, e.g. {@code deribit-main}.
 * @param type          what speaks at the endpoint.
 * @param endpoint      the {@code ws://} or {@code wss://} URI; empty only for an embedded simulator.
 * @param credentials   the API key by reference; empty only for an embedded simulator (its public demo key).
 * @param trustPem      a PEM file of CA certificates to trust instead of the JDK's (wss only); empty for the JDK's.
 * @param currencies    account currencies whose orders, positions and margin to follow, e.g. [BTC, ETH]; not empty.
 * @param fees          fees for planning by expected cost.
 * @param limits        the desk's own limits on this account.
 * @param simulatorSeed the embedded simulator's seed (market, faults); 1 unless set; only for type simulator.
 */
public record VenueSettings(
    String name,
    VenueType type,
    Optional<URI> endpoint,
    Optional<VenueCredentials> credentials,
    Optional<Path> trustPem,
    List<String> currencies,
    VenueFees fees,
    VenueLimits limits,
    long simulatorSeed)
{
    /** Venue (account) names: they become ids in logs, metrics and {@code hedge-with}. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    /** Account currency codes. */
    public static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{2,10}");

    public VenueSettings
    {
        if (name == null || !NAME.matcher(name).matches())
        {
            throw new IllegalArgumentException("venue name '" + name + "' must be lower-case letters, digits and dashes");
        }
        final String p = "venues." + name + ".";
        Objects.requireNonNull(type, p + "type");
        Objects.requireNonNull(endpoint, p + "endpoint");
        Objects.requireNonNull(credentials, p + "credentials");
        Objects.requireNonNull(trustPem, p + "trust-pem");
        Objects.requireNonNull(fees, p + "fees");
        Objects.requireNonNull(limits, p + "limits");
        currencies = List.copyOf(currencies);
        if (currencies.isEmpty())
        {
            throw new IllegalArgumentException(p + "currencies must list at least one currency, e.g. [BTC]");
        }
        if (endpoint.isEmpty() && type != VenueType.SIMULATOR)
        {
            throw new IllegalArgumentException(p + "endpoint is missing: only an embedded simulator has none");
        }
        endpoint.ifPresent(uri ->
        {
            if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()))
            {
                throw new IllegalArgumentException(p + "endpoint " + uri + " must be ws:// or wss://");
            }
        });
        if (credentials.isEmpty() && endpoint.isPresent())
        {
            throw new IllegalArgumentException(p + "credentials are missing: every remote endpoint needs an API key");
        }
        if (trustPem.isPresent() && !endpoint.map(u -> "wss".equals(u.getScheme())).orElse(false))
        {
            throw new IllegalArgumentException(p + "trust-pem applies only to a wss:// endpoint");
        }
    }

    /** True when the daemon starts this venue's exchange in-process (a simulator without endpoint). */
    public boolean embedded()
    {
        return type == VenueType.SIMULATOR && endpoint.isEmpty();
    }
}
