package io.deltahedger.venues.deribit.client;

import io.deltahedger.config.secret.SecretReference;
import io.deltahedger.venues.deribit.DeribitCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitClientConfigTest {
    private static final URI URI_ = URI.create("ws://127.0.0.1:1/ws/api/v2");
    private static final DeribitCredentials KEY = new DeribitCredentials("id", "very-secret");

    @Test
    void credentialsAreResolvedFromAFileReferenceAndNeverPrinted(@TempDir final Path dir) throws Exception {
        final Path secret = dir.resolve("deribit.secret");
        Files.writeString(secret, "very-secret\n");
        final Path id = dir.resolve("deribit.id");
        Files.writeString(id, "key-1\n");
        final DeribitCredentials credentials = DeribitClientConfig.credentials(SecretReference.parse("file:" + id),
            SecretReference.parse("file:" + secret));
        assertEquals("key-1", credentials.clientId());
        assertEquals("very-secret", credentials.clientSecret());
        final DeribitClientConfig config = DeribitClientConfig.defaults(URI_, credentials, List.of(), List.of("BTC"));
        assertFalse(config.toString().contains("very-secret"), config.toString());
    }

    @Test
    void aHeartbeatBelowDeribitsMinimumIsRefusedWithTheFix() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeribitClientConfig(
            URI_, KEY, List.of(), true, List.of(), List.of(), 5, 30_000, 5_000, 5_000, 60_000, 250, 30_000,
            ClientRateLimits.deribitDefaults(), 16, null));
        assertTrue(e.getMessage().contains("heartbeatIntervalSeconds") && e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void livenessMustTolerateOneLostHeartbeat() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> DeribitClientConfig.defaults(URI_, KEY, List.of(), List.of()).withTimeouts(15_000, 5_000));
        assertTrue(e.getMessage().contains("livenessTimeoutMs"), e.getMessage());
    }

    @Test
    void aRequestCostAboveItsPoolIsRefused() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new ClientRateLimits(500, 50_000, 10_000, 3_000, 30_000, 20_000, 5_000));
        assertTrue(e.getMessage().contains("matchingCost"), e.getMessage());
    }

    @Test
    void anEndpointThatIsNotAWebSocketIsRefusedWithTheFix() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeribitClientConfig.defaults(
            URI.create("https://www.deribit.com/api/v2"), KEY, List.of(), List.of()));
        assertTrue(e.getMessage().contains("https://www.deribit.com/api/v2") && e.getMessage().contains("wss://"),
            e.getMessage());
    }
}
