package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.tardis.BadRows;
import io.deltahedger.backtest.tardis.TardisFileReader;
import io.deltahedger.backtest.tardis.TardisMerge;
import io.deltahedger.backtest.tardis.UnknownSymbols;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tardis CSV files merged by local timestamp ({@link TardisMerge}); the instruments are registered from the files'
 * names ({@link ReplayInstruments}). Redundant book snapshots are dropped ({@link
 * ReplayInstruments#withoutRedundantSnapshots}); bad rows are counted, or fatal when strict.
 */
final class TardisSource implements MarketSource
{
    private final InstrumentRegistry registry;
    private final BadRows badRows;
    private final List<CountingInput> inputs = new ArrayList<>();
    private final TardisMerge merge;
    private final long totalBytes;
    private long timeMs = Long.MIN_VALUE;

    TardisSource(final List<Path> files, final boolean strict) throws IOException
    {
        registry = ReplayInstruments.scan(files);
        badRows = strict ? BadRows.strict() : BadRows.lenient();
        long total = 0;
        final List<TardisFileReader> readers = new ArrayList<>();
        try
        {
            for (final Path file : ReplayInstruments.withoutRedundantSnapshots(files))
            {
                total += Files.size(file);
                final CountingInput in = new CountingInput(Files.newInputStream(file));
                inputs.add(in);
                readers.add(TardisFileReader.open(file.getFileName().toString(), in, registry, badRows,
                    UnknownSymbols.BAD_ROW));
            }
        }
        catch (final IOException | RuntimeException e)
        {
            for (final TardisFileReader r : readers)
            {
                r.close();
            }
            throw e;
        }
        totalBytes = total;
        merge = new TardisMerge(readers);
    }

    @Override
    public InstrumentRegistry registry()
    {
        return registry;
    }

    @Override
    public boolean next() throws IOException
    {
        if (!merge.next())
        {
            return false;
        }
        // local timestamps may step back across files of different days' clocks; replay time never does
        timeMs = Math.max(timeMs, Math.floorDiv(merge.localTimestampUs(), 1000L));
        return true;
    }

    @Override
    public MarketDataEvent event()
    {
        return merge.event();
    }

    @Override
    public long timeMs()
    {
        return timeMs;
    }

    @Override
    public long bytesRead()
    {
        long read = 0;
        for (final CountingInput in : inputs)
        {
            read += in.count;
        }
        return read;
    }

    @Override
    public long totalBytes()
    {
        return totalBytes;
    }

    @Override
    public long badCount()
    {
        return badRows.total();
    }

    @Override
    public String badSummary()
    {
        return badRows.summary();
    }

    @Override
    public List<String> badMessages()
    {
        return badRows.messages();
    }

    @Override
    public void close() throws IOException
    {
        merge.close();
    }
}
