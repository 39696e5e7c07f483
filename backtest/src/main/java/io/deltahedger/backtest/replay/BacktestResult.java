package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.report.BacktestReport;

import java.util.List;
import java.util.Map;

/**
 * What a historical backtest produced.
 *
 * @param report           the P&amp;L report (JSON, CSV, HTML through {@code ReportFiles.write})
 * @param badRows          bad rows counted (skipped; in strict mode the run throws at the first)
 * @param badRowSummary    {@code BadRows.summary()}, e.g. "3 bad rows: NOT_A_NUMBER=2 CROSSED_BOOK=1"
 * @param badRowMessages   the first bad rows' {@code file:line: KIND: ...} messages
 * @param events           events replayed (all files, merged)
 * @param pipelineEvents   market-data events handed to the hedging pipeline (the perpetual and the book's options)
 * @param orders           orders the execution stage sent to the simulated venue
 * @param groups           rebalancing groups that ended (any state)
 * @param reportsDropped   venue reports that arrived while no pipeline was running (between an expiry and the roll)
 * @param bookEvents       the options book's life: each option entered (at its mark) and settled (at expiry)
 * @param results          pipeline outcomes by {@code PipelineResult} name
 * @param halts            stage exceptions (none in a sound run)
 * @param instruments      instruments registered from the files' names (or the journal's HEADER)
 */
public record BacktestResult(
    BacktestReport report,
    long badRows,
    String badRowSummary,
    List<String> badRowMessages,
    long events,
    long pipelineEvents,
    long orders,
    long groups,
    long reportsDropped,
    List<BookEvent> bookEvents,
    Map<String, Long> results,
    List<String> halts,
    int instruments)
{
    /**
     * An option entering the book or settling.
     *
     * @param entered    true when written (or bought) into the book at its mark, false when settled at expiry
     * @param instrument the Deribit name
     * @param contracts  signed contracts (coins)
     * @param priceCoin  the mark it entered at, or the settlement value (intrinsic over the index), coin
     * @param index      the index then (at settlement: the average of the last 30 minutes' index prints), USD
     * @param timeMs     replay time
     */
    public record BookEvent(boolean entered, String instrument, double contracts, double priceCoin, double index,
                            long timeMs)
    {
        @Override
        public String toString()
        {
            return (entered ? "entered " : "settled ") + instrument + " " + contracts + " at " + priceCoin + " (index "
                + index + ") " + java.time.Instant.ofEpochMilli(timeMs);
        }
    }

    public BacktestResult
    {
        badRowMessages = List.copyOf(badRowMessages);
        bookEvents = List.copyOf(bookEvents);
        results = Map.copyOf(results);
        halts = List.copyOf(halts);
    }
}
