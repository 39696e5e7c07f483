package io.deltahedger.agent.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bearer token that guards status, control and metrics. Compared in constant time: both sides are hashed with
 * SHA-256 first, so neither the content nor the length of the expected token leaks through timing. The token itself is
 * never logged and {@link #toString()} redacts it.
 */
public final class ApiToken
{
    /** Shortest token accepted from configuration: 128 bits as 32 hex digits or equivalent. */
    public static final int MIN_LENGTH = 32;

    private final byte[] digest;

    private ApiToken(final String token)
    {
        digest = sha256(token);
    }

    /**
     * A configured token.
     *
     * @throws IllegalArgumentException if shorter than {@link #MIN_LENGTH} characters (without echoing it)
     */
    public static ApiToken of(final String token)
    {
        if (token == null || token.length() < MIN_LENGTH)
        {
            throw new IllegalArgumentException("the API token must be at least " + MIN_LENGTH + " characters (it has "
                + (token == null ? 0 : token.length()) + "): generate one with 'openssl rand -hex 32'");
        }
        return new ApiToken(token);
    }

    /** Generates a random 256-bit token (64 hex digits); returns it so the caller can show it once. */
    public static String generate(final SecureRandom random)
    {
        final byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** True if an {@code Authorization} header value is {@code Bearer <this token>}. Constant time in the token. */
    public boolean matchesHeader(final String authorization)
    {
        final String prefix = "Bearer ";
        final String presented = authorization != null && authorization.regionMatches(true, 0, prefix, 0, prefix.length()) ?
            authorization.substring(prefix.length()).trim() : "";
        return MessageDigest.isEqual(digest, sha256(presented)) & !presented.isEmpty();
    }

    private static byte[] sha256(final String text)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString()
    {
        return "ApiToken[redacted]";
    }
}
