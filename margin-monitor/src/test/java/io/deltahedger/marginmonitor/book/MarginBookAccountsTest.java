package io.deltahedger.marginmonitor.book;

import io.deltahedger.marginmonitor.Fixtures;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.OptionType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two accounts of one venue and currency (two Deribit endpoints) holding the same canonical instruments. */
class MarginBookAccountsTest {

    private final MarginBook book = new MarginBook(4, 16);
    private final int a = book.addAccount("sim-a BTC", Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
    private final int b = book.addAccount("sim-b BTC", Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
    private final int perpA = book.addInstrument(a, Fixtures.deribitPerpetual());
    private final int perpB = book.addInstrument(b, Fixtures.deribitPerpetual());

    @Test
    void sameCanonicalInstrumentLivesOnTwoNamedAccountsUnderQualifiedKeys() {
        assertNotEquals(perpA, perpB);
        assertEquals(perpA, book.instrumentId("sim-a BTC/deribit:BTC-PERPETUAL"));
        assertEquals(perpB, book.instrumentId("sim-b BTC/deribit:BTC-PERPETUAL"));
        assertEquals(perpA, book.instrumentId(a, "deribit:BTC-PERPETUAL"));
        assertEquals(perpB, book.instrumentId(b, "deribit:BTC-PERPETUAL"));
        assertEquals("sim-b BTC/deribit:BTC-PERPETUAL", book.instrumentKey(perpB));
        assertEquals(a, book.accountOf(perpA));
        assertEquals(b, book.accountOf(perpB));
        assertEquals(b, book.accountId("sim-b BTC"));
        assertEquals(-1, book.accountId("sim-c BTC"));
    }

    @Test
    void plainCanonicalIdFindsAnInstrumentHeldByOneAccountAndRefusesAnAmbiguousOne() {
        final int option = book.addInstrument(a, Fixtures.deribitOption(100_000, OptionType.CALL));
        assertEquals(option, book.instrumentId("deribit:BTC-25DEC26-100000-C"));
        assertEquals(-1, book.instrumentId("deribit:BTC-25DEC26-90000-C"));
        final IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class,
            () -> book.instrumentId("deribit:BTC-PERPETUAL"));
        assertTrue(ambiguous.getMessage().contains("sim-a BTC, sim-b BTC"), ambiguous.getMessage());
        assertTrue(ambiguous.getMessage().contains("<account name>/deribit:BTC-PERPETUAL"), ambiguous.getMessage());
    }

    @Test
    void defaultAccountNamesStayUniquePerVenueAndCurrency() {
        final MarginBook plain = new MarginBook(2, 4);
        final int deribit = plain.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        assertEquals("deribit BTC", plain.accountName(deribit));
        final IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
            () -> plain.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc()));
        assertTrue(twice.getMessage().contains("deribit BTC is already registered"), twice.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> plain.addAccount("a/b", Venue.DERIBIT, "ETH", DeribitStandardMarginModel.eth()));
        assertThrows(IllegalArgumentException.class,
            () -> book.addInstrument(a, Fixtures.deribitPerpetual()), "same instrument twice on one account");
    }

    @Test
    void eachAccountsSnapshotSetsOnlyItsOwnPositions() {
        final Position long100 = new Position(Fixtures.deribitPerpetual(), 100, 60_000, 60_000, 0, 0, 0, 0);
        book.onAccount(a, new AccountSnapshot(Venue.DERIBIT, "BTC", Fixtures.NOW_MS, 1, 1, 1, 0, 0, List.of(long100)));
        book.onAccount(b, new AccountSnapshot(Venue.DERIBIT, "BTC", Fixtures.NOW_MS, 1, 1, 1, 0, 0, List.of()));
        assertEquals(100, book.positionLots(perpA));
        assertEquals(0, book.positionLots(perpB));
        assertFalse(book.hasUnmodelledPositions(a));
        assertFalse(book.hasUnmodelledPositions(b));

        final Position unknownOption = new Position(Fixtures.deribitOption(80_000, OptionType.PUT), -3, 0.01, 0.01, 0, 0, 0, 0);
        book.onAccount(b, new AccountSnapshot(Venue.DERIBIT, "BTC", Fixtures.NOW_MS, 1, 1, 1, 0, 0, List.of(unknownOption)));
        assertTrue(book.hasUnmodelledPositions(b), "a position registered on neither account is unmodelled");
        assertEquals(100, book.positionLots(perpA), "account a unchanged");
    }
}
