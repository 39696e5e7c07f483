package io.deltahedger.backtest.report;

import io.deltahedger.backtest.pnl.PnlSummary;

import java.time.Instant;
import java.util.List;

/**
 * A {@link BacktestReport} as CSV for spreadsheets and pandas: a summary ({@code key,value}), and the time series
 * ({@code time_ms,time_utc,...}). Numbers are Java's shortest exact decimal form ({@code 1.0E-5} style for small ones),
 * times epoch ms and ISO-8601 UTC. RFC 4180 quoting where a text needs it.
 */
public final class ReportCsv
{
    private ReportCsv()
    {
    }

    /** {@code key,value} rows: the run, every summary figure and the worst margin ratio per venue. */
    public static String summary(final BacktestReport report)
    {
        final PnlSummary s = report.summary();
        final StringBuilder out = new StringBuilder("key,value\n");
        row(out, "title", quote(report.title()));
        row(out, "currency", quote(report.currency()));
        row(out, "start_utc", Instant.ofEpochMilli(report.startMs()).toString());
        row(out, "end_utc", Instant.ofEpochMilli(report.endMs()).toString());
        row(out, "total_pnl", s.total());
        row(out, "options_pnl", s.options());
        row(out, "hedge_pnl", s.hedge());
        row(out, "fees", s.fees());
        row(out, "slippage", s.slippage());
        row(out, "funding", s.funding());
        row(out, "cost", s.cost());
        row(out, "hedging_error", s.hedgingError());
        row(out, "hedging_error_days", s.hedgingErrorDays());
        row(out, "max_drawdown", s.maxDrawdown());
        row(out, "hedge_turnover", s.hedgeTurnover());
        row(out, "options_turnover", s.optionsTurnover());
        row(out, "fills", s.fills());
        row(out, "orders", s.orders());
        row(out, "groups", s.groups());
        for (final WorstMargin worst : report.worstMargins())
        {
            row(out, "worst_margin_ratio_" + worst.venue(), worst.ratio());
            row(out, "worst_margin_ratio_" + worst.venue() + "_utc", Instant.ofEpochMilli(worst.atMs()).toString());
        }
        return out.toString();
    }

    /** Cumulative P&amp;L by component: {@code time_ms,time_utc,total,options,hedge,fees,slippage,funding}. */
    public static String pnl(final BacktestReport report)
    {
        return columns(report.pnl(), BacktestReport.PNL_SERIES);
    }

    /** Net delta against the band: {@code time_ms,time_utc,net_delta,band_low,band_high}. */
    public static String delta(final BacktestReport report)
    {
        return columns(report.delta(), BacktestReport.DELTA_SERIES);
    }

    /** Margin ratio per venue, long format: {@code time_ms,time_utc,venue,ratio}. */
    public static String margin(final BacktestReport report)
    {
        final StringBuilder out = new StringBuilder("time_ms,time_utc,venue,ratio\n");
        for (final Series series : report.margin())
        {
            for (int i = 0; i < series.size(); i++)
            {
                out.append(series.timeAt(i)).append(',').append(Instant.ofEpochMilli(series.timeAt(i))).append(',')
                    .append(quote(series.name())).append(',').append(series.valueAt(i)).append('\n');
            }
        }
        return out.toString();
    }

    /** Series sampled at the same times, side by side. */
    private static String columns(final List<Series> series, final List<String> names)
    {
        final StringBuilder out = new StringBuilder("time_ms,time_utc");
        for (final String name : names)
        {
            out.append(',').append(name);
        }
        out.append('\n');
        if (series.isEmpty())
        {
            return out.toString();
        }
        final Series first = series.get(0);
        for (int i = 0; i < first.size(); i++)
        {
            out.append(first.timeAt(i)).append(',').append(Instant.ofEpochMilli(first.timeAt(i)));
            for (final Series s : series)
            {
                out.append(',').append(s.valueAt(i));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void row(final StringBuilder out, final String key, final Object value)
    {
        out.append(key).append(',').append(value).append('\n');
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
    static String quote(final String text)
    {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0)
        {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
