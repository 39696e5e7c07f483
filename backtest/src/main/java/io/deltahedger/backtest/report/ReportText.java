package io.deltahedger.backtest.report;

import io.deltahedger.backtest.pnl.PnlSummary;

import java.time.Instant;

/** A {@link BacktestReport}'s summary as aligned text for a terminal (what the CLI prints without {@code --output}). */
public final class ReportText
{
    private ReportText()
    {
    }

    /** Label-value lines; figures in the report's currency with up to 8 significant digits. */
    public static String summary(final BacktestReport report)
    {
        final PnlSummary s = report.summary();
        final StringBuilder out = new StringBuilder(1024);
        out.append(report.title()).append('\n')
            .append(Instant.ofEpochMilli(report.startMs())).append(" to ").append(Instant.ofEpochMilli(report.endMs()))
            .append(", P&L in ").append(report.currency()).append('\n');
        line(out, "total P&L", s.total());
        line(out, "  options", s.options());
        line(out, "  hedge", s.hedge());
        line(out, "  fees", s.fees());
        line(out, "  slippage vs mid", s.slippage());
        line(out, "  funding", s.funding());
        line(out, "cost of hedging", s.cost());
        line(out, "hedging error (" + s.hedgingErrorDays() + " days)", s.hedgingError());
        line(out, "max drawdown", s.maxDrawdown());
        line(out, "hedge turnover", s.hedgeTurnover());
        line(out, "options turnover", s.optionsTurnover());
        out.append(String.format("%-28s %d / %d / %d%n", "fills / orders / groups", s.fills(), s.orders(), s.groups()));
        for (final WorstMargin worst : report.worstMargins())
        {
            out.append(String.format("%-28s %s at %s%n", "worst margin " + worst.venue(), ReportHtml.format(worst.ratio()),
                Instant.ofEpochMilli(worst.atMs())));
        }
        return out.toString();
    }

    private static void line(final StringBuilder out, final String label, final double value)
    {
        out.append(String.format("%-28s %s%n", label, ReportHtml.format(value)));
    }
}
