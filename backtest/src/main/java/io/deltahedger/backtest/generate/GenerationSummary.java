package io.deltahedger.backtest.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link MarketGenerator#generate} wrote.
 *
 * @param files      the gzipped CSV files, by data type then day.
 * @param chainRows  options_chain rows.
 * @param bookRows   book_snapshot_25 rows.
 * @param incrementalBookRows incremental_book_L2 rows.
 * @param tickerRows derivative_ticker rows.
 * @param tradeRows  trades rows.
 * @param firstIndex the index price at the start, USD.
 * @param lastIndex  the index price at the end, USD.
 */
public record GenerationSummary(
    List<Path> files, long chainRows, long bookRows, long incrementalBookRows, long tickerRows, long tradeRows,
    double firstIndex, double lastIndex)
{
    public GenerationSummary
    {
        files = List.copyOf(files);
    }
}
