package io.deltahedger.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KeySuggestionsTest
{
    private static final List<String> KEYS = List.of("threshold", "max-snapshot-age", "shock", "alerts", "de-risk");

    @Test
    void suggestsTheKeyOneOrTwoEditsAway()
    {
        assertEquals("threshold", KeySuggestions.closest("treshold", KEYS));
        assertEquals("threshold", KeySuggestions.closest("threshlod", KEYS));
        assertEquals("alerts", KeySuggestions.closest("alert", KEYS));
    }

    @Test
    void ignoresCaseDashesAndUnderscores()
    {
        assertEquals("max-snapshot-age", KeySuggestions.closest("maxSnapshotAge", KEYS));
        assertEquals("de-risk", KeySuggestions.closest("de_risk", KEYS));
    }

    @Test
    void suggestsNothingForUnrelatedWords()
    {
        assertNull(KeySuggestions.closest("colour", KEYS));
        assertNull(KeySuggestions.closest("shk", KEYS));
    }

    @Test
    void countsATranspositionAsOneEdit()
    {
        assertEquals(1, KeySuggestions.distance("shcok", "shock"));
        assertEquals(3, KeySuggestions.distance("kitten", "sitting"));
    }
}
