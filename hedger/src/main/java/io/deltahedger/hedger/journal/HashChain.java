package io.deltahedger.hedger.journal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The journal's hash chain: {@code head' = SHA-256(head || record bytes)}, starting from 32 zero bytes. Allocation-free
 * per record (the JDK's SHA-256 digests into the caller's array). Single-threaded.
 */
public final class HashChain
{
    /** SHA-256 output length in bytes. */
    public static final int HASH_LENGTH = 32;

    private final MessageDigest sha256;
    private final byte[] head = new byte[HASH_LENGTH];

    public HashChain()
    {
        try
        {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("this JVM has no SHA-256 MessageDigest, which every Java SE JVM must have", e);
        }
    }

    /** Starts the chain from {@code previous} (32 bytes), e.g. the head at the end of the previous file. */
    public void reset(final byte[] previous)
    {
        if (previous.length != HASH_LENGTH)
        {
            throw new IllegalArgumentException("a chain head is " + HASH_LENGTH + " bytes, got " + previous.length);
        }
        System.arraycopy(previous, 0, head, 0, HASH_LENGTH);
    }

    /** Advances the head over {@code length} record bytes at {@code offset} and copies the new head to {@code out}. */
    public void advance(final byte[] record, final int offset, final int length, final byte[] out, final int outOffset)
    {
        sha256.update(head, 0, HASH_LENGTH);
        sha256.update(record, offset, length);
        try
        {
            sha256.digest(head, 0, HASH_LENGTH);
        }
        catch (final DigestException e)
        {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
        System.arraycopy(head, 0, out, outOffset, HASH_LENGTH);
    }

    /** The hash {@code SHA-256(head || record)} without advancing, into {@code out}. */
    public void peek(final byte[] record, final int offset, final int length, final byte[] out)
    {
        sha256.update(head, 0, HASH_LENGTH);
        sha256.update(record, offset, length);
        try
        {
            sha256.digest(out, 0, HASH_LENGTH);
        }
        catch (final DigestException e)
        {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
    }

    /** A copy of the current head. */
    public byte[] head()
    {
        return head.clone();
    }

    /** Copies the current head into {@code out} at {@code offset}. */
    public void headInto(final byte[] out, final int offset)
    {
        System.arraycopy(head, 0, out, offset, HASH_LENGTH);
    }

    /** Whether the head equals {@code hash} (32 bytes). */
    public boolean headEquals(final byte[] hash)
    {
        return Arrays.equals(head, hash);
    }

    /** Lower-case hex of a hash, for reports. */
    public static String hex(final byte[] hash)
    {
        return HexFormat.of().formatHex(hash);
    }
}
