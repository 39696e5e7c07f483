package io.deltahedger.backtest.replay;

import java.nio.file.Path;
import java.util.List;

/** Where a historical backtest's market data comes from (docs/backtest.md, "Historical backtest"). */
public sealed interface ReplayData
{
    /** Tardis CSV files (gzipped or not), merged by local timestamp; at least one. */
    record TardisFiles(List<Path> files) implements ReplayData
    {
        public TardisFiles
        {
            if (files == null || files.isEmpty())
            {
                throw new IllegalArgumentException("a backtest needs at least one Tardis file (--data FILE|DIR)");
            }
            files = List.copyOf(files);
        }
    }

    /**
     * The agent's own journal: a directory of {@code journal-YYYYMMDD.dhj} files whose MARKET_DATA records are the
     * market data the live pipeline received, replayed at the times it received them (docs/journal.md).
     */
    record AgentJournal(Path directory) implements ReplayData
    {
        public AgentJournal
        {
            if (directory == null)
            {
                throw new IllegalArgumentException("a journal backtest needs the journal's directory (--journal DIR)");
            }
        }
    }
}
