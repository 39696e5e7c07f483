package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.pnl.PnlSummary;
import io.deltahedger.backtest.report.ReportJson;
import io.deltahedger.backtest.report.Series;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped sample day through the real pipeline and a simulated Deribit account. */
class SampleBacktestTest
{
    static final Path SAMPLE = Path.of("src/main/resources/sample");

    static List<Path> sampleFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(SAMPLE))
        {
            return files.filter(f -> f.toString().endsWith(".csv.gz")).sorted().toList();
        }
    }

    static BacktestConfig strangle(final double band) throws IOException
    {
        return BacktestConfig.of(sampleFiles(), new BookSource.ShortStrangle("BTC", 0.25, 5), "BTC", band, 50, false);
    }

    @Test
    void theSampleDayIsHedgedThroughThePipelineWithFillsOnTheSimulatedVenue() throws IOException
    {
        final BacktestResult result = Backtest.run(strangle(0.5));
        final PnlSummary s = result.report().summary();
        assertTrue(result.halts().isEmpty(), () -> "stage exceptions: " + result.halts());
        assertEquals(0, result.badRows(), result.badRowSummary());
        assertTrue(result.orders() > 0, "orders were sent");
        assertTrue(s.fills() > 2, "the hedge was filled on the simulated venue: " + s.fills());
        for (final double v : new double[] {s.total(), s.options(), s.hedge(), s.fees(), s.slippage(), s.funding()})
        {
            assertTrue(Double.isFinite(v));
        }
        assertEquals(s.total(), s.options() + s.hedge() + s.fees() + s.slippage() + s.funding(), 1e-9);
        // net delta mostly inside the band (a group takes latency to fill; the first hedge starts outside)
        final Series delta = result.report().delta().get(0);
        final Series low = result.report().delta().get(1);
        final Series high = result.report().delta().get(2);
        int inside = 0;
        for (int i = 0; i < delta.values().length; i++)
        {
            if (delta.values()[i] >= low.values()[i] - 1e-9 && delta.values()[i] <= high.values()[i] + 1e-9)
            {
                inside++;
            }
        }
        assertTrue(delta.values().length > 100, "delta sampled every minute: " + delta.values().length);
        assertTrue(inside >= 0.9 * delta.values().length, inside + " of " + delta.values().length + " inside the band");
    }

    @Test
    void theSameInputGivesTheSameReport() throws IOException
    {
        final String first = ReportJson.write(Backtest.run(strangle(0.2)).report());
        final String second = ReportJson.write(Backtest.run(strangle(0.2)).report());
        assertEquals(first, second);
    }
}
