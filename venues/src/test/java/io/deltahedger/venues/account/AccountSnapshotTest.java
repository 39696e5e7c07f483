package io.deltahedger.venues.account;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.TestInstruments;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountSnapshotTest {
    private static AccountSnapshot snapshot(final double equity, final double mm) {
        return new AccountSnapshot(Venue.DERIBIT, "BTC", 1_000, 1.2, equity, equity - 0.2, 0.2, mm,
            List.of(new Position(TestInstruments.btcPerpetual(), -300, 60000.5, 60010.2, 0.1, 0.05, -0.0001, 110000)));
    }

    @Test
    void marginUsageIsMaintenanceOverEquityAndNeverNaN() {
        assertEquals(0.25, snapshot(0.4, 0.1).maintenanceMarginUsage(), 1e-15);
        assertEquals(0.0, snapshot(0.0, 0.0).maintenanceMarginUsage());
        assertEquals(Double.POSITIVE_INFINITY, snapshot(-0.1, 0.1).maintenanceMarginUsage());
    }

    @Test
    void ageAndStalenessUseTheInjectedClock() {
        final AccountSnapshot s = snapshot(1, 0.1);
        assertEquals(500, s.ageMs(1_500));
        assertFalse(s.isStale(1_500, 500));
        assertTrue(s.isStale(1_501, 500));
    }

    @Test
    void refusesNonFiniteOrNegativeMargins() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new AccountSnapshot(Venue.DERIBIT, "BTC", 0, 1, Double.NaN, 0, 0, 0, List.of()));
        assertTrue(e.getMessage().contains("equity") && e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> new AccountSnapshot(Venue.DERIBIT, "BTC", 0, 1, 1, 0, -0.1, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Position(TestInstruments.btcPerpetual(), 1, 1, 1, 0,
            Double.POSITIVE_INFINITY, 0, 0));
    }
}
