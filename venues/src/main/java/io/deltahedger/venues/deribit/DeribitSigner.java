package io.deltahedger.venues.deribit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Deribit request signatures (venues.md 1.2), HMAC-SHA256 with the client secret, lower-case hex:
 * <ul>
 *   <li>{@code public/auth} with {@code grant_type=client_signature}: StringToSign = timestamp + "\n" + nonce + "\n"
 *       + data (data may be empty, both newlines are mandatory);</li>
 *   <li>REST: {@code Authorization: deri-hmac-sha256 id=..,ts=..,sig=..,nonce=..} where RequestData =
 *       METHOD + "\n" + URI (path and query) + "\n" + body + "\n" and StringToSign = timestamp + "\n" + nonce + "\n"
 *       + RequestData.</li>
 * </ul>
 * Time and randomness are passed in (timestamp argument, {@link #newNonce(RandomGenerator)}), so signatures are
 * reproducible. Not a hot path: a fresh {@link Mac} per signature keeps the class thread-safe.
 */
public final class DeribitSigner {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] NONCE_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final DeribitCredentials credentials;

    public DeribitSigner(final DeribitCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** The {@code client_signature} signature for {@code public/auth}. */
    public String clientSignature(final long timestampMs, final String nonce, final String data) {
        return signature(credentials.clientSecret(), timestampMs, requireNonce(nonce), data == null ? "" : data);
    }

    /**
     * Deribit's signature: lower-case hex HMAC-SHA256 of {@code timestamp\nnonce\ndata} under {@code secret}. Both
     * {@code client_signature} auth and the {@code deri-hmac-sha256} header use it (the header's data is
     * {@code METHOD\nURI\nBODY\n}); the embedded exchange verifies with it too.
     */
    public static String signature(final String secret, final long timestampMs, final String nonce,
                                   final String data) {
        return hmacHex(secret, timestampMs + "\n" + nonce + "\n" + data);
    }

    /**
     * The {@code params} object of a {@code public/auth} request with {@code grant_type=client_signature}, as JSON.
     * Nonce and data are restricted to characters that need no JSON escaping.
     */
    public String authParamsJson(final long timestampMs, final String nonce, final String data) {
        final String d = data == null ? "" : data;
        if (!d.chars().allMatch(c -> c >= ' ' && c <= '~' && c != '"' && c != '\\')) {
            throw new IllegalArgumentException("auth data must be printable ASCII without quotes or backslashes");
        }
        return "{\"grant_type\":\"client_signature\",\"client_id\":\"" + credentials.clientId()
            + "\",\"timestamp\":" + timestampMs + ",\"signature\":\"" + clientSignature(timestampMs, nonce, d)
            + "\",\"nonce\":\"" + nonce + "\",\"data\":\"" + d + "\"}";
    }

    /** The value of the REST {@code Authorization} header for one request. */
    public String httpAuthorization(final String method, final String uriWithQuery, final String body,
                                    final long timestampMs, final String nonce) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uriWithQuery, "uriWithQuery");
        final String requestData = method.toUpperCase(java.util.Locale.ROOT) + "\n" + uriWithQuery + "\n"
            + (body == null ? "" : body) + "\n";
        final String signature = signature(credentials.clientSecret(), timestampMs, requireNonce(nonce), requestData);
        return "deri-hmac-sha256 id=" + credentials.clientId() + ",ts=" + timestampMs + ",sig=" + signature
            + ",nonce=" + nonce;
    }

    /** A fresh 16-character nonce drawn from the injected generator. */
    public static String newNonce(final RandomGenerator random) {
        final char[] c = new char[16];
        for (int i = 0; i < c.length; i++) {
            c[i] = NONCE_ALPHABET[random.nextInt(NONCE_ALPHABET.length)];
        }
        return new String(c);
    }

    private static String requireNonce(final String nonce) {
        if (nonce == null || nonce.isEmpty() || !nonce.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("Deribit nonce must be a non-empty alphanumeric string, got '" + nonce
                + "': use DeribitSigner.newNonce");
        }
        return nonce;
    }

    /** Lower-case hex HMAC-SHA256 of {@code message} (UTF-8) under {@code secret}. */
    private static String hmacHex(final String secret, final String message) {
        try {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            final byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            final char[] out = new char[digest.length * 2];
            for (int i = 0; i < digest.length; i++) {
                out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
                out[2 * i + 1] = HEX[digest[i] & 0xf];
            }
            return new String(out);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "DeribitSigner[" + credentials + "]";
    }
}
