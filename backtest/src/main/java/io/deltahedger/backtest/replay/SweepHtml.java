package io.deltahedger.backtest.replay;

import java.util.List;
import java.util.Locale;

/**
 * A sweep's frontier as one self-contained page (no script, style sheet, font or network reference; well-formed
 * markup): the table of {@link Sweep#table} and an inline SVG scatter of cost against the hedged P&amp;L's step
 * standard deviation, each point labelled with its parameter value. Each point's own report sits in the
 * sub-directory named by its value.
 */
public final class SweepHtml
{
    private static final int W = 720;
    private static final int H = 420;
    private static final int M = 70;

    private SweepHtml()
    {
    }

    public static String write(final String title, final String parameter, final String currency,
                               final List<Sweep.Point> points)
    {
        final StringBuilder out = new StringBuilder(16 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
            .append(escape(title)).append("</title>\n<style>\nbody { font-family: sans-serif; margin: 24px; }\n")
            .append("table { border-collapse: collapse; }\ntd, th { border: 1px solid #ccc; padding: 3px 10px; "
                + "text-align: right; }\nsvg { border: 1px solid #ddd; }\n</style>\n</head>\n<body>\n<h1>")
            .append(escape(title)).append("</h1>\n<h2>Cost against hedging error, by ").append(escape(parameter))
            .append("</h2>\n<table>\n<tr><th>").append(escape(parameter)).append("</th><th>cost (")
            .append(escape(currency)).append(")</th><th>hedging error (daily)</th><th>rms net delta</th>")
            .append("<th>hedged P&amp;L step std</th><th>total (").append(escape(currency))
            .append(")</th><th>groups</th><th>fills</th><th>report</th></tr>\n");
        for (final Sweep.Point p : points)
        {
            final String v = Sweep.trim(p.value());
            out.append("<tr><td>").append(escape(v)).append("</td><td>").append(num(p.cost())).append("</td><td>")
                .append(num(p.hedgingError())).append("</td><td>").append(num(p.rmsNetDelta())).append("</td><td>")
                .append(num(p.hedgedPnlStepStd())).append("</td><td>").append(num(p.result().report().summary().total()))
                .append("</td><td>").append(p.result().report().summary().groups()).append("</td><td>")
                .append(p.result().report().summary().fills()).append("</td><td><a href=\"")
                .append(escape(directoryOf(parameter, p.value()))).append("/report.html\">report</a></td></tr>\n");
        }
        out.append("</table>\n");
        scatter(out, points);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /** The sub-directory of one point's report, e.g. {@code band=0.2}. */
    public static String directoryOf(final String parameter, final double value)
    {
        return parameter + "=" + Sweep.trim(value);
    }

    private static void scatter(final StringBuilder out, final List<Sweep.Point> points)
    {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (final Sweep.Point p : points)
        {
            minX = Math.min(minX, p.hedgedPnlStepStd());
            maxX = Math.max(maxX, p.hedgedPnlStepStd());
            minY = Math.min(minY, p.cost());
            maxY = Math.max(maxY, p.cost());
        }
        if (maxX - minX <= 0)
        {
            maxX = minX + 1e-12;
        }
        if (maxY - minY <= 0)
        {
            maxY = minY + 1e-12;
        }
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
            .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\">\n");
        out.append("<line x1=\"").append(M).append("\" y1=\"").append(H - M).append("\" x2=\"").append(W - 20)
            .append("\" y2=\"").append(H - M).append("\" stroke=\"#444\"/>\n");
        out.append("<line x1=\"").append(M).append("\" y1=\"20\" x2=\"").append(M).append("\" y2=\"").append(H - M)
            .append("\" stroke=\"#444\"/>\n");
        out.append("<text x=\"").append(W / 2).append("\" y=\"").append(H - 20)
            .append("\" text-anchor=\"middle\">hedged P&amp;L step std (").append(num(minX)).append(" .. ")
            .append(num(maxX)).append(")</text>\n");
        out.append("<text x=\"16\" y=\"").append(H / 2).append("\" transform=\"rotate(-90 16 ").append(H / 2)
            .append(")\" text-anchor=\"middle\">cost (").append(num(minY)).append(" .. ").append(num(maxY))
            .append(")</text>\n");
        for (final Sweep.Point p : points)
        {
            final double x = M + (p.hedgedPnlStepStd() - minX) / (maxX - minX) * (W - M - 40);
            final double y = H - M - (p.cost() - minY) / (maxY - minY) * (H - M - 40);
            out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#1f4e79\"/>%n", x, y));
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 8, y - 6,
                escape(Sweep.trim(p.value()))));
        }
        out.append("</svg>\n");
    }

    private static String num(final double v)
    {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String escape(final String s)
    {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
