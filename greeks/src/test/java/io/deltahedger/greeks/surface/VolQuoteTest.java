package io.deltahedger.greeks.surface;

import static io.deltahedger.greeks.surface.SviParametersTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class VolQuoteTest {

    @Test
    void bidAskQuoteAimsAtTheMidAndKnowsItsSpread() {
        final VolQuote q = VolQuote.bidAsk("BTC-27DEC26-90000-C", 90_000, 0.50, 0.54);
        assertEquals(0.52, q.midVol(), 1e-15);
        assertEquals(0.04, q.spreadVol(), 1e-15);
        assertFalse(q.isMark());
        assertTrue(q.vega().isEmpty());
        assertEquals(12.5, q.withVega(12.5).vega().getAsDouble());
    }

    @Test
    void markQuoteHasNoSpread() {
        final VolQuote q = VolQuote.mark("ETH-27DEC26-4000-P", 4000, 0.61);
        assertEquals(0.61, q.midVol());
        assertEquals(0, q.spreadVol());
        assertTrue(q.isMark());
    }

    @Test
    void rejectsBadQuotesNamingTheQuoteTheValueAndTheFix() {
        assertMessage(() -> VolQuote.mark("Q1", 100, Double.NaN), "quote 'Q1'", "NaN");
        assertMessage(() -> VolQuote.mark("Q2", 100, -0.2), "quote 'Q2'", "-0.2");
        assertMessage(() -> VolQuote.bidAsk("Q3", 100, 0.6, 0.5), "quote 'Q3'", "crossed", "0.6", "0.5");
        assertMessage(() -> VolQuote.mark("Q4", 0, 0.5), "quote 'Q4'", "strike must be finite and > 0", "0.0");
        assertMessage(() -> VolQuote.mark("Q5", -5, 0.5), "quote 'Q5'", "-5.0");
        assertMessage(() -> VolQuote.mark("Q6", Double.NaN, 0.5), "quote 'Q6'", "strike", "NaN");
        assertMessage(() -> VolQuote.mark("Q7", 100, 55.0), "quote 'Q7'", "looks like a percentage");
        assertMessage(() -> VolQuote.bidAsk("Q8", 100, 0.0, 0.5), "quote 'Q8'", "bid IV", "no bid or offer");
        assertMessage(() -> VolQuote.mark("Q9", 100, 0.5).withVega(Double.NaN), "quote 'Q9'", "vega", "NaN");
        assertMessage(() -> VolQuote.mark(" ", 100, 0.5), "label must be non-blank", "100.0");
    }

    @Test
    void sliceRejectsBadExpiryForwardAndDuplicateStrikes() {
        final List<VolQuote> quotes = List.of(VolQuote.mark("A", 100, 0.5));
        assertMessage(() -> new SliceQuotes(0, 100, quotes), "expiryYears must be finite and > 0", "0.0");
        assertMessage(() -> new SliceQuotes(-1, 100, quotes), "expiryYears", "-1.0");
        assertMessage(() -> new SliceQuotes(0.5, Double.NaN, quotes), "forward must be finite and > 0", "NaN");
        assertMessage(() -> new SliceQuotes(0.5, 100, List.of()), "no quotes");
        assertMessage(() -> new SliceQuotes(0.5, 100, List.of(VolQuote.mark("A", 100, 0.5),
                VolQuote.mark("B", 100, 0.52))), "two quotes at strike 100.0", "'A'", "'B'");
    }

    @Test
    void sliceComputesLogMoneynessAgainstItsForward() {
        final SliceQuotes slice = new SliceQuotes(0.5, 100, List.of(VolQuote.mark("A", 110, 0.5)));
        assertEquals(Math.log(1.1), slice.logMoneyness(0), 1e-15);
    }
}
