package io.deltahedger.backtest.report;

import io.deltahedger.backtest.pnl.PnlSummary;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A {@link BacktestReport} as one self-contained HTML page: the summary table and three inline SVG charts (net delta
 * against the band, cumulative P&amp;L by component, margin ratio per venue). No script, no external style sheet, font
 * or image, no network reference of any kind: it opens from disk anywhere. Written as well-formed XHTML-compatible
 * markup (every element closed, attributes quoted, text escaped) so an XML parser reads it too.
 *
 * <p>Long series are reduced for drawing to at most {@link #MAX_POINTS} points per line, keeping each bucket's
 * minimum and maximum so spikes stay visible; the CSV and JSON keep every sample.
 */
public final class ReportHtml
{
    /** Points per drawn line at most. */
    public static final int MAX_POINTS = 2_000;

    private static final String[] COLORS = {"#1f4e79", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d"};
    private static final int WIDTH = 960;
    private static final int HEIGHT = 320;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    private ReportHtml()
    {
    }

    /** The page. */
    public static String write(final BacktestReport report)
    {
        final StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
            .append(escape(report.title())).append("</title>\n<style>\n")
            .append("body { font-family: sans-serif; margin: 24px; color: #222; }\n")
            .append("table { border-collapse: collapse; }\n")
            .append("td, th { border: 1px solid #ccc; padding: 3px 10px; text-align: right; }\n")
            .append("th { text-align: left; background: #f4f4f4; }\n")
            .append("svg { border: 1px solid #ddd; background: #fff; }\n")
            .append(".legend span { margin-right: 18px; font-weight: bold; }\n")
            .append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(escape(report.title())).append("</h1>\n");
        out.append("<p>").append(Instant.ofEpochMilli(report.startMs())).append(" to ")
            .append(Instant.ofEpochMilli(report.endMs())).append(", P&amp;L in ").append(escape(report.currency()))
            .append("</p>\n");
        for (final String note : report.notes())
        {
            out.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
        summary(out, report);
        out.append("<h2>Net delta against the band</h2>\n");
        chart(out, report.delta(), List.of("#1f4e79", "#999999", "#999999"), new boolean[] {false, true, true}, Double.NaN);
        out.append("<h2>Cumulative P&amp;L by component (").append(escape(report.currency())).append(")</h2>\n");
        chart(out, report.pnl(), List.of(COLORS), null, Double.NaN);
        out.append("<h2>Maintenance margin ratio per venue (1.0 = liquidation)</h2>\n");
        chart(out, report.margin(), List.of(COLORS), null, 1.0);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void summary(final StringBuilder out, final BacktestReport report)
    {
        final PnlSummary s = report.summary();
        out.append("<table>\n");
        row(out, "Total P&amp;L", s.total());
        row(out, "Options", s.options());
        row(out, "Hedge", s.hedge());
        row(out, "Fees", s.fees());
        row(out, "Slippage against mid", s.slippage());
        row(out, "Funding", s.funding());
        row(out, "Cost of hedging", s.cost());
        row(out, "Hedging error (std-dev of daily hedged P&amp;L, " + s.hedgingErrorDays() + " days)", s.hedgingError());
        row(out, "Maximum drawdown", s.maxDrawdown());
        row(out, "Hedge turnover", s.hedgeTurnover());
        row(out, "Options turnover", s.optionsTurnover());
        out.append("<tr><th>Fills / orders / groups</th><td>").append(s.fills()).append(" / ").append(s.orders())
            .append(" / ").append(s.groups()).append("</td></tr>\n");
        for (final WorstMargin worst : report.worstMargins())
        {
            row(out, "Worst margin ratio, " + escape(worst.venue()) + " (at " + Instant.ofEpochMilli(worst.atMs()) + ")",
                worst.ratio());
        }
        out.append("</table>\n");
    }

    private static void row(final StringBuilder out, final String label, final double value)
    {
        out.append("<tr><th>").append(label).append("</th><td>").append(format(value)).append("</td></tr>\n");
    }

    private static void chart(final StringBuilder out, final List<Series> series, final List<String> colors,
                              final boolean[] dashed, final double referenceLine)
    {
        out.append("<div class=\"legend\">");
        for (int s = 0; s < series.size(); s++)
        {
            out.append("<span style=\"color: ").append(colors.get(s % colors.size())).append("\">")
                .append(escape(series.get(s).name())).append("</span>");
        }
        out.append("</div>\n<svg width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
            .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\">\n");
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (final Series s : series)
        {
            for (int i = 0; i < s.size(); i++)
            {
                t0 = Math.min(t0, s.timeAt(i));
                t1 = Math.max(t1, s.timeAt(i));
                y0 = Math.min(y0, s.valueAt(i));
                y1 = Math.max(y1, s.valueAt(i));
            }
        }
        if (t0 > t1)
        {
            out.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                .append("\" text-anchor=\"middle\">no samples</text>\n</svg>\n");
            return;
        }
        if (y0 == y1)
        {
            y0 -= 1;
            y1 += 1;
        }
        if (t0 == t1)
        {
            t1 = t0 + 1;
        }
        final Frame frame = new Frame(t0, t1, y0, y1);
        axes(out, frame);
        if (referenceLine >= y0 && referenceLine <= y1)
        {
            final double y = frame.y(referenceLine);
            out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(fmt(y))
                .append("\" stroke=\"#e74c3c\" stroke-dasharray=\"6 4\"/>\n");
        }
        for (int s = 0; s < series.size(); s++)
        {
            polyline(out, series.get(s), frame, colors.get(s % colors.size()), dashed != null && dashed[s]);
        }
        out.append("</svg>\n");
    }

    private record Frame(long t0, long t1, double y0, double y1)
    {
        double x(final long t)
        {
            return LEFT + (double) (t - t0) / (t1 - t0) * (WIDTH - LEFT - RIGHT);
        }

        double y(final double v)
        {
            return HEIGHT - BOTTOM - (v - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static void axes(final StringBuilder out, final Frame f)
    {
        out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
            .append(WIDTH - RIGHT).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#444\"/>\n");
        out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
            .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#444\"/>\n");
        // Tick labels rounded to the grid's resolution: three significant digits of the step between them.
        final double step = (f.y1() - f.y0()) / 4.0;
        final int decimals = Math.max(0, Math.min(12, 2 - (int) Math.floor(Math.log10(step))));
        for (int k = 0; k <= 4; k++)
        {
            final double v = f.y0() + step * k;
            final double y = f.y(v);
            out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#eee\"/>\n");
            out.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                .append("\" text-anchor=\"end\" font-size=\"11\">")
                .append(new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString())
                .append("</text>\n");
        }
        out.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 12).append("\" font-size=\"11\">")
            .append(Instant.ofEpochMilli(f.t0())).append("</text>\n");
        out.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 12)
            .append("\" text-anchor=\"end\" font-size=\"11\">").append(Instant.ofEpochMilli(f.t1())).append("</text>\n");
    }

    private static void polyline(final StringBuilder out, final Series s, final Frame f, final String color,
                                 final boolean dashed)
    {
        out.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\"");
        if (dashed)
        {
            out.append(" stroke-dasharray=\"4 3\"");
        }
        out.append(" points=\"");
        final int n = s.size();
        final int bucket = Math.max(1, (int) Math.ceil(n / (MAX_POINTS / 2.0)));
        for (int start = 0; start < n; start += bucket)
        {
            final int end = Math.min(n, start + bucket);
            int min = start;
            int max = start;
            for (int i = start + 1; i < end; i++)
            {
                if (s.valueAt(i) < s.valueAt(min))
                {
                    min = i;
                }
                if (s.valueAt(i) > s.valueAt(max))
                {
                    max = i;
                }
            }
            point(out, s, f, Math.min(min, max));
            if (min != max)
            {
                point(out, s, f, Math.max(min, max));
            }
        }
        out.append("\"/>\n");
    }

    private static void point(final StringBuilder out, final Series s, final Frame f, final int i)
    {
        out.append(fmt(f.x(s.timeAt(i)))).append(',').append(fmt(f.y(s.valueAt(i)))).append(' ');
    }

    private static String fmt(final double pixel)
    {
        return String.format(Locale.ROOT, "%.1f", pixel);
    }

    /** A figure for people: up to 8 significant digits, no exponent for ordinary magnitudes. */
    static String format(final double value)
    {
        final double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e9))
        {
            return String.format(Locale.ROOT, "%.6e", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }

    /** Escapes text for element content and attribute values. */
    static String escape(final String text)
    {
        final StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
