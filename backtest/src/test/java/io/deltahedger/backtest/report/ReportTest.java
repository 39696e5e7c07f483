package io.deltahedger.backtest.report;

import io.deltahedger.backtest.pnl.PnlLedger;
import io.deltahedger.backtest.pnl.ValueConvention;
import io.deltahedger.venues.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest
{
    private static final long HOUR = 3_600_000L;
    private static final long T0 = 19_000L * 86_400_000L;

    /** A three-day run: a short call hedged with a perpetual, deltas against a band, two venues' margin. */
    static BacktestReport sampleReport(final int samples)
    {
        final PnlLedger ledger = new PnlLedger("BTC");
        final int option = ledger.add("deribit:BTC-27DEC24-60000-C", ValueConvention.LINEAR, PnlLedger.Book.OPTIONS);
        final int perp = ledger.add("deribit:BTC-PERPETUAL", ValueConvention.INVERSE, PnlLedger.Book.HEDGE);
        ledger.onFill(option, T0, -10.0, 0.05, 0.05, 0.0);
        ledger.onFill(perp, T0, 150_000.0, 30_005.0, 30_000.0, 0.0025);
        ledger.onOrder();
        ledger.onGroup();
        final long step = 72 * HOUR / samples;
        for (int i = 0; i < samples; i++)
        {
            final long t = T0 + i * step;
            final double spot = 30_000.0 * (1 + 0.03 * Math.sin(i * 0.01));
            ledger.onMark(option, 0.05 + (spot - 30_000.0) / 30_000.0 * 0.5);
            ledger.onMark(perp, spot);
            ledger.onNetDelta(t, 0.3 * Math.sin(i * 0.05), -0.25, 0.25);
            ledger.onMarginRatio(Venue.DERIBIT, t, 0.2 + 0.1 * Math.cos(i * 0.02));
            ledger.onMarginRatio(Venue.BINANCE_USDM, t, i == samples / 2 ? Double.POSITIVE_INFINITY : 0.1);
            if (i % 97 == 0)
            {
                ledger.onFundingPayment(t, -1e-5);
            }
            ledger.sample(t);
        }
        return BacktestReport.of("short 10 BTC-27DEC24-60000-C, band 0.25 BTC <&> \"quoted\"", ledger, T0,
            T0 + (samples - 1) * step);
    }

    @Test
    void jsonRoundTripsToAnEqualReport()
    {
        final BacktestReport report = sampleReport(500);
        final String json = ReportJson.write(report);
        final BacktestReport back = ReportJson.read(json);
        assertEquals(report, back);
        assertEquals(report.summary(), back.summary());
        assertEquals(6, back.pnl().size());
        assertEquals(BacktestReport.MARGIN_RATIO_CAP, back.worstMargins().get(1).ratio(), "infinity is capped, not NaN");
        assertTrue(json.contains("\"hedgingError\""), "field names are the record components");
    }

    @Test
    void jsonThatIsNotAReportIsRefusedClearly()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ReportJson.read("{\"title\": \"x\", \"nonsense\": 1}"));
        assertTrue(e.getMessage().startsWith("not a deltahedger backtest report"), e.getMessage());
    }

    @Test
    void htmlHasNoNetworkReferenceAndIsWellFormedWithThreeCharts() throws Exception
    {
        final String html = ReportHtml.write(sampleReport(500));
        final String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("http"), "no http(s) reference");
        assertFalse(lower.contains("<script"), "no script");
        assertFalse(lower.contains("src="), "no external source");
        assertFalse(lower.contains("<link"), "no external style sheet");
        assertFalse(lower.contains("url("), "no CSS url");

        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        final Document document = factory.newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        final NodeList svgs = document.getElementsByTagName("svg");
        assertEquals(3, svgs.getLength());
        assertEquals(3, ((Element) svgs.item(0)).getElementsByTagName("polyline").getLength(), "delta, low, high");
        assertEquals(6, ((Element) svgs.item(1)).getElementsByTagName("polyline").getLength(), "six P&L components");
        assertEquals(2, ((Element) svgs.item(2)).getElementsByTagName("polyline").getLength(), "two venues");
        assertEquals("short 10 BTC-27DEC24-60000-C, band 0.25 BTC <&> \"quoted\"",
            document.getElementsByTagName("title").item(0).getTextContent(), "the title is escaped, not broken");
    }

    @Test
    void longSeriesAreReducedForDrawingButKeepTheirExtremes()
    {
        final int n = 100_000;
        final long[] times = new long[n];
        final double[] values = new double[n];
        for (int i = 0; i < n; i++)
        {
            times[i] = T0 + i * 1_000L;
            values[i] = i == 54_321 ? 50.0 : Math.sin(i * 1e-3);
        }
        final PnlLedger empty = new PnlLedger("BTC");
        final BacktestReport base = BacktestReport.of("spike", empty, T0, T0 + n * 1_000L);
        final BacktestReport report = new BacktestReport(base.title(), base.currency(), base.startMs(), base.endMs(),
            base.summary(), List.of(), List.of(new Series("total", times, values)), List.of(), List.of());
        final String html = ReportHtml.write(report);
        final String points = html.substring(html.indexOf("points=\"") + 8);
        final String[] pairs = points.substring(0, points.indexOf('"')).trim().split(" ");
        assertTrue(pairs.length <= ReportHtml.MAX_POINTS, pairs.length + " points drawn");
        double top = Double.MAX_VALUE;
        for (final String pair : pairs)
        {
            top = Math.min(top, Double.parseDouble(pair.split(",")[1]));
        }
        assertEquals(20.0, top, 1e-9, "the spike reaches the top of the plot area");
    }

    @Test
    void csvHasOneRowPerSampleWithTheExactValues()
    {
        final BacktestReport report = sampleReport(50);
        final String[] lines = ReportCsv.pnl(report).split("\n");
        assertEquals("time_ms,time_utc,total,options,hedge,fees,slippage,funding", lines[0]);
        assertEquals(51, lines.length);
        final String[] last = lines[50].split(",");
        final Series total = report.pnl().get(0);
        assertEquals(total.timesMs()[49], Long.parseLong(last[0]));
        assertEquals(total.values()[49], Double.parseDouble(last[2]), 0.0);
        final String summary = ReportCsv.summary(report);
        assertTrue(summary.contains("title,\"short 10 BTC-27DEC24-60000-C, band 0.25 BTC <&> \"\"quoted\"\"\"\n"), summary);
        assertTrue(summary.contains("worst_margin_ratio_deribit," + (0.2 + 0.1) + "\n"), summary);
        final String margin = ReportCsv.margin(report);
        assertEquals(1 + 2 * 50, margin.split("\n").length);
        assertEquals(1 + 50, ReportCsv.delta(report).split("\n").length);
    }

    @Test
    void allFilesAreWrittenIntoTheDirectory(@TempDir final Path directory) throws Exception
    {
        final BacktestReport report = sampleReport(20);
        final List<Path> files = ReportFiles.write(report, directory.resolve("run-1"));
        assertEquals(6, files.size());
        for (final Path file : files)
        {
            assertTrue(Files.size(file) > 0, file + " is empty");
        }
        assertEquals(report, ReportJson.read(Files.readString(files.get(0))));
    }

    @Test
    void seriesRefuseNonFiniteValuesAndTimeGoingBack()
    {
        assertThrows(IllegalArgumentException.class, () -> new Series("x", new long[] {1}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new Series("x", new long[] {2, 1}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new Series("x", new long[] {1}, new double[] {0, 0}));
        assertNotEquals(new Series("x", new long[] {1}, new double[] {0}), new Series("x", new long[] {1}, new double[] {1}));
    }
    @Test
    void textSummaryShowsEveryComponentAndTheWorstMargins()
    {
        final BacktestReport report = sampleReport(50);
        final String text = ReportText.summary(report);
        assertTrue(text.startsWith(report.title() + "\n"), text);
        for (final String label : List.of("total P&L", "options", "hedge", "fees", "slippage vs mid", "funding",
            "hedging error (2 days)", "max drawdown", "worst margin deribit", "worst margin binance-usdm"))
        {
            assertTrue(text.contains(label), label + " missing in\n" + text);
        }
        assertTrue(text.contains(ReportHtml.format(report.summary().total())), text);
    }
}
