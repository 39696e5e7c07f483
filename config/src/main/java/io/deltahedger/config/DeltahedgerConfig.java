package io.deltahedger.config;

import io.deltahedger.config.book.BookSource;
import io.deltahedger.config.daemon.ControlSettings;
import io.deltahedger.config.daemon.JournalSettings;
import io.deltahedger.config.daemon.LoggingSettings;
import io.deltahedger.config.engine.ExecutionSettings;
import io.deltahedger.config.engine.MarginSettings;
import io.deltahedger.config.engine.PipelineSettings;
import io.deltahedger.config.policy.HedgeInstrument;
import io.deltahedger.config.policy.UnderlyingSettings;
import io.deltahedger.config.secret.SecretReference;
import io.deltahedger.config.venue.VenueSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The daemon's whole configuration: one YAML file read by {@link ConfigLoader}, or {@link #demo()}. Immutable and
 * validated; holds secrets only as references ({@code env:NAME}, {@code file:PATH}), so neither {@code toString()}
 * nor {@link #describe()} can show a secret value. docs/configuration.md lists every key.
 *
 * @param venues      venues (accounts) by name, in file order; at least one.
 * @param book        the options book being hedged.
 * @param underlyings hedged underlyings by coin, in file order; at least one; their hedge instruments name
 *                    configured venues.
 * @param margin      margin gate and monitor.
 * @param execution   group execution and circuit breaker.
 * @param pipeline    the hedging pipeline's ring and threads.
 * @param journal     the decision journal.
 * @param control     the control-plane listener.
 * @param logging     log output.
 */
public record DeltahedgerConfig(
    Map<String, VenueSettings> venues,
    BookSource book,
    Map<String, UnderlyingSettings> underlyings,
    MarginSettings margin,
    ExecutionSettings execution,
    PipelineSettings pipeline,
    JournalSettings journal,
    ControlSettings control,
    LoggingSettings logging)
{
    public DeltahedgerConfig
    {
        venues = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(venues, "venues")));
        underlyings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(underlyings, "underlyings")));
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(logging, "logging");
        if (venues.isEmpty() || underlyings.isEmpty())
        {
            throw new IllegalArgumentException("the configuration needs at least one venue and one underlying");
        }
        for (final Map.Entry<String, VenueSettings> e : venues.entrySet())
        {
            if (!e.getKey().equals(e.getValue().name()))
            {
                throw new IllegalArgumentException("venues key " + e.getKey() + " holds venue " + e.getValue().name());
            }
        }
        for (final Map.Entry<String, UnderlyingSettings> e : underlyings.entrySet())
        {
            if (!e.getKey().equals(e.getValue().underlying()))
            {
                throw new IllegalArgumentException("underlyings key " + e.getKey() + " holds " + e.getValue().underlying());
            }
            for (final HedgeInstrument h : e.getValue().hedgeWith())
            {
                if (!venues.containsKey(h.venue()))
                {
                    throw new IllegalArgumentException("underlyings." + e.getKey() + ".hedge-with " + h
                        + " names a venue that is not configured");
                }
            }
        }
    }

    /**
     * The built-in demo: one embedded simulator ({@code sim}, paper trading with its public demo key), the demo book,
     * BTC and ETH hedged with the perpetuals; loaded from the {@code demo.yaml} resource.
     */
    public static DeltahedgerConfig demo()
    {
        return DemoHolder.DEMO;
    }

    /** The venue of a name, or an exception naming the configured ones. */
    public VenueSettings venue(final String name)
    {
        final VenueSettings v = venues.get(name);
        if (v == null)
        {
            throw new IllegalArgumentException("no venue " + name + " is configured; venues: " + venues.keySet());
        }
        return v;
    }

    /**
     * Every secret reference, named by its key path, for the daemon to resolve (and report all missing ones) at
     * start.
     */
    public Map<String, SecretReference> secretReferences()
    {
        final Map<String, SecretReference> out = new LinkedHashMap<>();
        for (final VenueSettings v : venues.values())
        {
            v.credentials().ifPresent(c ->
            {
                out.put("venues." + v.name() + ".credentials.client-id", c.clientId());
                out.put("venues." + v.name() + ".credentials.client-secret", c.clientSecret());
            });
        }
        journal.signingKey().ifPresent(k -> out.put("journal.signing-key", k));
        out.put("control.token", control.token());
        return Collections.unmodifiableMap(out);
    }

    /** Secret references whose value the environment does not provide (for a start-up check listing all of them). */
    public List<String> unresolvableSecrets(final Function<String, String> environment)
    {
        final List<String> out = new ArrayList<>();
        for (final Map.Entry<String, SecretReference> e : secretReferences().entrySet())
        {
            try
            {
                e.getValue().resolve(environment);
            }
            catch (final IllegalStateException | IllegalArgumentException ex)
            {
                out.add(e.getKey() + ": " + ex.getMessage());
            }
        }
        return out;
    }

    /**
     * The effective configuration (every key, defaults included) as YAML, for the status endpoint and the start-up
     * log. Secrets appear only as their references, marked as such; parsing the text gives back an equal
     * configuration.
     */
    public String describe()
    {
        return ConfigWriter.write(this);
    }

    /** Lazily loads the demo resource once. */
    private static final class DemoHolder
    {
        static final DeltahedgerConfig DEMO = ConfigLoader.loadDemo();
    }
}
