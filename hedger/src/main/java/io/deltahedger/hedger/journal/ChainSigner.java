package io.deltahedger.hedger.journal;

import io.deltahedger.config.secret.Secret;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Signs chain heads with the agent's secp256k1 key (web3j) and recovers signers' addresses. A signature is over the
 * raw 32-byte head hash (no Ethereum message prefix): {@code Sign.signMessage(head, key, false)}, verified by
 * recovering the public key from {@code (r, s, v)} and comparing its Ethereum address with the expected one.
 *
 * <p>The key comes by reference ({@link io.deltahedger.config.secret.SecretReference}) and never prints:
 * {@link #toString()} shows only the address. Signing allocates and costs about a hundred microseconds, which is why
 * the writer signs every N records or T ms rather than every record.
 */
public final class ChainSigner
{
    private static final BigInteger CURVE_ORDER = Sign.CURVE_PARAMS.getN();

    private final ECKeyPair keyPair;
    private final String address;

    private ChainSigner(final ECKeyPair keyPair)
    {
        this.keyPair = keyPair;
        this.address = "0x" + Keys.getAddress(keyPair.getPublicKey()).toLowerCase(Locale.ROOT);
    }

    /**
     * The key held by a secret: 64 hex digits (optionally with {@code 0x}), a secp256k1 private key in [1, n-1].
     *
     * @throws IllegalArgumentException naming the secret's source (never its value) and what is expected
     */
    public static ChainSigner fromSecret(final Secret secret)
    {
        final byte[] raw = secret.useBytes();
        try
        {
            String text = new String(raw, StandardCharsets.US_ASCII).trim();
            if (text.startsWith("0x") || text.startsWith("0X"))
            {
                text = text.substring(2);
            }
            if (text.length() != 64 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0))
            {
                throw new IllegalArgumentException("journal signing key " + secret.source() + " must hold 64 hex digits (a secp256k1 "
                    + "private key, optionally 0x-prefixed), got " + text.length() + " characters; generate one with "
                    + "'openssl rand -hex 32'");
            }
            return fromPrivateKey(new BigInteger(text, 16), secret.source());
        }
        finally
        {
            Arrays.fill(raw, (byte)0);
        }
    }

    /** A fresh key from the system's secure random source: the demo's key, printed only as its address. */
    public static ChainSigner generate()
    {
        return generate(new SecureRandom());
    }

    /** A key drawn from {@code random}; seeded for deterministic tests only. */
    public static ChainSigner generate(final Random random)
    {
        BigInteger key;
        do
        {
            final byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            key = new BigInteger(1, bytes);
        }
        while (key.signum() == 0 || key.compareTo(CURVE_ORDER) >= 0);
        return fromPrivateKey(key, "generated key");
    }

    private static ChainSigner fromPrivateKey(final BigInteger key, final String source)
    {
        if (key.signum() <= 0 || key.compareTo(CURVE_ORDER) >= 0)
        {
            throw new IllegalArgumentException("journal signing key " + source + " is outside the secp256k1 range "
                + "[1, n-1]; generate another");
        }
        return new ChainSigner(ECKeyPair.create(key));
    }

    /** The signer's Ethereum address, {@code 0x} + 40 lower-case hex digits. */
    public String address()
    {
        return address;
    }

    /** Signs a 32-byte head hash; the result is {@code r (32) || s (32) || v (1)}. */
    public byte[] sign(final byte[] headHash)
    {
        requireHash(headHash);
        final Sign.SignatureData data = Sign.signMessage(headHash, keyPair, false);
        final byte[] out = new byte[SIGNATURE_LENGTH];
        System.arraycopy(data.getR(), 0, out, 0, 32);
        System.arraycopy(data.getS(), 0, out, 32, 32);
        out[64] = data.getV()[0];
        return out;
    }

    /** {@code r || s || v}. */
    public static final int SIGNATURE_LENGTH = 65;

    /**
     * The address that signed {@code headHash} with {@code signature} ({@code r || s || v}), or null if no key
     * recovers from it (a forged or damaged signature).
     */
    public static String recoverAddress(final byte[] headHash, final byte[] signature)
    {
        requireHash(headHash);
        if (signature == null || signature.length != SIGNATURE_LENGTH)
        {
            return null;
        }
        final Sign.SignatureData data = new Sign.SignatureData(signature[64], Arrays.copyOfRange(signature, 0, 32),
            Arrays.copyOfRange(signature, 32, 64));
        try
        {
            final BigInteger publicKey = Sign.signedMessageHashToKey(headHash, data);
            return "0x" + Keys.getAddress(publicKey).toLowerCase(Locale.ROOT);
        }
        catch (final SignatureException | RuntimeException e)
        {
            return null;
        }
    }

    /** Normalises an address for comparison: lower case with {@code 0x}; rejects anything but 40 hex digits. */
    public static String normaliseAddress(final String address)
    {
        String text = address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("0x"))
        {
            text = text.substring(2);
        }
        if (text.length() != 40 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0))
        {
            throw new IllegalArgumentException("signer address '" + address + "' must be an Ethereum address: 0x and 40 "
                + "hex digits");
        }
        return "0x" + text;
    }

    private static void requireHash(final byte[] hash)
    {
        if (hash == null || hash.length != HashChain.HASH_LENGTH)
        {
            throw new IllegalArgumentException("a chain head hash is 32 bytes, got "
                + (hash == null ? "null" : hash.length + " bytes"));
        }
    }

    @Override
    public String toString()
    {
        return "ChainSigner[" + address + "]";
    }
}
