package io.deltahedger.config.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret value (API secret, token, private key) that never prints itself.
 * <p>
 * {@link #toString()} names only where the secret came from, so a secret that reaches a log line, an exception
 * message or a status response by accident shows as {@code Secret[env:DERIBIT_CLIENT_SECRET]}. The value is read
 * only through {@link #useBytes()} or {@link #equalsInConstantTime(byte[])}.
 */
public final class Secret
{
    private final String source;
    private final byte[] value;

    private Secret(final String source, final byte[] value)
    {
        this.source = source;
        this.value = value;
    }

    /**
     * @param source where the value came from, for messages (never the value itself).
     * @param value  the secret's characters; must not be empty.
     */
    public static Secret of(final String source, final String value)
    {
        if (value == null || value.isEmpty())
        {
            throw new IllegalArgumentException("secret " + source + " is empty: set it to the credential's value");
        }
        return new Secret(source, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Where the secret came from, e.g. {@code env:DERIBIT_CLIENT_SECRET}; safe to print. */
    public String source()
    {
        return source;
    }

    /** A copy of the secret's UTF-8 bytes; callers should {@link Arrays#fill(byte[], byte)} it when done. */
    public byte[] useBytes()
    {
        return value.clone();
    }

    /** The secret as a string, for protocols that need it in a request body (e.g. client_credentials auth). */
    public String reveal()
    {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Compares with a candidate in time independent of where they differ (for tokens and signatures). */
    public boolean equalsInConstantTime(final byte[] candidate)
    {
        return candidate != null && MessageDigest.isEqual(value, candidate);
    }

    @Override
    public String toString()
    {
        return "Secret[" + source + "]";
    }
}
