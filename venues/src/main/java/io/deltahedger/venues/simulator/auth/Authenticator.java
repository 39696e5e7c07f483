package io.deltahedger.venues.simulator.auth;

import io.deltahedger.venues.deribit.DeribitSigner;

import io.deltahedger.venues.simulator.rpc.RpcError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deribit's {@code public/auth}: checks client credentials or an HMAC-SHA256 client signature, issues bearer access
 * tokens with refresh tokens, and validates tokens and {@code deri-hmac-sha256} HTTP request signatures. One API key
 * (client id/secret) maps to one owner. Single-threaded (the exchange thread); tokens come from a seeded random.
 *
 * <p>Signature: {@code hex(HMAC-SHA256(secret, timestamp + "\n" + nonce + "\n" + data))}; for HTTP requests
 * {@code data = METHOD + "\n" + URI + "\n" + BODY + "\n"}. Timestamps must lie within {@link #SIGNATURE_WINDOW_MS}
 * of the clock.
 */
public final class Authenticator
{
    /** How far a signature's timestamp may be from the simulator's clock. */
    public static final long SIGNATURE_WINDOW_MS = 60_000;

    private final String clientId;
    private final byte[] clientSecret;
    private final long ownerId;
    private final long tokenLifetimeMs;
    private final SplittableRandom random;
    private final Map<String, Long> accessTokenExpiryMs = new HashMap<>();
    private final Map<String, String> refreshTokens = new HashMap<>();

    public Authenticator(final String clientId, final String clientSecret, final long ownerId, final long tokenLifetimeMs,
        final SplittableRandom random)
    {
        this.clientId = clientId;
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.ownerId = ownerId;
        this.tokenLifetimeMs = tokenLifetimeMs;
        this.random = random;
    }

    /** A granted token pair. */
    public record Grant(String accessToken, String refreshToken, long expiresInSeconds, long ownerId)
    {
    }

    public long tokenLifetimeMs()
    {
        return tokenLifetimeMs;
    }

    /**
     * {@code grant_type=client_credentials}.
     */
    public Grant clientCredentials(final String id, final String secret, final long nowMs)
    {
        if (!clientId.equals(id) || !MessageDigest.isEqual(clientSecret, secret.getBytes(StandardCharsets.UTF_8)))
        {
            throw new RpcError(RpcError.INVALID_CREDENTIALS, "invalid_credentials",
                "unknown client_id or wrong client_secret", "client_secret");
        }
        return issue(nowMs);
    }

    /**
     * {@code grant_type=client_signature}.
     */
    public Grant clientSignature(final String id, final long timestampMs, final String nonce, final String data,
        final String signature, final long nowMs)
    {
        if (!clientId.equals(id))
        {
            throw new RpcError(RpcError.INVALID_CREDENTIALS, "invalid_credentials", "unknown client_id '" + id + "'", "client_id");
        }
        verify(timestampMs, nonce, data, signature, nowMs);
        return issue(nowMs);
    }

    /**
     * {@code grant_type=refresh_token}: the old refresh token is spent; a new pair is issued.
     */
    public Grant refresh(final String refreshToken, final long nowMs)
    {
        if (refreshTokens.remove(refreshToken) == null)
        {
            throw RpcError.unauthorized("refresh_token is unknown or already used; authenticate again");
        }
        return issue(nowMs);
    }

    /**
     * @return the owner of a valid, unexpired access token.
     * @throws RpcError 13009 when the token is unknown or expired.
     */
    public long ownerOfToken(final String accessToken, final long nowMs)
    {
        final Long expiry = accessTokenExpiryMs.get(accessToken);
        if (expiry == null)
        {
            throw RpcError.unauthorized("invalid_token: unknown access token");
        }
        if (nowMs >= expiry)
        {
            accessTokenExpiryMs.remove(accessToken);
            throw RpcError.unauthorized("invalid_token: access token expired at " + expiry + "; use refresh_token");
        }
        return ownerId;
    }

    /**
     * Verifies an HTTP {@code Authorization: deri-hmac-sha256 id=..,ts=..,sig=..,nonce=..} header.
     *
     * @return the owner.
     */
    public long ownerOfHttpSignature(final String headerParameters, final String httpMethod, final String uri,
        final String body, final long nowMs)
    {
        final Map<String, String> fields = new HashMap<>();
        for (final String part : headerParameters.split(","))
        {
            final int equals = part.indexOf('=');
            if (equals > 0)
            {
                fields.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
            }
        }
        final String id = fields.get("id");
        final String ts = fields.get("ts");
        final String sig = fields.get("sig");
        final String nonce = fields.get("nonce");
        if (id == null || ts == null || sig == null || nonce == null)
        {
            throw RpcError.unauthorized("deri-hmac-sha256 header needs id, ts, sig and nonce but was '" + headerParameters + "'");
        }
        if (!clientId.equals(id))
        {
            throw new RpcError(RpcError.INVALID_CREDENTIALS, "invalid_credentials", "unknown client id '" + id + "'", "id");
        }
        final long timestampMs;
        try
        {
            timestampMs = Long.parseLong(ts);
        }
        catch (final NumberFormatException ex)
        {
            throw RpcError.unauthorized("deri-hmac-sha256 ts must be epoch milliseconds but was '" + ts + "'");
        }
        final String requestData = httpMethod.toUpperCase(java.util.Locale.ROOT) + "\n" + uri + "\n" + body + "\n";
        verify(timestampMs, nonce, requestData, sig, nowMs);
        return ownerId;
    }

    /**
     * @return lower-case hex HMAC-SHA256 of {@code timestamp\nnonce\ndata} with the given secret.
     */
    public static String sign(final String secret, final long timestampMs, final String nonce, final String data)
    {
        return DeribitSigner.signature(secret, timestampMs, nonce, data);
    }

    private void verify(final long timestampMs, final String nonce, final String data, final String signature,
        final long nowMs)
    {
        if (Math.abs(nowMs - timestampMs) > SIGNATURE_WINDOW_MS)
        {
            throw RpcError.unauthorized("signature timestamp " + timestampMs + " is more than " + SIGNATURE_WINDOW_MS
                + " ms from server time " + nowMs + "; sync the clock");
        }
        final String expected = sign(new String(clientSecret, StandardCharsets.UTF_8), timestampMs, nonce, data);
        if (signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
            signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII)))
        {
            throw RpcError.unauthorized("bad signature: expected hex(HMAC-SHA256(secret, timestamp\\nnonce\\ndata))");
        }
    }

    private Grant issue(final long nowMs)
    {
        purgeExpired(nowMs);
        final String access = newToken();
        final String refresh = newToken();
        accessTokenExpiryMs.put(access, nowMs + tokenLifetimeMs);
        refreshTokens.put(refresh, access);
        return new Grant(access, refresh, tokenLifetimeMs / 1000, ownerId);
    }

    private void purgeExpired(final long nowMs)
    {
        for (final Iterator<Map.Entry<String, Long>> it = accessTokenExpiryMs.entrySet().iterator(); it.hasNext(); )
        {
            if (it.next().getValue() <= nowMs)
            {
                it.remove();
            }
        }
    }

    private String newToken()
    {
        final StringBuilder token = new StringBuilder(32);
        token.append(Long.toHexString(nowNonZero())).append('.').append(Long.toHexString(nowNonZero()));
        return token.toString();
    }

    private long nowNonZero()
    {
        return random.nextLong() | 1L;
    }
}
