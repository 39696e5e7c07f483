package io.deltahedger.config.daemon;

import io.deltahedger.config.secret.SecretReference;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision journal ({@code journal:}).
 *
 * @param directory   where journal files are written, resolved against the configuration file's directory.
 * @param roll        when a new file starts.
 * @param signingKey  the agent's secp256k1 private key (hex) by reference, to sign the chain head; empty: the
 *                    chain is hash-linked but unsigned.
 * @param signEveryMs how often the chain head is signed, ms &gt; 0.
 * @param marketData  whether every market-data event is journaled in full (MARKET_DATA records), so that
 *                    {@code deltahedger backtest --journal} can replay the journal; off keeps only what the margin
 *                    book was given (MARKET records): about 225 bytes less per market-data event and a cheaper
 *                    pipeline, but the journal can no longer be replayed.
 */
public record JournalSettings(Path directory, Roll roll, Optional<SecretReference> signingKey, long signEveryMs,
                              boolean marketData)
{
    /**
     * {@code journal} beside the configuration, rolled daily, unsigned, head signed every minute once a key is set,
     * market data journaled.
     */
    public static final JournalSettings DEFAULT = new JournalSettings(Path.of("journal"), Roll.DAILY, Optional.empty(),
        60_000, true);

    /** Journal roll cycles (daily is the only one so far). */
    public enum Roll
    {
        /** A new file at each UTC midnight. */
        DAILY;

        public String word()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public JournalSettings
    {
        Objects.requireNonNull(directory, "journal.directory");
        Objects.requireNonNull(roll, "journal.roll");
        Objects.requireNonNull(signingKey, "journal.signing-key");
        if (signEveryMs <= 0)
        {
            throw new IllegalArgumentException("journal.sign-every must be > 0, was " + signEveryMs + " ms");
        }
    }

    /** As the full constructor, with market data journaled ({@code marketData} true, the default). */
    public JournalSettings(final Path directory, final Roll roll, final Optional<SecretReference> signingKey,
                           final long signEveryMs)
    {
        this(directory, roll, signingKey, signEveryMs, true);
    }
}
