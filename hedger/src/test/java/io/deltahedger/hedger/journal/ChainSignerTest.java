package io.deltahedger.hedger.journal;

import io.deltahedger.config.secret.Secret;
import io.deltahedger.config.secret.SecretReference;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainSignerTest
{
    /** Hardhat's first well-known development account (public test key). */
    private static final String HARDHAT_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final String HARDHAT_ADDRESS = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    @Test
    void aKeyByReferenceSignsAsItsEthereumAddress()
    {
        final Secret secret = SecretReference.parse("env:JOURNAL_KEY").resolve(Map.of("JOURNAL_KEY", HARDHAT_KEY));
        final ChainSigner signer = ChainSigner.fromSecret(secret);
        assertEquals(HARDHAT_ADDRESS, signer.address());
        final byte[] head = new byte[32];
        head[0] = 1;
        assertEquals(HARDHAT_ADDRESS, ChainSigner.recoverAddress(head, signer.sign(head)));
        assertFalse(signer.toString().contains("ac0974"), signer.toString());
    }

    @Test
    void aSignatureRecoversAnotherAddressForAnotherHash()
    {
        final ChainSigner signer = ChainSigner.generate(new Random(1));
        final byte[] head = new byte[32];
        final byte[] signature = signer.sign(head);
        head[31] = 9;
        final String recovered = ChainSigner.recoverAddress(head, signature);
        assertNotEquals(signer.address(), recovered);
        assertNull(ChainSigner.recoverAddress(head, new byte[65]));
    }

    @Test
    void aMalformedKeyIsRefusedWithoutShowingIt()
    {
        final Secret secret = Secret.of("env:JOURNAL_KEY", "deadbeef-not-a-key");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChainSigner.fromSecret(secret));
        assertTrue(e.getMessage().contains("env:JOURNAL_KEY must hold 64 hex digits"), e.getMessage());
        assertFalse(e.getMessage().contains("deadbeef"), e.getMessage());
    }

    @Test
    void aKeyOutsideTheCurveOrderIsRefused()
    {
        final Secret zero = Secret.of("file:/keys/j", "0".repeat(64));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChainSigner.fromSecret(zero)).getMessage()
            .contains("outside the secp256k1 range"));
    }

    @Test
    void addressesAreNormalisedAndValidated()
    {
        assertEquals(HARDHAT_ADDRESS, ChainSigner.normaliseAddress("0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChainSigner.normaliseAddress("0x1234")).getMessage()
            .contains("0x and 40 hex digits"));
    }
}
