package io.deltahedger.backtest.report;

import io.deltahedger.backtest.pnl.PnlLedger;
import io.deltahedger.backtest.pnl.PnlSummary;
import io.deltahedger.backtest.pnl.SeriesBuffer;
import io.deltahedger.venues.Venue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a backtest produced, ready to print or write ({@link ReportJson}, {@link ReportCsv}, {@link ReportHtml},
 * {@link ReportFiles}). Immutable and validated; every number finite.
 *
 * @param title        a title for people (e.g. the command line that ran it)
 * @param currency     the currency of every P&amp;L figure
 * @param startMs      replay start, epoch ms
 * @param endMs        replay end, epoch ms, &gt;= start
 * @param summary      the P&amp;L attribution and statistics
 * @param worstMargins the worst margin ratio per venue account that reported one
 * @param pnl          cumulative P&amp;L by component: {@code total, options, hedge, fees, slippage, funding}
 * @param delta        {@code net_delta, band_low, band_high} (empty when the run gave no delta samples)
 * @param margin       the margin ratio over time, one series per venue named by its code
 * @param notes        what the data source said about itself (e.g. a journal's sessions and skipped records, bad
 *                     rows); empty when nothing
 */
public record BacktestReport(
    String title,
    String currency,
    long startMs,
    long endMs,
    PnlSummary summary,
    List<WorstMargin> worstMargins,
    List<Series> pnl,
    List<Series> delta,
    List<Series> margin,
    List<String> notes)
{
    /** A margin ratio of +infinity (margin against zero or negative equity) is reported as this. */
    public static final double MARGIN_RATIO_CAP = 1e6;

    /** Names of the {@link #pnl()} series, in order (the ledger's column order). */
    public static final List<String> PNL_SERIES = List.of("total", "options", "hedge", "fees", "slippage", "funding");
    /** Names of the {@link #delta()} series, in order. */
    public static final List<String> DELTA_SERIES = List.of("net_delta", "band_low", "band_high");

    public BacktestReport
    {
        Objects.requireNonNull(title, "title");
        if (currency == null || currency.isBlank())
        {
            throw new IllegalArgumentException("backtest report needs a currency, got '" + currency + "'");
        }
        if (endMs < startMs)
        {
            throw new IllegalArgumentException("backtest report ends at " + endMs + " ms, before its start " + startMs);
        }
        Objects.requireNonNull(summary, "summary");
        worstMargins = List.copyOf(worstMargins);
        pnl = List.copyOf(pnl);
        delta = List.copyOf(delta);
        margin = List.copyOf(margin);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A report without notes. */
    public BacktestReport(final String title, final String currency, final long startMs, final long endMs,
                          final PnlSummary summary, final List<WorstMargin> worstMargins, final List<Series> pnl,
                          final List<Series> delta, final List<Series> margin)
    {
        this(title, currency, startMs, endMs, summary, worstMargins, pnl, delta, margin, List.of());
    }

    /** A copy with these notes. */
    public BacktestReport withNotes(final List<String> notes)
    {
        return new BacktestReport(title, currency, startMs, endMs, summary, worstMargins, pnl, delta, margin, notes);
    }

    /** The report of a ledger over {@code [startMs, endMs]}; the summary is the ledger's as of now. */
    public static BacktestReport of(final String title, final PnlLedger ledger, final long startMs, final long endMs)
    {
        final List<Series> pnl = columns(ledger.pnlSeries(), PNL_SERIES);
        final List<Series> delta = columns(ledger.deltaSeries(), DELTA_SERIES);
        final List<Series> margin = new ArrayList<>();
        final List<WorstMargin> worst = new ArrayList<>();
        for (final Venue venue : Venue.values())
        {
            final SeriesBuffer buffer = ledger.marginSeries(venue);
            if (buffer == null)
            {
                continue;
            }
            final double[] values = buffer.column(0);
            for (int i = 0; i < values.length; i++)
            {
                values[i] = Math.min(values[i], MARGIN_RATIO_CAP);
            }
            margin.add(new Series(venue.code(), buffer.times(), values));
            worst.add(new WorstMargin(venue.code(), Math.min(ledger.worstMarginRatio(venue), MARGIN_RATIO_CAP),
                ledger.worstMarginRatioAtMs(venue)));
        }
        return new BacktestReport(title, ledger.currency(), startMs, endMs, ledger.summary(), worst, pnl, delta, margin);
    }

    private static List<Series> columns(final SeriesBuffer buffer, final List<String> names)
    {
        final List<Series> series = new ArrayList<>(names.size());
        if (buffer.size() == 0)
        {
            return series;
        }
        final long[] times = buffer.times();
        for (int c = 0; c < names.size(); c++)
        {
            series.add(new Series(names.get(c), times, buffer.column(c)));
        }
        return series;
    }
}
