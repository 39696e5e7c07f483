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
 */
public record JournalSettings(Path directory, Roll roll, Optional<SecretReference> signingKey, long signEveryMs)
{
    /** {@code journal} beside the configuration, rolled daily, unsigned, head signed every minute once a key is set. */
    public static final JournalSettings DEFAULT = new JournalSettings(Path.of("journal"), Roll.DAILY, Optional.empty(),
        60_000);

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
}
