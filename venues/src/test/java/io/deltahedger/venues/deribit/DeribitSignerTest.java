package io.deltahedger.venues.deribit;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitSignerTest {
    private final DeribitSigner signer = new DeribitSigner(new DeribitCredentials("AMANDA", "AMANDASECRECT"));

    @Test
    void reproducesTheOfficialClientSignatureTestVector() {
        assertEquals("56590594f97921b09b18f166befe0d1319b198bbcdad7ca73382de2f88fe9aa1",
            signer.clientSignature(1576074319000L, "1iqt2wls", ""));
    }

    @Test
    void signatureChangesWithData() {
        assertNotEquals(signer.clientSignature(1576074319000L, "1iqt2wls", ""),
            signer.clientSignature(1576074319000L, "1iqt2wls", "x"));
    }

    @Test
    void buildsTheRestAuthorizationHeader() {
        // Self-computed with openssl (venues.md 1.2), not an official Deribit vector.
        assertEquals("deri-hmac-sha256 id=AMANDA,ts=1576074319000,"
                + "sig=9bfbc51a2bc372d72cc396cf1a213dc78d42eb74cb7dc272351833ad0de276ab,nonce=1iqt2wls",
            signer.httpAuthorization("get", "/api/v2/private/get_account_summary?currency=BTC", "",
                1576074319000L, "1iqt2wls"));
    }

    @Test
    void authParamsCarryTheSignatureButNeverTheSecret() {
        final String json = signer.authParamsJson(1576074319000L, "1iqt2wls", "");
        assertTrue(json.contains("\"signature\":\"56590594f97921b09b18f166befe0d1319b198bbcdad7ca73382de2f88fe9aa1\""));
        assertTrue(json.contains("\"grant_type\":\"client_signature\""));
        assertFalse(json.contains("AMANDASECRECT"));
    }

    @Test
    void credentialsAndSignerRedactTheSecret() {
        final DeribitCredentials credentials = new DeribitCredentials("AMANDA", "AMANDASECRECT");
        assertFalse(credentials.toString().contains("AMANDASECRECT"));
        assertFalse(signer.toString().contains("AMANDASECRECT"));
        assertTrue(credentials.toString().contains("AMANDA"));
    }

    @Test
    void refusesEmptySecretsAndBadNonces() {
        assertThrows(IllegalArgumentException.class, () -> new DeribitCredentials("AMANDA", ""));
        assertThrows(IllegalArgumentException.class, () -> signer.clientSignature(1, "", ""));
        assertThrows(IllegalArgumentException.class, () -> signer.clientSignature(1, "a\nb", ""));
    }

    @Test
    void noncesAreReproducibleFromASeed() {
        assertEquals(DeribitSigner.newNonce(new SplittableRandom(5)), DeribitSigner.newNonce(new SplittableRandom(5)));
        assertEquals(16, DeribitSigner.newNonce(new SplittableRandom(5)).length());
    }
}
