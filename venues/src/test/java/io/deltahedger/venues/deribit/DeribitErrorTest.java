package io.deltahedger.venues.deribit;

import io.deltahedger.venues.order.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitErrorTest {
    @Test
    void mapsEveryDocumentedCodeToItsReason() {
        final Map<Integer, RejectReason> expected = Map.ofEntries(
            Map.entry(10000, RejectReason.AUTH), Map.entry(10001, RejectReason.OTHER),
            Map.entry(10002, RejectReason.INVALID_AMOUNT), Map.entry(10003, RejectReason.OTHER),
            Map.entry(10004, RejectReason.ORDER_NOT_FOUND), Map.entry(10005, RejectReason.INVALID_PRICE),
            Map.entry(10006, RejectReason.INVALID_PRICE), Map.entry(10007, RejectReason.INVALID_PRICE),
            Map.entry(10008, RejectReason.INVALID_PRICE), Map.entry(10009, RejectReason.INSUFFICIENT_MARGIN),
            Map.entry(10010, RejectReason.ORDER_NOT_OPEN), Map.entry(10011, RejectReason.INVALID_PRICE),
            Map.entry(10012, RejectReason.MARKET_CLOSED), Map.entry(10013, RejectReason.POSITION_LIMIT),
            Map.entry(10014, RejectReason.POSITION_LIMIT), Map.entry(10015, RejectReason.POSITION_LIMIT),
            Map.entry(10016, RejectReason.POSITION_LIMIT), Map.entry(10017, RejectReason.POSITION_LIMIT),
            Map.entry(10018, RejectReason.POSITION_LIMIT), Map.entry(10019, RejectReason.AUTH),
            Map.entry(10020, RejectReason.UNKNOWN_INSTRUMENT), Map.entry(10021, RejectReason.INVALID_AMOUNT),
            Map.entry(10023, RejectReason.INVALID_PRICE), Map.entry(10025, RejectReason.ORDER_NOT_FOUND),
            Map.entry(10026, RejectReason.INVALID_PRICE), Map.entry(10027, RejectReason.INVALID_AMOUNT),
            Map.entry(10028, RejectReason.RATE_LIMITED), Map.entry(10029, RejectReason.ORDER_NOT_FOUND),
            Map.entry(10040, RejectReason.RETRYABLE), Map.entry(10041, RejectReason.RETRYABLE),
            Map.entry(10043, RejectReason.INVALID_PRICE), Map.entry(10045, RejectReason.OTHER),
            Map.entry(10046, RejectReason.OTHER), Map.entry(10047, RejectReason.RETRYABLE),
            Map.entry(11008, RejectReason.ORDER_NOT_OPEN), Map.entry(11029, RejectReason.INVALID_REQUEST),
            Map.entry(11044, RejectReason.ORDER_NOT_OPEN), Map.entry(11050, RejectReason.INVALID_REQUEST),
            Map.entry(11051, RejectReason.RETRYABLE), Map.entry(11052, RejectReason.OTHER),
            Map.entry(11054, RejectReason.POST_ONLY_WOULD_CROSS), Map.entry(13004, RejectReason.AUTH),
            Map.entry(13009, RejectReason.AUTH), Map.entry(13021, RejectReason.AUTH),
            Map.entry(-32602, RejectReason.INVALID_REQUEST), Map.entry(-32601, RejectReason.INVALID_REQUEST),
            Map.entry(-32700, RejectReason.INVALID_REQUEST), Map.entry(-32000, RejectReason.INVALID_REQUEST));
        for (final Map.Entry<Integer, RejectReason> e : expected.entrySet()) {
            final DeribitError error = DeribitError.forCode(e.getKey());
            assertEquals(e.getValue(), error.reason(), "code " + e.getKey());
            assertEquals(e.getValue(), DeribitError.classify(e.getKey(), null), "code " + e.getKey());
        }
        assertEquals(expected.size(), DeribitError.values().length, "every enum constant is in the table above");
    }

    @Test
    void codesAndWireNamesAreUnique() {
        final Set<Integer> codes = new HashSet<>();
        final Set<String> names = new HashSet<>();
        for (final DeribitError e : DeribitError.values()) {
            assertTrue(codes.add(e.code()), "duplicate code " + e.code());
            assertTrue(names.add(e.wireName()), "duplicate name " + e.wireName());
            assertSame(e, DeribitError.forWireName(e.wireName()));
        }
    }

    @Test
    void theMessageNameWinsOverAConflictingCode() {
        // Deribit's newer error table calls 10002 "insufficient_funds"-like; the name is what we trust.
        assertEquals(RejectReason.INSUFFICIENT_MARGIN, DeribitError.classify(10002, "not_enough_funds"));
        assertEquals(RejectReason.RATE_LIMITED, DeribitError.classify(10028, "something new"));
        assertEquals(RejectReason.OTHER, DeribitError.classify(99999, "unheard_of"));
        assertNull(DeribitError.forCode(99999));
    }

    @Test
    void onlyTransientErrorsAreRetryable() {
        assertTrue(DeribitError.MATCHING_ENGINE_QUEUE_FULL.reason().retryable());
        assertEquals(false, DeribitError.NOT_ENOUGH_FUNDS.reason().retryable());
        assertEquals(false, DeribitError.TOO_MANY_REQUESTS.reason().retryable(), "rate limits need a back-off, not a retry");
    }
}
