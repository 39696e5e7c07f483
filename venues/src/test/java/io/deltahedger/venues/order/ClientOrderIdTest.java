package io.deltahedger.venues.order;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientOrderIdTest {
    private static final Pattern BINANCE = Pattern.compile("^[\\.A-Z\\:/a-z0-9_-]{1,36}$");

    @Test
    void textIsShortAndReadable() {
        assertEquals("dh2s-1-0", new ClientOrderId(100, 1, 0).text());
        assertEquals(new ClientOrderId(100, 1, 1), new ClientOrderId(100, 1, 0).nextAttempt());
    }

    @Property(seed = "3", tries = 1000)
    void textAndCloidRoundTripAndFitEveryVenue(
        @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) final long group,
        @ForAll @IntRange(min = 0, max = 999) final int leg,
        @ForAll @IntRange(min = 0, max = 9999) final int attempt) {
        final ClientOrderId id = new ClientOrderId(group, leg, attempt);
        final String text = id.text();
        assertTrue(text.length() <= ClientOrderId.MAX_TEXT_LENGTH, text);
        assertTrue(BINANCE.matcher(text).matches(), "Binance newClientOrderId: " + text);
        assertTrue(text.length() <= 64, "Deribit label");
        assertEquals(id, ClientOrderId.parse(text));
        final String cloid = id.toCloid();
        assertTrue(cloid.matches("0x[0-9a-f]{32}"), cloid);
        assertEquals(id, ClientOrderId.parse(cloid));
    }

    @Test
    void foreignIdsAreRefusedWithAnExplanation() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ClientOrderId.parse("web-order-17"));
        assertTrue(e.getMessage().contains("web-order-17"));
        assertNull(ClientOrderId.parseOrNull("dh-1-2"));
        assertNull(ClientOrderId.parseOrNull(null));
        assertThrows(IllegalArgumentException.class, () -> new ClientOrderId(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClientOrderId(1, 1000, 0));
        assertThrows(IllegalArgumentException.class, () -> new ClientOrderId(1, 0, 10_000));
    }
}
