package io.deltahedger.backtest.replay;

import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;

import java.io.IOException;
import java.util.List;

/**
 * The market data a backtest replays, in the order and at the times it was received: Tardis files
 * ({@link TardisSource}) or the agent's journal ({@link JournalSource}). Events name instruments by their index in
 * {@link #registry()}. Single-threaded; the event returned stays valid until the next {@link #next()}.
 */
interface MarketSource extends AutoCloseable
{
    /** Every instrument an event may name, fixed before the first {@link #next()}. */
    InstrumentRegistry registry();

    /**
     * Moves to the next event.
     *
     * @return false at the end of the data
     */
    boolean next() throws IOException;

    /** The current event. */
    MarketDataEvent event();

    /** When the current event was received, epoch ms (never before the previous event's). */
    long timeMs();

    /** Bytes of the input consumed so far (compressed bytes for gzipped files), for the progress bar. */
    long bytesRead();

    /** The input's total size in bytes. */
    long totalBytes();

    /** Records or rows counted as bad (skipped; fatal under strict), e.g. "3 bad rows: NOT_A_NUMBER=2 ...". */
    long badCount();

    String badSummary();

    /** The first bad rows' messages, each naming file and line (or offset). */
    List<String> badMessages();

    /** What the source has to say about itself once read (e.g. a journal's sessions and skipped records), or "". */
    default String note()
    {
        return "";
    }

    @Override
    void close() throws IOException;
}
