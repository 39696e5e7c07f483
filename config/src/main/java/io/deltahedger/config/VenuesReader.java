package io.deltahedger.config;

import io.deltahedger.config.secret.SecretReference;
import io.deltahedger.config.venue.VenueCredentials;
import io.deltahedger.config.venue.VenueFees;
import io.deltahedger.config.venue.VenueLimits;
import io.deltahedger.config.venue.VenueSettings;
import io.deltahedger.config.venue.VenueType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code venues.<name>}. */
final class VenuesReader
{
    static final String ENDPOINT_FIX = "give the venue's WebSocket URI, e.g. wss://www.deribit.com/ws/api/v2 "
        + "(wss://test.deribit.com/ws/api/v2 for testnet, ws://127.0.0.1:<port>/ws/api/v2 for a local simulator)";

    private VenuesReader()
    {
    }

    static Map<String, VenueSettings> read(final YamlMap root, final Path baseDir)
    {
        final Map<String, VenueSettings> out = new LinkedHashMap<>();
        final String fix = "declare at least one venue, e.g. venues: {sim: {type: simulator}}";
        if (!root.require("venues", fix))
        {
            return out;
        }
        final YamlMap venues = root.map("venues", fix);
        final List<String> names = venues.names();
        if (names.isEmpty())
        {
            root.bad("venues", "declares no venue", null, fix);
        }
        for (final String name : names)
        {
            if (!VenueSettings.NAME.matcher(name).matches())
            {
                venues.bad(name, "is not a valid venue name", name,
                    "use up to 32 lower-case letters, digits and dashes, e.g. deribit-main");
                continue;
            }
            final VenueSettings v = readVenue(venues.map(name, "give the venue's type and endpoint"), name, baseDir);
            if (v != null)
            {
                out.put(name, v);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Every venue name written in the file, valid or not, so one bad venue does not also fail its hedge-with users. */
    static Set<String> declared(final YamlMap root)
    {
        final Set<String> names = new LinkedHashSet<>();
        if (root.node("venues") instanceof MappingNode m)
        {
            for (final NodeTuple t : m.getValue())
            {
                if (t.getKeyNode() instanceof ScalarNode k)
                {
                    names.add(k.getValue());
                }
            }
        }
        return names;
    }

    private static VenueSettings readVenue(final YamlMap v, final String name, final Path baseDir)
    {
        final Problems problems = v.problems();
        final int before = problems.count();
        final VenueType type = v.require("type", "use type: deribit or type: simulator")
            ? v.choice("type", null, Words.of(VenueType.values(), VenueType::word))
            : null;
        final boolean simulator = type == VenueType.SIMULATOR;

        Optional<URI> endpoint = Optional.empty();
        if (type == VenueType.DERIBIT)
        {
            v.require("endpoint", ENDPOINT_FIX);
        }
        final String endpointText = v.scalar("endpoint", ENDPOINT_FIX);
        if (endpointText != null)
        {
            endpoint = Optional.ofNullable(uri(v, endpointText));
        }
        final boolean embedded = simulator && !v.has("endpoint");

        Optional<VenueCredentials> credentials = Optional.empty();
        if (embedded)
        {
            if (v.has("credentials"))
            {
                v.bad("credentials", "is not used by an embedded simulator (it opens with its public demo key)", null,
                    "remove credentials, or give an endpoint to connect to a simulator started elsewhere");
            }
        }
        else if (type == null ? v.has("credentials")
            : v.require("credentials", "give credentials: {client-id: env:NAME, client-secret: env:NAME}"))
        {
            final YamlMap c = v.map("credentials", "give client-id and client-secret as env:NAME or file:PATH");
            final SecretReference id = c.require("client-id", "give the API key's client id as env:NAME or file:PATH")
                ? c.secret("client-id", null, "client id", baseDir) : null;
            final SecretReference secret = c.require("client-secret", "give the API key's secret as env:NAME or file:PATH")
                ? c.secret("client-secret", null, "client secret", baseDir) : null;
            c.finish();
            if (id != null && secret != null)
            {
                credentials = Optional.of(new VenueCredentials(id, secret));
            }
        }

        Optional<Path> trustPem = Optional.empty();
        final String pem = v.scalar("trust-pem", "give a readable PEM file of CA certificates");
        final Path pemPath = pem == null ? null : resolvedOrNull(v, "trust-pem", baseDir, pem);
        if (pemPath != null)
        {
            if (endpoint.isPresent() && !"wss".equals(endpoint.get().getScheme()) || endpoint.isEmpty() && embedded)
            {
                v.bad("trust-pem", "applies only to a wss:// endpoint", pem, "remove trust-pem or use a wss:// endpoint");
            }
            else if (!Files.isRegularFile(pemPath) || !Files.isReadable(pemPath))
            {
                v.bad("trust-pem", "is not a readable file (" + pemPath + ")", pem,
                    "give the PEM file of the CA certificates to trust, or remove trust-pem to trust the JDK's store");
            }
            else
            {
                trustPem = Optional.of(pemPath);
            }
        }

        final String currencyFix = "list the account currencies to follow, e.g. [BTC, ETH]";
        if (type == VenueType.DERIBIT)
        {
            v.require("currencies", currencyFix);
        }
        final List<String> currencies = v.words("currencies", List.of("BTC", "ETH"), VenueSettings.CURRENCY,
            "use upper-case currency codes, e.g. [BTC, ETH]");
        if (v.has("currencies") && currencies.isEmpty())
        {
            v.bad("currencies", "lists no currency", null, currencyFix);
        }

        final YamlMap f = v.map("fees", "give taker-bps and maker-bps");
        final VenueFees fees = new VenueFees(
            f.number("taker-bps", VenueFees.DEFAULT.takerBps(), Interval.closed(0, 100),
                "give the taker fee in basis points of notional, e.g. 5 for 0.05%"),
            f.number("maker-bps", VenueFees.DEFAULT.makerBps(), Interval.closed(-10, 100),
                "give the maker fee in basis points of notional (negative for a rebate), e.g. 0"));
        f.finish();

        final VenueLimits limits = readLimits(v, type == VenueType.DERIBIT);

        long seed = 1;
        if (v.has("seed") && type != null)
        {
            if (!embedded)
            {
                v.bad("seed", "applies only to an embedded simulator (type simulator, no endpoint)", null, "remove seed");
            }
            else
            {
                seed = v.whole("seed", 1, 0, Long.MAX_VALUE, "give a whole number >= 0, e.g. 1");
            }
        }
        v.finish();
        if (type == null || problems.count() != before)
        {
            return null;
        }
        final Optional<URI> ep = endpoint;
        final Optional<VenueCredentials> cr = credentials;
        final Optional<Path> tp = trustPem;
        final long sd = seed;
        return problems.build(v.path(), v.line(),
            () -> new VenueSettings(name, type, ep, cr, tp, currencies, fees, limits, sd), null);
    }

    private static VenueLimits readLimits(final YamlMap v, final boolean required)
    {
        final VenueLimits d = VenueLimits.SIMULATOR_DEFAULT;
        if (required)
        {
            v.require("limits", "a live account must state its own limits: give limits: {max-order-lots, "
                + "max-position-coin, max-notional-usd-per-minute, max-orders-per-second}");
        }
        final YamlMap l = v.map("limits", "give max-order-lots, max-position-coin, max-notional-usd-per-minute and "
            + "max-orders-per-second");
        if (required && v.has("limits"))
        {
            l.require("max-order-lots", "give the most lots of one order, e.g. 1000");
            l.require("max-position-coin", "give the largest absolute hedge position in coin, e.g. 10");
            l.require("max-notional-usd-per-minute", "give the most USD notional sent per rolling minute, e.g. 1000000");
            l.require("max-orders-per-second", "give the most orders per second, e.g. 5");
        }
        final VenueLimits limits = new VenueLimits(
            l.whole("max-order-lots", d.maxOrderLots(), 1, Long.MAX_VALUE, "give the most lots of one order, e.g. 1000"),
            l.number("max-position-coin", d.maxPositionCoin(), Interval.above(0),
                "give the largest absolute hedge position in coin, e.g. 10"),
            l.number("max-notional-usd-per-minute", d.maxNotionalUsdPerMinute(), Interval.above(0),
                "give the most USD notional sent per rolling minute, e.g. 1000000"),
            (int) l.whole("max-orders-per-second", d.maxOrdersPerSecond(), 1, 1000,
                "give the most orders sent per second, e.g. 5 (Deribit's default rate)"));
        l.finish();
        return limits;
    }

    /** The path, or null after reporting a text that is not a path on this system. */
    static Path resolvedOrNull(final YamlMap m, final String key, final Path baseDir, final String text)
    {
        try
        {
            return resolve(baseDir, text);
        }
        catch (final InvalidPathException ex)
        {
            m.bad(key, "is not a valid path (" + ex.getReason() + ")", text, "give a file system path");
            return null;
        }
    }

    private static URI uri(final YamlMap v, final String text)
    {
        final URI uri;
        try
        {
            uri = new URI(text);
        }
        catch (final URISyntaxException ex)
        {
            v.bad("endpoint", "is not a URI (" + ex.getReason() + ")", text, ENDPOINT_FIX);
            return null;
        }
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()))
        {
            v.bad("endpoint", "must be a ws:// or wss:// URI", text, ENDPOINT_FIX);
            return null;
        }
        if (uri.getHost() == null)
        {
            v.bad("endpoint", "has no host", text, ENDPOINT_FIX);
            return null;
        }
        return uri;
    }

    /** {@code text} as a path, relative ones against the configuration file's directory; InvalidPathException if bad. */
    static Path resolve(final Path baseDir, final String text)
    {
        final Path p = Path.of(text);
        return baseDir == null || p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }
}
