package io.deltahedger.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deltahedger bench latency} end to end on a small book: the figures are measured (ordered percentiles, a
 * positive rate, every event accounted for by an outcome), and bad arguments are usage errors naming the value.
 */
class BenchCommandTest
{
    private final ObjectMapper json = new ObjectMapper();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void measuresTickToDecisionAndReportsOrderedPercentilesAsJson() throws Exception
    {
        assertEquals(0, run("bench", "latency", "--options", "40", "--underlyings", "3", "--events", "3000",
            "--warmup", "2000", "--output", "json"), err.toString());
        final JsonNode node = json.readTree(out.toString());
        final double p50 = node.get("p50_us").asDouble();
        final double p99 = node.get("p99_us").asDouble();
        final double p999 = node.get("p999_us").asDouble();
        final double max = node.get("max_us").asDouble();
        assertTrue(p50 > 0 && p50 <= p99 && p99 <= p999 && p999 <= max, out.toString());
        assertTrue(node.get("events_per_second").asDouble() > 0, out.toString());
        assertEquals(3, node.get("underlyings").asInt());
        long outcomes = 0;
        for (final var it = node.fieldNames(); it.hasNext(); )
        {
            final String name = it.next();
            if (name.startsWith("outcome_"))
            {
                outcomes += node.get(name).asLong();
            }
        }
        assertEquals(3000, outcomes, "every measured event has one outcome: " + out);
        assertTrue(node.has("outcome_approved") || node.has("outcome_no_action"), out.toString());
        // the gated figures are numbers, or null when no event reached the gate: never the string "NaN"
        for (final String gated : new String[] {"gated_p50_us", "gated_max_us"})
        {
            assertTrue(node.get(gated).isNull() == (node.get("gated_events").asLong() == 0)
                && (node.get(gated).isNull() || node.get(gated).isNumber()), gated + " in " + out);
        }
    }

    @Test
    void journalsTheRunWhenAskedIntoAJournalThatVerifies(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir)
        throws Exception
    {
        final java.nio.file.Path journal = dir.resolve("journal");
        assertEquals(0, run("bench", "latency", "--options", "40", "--underlyings", "2", "--events", "2000",
            "--warmup", "1000", "--journal", journal.toString(), "--output", "json"), err.toString());
        final JsonNode node = json.readTree(out.toString());
        assertEquals(journal.toString(), node.get("journal").asText());
        // 5,000 market events, two in three (index moves and tickers) give the margin book something: a MARKET each
        assertTrue(node.get("journal_records").asLong() > 3_300, out.toString());
        final io.deltahedger.hedger.journal.VerificationReport report = new io.deltahedger.hedger.journal.JournalVerifier(
            null).verify(io.deltahedger.hedger.journal.JournalFormat.filesIn(journal));
        assertTrue(report.ok(), report.render());
    }

    @Test
    void refusesAJournalDirectoryThatIsNotEmpty(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir)
        throws Exception
    {
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "mine");
        assertEquals(2, run("bench", "latency", "--journal", dir.toString()));
        assertTrue(err.toString().contains("journal directory " + dir + " is not empty"), err.toString());
    }

    @Test
    void refusesTooFewEventsNamingTheValue()
    {
        assertEquals(2, run("bench", "latency", "--events", "10"));
        assertTrue(err.toString().contains("events must be at least 1000") && err.toString().contains("10"),
            err.toString());
    }

    @Test
    void refusesAnUnknownWaitStrategy()
    {
        assertEquals(2, run("bench", "latency", "--wait-strategy", "spinning"));
        assertTrue(err.toString().contains("unknown wait strategy 'spinning'"), err.toString());
    }

    @Test
    void benchWithoutAMeasurementSaysWhichExist()
    {
        assertEquals(2, run("bench"));
        assertTrue(err.toString().contains("'latency'"), err.toString());
    }
}
